/**
 * The receiver operating characteristic (ROC) curve and the area under it.
 *
 * @module
 */

import type { NumberArray } from "./_validate.ts";
import { validatedCounts } from "./_binary_counts.ts";

/** Options of {@link rocCurve}. */
export interface RocCurveOptions {
  /** Per-sample weights (non-negative, positive sum); weight-0 samples are dropped. @default undefined (all 1) */
  sampleWeight?: NumberArray;
  /**
   * Drop thresholds whose point is collinear with its neighbours (keeps the
   * curve's shape and area, as scikit-learn's `drop_intermediate=True`).
   * @default true
   */
  dropIntermediate?: boolean;
}

/** A ROC curve: `fpr[i]`, `tpr[i]` are the rates of the rule `score ≥ thresholds[i]`. */
export interface RocCurve {
  /** False positive rates, increasing from 0 to 1. */
  fpr: number[];
  /** True positive rates, increasing from 0 to 1. */
  tpr: number[];
  /** Decreasing thresholds; the first is `Infinity` (nothing predicted positive). */
  thresholds: number[];
}

/**
 * The ROC curve: true positive rate against false positive rate as the
 * decision threshold falls through every distinct score.
 *
 * $$\mathrm{TPR}(t) = \frac{\sum_i w_i [y_i = 1][s_i \ge t]}{\sum_i w_i [y_i = 1]},\qquad
 *   \mathrm{FPR}(t) = \frac{\sum_i w_i [y_i = 0][s_i \ge t]}{\sum_i w_i [y_i = 0]}$$
 *
 * As scikit-learn's `roc_curve`: a point (0, 0) with threshold `Infinity`
 * comes first; tied scores form one point; `dropIntermediate` (default
 * true) removes collinear points. A single class in `yTrue` is an error
 * (scikit-learn returns NaN rates with a warning).
 *
 * @param yTrue True labels, 0 or 1.
 * @param yScore Scores, higher meaning more likely positive (any finite numbers).
 * @param options See {@link RocCurveOptions}.
 * @returns `{ fpr, tpr, thresholds }`.
 * @throws {RangeError} On empty or mismatched arrays, non-finite values,
 * labels other than 0/1, a single class (after dropping weight-0 samples) or
 * an invalid `sampleWeight`.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example scikit-learn's `roc_curve` docstring (labels 1, 2 recoded as 0, 1)
 * ```ts
 * import assert from "node:assert/strict";
 * import { rocCurve } from "@lib/metrics/mod.ts";
 * const { fpr, tpr, thresholds } = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * assert.deepEqual(fpr, [0, 0, 0.5, 0.5, 1]);
 * assert.deepEqual(tpr, [0, 0.5, 0.5, 1, 1]);
 * assert.deepEqual(thresholds, [Infinity, 0.8, 0.4, 0.35, 0.1]);
 * ```
 */
export function rocCurve(
  yTrue: NumberArray,
  yScore: NumberArray,
  options: RocCurveOptions = {},
): RocCurve {
  const { dropIntermediate = true, sampleWeight } = options;
  const { thresholds, tps, fps } = validatedCounts(yTrue, yScore, sampleWeight, "rocCurve", "both");
  const m = tps.length;
  const keep: number[] = [];
  for (let i = 0; i < m; i++) {
    // numpy's diff(x, 2): (x[i+1] - x[i]) - (x[i] - x[i-1]) marks a corner at i.
    const corner = i === 0 || i === m - 1 || !dropIntermediate ||
      (fps[i + 1] - fps[i]) - (fps[i] - fps[i - 1]) !== 0 ||
      (tps[i + 1] - tps[i]) - (tps[i] - tps[i - 1]) !== 0;
    if (corner) keep.push(i);
  }
  const p = tps[m - 1], n = fps[m - 1];
  return {
    fpr: [0, ...keep.map((i) => fps[i] / n)],
    tpr: [0, ...keep.map((i) => tps[i] / p)],
    thresholds: [Infinity, ...keep.map((i) => thresholds[i])],
  };
}

/** Options of {@link rocAucScore}. */
export interface RocAucOptions {
  /** Per-sample weights (non-negative, positive sum). @default undefined (all 1) */
  sampleWeight?: NumberArray;
}

/**
 * Area under the ROC curve: the probability that a random positive scores
 * higher than a random negative, a tie counting ½ (Mann–Whitney U / (P·N)).
 *
 * $$\mathrm{AUC} = \frac{1}{PN}\sum_{i: y_i = 1}\sum_{j: y_j = 0}
 *   w_i w_j\left([s_i > s_j] + \tfrac12 [s_i = s_j]\right)$$
 *
 * Computed with the trapezoidal rule over the ROC curve's points (the
 * diagonal segment of a tied group is exactly the ½ of the ties), in
 * O(n log n). Binary only; a single class in `yTrue` is an error
 * (scikit-learn returns NaN with a warning).
 *
 * @param yTrue True labels, 0 or 1, both present.
 * @param yScore Scores, higher meaning more likely positive.
 * @param options See {@link RocAucOptions}.
 * @returns A number in [0, 1]; 0.5 for uninformative scores.
 * @throws {RangeError} As {@link rocCurve}.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example scikit-learn's `auc` docstring: 3 of 4 positive–negative pairs ordered
 * ```ts
 * import assert from "node:assert/strict";
 * import { rocAucScore } from "@lib/metrics/mod.ts";
 * assert.equal(rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75);
 * ```
 */
export function rocAucScore(
  yTrue: NumberArray,
  yScore: NumberArray,
  options: RocAucOptions = {},
): number {
  const { tps, fps } = validatedCounts(yTrue, yScore, options.sampleWeight, "rocAucScore", "both");
  const m = tps.length;
  const p = tps[m - 1], n = fps[m - 1];
  let area = 0, prevF = 0, prevT = 0;
  for (let i = 0; i < m; i++) {
    const f = fps[i] / n, t = tps[i] / p;
    area += (f - prevF) * (t + prevT) / 2;
    prevF = f;
    prevT = t;
  }
  return area;
}
