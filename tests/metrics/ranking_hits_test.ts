import assert from "node:assert/strict";
import fc from "fast-check";
import { averagePrecisionAtK, precisionAtK, recallAtK, reciprocalRank } from "@lib/metrics/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { apOfRanking, meanOverTieOrders, rrOfRanking } from "./_brute_force.ts";
import { throwsWith } from "./_throws.ts";

// Manning, Raghavan & Schütze, Introduction to Information Retrieval (2008), ch. 8,
// a two-system exercise: 4 relevant documents; the top 10 of two systems judged
// System 1: R N R N N N N N R R, System 2: N R N N R R R N N N.
const SYSTEM1 = [1, 0, 1, 0, 0, 0, 0, 0, 1, 1];
const SYSTEM2 = [0, 1, 0, 0, 1, 1, 1, 0, 0, 0];
const RANK_ORDER = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];

Deno.test("averagePrecisionAtK() solves the IIR ch. 8 two-system exercise: AP 0.6 and 0.493", () => {
  // System 1: relevant at ranks 1, 3, 9, 10: (1/1 + 2/3 + 3/9 + 4/10) / 4 = 0.6.
  assertClose(averagePrecisionAtK(SYSTEM1, RANK_ORDER), 0.6);
  // System 2: ranks 2, 5, 6, 7: (1/2 + 2/5 + 3/6 + 4/7) / 4 = 0.4929.
  assertClose(averagePrecisionAtK(SYSTEM2, RANK_ORDER), (1 / 2 + 2 / 5 + 3 / 6 + 4 / 7) / 4);
});

Deno.test("precisionAtK() and recallAtK() on the IIR ch. 8 two-system exercise", () => {
  assert.equal(precisionAtK(SYSTEM1, RANK_ORDER, { k: 1 }), 1);
  assert.equal(precisionAtK(SYSTEM1, RANK_ORDER, { k: 5 }), 2 / 5);
  assert.equal(precisionAtK(SYSTEM2, RANK_ORDER, { k: 5 }), 2 / 5);
  assert.equal(precisionAtK(SYSTEM1, RANK_ORDER), 0.4); // all 10: 4/10
  assert.equal(recallAtK(SYSTEM1, RANK_ORDER, { k: 3 }), 0.5);
  assert.equal(recallAtK(SYSTEM2, RANK_ORDER, { k: 7 }), 1);
  // P@k divides by k even past the end of the list (as trec_eval).
  assert.equal(precisionAtK([1, 1], [2, 1], { k: 4 }), 0.5);
});

Deno.test("reciprocalRank() on the IIR ch. 8 two-system exercise: 1 and 1/2", () => {
  assert.equal(reciprocalRank(SYSTEM1, RANK_ORDER), 1);
  assert.equal(reciprocalRank(SYSTEM2, RANK_ORDER), 0.5);
  assert.equal(reciprocalRank([0, 0], [1, 2]), 0);
});

Deno.test("the @k metrics average a tie over its orders, by hand", () => {
  // Two tied documents, one relevant: it is first or second with probability 1/2.
  assert.equal(precisionAtK([1, 0], [5, 5], { k: 1 }), 0.5);
  assert.equal(recallAtK([1, 0], [5, 5], { k: 1 }), 0.5);
  assert.equal(reciprocalRank([1, 0], [5, 5]), 0.75); // (1 + 1/2) / 2
  assert.equal(averagePrecisionAtK([1, 0], [5, 5]), 0.75); // (1 + 1/2) / 2
  // Three tied, two relevant: first relevant at 1 (p = 2/3) or 2 (1/3): 2/3 + 1/6.
  assertClose(reciprocalRank([1, 1, 0], [0, 0, 0]), 5 / 6);
});

Deno.test("the @k metrics equal brute-force means over all orders of tied documents", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 6 }).chain((n) =>
        fc.tuple(
          fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
          fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
          fc.integer({ min: 1, max: 7 }),
        )
      ),
      ([grades, scores, k]) => {
        const relevant = grades.filter((g) => g > 0).length;
        const hits = (r: number[]) => r.slice(0, k).filter((g) => g > 0).length;
        const mean = (f: (r: number[]) => number) => meanOverTieOrders(grades, scores, f);
        assertClose(precisionAtK(grades, scores, { k }), mean((r) => hits(r) / k));
        assertClose(
          recallAtK(grades, scores, { k }),
          relevant ? mean((r) => hits(r) / relevant) : 0,
        );
        assertClose(reciprocalRank(grades, scores), mean(rrOfRanking));
        assertClose(averagePrecisionAtK(grades, scores, { k }), mean((r) => apOfRanking(r, k)));
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("averagePrecisionAtK() normalises by min(R, k): a perfect top k scores 1", () => {
  assert.equal(averagePrecisionAtK([1, 1, 1, 1, 0], [5, 4, 3, 2, 1], { k: 2 }), 1);
  assert.equal(averagePrecisionAtK([0, 0, 0], [3, 2, 1]), 0);
  assert.equal(recallAtK([0, 0, 0], [3, 2, 1], { k: 2 }), 0);
});

Deno.test("the @k metrics reject bad k, negative grades and mismatched arrays", () => {
  throwsWith(
    () => precisionAtK([1, 0], [2, 1], { k: -3 }),
    RangeError,
    "Cannot compute precisionAtK: k must be at least 1, got -3",
  );
  throwsWith(
    () => recallAtK([1, 0], [2, 1], { k: 1.5 }),
    RangeError,
    "Cannot compute recallAtK: k must be an integer, got 1.5",
  );
  throwsWith(
    () => averagePrecisionAtK([1, -2], [2, 1]),
    RangeError,
    "Cannot compute averagePrecisionAtK: yTrue[1] must be a non-negative relevance grade, got -2",
  );
  throwsWith(
    () => reciprocalRank([1, 0], [2]),
    RangeError,
    "Cannot compute reciprocalRank: yTrue and yScore must have the same length, got 2 and 1",
  );
  throwsWith(
    () => reciprocalRank([1, NaN], [2, 1]),
    RangeError,
    "Cannot compute reciprocalRank: yTrue[1] must be finite, got NaN",
  );
});
