/**
 * The precision–recall curve and average precision (the step-wise area
 * under it).
 *
 * @module
 */

import type { NumberArray } from "./_validate.ts";
import { validatedCounts } from "./_binary_counts.ts";

/** Options of {@link precisionRecallCurve}. */
export interface PrecisionRecallCurveOptions {
  /** Per-sample weights (non-negative, positive sum); weight-0 samples are dropped. @default undefined (all 1) */
  sampleWeight?: NumberArray;
  /**
   * Keep only the first and last threshold of each run with the same number
   * of true positives (scikit-learn's `drop_intermediate`).
   * @default false
   */
  dropIntermediate?: boolean;
}

/** A precision–recall curve, in scikit-learn's order. */
export interface PrecisionRecallCurve {
  /** `precision[i]` of the rule `score ≥ thresholds[i]`; one extra last entry, 1. */
  precision: number[];
  /** Decreasing recalls; one extra last entry, 0. */
  recall: number[];
  /** Increasing distinct scores. */
  thresholds: number[];
}

/**
 * Precision and recall of the rule "positive if score ≥ t" for every
 * distinct score t, in increasing order of t.
 *
 * $$P(t) = \frac{TP(t)}{TP(t) + FP(t)},\qquad R(t) = \frac{TP(t)}{TP(t) + FN(t)}$$
 *
 * As scikit-learn's `precision_recall_curve`: a final point (recall 0,
 * precision 1) without threshold closes the curve; tied scores form one
 * point. `yTrue` without positives is an error (scikit-learn sets recall to
 * 1 with a warning).
 *
 * @param yTrue True labels, 0 or 1, at least one 1.
 * @param yScore Scores, higher meaning more likely positive.
 * @param options See {@link PrecisionRecallCurveOptions}.
 * @returns `{ precision, recall, thresholds }` (the first two one longer).
 * @throws {RangeError} On empty or mismatched arrays, non-finite values,
 * labels other than 0/1, no positive sample or an invalid `sampleWeight`.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example scikit-learn's `precision_recall_curve` docstring
 * ```ts
 * import assert from "node:assert/strict";
 * import { precisionRecallCurve } from "@lib/metrics/mod.ts";
 * const c = precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * assert.deepEqual(c.precision, [0.5, 2 / 3, 0.5, 1, 1]);
 * assert.deepEqual(c.recall, [1, 1, 0.5, 0.5, 0]);
 * assert.deepEqual(c.thresholds, [0.1, 0.35, 0.4, 0.8]);
 * ```
 */
export function precisionRecallCurve(
  yTrue: NumberArray,
  yScore: NumberArray,
  options: PrecisionRecallCurveOptions = {},
): PrecisionRecallCurve {
  const { dropIntermediate = false, sampleWeight } = options;
  const counts = validatedCounts(yTrue, yScore, sampleWeight, "precisionRecallCurve", "positive");
  const { thresholds, tps, fps } = counts;
  const m = tps.length;
  const keep: number[] = [];
  for (let i = 0; i < m; i++) {
    const edge = i === 0 || i === m - 1 || !dropIntermediate ||
      tps[i] !== tps[i - 1] || tps[i + 1] !== tps[i];
    if (edge) keep.push(i);
  }
  keep.reverse();
  const p = tps[m - 1];
  return {
    precision: [...keep.map((i) => tps[i] + fps[i] === 0 ? 0 : tps[i] / (tps[i] + fps[i])), 1],
    recall: [...keep.map((i) => tps[i] / p), 0],
    thresholds: keep.map((i) => thresholds[i]),
  };
}

/** Options of {@link averagePrecisionScore}. */
export interface AveragePrecisionOptions {
  /** Per-sample weights (non-negative, positive sum). @default undefined (all 1) */
  sampleWeight?: NumberArray;
}

/**
 * Average precision (AP): the precisions at each threshold, weighted by the
 * increase in recall, a step-wise (not trapezoidal) area under the
 * precision–recall curve.
 *
 * $$\mathrm{AP} = \sum_n (R_n - R_{n-1})\,P_n$$
 *
 * over thresholds in decreasing order, R₀ = 0 (scikit-learn's
 * `average_precision_score` since 0.19; the trapezoid would interpolate
 * linearly and be too optimistic). Tied scores form one threshold, so a tie
 * contributes the precision of the whole tied group. Without ties it equals
 * the IR average precision ({@link averagePrecisionAtK} with k = n). No
 * positive in `yTrue` is an error.
 *
 * @param yTrue True labels, 0 or 1, at least one 1.
 * @param yScore Scores, higher meaning more likely positive.
 * @param options See {@link AveragePrecisionOptions}.
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@link precisionRecallCurve}.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example scikit-learn's docstring: (1/2)·1 + (1/2)·(2/3) = 5/6
 * ```ts
 * import assert from "node:assert/strict";
 * import { averagePrecisionScore } from "@lib/metrics/mod.ts";
 * const ap = averagePrecisionScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * assert.ok(Math.abs(ap - 0.8333333333333333) < 1e-15);
 * ```
 */
export function averagePrecisionScore(
  yTrue: NumberArray,
  yScore: NumberArray,
  options: AveragePrecisionOptions = {},
): number {
  const counts = validatedCounts(
    yTrue,
    yScore,
    options.sampleWeight,
    "averagePrecisionScore",
    "positive",
  );
  const { tps, fps } = counts;
  const p = tps[tps.length - 1];
  let ap = 0, prevRecall = 0;
  for (let i = 0; i < tps.length; i++) {
    const recall = tps[i] / p;
    if (recall !== prevRecall) ap += (recall - prevRecall) * (tps[i] / (tps[i] + fps[i]));
    prevRecall = recall;
  }
  return Math.max(0, ap);
}
