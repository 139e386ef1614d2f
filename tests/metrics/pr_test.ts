import assert from "node:assert/strict";
import fc from "fast-check";
import {
  averagePrecisionAtK,
  averagePrecisionScore,
  precisionRecallCurve,
} from "@lib/metrics/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { throwsWith } from "./_throws.ts";

Deno.test("precisionRecallCurve() matches scikit-learn's docstring", () => {
  const c = precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
  assert.deepEqual(c.precision, [0.5, 2 / 3, 0.5, 1, 1]);
  assert.deepEqual(c.recall, [1, 1, 0.5, 0.5, 0]);
  assert.deepEqual(c.thresholds, [0.1, 0.35, 0.4, 0.8]);
});

Deno.test("averagePrecisionScore() of scikit-learn's docstring example is 0.8333333333333333", () => {
  // Thresholds 0.8, 0.4, 0.35, 0.1: recall steps 1/2 at precision 1 and 1/2 at 2/3.
  assertClose(averagePrecisionScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.8333333333333333, {
    rel: 1e-15,
  });
});

Deno.test("averagePrecisionScore() is step-wise, not the trapezoid under the curve", () => {
  const yTrue = [0, 0, 1, 1], yScore = [0.1, 0.4, 0.35, 0.8];
  const { precision, recall } = precisionRecallCurve(yTrue, yScore);
  let trapezoid = 0;
  for (let i = 1; i < recall.length; i++) {
    trapezoid += ((recall[i - 1] - recall[i]) * (precision[i - 1] + precision[i])) / 2;
  }
  assertClose(trapezoid, 0.5 + 0.5 * (0.5 + 2 / 3) / 2); // 0.7916…: interpolates linearly
  assert.ok(averagePrecisionScore(yTrue, yScore) > trapezoid);
});

Deno.test("averagePrecisionScore() takes a tied group's precision as one step", () => {
  // Scores 0.8 (pos, neg tied), 0.5 (pos), 0.1 (neg): steps 1/2 at P 1/2, 1/2 at P 2/3.
  assertClose(averagePrecisionScore([1, 0, 1, 0], [0.8, 0.8, 0.5, 0.1]), 0.25 + 1 / 3);
  // All positives: 1 whatever the scores.
  assert.equal(averagePrecisionScore([1, 1, 1], [0.2, 0.9, 0.4]), 1);
});

Deno.test("averagePrecisionScore() without ties equals the IR average precision", () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.double({ min: -100, max: 100, noNaN: true }), {
        minLength: 2,
        maxLength: 40,
        comparator: (a, b) => a === b,
      }),
      fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 40, maxLength: 40 }),
      (scores, labels) => {
        const yTrue = scores.map((_, i) => labels[i]);
        yTrue[0] = 1;
        // Manning et al. IIR §8.4: mean precision at the rank of each relevant document.
        const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
        let hits = 0, sum = 0;
        order.forEach((i, rank) => {
          if (yTrue[i] === 1) sum += ++hits / (rank + 1);
        });
        assertClose(averagePrecisionScore(yTrue, scores), sum / hits);
        assertClose(averagePrecisionAtK(yTrue, scores), sum / hits);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("precisionRecallCurve() keeps the ends of equal-recall runs with dropIntermediate", () => {
  // tps = [1, 1, 1, 1, 2] at thresholds 0.9 … 0.5: 0.8 and 0.7 repeat recall 1/2.
  const yTrue = [1, 0, 0, 0, 1], yScore = [0.9, 0.8, 0.7, 0.6, 0.5];
  const c = precisionRecallCurve(yTrue, yScore, { dropIntermediate: true });
  assert.deepEqual(c.thresholds, [0.5, 0.6, 0.9]);
  assert.deepEqual(c.recall, [1, 0.5, 0.5, 0]);
  assert.deepEqual(c.precision, [0.4, 0.25, 1, 1]);
  assert.equal(precisionRecallCurve(yTrue, yScore).thresholds.length, 5);
});

Deno.test("averagePrecisionScore() with integer weights equals repeated samples", () => {
  const t = [0, 1, 0, 1, 1], s = [0.2, 0.6, 0.5, 0.9, 0.1], w = [2, 1, 3, 2, 1];
  const rt = t.flatMap((v, i) => new Array(w[i]).fill(v));
  const rs = s.flatMap((v, i) => new Array(w[i]).fill(v));
  assertClose(averagePrecisionScore(t, s, { sampleWeight: w }), averagePrecisionScore(rt, rs));
  assert.deepEqual(precisionRecallCurve(t, s, { sampleWeight: w }), precisionRecallCurve(rt, rs));
});

Deno.test("averagePrecisionScore() rejects yTrue without positives", () => {
  throwsWith(
    () => averagePrecisionScore([0, 0], [0.1, 0.2]),
    RangeError,
    "Cannot compute averagePrecisionScore: yTrue must contain at least one positive (1), got none",
  );
  throwsWith(
    () => precisionRecallCurve([0, 1], [0.1, 0.2], { sampleWeight: [1, 0] }),
    RangeError,
    "Cannot compute precisionRecallCurve: yTrue must contain at least one positive (1) with positive weight, got none",
  );
});

Deno.test("averagePrecisionScore() rejects non-binary labels and mismatched lengths", () => {
  throwsWith(
    () => averagePrecisionScore([0, 1, 3], [0.1, 0.2, 0.3]),
    RangeError,
    "Cannot compute averagePrecisionScore: yTrue[2] must be 0 or 1, got 3",
  );
  throwsWith(
    () => averagePrecisionScore([0, 1, 1], [0.1, 0.2]),
    RangeError,
    "Cannot compute averagePrecisionScore: yTrue and yScore must have the same length, got 3 and 2",
  );
});
