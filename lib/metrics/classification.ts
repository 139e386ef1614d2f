/**
 * Label-based classification scores: accuracy, precision, recall, F1 and
 * F-beta, with scikit-learn's averaging and zero-division conventions.
 *
 * @module
 */

import { assertPair, checkSampleWeight, contextOf, type NumberArray } from "./_validate.ts";
import { precisionRecallF, type PrecisionRecallOptions } from "./_prf.ts";

export type { Average, PrecisionRecallOptions } from "./_prf.ts";

/** Options of {@link accuracyScore}. */
export interface AccuracyOptions {
  /** Per-sample weights (non-negative, positive sum). @default undefined (all 1) */
  sampleWeight?: NumberArray;
}

/**
 * Fraction of samples whose predicted label equals the true label.
 *
 * $$\mathrm{accuracy} = \frac{\sum_i w_i\,[\hat y_i = y_i]}{\sum_i w_i}$$
 *
 * Labels may be any finite numbers (multiclass allowed).
 *
 * @param yTrue True labels.
 * @param yPred Predicted labels, same length.
 * @param options See {@link AccuracyOptions}.
 * @returns A number in [0, 1].
 * @throws {RangeError} If the arrays are empty, differ in length or hold
 * non-finite values, or if `sampleWeight` is invalid.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example scikit-learn's `accuracy_score` docstring
 * ```ts
 * import assert from "node:assert/strict";
 * import { accuracyScore } from "@lib/metrics/mod.ts";
 * assert.equal(accuracyScore([0, 1, 2, 3], [0, 2, 1, 3]), 0.5);
 * ```
 */
export function accuracyScore(
  yTrue: NumberArray,
  yPred: NumberArray,
  options: AccuracyOptions = {},
): number {
  const context = contextOf("accuracyScore");
  assertPair(yTrue, yPred, ["yTrue", "yPred"], context);
  const weight = checkSampleWeight(options.sampleWeight, yTrue, context);
  let correct = 0, total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weight === undefined ? 1 : weight[i];
    if (yTrue[i] === yPred[i]) correct += w;
    total += w;
  }
  return correct / total;
}

/**
 * Precision: the fraction of predicted positives that are truly positive.
 *
 * $$P = \frac{TP}{TP + FP}$$
 *
 * Per class for `"macro"`/`"weighted"`, on pooled counts for `"micro"`. With
 * no predicted positives the score is `zeroDivision` (default 0, no warning).
 * Under `"macro"`, a label that occurs only in `yTrue` gets precision
 * `zeroDivision`, and every label of `yTrue` or `yPred` takes part (as
 * scikit-learn).
 *
 * @param yTrue True labels (0/1 for `average: "binary"`).
 * @param yPred Predicted labels, same length.
 * @param options See {@link PrecisionRecallOptions}.
 * @returns A number in [0, 1] (or NaN when `zeroDivision` is NaN and every
 * class is undefined).
 * @throws {RangeError} On empty or mismatched arrays, non-finite values, a
 * label other than 0/1 with `"binary"`, an unknown `average`, a bad
 * `posLabel`, `zeroDivision` or `sampleWeight`.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example TP = 1, FP = 2: precision 1/3
 * ```ts
 * import assert from "node:assert/strict";
 * import { precisionScore } from "@lib/metrics/mod.ts";
 * assert.equal(precisionScore([0, 1, 0, 1], [1, 1, 1, 0]), 1 / 3);
 * ```
 */
export function precisionScore(
  yTrue: NumberArray,
  yPred: NumberArray,
  options: PrecisionRecallOptions = {},
): number {
  return precisionRecallF(yTrue, yPred, 1, options, contextOf("precisionScore")).precision;
}

/**
 * Recall (sensitivity, true positive rate): the fraction of true positives
 * that are predicted positive.
 *
 * $$R = \frac{TP}{TP + FN}$$
 *
 * With no true positives the score is `zeroDivision` (default 0). Under
 * `"macro"`, a label that occurs only in `yPred` has recall `zeroDivision`
 * and still counts in the mean (scikit-learn uses the labels of both).
 *
 * @param yTrue True labels (0/1 for `average: "binary"`).
 * @param yPred Predicted labels, same length.
 * @param options See {@link PrecisionRecallOptions}.
 * @returns A number in [0, 1] (or NaN, see {@link precisionScore}).
 * @throws {RangeError} As {@link precisionScore}.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example TP = 1, FN = 1: recall 1/2
 * ```ts
 * import assert from "node:assert/strict";
 * import { recallScore } from "@lib/metrics/mod.ts";
 * assert.equal(recallScore([0, 1, 0, 1], [1, 1, 1, 0]), 0.5);
 * ```
 */
export function recallScore(
  yTrue: NumberArray,
  yPred: NumberArray,
  options: PrecisionRecallOptions = {},
): number {
  return precisionRecallF(yTrue, yPred, 1, options, contextOf("recallScore")).recall;
}

/**
 * F1: the harmonic mean of precision and recall, computed from counts.
 *
 * $$F_1 = \frac{2PR}{P + R} = \frac{2\,TP}{2\,TP + FP + FN}$$
 *
 * The count form is used, so F1 is 0 (not `zeroDivision`) when TP = 0 but
 * FP + FN > 0; `zeroDivision` applies only when TP = FP = FN = 0
 * (scikit-learn ≥ 1.3).
 *
 * @param yTrue True labels (0/1 for `average: "binary"`).
 * @param yPred Predicted labels, same length.
 * @param options See {@link PrecisionRecallOptions}.
 * @returns A number in [0, 1] (or NaN, see {@link precisionScore}).
 * @throws {RangeError} As {@link precisionScore}.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example P = 1/3, R = 1/2 gives F1 = 2/5
 * ```ts
 * import assert from "node:assert/strict";
 * import { f1Score } from "@lib/metrics/mod.ts";
 * assert.equal(f1Score([0, 1, 0, 1], [1, 1, 1, 0]), 0.4);
 * ```
 */
export function f1Score(
  yTrue: NumberArray,
  yPred: NumberArray,
  options: PrecisionRecallOptions = {},
): number {
  return precisionRecallF(yTrue, yPred, 1, options, contextOf("f1Score")).fScore;
}

/** Options of {@link fbetaScore}: {@link PrecisionRecallOptions} plus `beta`. */
export interface FbetaOptions extends PrecisionRecallOptions {
  /** Weight of recall relative to precision (finite, ≥ 0; 0 gives precision). */
  beta: number;
}

/**
 * F-beta: the weighted harmonic mean of precision and recall, in which
 * recall counts β times as much as precision.
 *
 * $$F_\beta = \frac{(1+\beta^2)PR}{\beta^2 P + R}
 *   = \frac{(1+\beta^2)\,TP}{(1+\beta^2)\,TP + \beta^2 FN + FP}$$
 *
 * Zero-division and averaging as {@link f1Score}.
 *
 * @param yTrue True labels (0/1 for `average: "binary"`).
 * @param yPred Predicted labels, same length.
 * @param options See {@link FbetaOptions}; `beta` is required.
 * @returns A number in [0, 1] (or NaN, see {@link precisionScore}).
 * @throws {RangeError} As {@link precisionScore}, or if `beta` is negative or
 * not finite.
 * @throws {TypeError} If an argument is not a numeric array or `beta` is not
 * a number.
 * @see notebooks/01_setup.ipynb
 *
 * @example β = 2 with TP = 1, FP = 2, FN = 1: 5/(5 + 4 + 2) = 5/11
 * ```ts
 * import assert from "node:assert/strict";
 * import { fbetaScore } from "@lib/metrics/mod.ts";
 * assert.equal(fbetaScore([0, 1, 0, 1], [1, 1, 1, 0], { beta: 2 }), 5 / 11);
 * ```
 */
export function fbetaScore(yTrue: NumberArray, yPred: NumberArray, options: FbetaOptions): number {
  const { beta, ...rest } = options ?? ({} as FbetaOptions);
  return precisionRecallF(yTrue, yPred, beta, rest, contextOf("fbetaScore")).fScore;
}
