import assert from "node:assert/strict";
import fc from "fast-check";
import {
  averagePrecisionAtK,
  dcgAtK,
  meanAveragePrecisionAtK,
  meanDcgAtK,
  meanNdcgAtK,
  meanPrecisionAtK,
  meanRecallAtK,
  meanReciprocalRank,
  ndcgAtK,
  precisionAtK,
  recallAtK,
  reciprocalRank,
} from "@lib/metrics/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { throwsWith } from "./_throws.ts";

// the IIR ch. 8 two-system exercise (see ranking_hits_test.ts; values derived there by hand): AP 0.6 and 0.4929.
const SYSTEM1 = [1, 0, 1, 0, 0, 0, 0, 0, 1, 1];
const SYSTEM2 = [0, 1, 0, 0, 1, 1, 1, 0, 0, 0];
const RANK_ORDER = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];

Deno.test("meanAveragePrecisionAtK() and meanReciprocalRank() on the IIR ch. 8 two-system exercise", () => {
  const map = meanAveragePrecisionAtK([SYSTEM1, SYSTEM2], [RANK_ORDER, RANK_ORDER]);
  assertClose(map, (0.6 + (1 / 2 + 2 / 5 + 3 / 6 + 4 / 7) / 4) / 2);
  assert.equal(meanReciprocalRank([SYSTEM1, SYSTEM2], [RANK_ORDER, RANK_ORDER]), 0.75);
});

Deno.test("meanNdcgAtK() counts a query without relevant documents as 0 unless told to skip it", () => {
  // scikit-learn's ndcg_score scores a query whose true relevances are all 0 as 0
  // (_ndcg_sample_scores: gain[all_irrelevant] = 0), so by hand (1 + 0)/2 = 0.5
  const yTrue = [[3, 1, 0], [0, 0, 0]], yScore = [[3, 2, 1], [3, 2, 1]];
  assert.equal(meanNdcgAtK(yTrue, yScore, { k: 2 }), 0.5);
  assert.equal(meanNdcgAtK(yTrue, yScore, { k: 2, noRelevant: "skip" }), 1);
  throwsWith(
    () => meanNdcgAtK(yTrue, yScore, { k: 2, noRelevant: "error" }),
    RangeError,
    'Cannot compute meanNdcgAtK: yTrue[1] has no relevant item, so its NDCG is undefined; pass noRelevant: "skip" or "zero"',
  );
  // precision of such a query is 0, counted by default
  assert.equal(meanPrecisionAtK(yTrue, yScore, { k: 2 }), 0.5);
  assert.equal(meanPrecisionAtK(yTrue, yScore, { k: 2, noRelevant: "skip" }), 1);
});

Deno.test("meanReciprocalRank() with k is MRR@k (IIR ch. 8 exercise: 1 and 1/2, so MRR@1 = 1/2)", () => {
  assert.equal(meanReciprocalRank([SYSTEM1, SYSTEM2], [RANK_ORDER, RANK_ORDER], { k: 1 }), 0.5);
  assert.equal(meanReciprocalRank([SYSTEM1, SYSTEM2], [RANK_ORDER, RANK_ORDER], { k: 2 }), 0.75);
});

Deno.test("the means reject an unknown noRelevant policy", () => {
  throwsWith(
    () => meanRecallAtK([[1, 0]], [[2, 1]], { noRelevant: "ignore" as never }),
    RangeError,
    'Cannot compute meanRecallAtK: noRelevant must be one of "skip", "zero", "error", got "ignore"',
  );
});

const queries = fc.array(
  fc.integer({ min: 1, max: 8 }).chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
    )
  ),
  { minLength: 1, maxLength: 6 },
);

Deno.test("the mean ranking metrics average the per-query metrics", () => {
  fc.assert(
    fc.property(queries, fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }), (qs, k) => {
      const t = qs.map((q) => q[0]), s = qs.map((q) => q[1]);
      const avg = (f: (a: number[], b: number[]) => number) =>
        qs.reduce((sum, q) => sum + f(q[0], q[1]), 0) / qs.length;
      assertClose(meanDcgAtK(t, s, { k }), avg((a, b) => dcgAtK(a, b, { k })));
      assertClose(
        meanNdcgAtK(t, s, { k, gain: "exponential" }),
        avg((a, b) => ndcgAtK(a, b, { k, gain: "exponential" })),
      );
      assertClose(meanPrecisionAtK(t, s, { k }), avg((a, b) => precisionAtK(a, b, { k })));
      // recall, RR and AP: per-query NaN without relevant documents; the mean's policy decides
      const judged = qs.filter((q) => q[0].some((g) => g > 0));
      const perQuery: [string, (a: number[], b: number[]) => number, typeof meanRecallAtK][] = [
        ["recall", (a, b) => recallAtK(a, b, { k }), meanRecallAtK],
        ["rr", (a, b) => reciprocalRank(a, b, { k }), meanReciprocalRank],
        ["ap", (a, b) => averagePrecisionAtK(a, b, { k }), meanAveragePrecisionAtK],
      ];
      for (const [name, one, many] of perQuery) {
        const defined = judged.map((q) => one(q[0], q[1]));
        const sum = defined.reduce((a, b) => a + b, 0);
        assertClose(many(t, s, { k, noRelevant: "zero" }), sum / qs.length, {}, name);
        if (judged.length === 0) {
          assert.throws(() => many(t, s, { k, noRelevant: "skip" }), /no query has a relevant/);
        } else {
          assertClose(many(t, s, { k, noRelevant: "skip" }), sum / judged.length, {}, name);
        }
        if (judged.length < qs.length) {
          assert.throws(() => many(t, s, { k }), /has no relevant item/, name);
        } else {
          assertClose(many(t, s, { k }), sum / qs.length, {}, name);
        }
      }
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("the mean ranking metrics reject mismatched or empty query lists", () => {
  throwsWith(
    () => meanNdcgAtK([[1, 0]], [[1, 0], [0, 1]]),
    RangeError,
    "Cannot compute meanNdcgAtK: yTrue and yScore must have the same number of queries, got 1 and 2",
  );
  throwsWith(
    () => meanReciprocalRank([], []),
    RangeError,
    "Cannot compute meanReciprocalRank: yTrue must hold at least one query",
  );
  throwsWith(
    () => meanPrecisionAtK(new Float64Array(2) as unknown as number[][], [[1], [2]]),
    TypeError,
    "Cannot compute meanPrecisionAtK: yTrue must be an array of queries",
  );
  throwsWith(
    () => meanRecallAtK([[1]], "x" as unknown as number[][]),
    TypeError,
    "Cannot compute meanRecallAtK: yScore must be an array of queries",
  );
});

Deno.test("the mean ranking metrics name the failing query", () => {
  throwsWith(
    () => meanDcgAtK([[1, 0], [1, 0, 2]], [[2, 1], [3, 2]]),
    RangeError,
    "Cannot compute meanDcgAtK: yTrue[1] and yScore[1] must have the same length, got 3 and 2",
  );
  throwsWith(
    () => meanAveragePrecisionAtK([[1, 0], [1, -1]], [[2, 1], [3, 2]]),
    RangeError,
    "Cannot compute meanAveragePrecisionAtK: yTrue[1][1] must be a non-negative relevance grade, got -1",
  );
  throwsWith(
    () => meanNdcgAtK([[1, 0], []], [[2, 1], []]),
    RangeError,
    "Cannot compute meanNdcgAtK: yTrue[1] must not be empty",
  );
  throwsWith(
    () => meanNdcgAtK([[1, 0]], [[2, 1]], { k: 0 }),
    RangeError,
    "Cannot compute meanNdcgAtK: k must be at least 1, got 0",
  );
  throwsWith(
    () => meanNdcgAtK([[1, 0]], [[2, 1]], { gain: "cubic" as "linear" }),
    RangeError,
    'Cannot compute meanNdcgAtK: gain must be one of "linear", "exponential", got "cubic"',
  );
});
