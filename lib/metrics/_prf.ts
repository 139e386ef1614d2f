/**
 * The shared core of precision, recall and the F-scores: per-class counts,
 * zero-division handling and averaging, as scikit-learn's
 * `precision_recall_fscore_support`.
 *
 * @module
 */

import { assertFiniteNumber, assertOneOf, raise } from "../_shared/validate.ts";
import {
  assertBinaryLabels,
  assertPair,
  assertZeroDivision,
  checkSampleWeight,
  divide,
  type NumberArray,
} from "./_validate.ts";
import { classCounts, encodeLabels } from "./_labels.ts";

/** How per-class scores are combined. */
export type Average = "binary" | "macro" | "micro" | "weighted";

/** The averaging modes, in the order error messages list them. */
export const AVERAGES: readonly Average[] = ["binary", "macro", "micro", "weighted"];

/** Options shared by {@link precisionScore}, {@link recallScore}, {@link f1Score}. */
export interface PrecisionRecallOptions {
  /**
   * `"binary"`: the score of class `posLabel` only (labels must be 0 or 1);
   * `"macro"`: unweighted mean of the per-class scores over every label in
   * `yTrue` or `yPred` (a label only predicted counts, with recall 0);
   * `"micro"`: the score of the pooled counts (equals accuracy for
   * single-label multiclass data); `"weighted"`: mean weighted by each
   * class's (weighted) support in `yTrue`.
   * @default "binary"
   */
  average?: Average;
  /** The positive class when `average` is `"binary"`: 0 or 1. @default 1 */
  posLabel?: number;
  /**
   * The value of a score whose denominator is 0 (no predicted positives for
   * precision, no true positives for recall, neither for F): 0, 1 or NaN.
   * NaN scores are left out of macro and weighted means (scikit-learn's
   * `zero_division=np.nan`). No warning is printed.
   * @default 0
   */
  zeroDivision?: number;
  /** Per-sample weights (non-negative, positive sum). @default undefined (all 1) */
  sampleWeight?: NumberArray;
}

/** Precision, recall and F-beta of one call. */
export interface PrfResult {
  precision: number;
  recall: number;
  fScore: number;
}

/** Mean of the non-NaN entries (weighted), NaN if all are NaN (sklearn `_nanaverage`). */
function nanAverage(values: Float64Array, weights?: Float64Array): number {
  let sum = 0, total = 0, plain = 0, count = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    const w = weights === undefined ? 1 : weights[i];
    sum += w * values[i];
    total += w;
    plain += values[i];
    count++;
  }
  if (count === 0) return NaN;
  return total > 0 ? sum / total : plain / count;
}

/** Precision, recall and F-beta from counts: F = (1+β²)tp / ((1+β²)tp + β²fn + fp). */
function scores(tp: number, predicted: number, actual: number, beta2: number, zd: number) {
  return {
    precision: divide(tp, predicted, zd),
    recall: divide(tp, actual, zd),
    fScore: divide((1 + beta2) * tp, beta2 * actual + predicted, zd),
  };
}

/** Validates the inputs and computes precision, recall and F-beta. */
export function precisionRecallF(
  yTrue: NumberArray,
  yPred: NumberArray,
  beta: number,
  options: PrecisionRecallOptions,
  context: string,
): PrfResult {
  const { average = "binary", posLabel = 1, zeroDivision = 0, sampleWeight } = options;
  assertPair(yTrue, yPred, ["yTrue", "yPred"], context);
  assertOneOf(average, AVERAGES, "average", context);
  assertZeroDivision(zeroDivision, context);
  assertFiniteNumber(beta, "beta", context, { min: 0 });
  const weight = checkSampleWeight(sampleWeight, yTrue, context);
  const beta2 = beta * beta;
  if (average === "binary") {
    if (posLabel !== 0 && posLabel !== 1) {
      raise("range", context, `posLabel must be 0 or 1, got ${posLabel}`);
    }
    assertBinaryLabels(yTrue, "yTrue", context);
    assertBinaryLabels(yPred, "yPred", context);
    let tp = 0, predicted = 0, actual = 0;
    for (let i = 0; i < yTrue.length; i++) {
      const w = weight === undefined ? 1 : weight[i];
      const t = yTrue[i] === posLabel, p = yPred[i] === posLabel;
      if (p) predicted += w;
      if (t) actual += w;
      if (t && p) tp += w;
    }
    return scores(tp, predicted, actual, beta2, zeroDivision);
  }
  const counts = classCounts(encodeLabels(yTrue, yPred), weight);
  const m = counts.tp.length;
  if (average === "micro") {
    const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
    return scores(sum(counts.tp), sum(counts.predicted), sum(counts.actual), beta2, zeroDivision);
  }
  const p = new Float64Array(m), r = new Float64Array(m), f = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    const s = scores(counts.tp[c], counts.predicted[c], counts.actual[c], beta2, zeroDivision);
    p[c] = s.precision;
    r[c] = s.recall;
    f[c] = s.fScore;
  }
  const w = average === "weighted" ? counts.actual : undefined;
  return { precision: nanAverage(p, w), recall: nanAverage(r, w), fScore: nanAverage(f, w) };
}
