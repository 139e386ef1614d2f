import assert from "node:assert/strict";
import fc from "fast-check";
import {
  accuracyScore,
  f1Score,
  fbetaScore,
  precisionScore,
  recallScore,
} from "@lib/metrics/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { throwsWith } from "./_throws.ts";

// scikit-learn's confusion_matrix docstring: tn, fp, fn, tp = 0, 2, 1, 1.
const T = [0, 1, 0, 1], P = [1, 1, 1, 0];
// scikit-learn's precision_score / recall_score / f1_score docstrings.
const MT = [0, 1, 2, 0, 1, 2], MP = [0, 2, 1, 0, 0, 1];

Deno.test("accuracyScore() matches scikit-learn's docstring (0.5)", () => {
  assert.equal(accuracyScore([0, 1, 2, 3], [0, 2, 1, 3]), 0.5);
  assert.equal(accuracyScore(new Int32Array([0, 1, 2, 3]), new Float64Array([0, 2, 1, 3])), 0.5);
});

Deno.test("accuracyScore() weights samples: (1 + 1) / (1 + 1 + 2)", () => {
  assert.equal(accuracyScore([0, 1, 1], [0, 1, 0], { sampleWeight: [1, 1, 2] }), 0.5);
});

Deno.test("precisionScore(), recallScore(), f1Score() on TP 1, FP 2, FN 1", () => {
  assert.equal(precisionScore(T, P), 1 / 3);
  assert.equal(recallScore(T, P), 1 / 2);
  assert.equal(f1Score(T, P), 2 / 5); // 2TP / (2TP + FP + FN)
});

Deno.test("precisionScore() with posLabel 0 scores class 0 (TP 0 of 1 predicted)", () => {
  assert.equal(precisionScore(T, P, { posLabel: 0 }), 0);
  assert.equal(recallScore(T, P, { posLabel: 0 }), 0);
});

Deno.test("precisionScore() averages as scikit-learn's docstring: macro 2/9, micro 1/3, weighted 2/9", () => {
  // Per class: precision 2/3, 0, 0 with supports 2, 2, 2.
  assertClose(precisionScore(MT, MP, { average: "macro" }), 2 / 9);
  assertClose(precisionScore(MT, MP, { average: "micro" }), 1 / 3);
  assertClose(precisionScore(MT, MP, { average: "weighted" }), 2 / 9);
});

Deno.test("recallScore() and f1Score() average as scikit-learn's docstrings", () => {
  // Recall per class 1, 0, 0; F1 per class 4/5, 0, 0.
  assertClose(recallScore(MT, MP, { average: "macro" }), 1 / 3);
  assertClose(recallScore(MT, MP, { average: "micro" }), 1 / 3);
  assertClose(f1Score(MT, MP, { average: "macro" }), 0.8 / 3);
  assertClose(f1Score(MT, MP, { average: "weighted" }), 0.8 / 3);
  assertClose(f1Score(MT, MP, { average: "micro" }), 1 / 3);
});

Deno.test("precisionScore() applies zeroDivision 0, 1 or NaN to classes never predicted", () => {
  // scikit-learn's docstring: y_pred all 0 gives per-class [1/3, zd, zd].
  const yPred = [0, 0, 0, 0, 0, 0];
  assertClose(precisionScore(MT, yPred, { average: "macro" }), 1 / 9);
  assertClose(precisionScore(MT, yPred, { average: "macro", zeroDivision: 1 }), 7 / 9);
  // NaN classes are left out of the mean (scikit-learn's _nanaverage).
  assertClose(precisionScore(MT, yPred, { average: "macro", zeroDivision: NaN }), 1 / 3);
  assert.ok(Number.isNaN(precisionScore([0, 0], [0, 0], { zeroDivision: NaN })));
});

Deno.test("recallScore() counts a label present only in yPred under macro averaging", () => {
  // Labels {0, 1, 2}: recall 1, 1/2 and 0 (label 2 never true: zeroDivision 0).
  assertClose(recallScore([0, 0, 1, 1], [0, 0, 1, 2], { average: "macro" }), 0.5);
  // Precision 1, 1 and 0/1 = 0 for label 2.
  assertClose(precisionScore([0, 0, 1, 1], [0, 0, 1, 2], { average: "macro" }), 2 / 3);
});

Deno.test("f1Score() is 0, not zeroDivision, when TP = 0 but FP + FN > 0", () => {
  assert.equal(f1Score([1, 1], [0, 0], { zeroDivision: 1 }), 0);
  assert.equal(precisionScore([1, 1], [0, 0], { zeroDivision: 1 }), 1);
  assert.equal(f1Score([0, 0], [0, 0], { zeroDivision: 1 }), 1);
  assert.equal(f1Score([0, 0], [0, 0]), 0);
});

Deno.test("fbetaScore() is precision at β = 0 and F1 at β = 1; β = 2 gives 5/11", () => {
  assert.equal(fbetaScore(T, P, { beta: 0 }), precisionScore(T, P));
  assert.equal(fbetaScore(T, P, { beta: 1 }), f1Score(T, P));
  assert.equal(fbetaScore(T, P, { beta: 2 }), 5 / 11); // 5TP / (5TP + 4FN + FP)
  assertClose(fbetaScore(T, P, { beta: 1e4 }), recallScore(T, P), { rel: 1e-6 });
});

Deno.test("f1Score() with integer weights equals the samples repeated that often", () => {
  // Weights ≥ 1: a weight-0 sample still makes its label present (scikit-learn too).
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 })), {
        minLength: 1,
        maxLength: 30,
      }),
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 30, maxLength: 30 }),
      (pairs, counts) => {
        const w = pairs.map((_, i) => counts[i]);
        const t = pairs.map((p) => p[0]), p = pairs.map((p) => p[1]);
        const rt = t.flatMap((v, i) => new Array(w[i]).fill(v));
        const rp = p.flatMap((v, i) => new Array(w[i]).fill(v));
        for (const average of ["binary", "macro", "micro", "weighted"] as const) {
          assertClose(f1Score(t, p, { average, sampleWeight: w }), f1Score(rt, rp, { average }));
        }
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("f1Score() micro average equals accuracy for multiclass labels", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), {
        minLength: 1,
        maxLength: 50,
      }),
      (pairs) => {
        const t = pairs.map((p) => p[0]), p = pairs.map((p) => p[1]);
        assertClose(f1Score(t, p, { average: "micro" }), accuracyScore(t, p));
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("f1Score() rejects arrays of different lengths", () => {
  throwsWith(
    () => f1Score([0, 1, 1], [0, 1, 1, 0]),
    RangeError,
    "Cannot compute f1Score: yTrue and yPred must have the same length, got 3 and 4",
  );
});

Deno.test("f1Score() rejects empty arrays, NaN and non-arrays", () => {
  throwsWith(() => f1Score([], []), RangeError, "Cannot compute f1Score: yTrue must not be empty");
  throwsWith(
    () => f1Score([0, 1], [0, NaN]),
    RangeError,
    "Cannot compute f1Score: yPred[1] must be finite, got NaN",
  );
  throwsWith(
    () => f1Score("01" as unknown as number[], [0, 1]),
    TypeError,
    'Cannot compute f1Score: yTrue must be an array of numbers, got "01"',
  );
  throwsWith(
    () => f1Score([0, "1"] as unknown as number[], [0, 1]),
    TypeError,
    'Cannot compute f1Score: yTrue[1] must be a number, got "1"',
  );
});

Deno.test("precisionScore() rejects labels other than 0/1 with average binary", () => {
  throwsWith(
    () => precisionScore([0, 2], [0, 1]),
    RangeError,
    "Cannot compute precisionScore: yTrue[1] must be 0 or 1, got 2",
  );
  throwsWith(
    () => recallScore([0, 1], [0, -1]),
    RangeError,
    "Cannot compute recallScore: yPred[1] must be 0 or 1, got -1",
  );
});

Deno.test("precisionScore() rejects an unknown average, a bad posLabel and zeroDivision", () => {
  throwsWith(
    () => precisionScore(T, P, { average: "samples" as "macro" }),
    RangeError,
    'Cannot compute precisionScore: average must be one of "binary", "macro", "micro", "weighted", got "samples"',
  );
  throwsWith(
    () => precisionScore(T, P, { posLabel: 2 }),
    RangeError,
    "Cannot compute precisionScore: posLabel must be 0 or 1, got 2",
  );
  throwsWith(
    () => precisionScore(T, P, { zeroDivision: 0.5 }),
    RangeError,
    "Cannot compute precisionScore: zeroDivision must be 0, 1 or NaN, got 0.5",
  );
  throwsWith(
    () => precisionScore(T, P, { zeroDivision: "warn" as unknown as number }),
    RangeError,
    'Cannot compute precisionScore: zeroDivision must be 0, 1 or NaN, got "warn"',
  );
});

Deno.test("fbetaScore() rejects a negative, infinite or missing beta", () => {
  throwsWith(
    () => fbetaScore(T, P, { beta: -1 }),
    RangeError,
    "Cannot compute fbetaScore: beta must be at least 0, got -1",
  );
  throwsWith(
    () => fbetaScore(T, P, { beta: Infinity }),
    RangeError,
    "Cannot compute fbetaScore: beta must be finite, got Infinity",
  );
  throwsWith(
    () => fbetaScore(T, P, {} as { beta: number }),
    TypeError,
    "Cannot compute fbetaScore: beta must be a number, got undefined",
  );
});

Deno.test("accuracyScore() rejects bad sample weights", () => {
  throwsWith(
    () => accuracyScore([0, 1], [0, 1], { sampleWeight: [1] }),
    RangeError,
    "Cannot compute accuracyScore: yTrue and sampleWeight must have the same length, got 2 and 1",
  );
  throwsWith(
    () => accuracyScore([0, 1], [0, 1], { sampleWeight: [1, -2] }),
    RangeError,
    "Cannot compute accuracyScore: sampleWeight[1] must be non-negative, got -2",
  );
  throwsWith(
    () => accuracyScore([0, 1], [0, 1], { sampleWeight: [0, 0] }),
    RangeError,
    "Cannot compute accuracyScore: sampleWeight must have a positive sum, got 0",
  );
  throwsWith(
    () => accuracyScore([0, 1], [0, 1], { sampleWeight: 2 as unknown as number[] }),
    TypeError,
    "Cannot compute accuracyScore: sampleWeight must be an array of numbers, got 2",
  );
  throwsWith(
    () => accuracyScore([0, 1], [0, 1], { sampleWeight: [1, Infinity] }),
    RangeError,
    "Cannot compute accuracyScore: sampleWeight[1] must be finite, got Infinity",
  );
});
