/**
 * Regression metrics: mean squared error, its root, mean absolute error and
 * the coefficient of determination R².
 *
 * @module
 */

import { assertPair, checkSampleWeight, contextOf, type NumberArray } from "./_validate.ts";

/** Options of the regression metrics. */
export interface RegressionOptions {
  /** Per-sample weights (non-negative, positive sum). @default undefined (all 1) */
  sampleWeight?: NumberArray;
}

function weightedMeanOf(
  yTrue: NumberArray,
  yPred: NumberArray,
  options: RegressionOptions,
  metric: string,
  term: (residual: number) => number,
): number {
  const context = contextOf(metric);
  assertPair(yTrue, yPred, ["yTrue", "yPred"], context);
  const weight = checkSampleWeight(options.sampleWeight, yTrue, context);
  let sum = 0, total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weight === undefined ? 1 : weight[i];
    sum += w * term(yTrue[i] - yPred[i]);
    total += w;
  }
  return sum / total;
}

/**
 * Mean squared error.
 *
 * $$\mathrm{MSE} = \frac{\sum_i w_i (y_i - \hat y_i)^2}{\sum_i w_i}$$
 *
 * @param yTrue True values.
 * @param yPred Predicted values, same length.
 * @param options See {@link RegressionOptions}.
 * @returns A number ≥ 0.
 * @throws {RangeError} On empty or mismatched arrays, non-finite values or
 * an invalid `sampleWeight`.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example scikit-learn's `mean_squared_error` docstring
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanSquaredError } from "@lib/metrics/mod.ts";
 * assert.equal(meanSquaredError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]), 0.375);
 * ```
 */
export function meanSquaredError(
  yTrue: NumberArray,
  yPred: NumberArray,
  options: RegressionOptions = {},
): number {
  return weightedMeanOf(yTrue, yPred, options, "meanSquaredError", (r) => r * r);
}

/**
 * Root mean squared error, in the units of y.
 *
 * $$\mathrm{RMSE} = \sqrt{\mathrm{MSE}}$$
 *
 * @param yTrue True values.
 * @param yPred Predicted values, same length.
 * @param options See {@link RegressionOptions}.
 * @returns A number ≥ 0.
 * @throws {RangeError} As {@link meanSquaredError}.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example √0.375
 * ```ts
 * import assert from "node:assert/strict";
 * import { rootMeanSquaredError } from "@lib/metrics/mod.ts";
 * assert.equal(rootMeanSquaredError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]), Math.sqrt(0.375));
 * ```
 */
export function rootMeanSquaredError(
  yTrue: NumberArray,
  yPred: NumberArray,
  options: RegressionOptions = {},
): number {
  return Math.sqrt(weightedMeanOf(yTrue, yPred, options, "rootMeanSquaredError", (r) => r * r));
}

/**
 * Mean absolute error.
 *
 * $$\mathrm{MAE} = \frac{\sum_i w_i |y_i - \hat y_i|}{\sum_i w_i}$$
 *
 * @param yTrue True values.
 * @param yPred Predicted values, same length.
 * @param options See {@link RegressionOptions}.
 * @returns A number ≥ 0.
 * @throws {RangeError} As {@link meanSquaredError}.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example scikit-learn's `mean_absolute_error` docstring
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanAbsoluteError } from "@lib/metrics/mod.ts";
 * assert.equal(meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]), 0.5);
 * ```
 */
export function meanAbsoluteError(
  yTrue: NumberArray,
  yPred: NumberArray,
  options: RegressionOptions = {},
): number {
  return weightedMeanOf(yTrue, yPred, options, "meanAbsoluteError", Math.abs);
}

/**
 * Coefficient of determination: the share of the variance of y explained
 * by the predictions.
 *
 * $$R^2 = 1 - \frac{\sum_i w_i (y_i - \hat y_i)^2}{\sum_i w_i (y_i - \bar y_w)^2},\qquad
 *   \bar y_w = \frac{\sum_i w_i y_i}{\sum_i w_i}$$
 *
 * As scikit-learn's `r2_score` (`force_finite=True`): with constant `yTrue`
 * the score is 1 for perfect predictions and 0 otherwise; with fewer than
 * two samples it is NaN (scikit-learn also warns). Can be negative: a model
 * worse than predicting the mean.
 *
 * @param yTrue True values.
 * @param yPred Predicted values, same length.
 * @param options See {@link RegressionOptions}.
 * @returns A number ≤ 1 (or NaN for one sample).
 * @throws {RangeError} As {@link meanSquaredError}.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example scikit-learn's `r2_score` docstring
 * ```ts
 * import assert from "node:assert/strict";
 * import { r2Score } from "@lib/metrics/mod.ts";
 * const r2 = r2Score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]);
 * assert.ok(Math.abs(r2 - 0.9486081370449679) < 1e-15);
 * ```
 */
export function r2Score(
  yTrue: NumberArray,
  yPred: NumberArray,
  options: RegressionOptions = {},
): number {
  const context = contextOf("r2Score");
  assertPair(yTrue, yPred, ["yTrue", "yPred"], context);
  const weight = checkSampleWeight(options.sampleWeight, yTrue, context);
  if (yTrue.length < 2) return NaN;
  let sw = 0, swy = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weight === undefined ? 1 : weight[i];
    sw += w;
    swy += w * yTrue[i];
  }
  const mean = swy / sw;
  let residual = 0, spread = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weight === undefined ? 1 : weight[i];
    residual += w * (yTrue[i] - yPred[i]) ** 2;
    spread += w * (yTrue[i] - mean) ** 2;
  }
  if (spread === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / spread;
}
