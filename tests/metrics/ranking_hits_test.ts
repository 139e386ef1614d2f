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
  assert.ok(Number.isNaN(reciprocalRank([0, 0], [1, 2]))); // no relevant document: undefined
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
        if (relevant === 0) {
          assert.ok(Number.isNaN(recallAtK(grades, scores, { k })));
          assert.ok(Number.isNaN(reciprocalRank(grades, scores, { k })));
          assert.ok(Number.isNaN(averagePrecisionAtK(grades, scores, { k })));
          return;
        }
        assertClose(recallAtK(grades, scores, { k }), mean((r) => hits(r) / relevant));
        assertClose(reciprocalRank(grades, scores), mean((r) => rrOfRanking(r)));
        assertClose(reciprocalRank(grades, scores, { k }), mean((r) => rrOfRanking(r, k)));
        for (const normalization of ["relevant", "capped", "hits"] as const) {
          assertClose(
            averagePrecisionAtK(grades, scores, { k, normalization }),
            mean((r) => apOfRanking(r, k, normalization)),
            { abs: 1e-12 },
            normalization,
          );
        }
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("averagePrecisionAtK() normalises by min(R, k) by default: a perfect top k scores 1", () => {
  assert.equal(averagePrecisionAtK([1, 1, 1, 1, 0], [5, 4, 3, 2, 1], { k: 2 }), 1);
  // trec_eval (m_map.c) divides by all R = 4 relevant: (1 + 1)/4
  const trec = averagePrecisionAtK([1, 1, 1, 1, 0], [5, 4, 3, 2, 1], {
    k: 2,
    normalization: "relevant",
  });
  assert.equal(trec, 0.5);
});

Deno.test("averagePrecisionAtK() normalisations on the IIR ch. 8 exercise, system 2, k = 5", () => {
  // System 2: N R N N R …, hits at ranks 2 and 5: Σ P@i = 1/2 + 2/5 = 0.9; R = 4.
  // trec_eval map (÷ R = 4): 0.225; ml_metrics apk (÷ min(4, 5) = 4): 0.225;
  // torchmetrics retrieval_average_precision(top_k=5) (÷ 2 hits): 0.45.
  const ap = (normalization: "relevant" | "capped" | "hits") =>
    averagePrecisionAtK(SYSTEM2, RANK_ORDER, { k: 5, normalization });
  assertClose(ap("relevant"), 0.9 / 4);
  assertClose(ap("capped"), 0.9 / 4);
  assertClose(ap("hits"), 0.9 / 2);
  // k = 3: one hit (rank 2): 0.5 over R = 4, min(4, 3) = 3, 1 hit
  const at3 = (normalization: "relevant" | "capped" | "hits") =>
    averagePrecisionAtK(SYSTEM2, RANK_ORDER, { k: 3, normalization });
  assertClose(at3("relevant"), 0.5 / 4);
  assertClose(at3("capped"), 0.5 / 3);
  assertClose(at3("hits"), 0.5);
  // relevant documents but none in the top k: 0 for every normalisation
  assert.equal(averagePrecisionAtK(SYSTEM2, RANK_ORDER, { k: 1, normalization: "hits" }), 0);
});

Deno.test("recallAtK(), averagePrecisionAtK() and reciprocalRank() are NaN without relevant documents", () => {
  assert.ok(Number.isNaN(averagePrecisionAtK([0, 0, 0], [3, 2, 1])));
  assert.ok(Number.isNaN(recallAtK([0, 0, 0], [3, 2, 1], { k: 2 })));
  assert.ok(Number.isNaN(reciprocalRank([0, 0, 0], [3, 2, 1], { k: 2 })));
  // precision is defined: 0
  assert.equal(precisionAtK([0, 0, 0], [3, 2, 1], { k: 2 }), 0);
});

Deno.test("reciprocalRank() with k is MRR@k's per-query term: 0 below the cut-off", () => {
  assert.equal(reciprocalRank(SYSTEM2, RANK_ORDER, { k: 1 }), 0);
  assert.equal(reciprocalRank(SYSTEM2, RANK_ORDER, { k: 2 }), 0.5);
  // ties straddling k: relevant document tied with two others at ranks 1–3, k = 2:
  // rank 1 or 2 each with probability 1/3 → (1 + 1/2)/3
  assertClose(reciprocalRank([1, 0, 0], [5, 5, 5], { k: 2 }), 0.5);
});

Deno.test("averagePrecisionAtK() rejects an unknown normalization", () => {
  throwsWith(
    () => averagePrecisionAtK([1, 0], [2, 1], { normalization: "min" as never }),
    RangeError,
    'Cannot compute averagePrecisionAtK: normalization must be one of "relevant", "capped", "hits", got "min"',
  );
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
