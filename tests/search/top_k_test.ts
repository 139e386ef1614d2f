import assert from "node:assert/strict";
import fc from "fast-check";
import { topK } from "@lib/search/mod.ts";

Deno.test("topK() returns the largest scores best first, ties in index order", () => {
  assert.deepEqual([...topK([3, 1, 3, 2], 3)], [0, 2, 3]);
  assert.deepEqual([...topK([3, 1], 5)], [0, 1]);
  assert.deepEqual([...topK([3, 1], 0)], []);
});

Deno.test("topK() skips NaN and restricts to `among`", () => {
  assert.deepEqual([...topK([NaN, 1, 2], 3)], [2, 1]);
  assert.deepEqual([...topK([5, 1, 2, 9], 2, { among: [1, 2] })], [2, 1]);
});

Deno.test("topK() equals the first k of a stable descending sort", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 40 }),
      fc.integer({ min: 0, max: 45 }),
      (scores, k) => {
        const sorted = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
        assert.deepEqual([...topK(scores, k)], sorted.slice(0, k));
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("topK() rejects a bad k or scores", () => {
  assert.throws(
    () => topK([1], -1),
    new RangeError("Cannot select the top k: k must be at least 0, got -1"),
  );
  assert.throws(
    () => topK("ab" as unknown as number[], 1),
    new TypeError('Cannot select the top k: scores must be an array of numbers, got "ab"'),
  );
});
