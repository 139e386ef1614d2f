import { raise } from "../_shared/validate.ts";

/**
 * The 32-bit FNV-1a hash of a string (Fowler–Noll–Vo, variant 1a): starting
 * from the offset basis $h_0 = 2166136261$, for each character code $c$
 *
 * $$ h \leftarrow (h \oplus c) \cdot 16777619 \bmod 2^{32}. $$
 *
 * Characters are taken as UTF-16 code units, so for ASCII text the result is
 * the standard byte-wise FNV-1a. Fast and well spread, not cryptographic.
 *
 * @param text Any string.
 * @returns An unsigned 32-bit integer.
 * @throws {TypeError} If `text` is not a string.
 *
 * @example The published test vectors
 * ```ts
 * import assert from "node:assert/strict";
 * import { fnv1a32 } from "@lib/text/mod.ts";
 * assert.equal(fnv1a32(""), 0x811c9dc5);
 * assert.equal(fnv1a32("a"), 0xe40c292c);
 * assert.equal(fnv1a32("foobar"), 0xbf9cf968);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function fnv1a32(text: string): number {
  if (typeof text !== "string") {
    raise("type", "hash a string", `text must be a string, got ${typeof text}`);
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
