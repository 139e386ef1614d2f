import assert from "node:assert/strict";
import fc from "fast-check";
import { ndcgAtK } from "@lib/metrics/mod.ts";
import { ndcgOfRanking } from "@lib/search/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("ndcgOfRanking() takes the ideal over the whole collection", () => {
  // Grades 3 and 1 exist; the list finds only the 1: DCG 1, IDCG 3 + 1/log2(3).
  assertClose(ndcgOfRanking([3], [0, 3, 0, 1], { k: 2 }), 1 / (3 + 1 / Math.log2(3)));
  assert.equal(ndcgOfRanking([1, 3], [0, 3, 0, 1], { k: 2 }), 1);
  assert.equal(ndcgOfRanking([], [0, 3]), 0);
  assert.equal(ndcgOfRanking([0], [0, 0]), 0); // no relevant document
});

Deno.test("ndcgOfRanking() of a full ranking equals ndcgAtK of lib/metrics", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 15 }),
      fc.integer({ min: 1, max: 10 }),
      fc.integer(),
      (grades, k, salt) => {
        const scores = grades.map((_, i) => Math.sin(i * 12.9898 + salt) * 1000);
        const ranked = grades.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
        assertClose(ndcgOfRanking(ranked, grades, { k }), ndcgAtK(grades, scores, { k }), {
          abs: 1e-12,
        });
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("ndcgOfRanking() rejects bad grades, ids and k", () => {
  assert.throws(
    () => ndcgOfRanking([0], [-1]),
    new RangeError("Cannot compute ndcgOfRanking: grades[0] must be at least 0, got -1"),
  );
  assert.throws(
    () => ndcgOfRanking([2], [1, 0]),
    new RangeError("Cannot compute ndcgOfRanking: ranked[0] must be at most 1, got 2"),
  );
  assert.throws(
    () => ndcgOfRanking([1, 1], [1, 0]),
    new RangeError("Cannot compute ndcgOfRanking: ranked[1] repeats document 1"),
  );
  assert.throws(
    () => ndcgOfRanking([0], [1], { k: 0 }),
    new RangeError("Cannot compute ndcgOfRanking: k must be at least 1, got 0"),
  );
  assert.throws(
    () => ndcgOfRanking([0], [NaN]),
    new RangeError("Cannot compute ndcgOfRanking: grades[0] must be finite, got NaN"),
  );
});
