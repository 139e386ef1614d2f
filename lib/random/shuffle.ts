import { assertInteger, raise } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "./rng.ts";

/**
 * Returns a shuffled copy of `items` (Fisher–Yates); the input is not changed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { shuffle } from "@lib/random/mod.ts";
 * const a = shuffle([1, 2, 3, 4, 5], { seed: 1 });
 * assert.deepEqual([...a].sort(), [1, 2, 3, 4, 5]);
 * assert.deepEqual(a, shuffle([1, 2, 3, 4, 5], { seed: 1 }));
 * ```
 */
export function shuffle<T>(items: ArrayLike<T>, options: RandomOptions): T[] {
  const context = "shuffle";
  if (items == null || typeof (items as ArrayLike<T>).length !== "number") {
    raise("type", context, "items must be an array");
  }
  const rng = resolveRng(options, context);
  const out = Array.from(items);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.random() * (i + 1));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

/**
 * A random permutation of 0 … n−1, as an `Int32Array`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { permutation } from "@lib/random/mod.ts";
 * assert.deepEqual([...permutation(4, { seed: 3 })].sort(), [0, 1, 2, 3]);
 * ```
 */
export function permutation(n: number, options: RandomOptions): Int32Array {
  assertInteger(n, "n", "draw a permutation", { min: 0 });
  const rng = resolveRng(options, "draw a permutation");
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.random() * (i + 1));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

/**
 * Draws `k` distinct items (sampling without replacement), in draw order.
 *
 * @throws {RangeError} If `k` exceeds the number of items.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sample } from "@lib/random/mod.ts";
 * const s = sample(["a", "b", "c", "d"], 2, { seed: 5 });
 * assert.equal(new Set(s).size, 2);
 * ```
 */
export function sample<T>(items: ArrayLike<T>, k: number, options: RandomOptions): T[] {
  const context = "sample without replacement";
  if (items == null || typeof (items as ArrayLike<T>).length !== "number") {
    raise("type", context, "items must be an array");
  }
  assertInteger(k, "k", context, { min: 0 });
  if (k > items.length) {
    raise(
      "range",
      context,
      `k must be at most the number of items, got k=${k} for ${items.length} items`,
    );
  }
  const rng = resolveRng(options, context);
  const pool = Array.from(items);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.random() * (pool.length - i));
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, k);
}

/**
 * Draws `k` items with replacement (e.g. a bootstrap sample of indices).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleWithReplacement } from "@lib/random/mod.ts";
 * assert.equal(sampleWithReplacement([1, 2], 5, { seed: 1 }).length, 5);
 * ```
 */
export function sampleWithReplacement<T>(
  items: ArrayLike<T>,
  k: number,
  options: RandomOptions,
): T[] {
  const context = "sample with replacement";
  if (items == null || typeof (items as ArrayLike<T>).length !== "number") {
    raise("type", context, "items must be an array");
  }
  assertInteger(k, "k", context, { min: 0 });
  if (items.length === 0 && k > 0) raise("range", context, "items must not be empty");
  const rng = resolveRng(options, context);
  const out: T[] = new Array(k);
  for (let i = 0; i < k; i++) out[i] = items[Math.floor(rng.random() * items.length)];
  return out;
}
