/**
 * The metrics of one decision threshold, computed from its confusion counts
 * (shared by `threshold.ts` and `threshold_search.ts`).
 *
 * @module
 */

import { divide } from "./_validate.ts";

/** The confusion counts and rates of the rule "positive if score ≥ threshold". */
export interface ThresholdMetrics {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** TP / (TP + FP). */
  precision: number;
  /** TP / (TP + FN), the true positive rate. */
  recall: number;
  /** TN / (TN + FP), the true negative rate. */
  specificity: number;
  /** FP / (FP + TN). */
  fpr: number;
  /** 2TP / (2TP + FP + FN). */
  f1: number;
  /** (TP + TN) / total. */
  accuracy: number;
}

/** Rates from (weighted) counts; a 0/0 rate is `zeroDivision`. */
export function metricsFromCounts(
  threshold: number,
  tp: number,
  fp: number,
  tn: number,
  fn: number,
  zeroDivision = 0,
): ThresholdMetrics {
  return {
    threshold,
    tp,
    fp,
    tn,
    fn,
    precision: divide(tp, tp + fp, zeroDivision),
    recall: divide(tp, tp + fn, zeroDivision),
    specificity: divide(tn, tn + fp, zeroDivision),
    fpr: divide(fp, fp + tn, zeroDivision),
    f1: divide(2 * tp, 2 * tp + fp + fn, zeroDivision),
    accuracy: (tp + tn) / (tp + fp + tn + fn),
  };
}
