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

Deno.test("meanNdcgAtK() counts a query without relevant documents as 0", () => {
  assert.equal(meanNdcgAtK([[3, 1, 0], [0, 0, 0]], [[3, 2, 1], [3, 2, 1]], { k: 2 }), 0.5);
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
      assertClose(meanRecallAtK(t, s, { k }), avg((a, b) => recallAtK(a, b, { k })));
      assertClose(meanReciprocalRank(t, s), avg(reciprocalRank));
      assertClose(
        meanAveragePrecisionAtK(t, s, { k }),
        avg((a, b) => averagePrecisionAtK(a, b, { k })),
      );
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
