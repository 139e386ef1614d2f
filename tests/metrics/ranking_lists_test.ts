import assert from "node:assert/strict";
import fc from "fast-check";
import {
  averagePrecisionAtK,
  averagePrecisionOfRanking,
  meanAveragePrecisionOfRankings,
  meanPrecisionOfRankings,
  meanRecallOfRankings,
  meanReciprocalRankOfRankings,
  precisionAtK,
  precisionOfRanking,
  recallAtK,
  recallOfRanking,
  reciprocalRank,
  reciprocalRankOfRanking,
} from "@lib/metrics/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { throwsWith } from "./_throws.ts";

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

Deno.test("averagePrecisionOfRanking() reproduces ml_metrics' apk tests (normalisation min(R, k))", () => {
  // benhamner/Metrics, Python/ml_metrics/test/test_average_precision.py, test_apk:
  //   apk(range(1,6), [6,4,7,1,2], 2) == 0.25;  apk(range(1,100), range(1,21) + range(200,600), 20) == 1
  // and apk(range(1,6), [6,4,7,1,2], 5) = (1/2 + 2/4 + 3/5)/5 = 0.32.
  const relevant = range(1, 6);
  assertClose(averagePrecisionOfRanking(relevant, [6, 4, 7, 1, 2], { k: 2 }), 0.25);
  assertClose(averagePrecisionOfRanking(relevant, [6, 4, 7, 1, 2], { k: 5 }), 0.32);
  const long = [...range(1, 21), ...range(200, 600)];
  assertClose(averagePrecisionOfRanking(range(1, 100), long, { k: 20 }), 1);
  // trec_eval's map divides the same 20 hits by all 99 relevant items
  const trec = averagePrecisionOfRanking(range(1, 100), long, { k: 20, normalization: "relevant" });
  assertClose(trec, 20 / 99);
});

Deno.test("recallOfRanking() counts relevant items the list never retrieved", () => {
  // 4 relevant, a candidate list of 3 that retrieves 2 of them: 2/4, where the grades of the
  // candidates alone (recallAtK) see 2 relevant and report 1.
  assert.equal(recallOfRanking(["d1", "d3", "d5", "d8"], ["d1", "d2", "d3"]), 0.5);
  assert.equal(recallAtK([1, 0, 1], [3, 2, 1]), 1);
  assert.equal(recallOfRanking(new Set([1, 2]), [], { k: 5 }), 0);
});

/** A strict ranking of n documents (distinct scores) with grades 0–2. */
const fullRanking = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.tuple(
    fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
    fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: n, maxLength: n }),
    fc.integer({ min: 1, max: 14 }),
  )
);

Deno.test("the id-list metrics equal the score metrics when the list ranks every document", () => {
  fc.assert(
    fc.property(fullRanking, ([grades, scores, k]) => {
      const ranked = grades.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
      const relevant = grades.flatMap((g, i) => (g > 0 ? [i] : []));
      assertClose(precisionOfRanking(relevant, ranked, { k }), precisionAtK(grades, scores, { k }));
      if (relevant.length === 0) {
        assert.ok(Number.isNaN(recallOfRanking(relevant, ranked, { k })));
        assert.ok(Number.isNaN(averagePrecisionOfRanking(relevant, ranked, { k })));
        assert.ok(Number.isNaN(reciprocalRankOfRanking(relevant, ranked, { k })));
        return;
      }
      assertClose(recallOfRanking(relevant, ranked, { k }), recallAtK(grades, scores, { k }));
      assertClose(
        reciprocalRankOfRanking(relevant, ranked, { k }),
        reciprocalRank(grades, scores, { k }),
      );
      for (const normalization of ["relevant", "capped", "hits"] as const) {
        assertClose(
          averagePrecisionOfRanking(relevant, ranked, { k, normalization }),
          averagePrecisionAtK(grades, scores, { k, normalization }),
          { abs: 1e-12 },
          normalization,
        );
      }
      // k omitted: the whole list; AP is then trec_eval's (÷ R) under every normaliser but "hits"
      assertClose(
        averagePrecisionOfRanking(relevant, ranked),
        averagePrecisionOfRanking(relevant, ranked, { normalization: "relevant" }),
      );
    }),
    { seed: 42, numRuns: 300 },
  );
});

Deno.test("cutting a ranking to N candidates: recall against the full set never exceeds recall over the candidates", () => {
  fc.assert(
    fc.property(fullRanking, fc.integer({ min: 1, max: 12 }), ([grades, scores, k], n) => {
      const ranked = grades.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
      const candidates = ranked.slice(0, n);
      const relevant = grades.flatMap((g, i) => (g > 0 ? [i] : []));
      const seen = candidates.filter((d) => grades[d] > 0).length;
      fc.pre(seen > 0);
      const full = recallOfRanking(relevant, candidates, { k });
      const passedIn = recallAtK(
        candidates.map((d) => grades[d]),
        candidates.map((d) => scores[d]),
        {
          k,
        },
      );
      assert.ok(full <= passedIn + 1e-12, `${full} > ${passedIn}`);
      assertClose(full, passedIn * seen / relevant.length);
    }),
    { seed: 42, numRuns: 300 },
  );
});

Deno.test("the id-list means average the per-query values under the noRelevant policy", () => {
  const relevant = [[1, 2], ["x"], []];
  const ranked = [[2, 3, 1], ["y", "x"], [7]];
  // recall@2: 1/2, 1, undefined; P@2: 1/2, 1/2, 0; RR: 1, 1/2; AP@2 (÷ min(R, 2)): 1/2, 1/2
  assert.equal(meanRecallOfRankings(relevant, ranked, { k: 2, noRelevant: "skip" }), 0.75);
  assert.equal(meanRecallOfRankings(relevant, ranked, { k: 2, noRelevant: "zero" }), 0.5);
  assert.equal(meanPrecisionOfRankings(relevant, ranked, { k: 2 }), 1 / 3);
  assert.equal(meanPrecisionOfRankings(relevant, ranked, { k: 2, noRelevant: "skip" }), 0.5);
  assert.equal(meanReciprocalRankOfRankings(relevant, ranked, { noRelevant: "skip" }), 0.75);
  assert.equal(
    meanAveragePrecisionOfRankings(relevant, ranked, { k: 2, noRelevant: "skip" }),
    0.5,
  );
  throwsWith(
    () => meanAveragePrecisionOfRankings(relevant, ranked, { k: 2 }),
    RangeError,
    'Cannot compute meanAveragePrecisionOfRankings: relevant[2] has no relevant item, so its average precision is undefined; pass noRelevant: "skip" or "zero"',
  );
  throwsWith(
    () => meanRecallOfRankings([[]], [[1]], { noRelevant: "skip" }),
    RangeError,
    "Cannot compute meanRecallOfRankings: no query has a relevant item, so the mean recall is undefined",
  );
});

Deno.test("the id-list metrics reject repeated ids, bad ids, bad k and mismatched queries", () => {
  throwsWith(
    () => recallOfRanking([1, 2], [3, 1, 3]),
    RangeError,
    "Cannot compute recallOfRanking: ranked[2] repeats item 3",
  );
  throwsWith(
    () => averagePrecisionOfRanking(["a", "a"], ["a"]),
    RangeError,
    'Cannot compute averagePrecisionOfRanking: relevant[1] repeats item "a"',
  );
  throwsWith(
    () => reciprocalRankOfRanking([1], [NaN]),
    TypeError,
    "Cannot compute reciprocalRankOfRanking: ranked[0] must be a finite number or a string, got NaN",
  );
  throwsWith(
    () => precisionOfRanking([1], [1], { k: 0 }),
    RangeError,
    "Cannot compute precisionOfRanking: k must be at least 1, got 0",
  );
  throwsWith(
    () => precisionOfRanking([1], []),
    RangeError,
    "Cannot compute precisionOfRanking: ranked is empty and no k is given",
  );
  throwsWith(
    () => recallOfRanking(7 as never, [1]),
    TypeError,
    "Cannot compute recallOfRanking: relevant must be a Set or an array of item ids",
  );
  throwsWith(
    () => meanRecallOfRankings([[1]], [[1], [2]]),
    RangeError,
    "Cannot compute meanRecallOfRankings: relevant and ranked must have the same number of queries, got 1 and 2",
  );
  throwsWith(
    () => meanPrecisionOfRankings([], []),
    RangeError,
    "Cannot compute meanPrecisionOfRankings: relevant must hold at least one query",
  );
  throwsWith(
    () => meanReciprocalRankOfRankings([[1], [2]], [[1], [2, 2]]),
    RangeError,
    "Cannot compute meanReciprocalRankOfRankings: ranked[1][1] repeats item 2",
  );
});
