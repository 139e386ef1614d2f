import assert from "node:assert/strict";
import fc from "fast-check";
import { fnv1a32 } from "@lib/text/mod.ts";

Deno.test("fnv1a32() matches the published FNV-1a 32-bit test vectors", () => {
  // Test vectors of the FNV reference (L. C. Noll, "FNV hash", fnv test suite, 32-bit FNV-1a).
  assert.equal(fnv1a32(""), 0x811c9dc5);
  assert.equal(fnv1a32("a"), 0xe40c292c);
  assert.equal(fnv1a32("b"), 0xe70c2de5);
  assert.equal(fnv1a32("foo"), 0xa9f37ed7);
  assert.equal(fnv1a32("foobar"), 0xbf9cf968);
});

Deno.test("fnv1a32() returns an unsigned 32-bit integer for any string", () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const h = fnv1a32(s);
      assert.ok(Number.isInteger(h) && h >= 0 && h < 2 ** 32);
      assert.equal(h, fnv1a32(s));
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("fnv1a32() rejects a non-string", () => {
  assert.throws(() => fnv1a32(3 as unknown as string), {
    name: "TypeError",
    message: "Cannot hash a string: text must be a string, got number",
  });
});
