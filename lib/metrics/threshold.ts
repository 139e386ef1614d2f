/**
 * Turning scores into decisions: the confusion counts and rates of one
 * threshold.
 *
 * @module
 */

import { raise } from "../_shared/validate.ts";
import {
  assertBinaryLabels,
  assertPair,
  assertZeroDivision,
  checkSampleWeight,
  contextOf,
  type NumberArray,
} from "./_validate.ts";
import { metricsFromCounts, type ThresholdMetrics } from "./_threshold_metrics.ts";

export type { ThresholdMetrics } from "./_threshold_metrics.ts";

/** Options of {@link metricsAtThreshold}. */
export interface MetricsAtThresholdOptions {
  /** Scores ≥ threshold are predicted positive (any number but NaN). @default 0.5 */
  threshold?: number;
  /** Per-sample weights (non-negative, positive sum). @default undefined (all 1) */
  sampleWeight?: NumberArray;
  /** Value of a rate whose denominator is 0: 0, 1 or NaN. @default 0 */
  zeroDivision?: number;
}

/**
 * The confusion counts, precision, recall, specificity, FPR, F1 and accuracy
 * of the rule "predict 1 if score ≥ threshold" (the ≥ of scikit-learn's
 * curves).
 *
 * $$\hat y_i = [s_i \ge t],\quad TP = \sum_i w_i [y_i = 1][\hat y_i = 1],\ \dots$$
 *
 * @param yTrue True labels, 0 or 1.
 * @param yScore Scores or probabilities.
 * @param options See {@link MetricsAtThresholdOptions}.
 * @returns A {@link ThresholdMetrics}.
 * @throws {RangeError} On empty or mismatched arrays, non-finite values,
 * labels other than 0/1, a NaN threshold, a bad `zeroDivision` or
 * `sampleWeight`.
 * @throws {TypeError} If an argument is not a numeric array or the
 * threshold is not a number.
 * @see notebooks/01_setup.ipynb
 *
 * @example Threshold 0.5 on four samples: TP 1, FP 0, TN 2, FN 1
 * ```ts
 * import assert from "node:assert/strict";
 * import { metricsAtThreshold } from "@lib/metrics/mod.ts";
 * const m = metricsAtThreshold([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * assert.deepEqual([m.tp, m.fp, m.tn, m.fn], [1, 0, 2, 1]);
 * assert.equal(m.precision, 1);
 * assert.equal(m.recall, 0.5);
 * ```
 */
export function metricsAtThreshold(
  yTrue: NumberArray,
  yScore: NumberArray,
  options: MetricsAtThresholdOptions = {},
): ThresholdMetrics {
  const context = contextOf("metricsAtThreshold");
  const { threshold = 0.5, zeroDivision = 0 } = options;
  assertPair(yTrue, yScore, ["yTrue", "yScore"], context);
  assertBinaryLabels(yTrue, "yTrue", context);
  if (typeof threshold !== "number") {
    raise("type", context, `threshold must be a number, got ${typeof threshold}`);
  }
  if (Number.isNaN(threshold)) raise("range", context, "threshold must not be NaN, got NaN");
  assertZeroDivision(zeroDivision, context);
  const weight = checkSampleWeight(options.sampleWeight, yTrue, context);
  let tp = 0, fp = 0, tn = 0, fn = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weight === undefined ? 1 : weight[i];
    const positive = yScore[i] >= threshold;
    if (yTrue[i] === 1) {
      if (positive) tp += w;
      else fn += w;
    } else if (positive) fp += w;
    else tn += w;
  }
  return metricsFromCounts(threshold, tp, fp, tn, fn, zeroDivision);
}
