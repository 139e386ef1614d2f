/**
 * Logarithmic loss (cross-entropy) for binary and multiclass probabilities.
 *
 * @module
 */

import {
  assertFiniteArray,
  assertNumberArray,
  assertProbabilityArray,
  raise,
} from "../_shared/validate.ts";
import {
  assertBinaryProbabilities,
  checkSampleWeight,
  contextOf,
  type NumberArray,
} from "./_validate.ts";

/** Options of {@link logLoss} and {@link multiclassLogLoss}. */
export interface LogLossOptions {
  /** Per-sample weights (non-negative, positive sum). @default undefined (all 1) */
  sampleWeight?: NumberArray;
}

/**
 * Machine epsilon of the array's element type, as numpy's
 * `np.finfo(y_pred.dtype).eps`: 2⁻²³ for Float32Array, 2⁻⁵² otherwise
 * (numbers are float64; integer arrays are converted to float64).
 */
function machineEpsilon(values: NumberArray): number {
  return values instanceof Float32Array ? 2 ** -23 : Number.EPSILON;
}

function weightedMean(losses: Float64Array, weight?: NumberArray): number {
  let sum = 0, total = 0;
  for (let i = 0; i < losses.length; i++) {
    const w = weight === undefined ? 1 : weight[i];
    sum += w * losses[i];
    total += w;
  }
  return sum / total;
}

/**
 * Binary log loss: the mean negative log-likelihood of the true labels under
 * the predicted probabilities of the positive class.
 *
 * $$L = -\frac{1}{\sum_i w_i}\sum_i w_i\big(y_i \ln p_i + (1 - y_i)\ln(1 - p_i)\big)$$
 *
 * Probabilities are clipped to [ε, 1 − ε] with ε the machine epsilon of
 * `yProb`'s element type (2⁻⁵² ≈ 2.2e-16 for numbers and Float64Array,
 * 2⁻²³ for Float32Array), as scikit-learn ≥ 1.5 (`eps` parameter removed,
 * `np.finfo(y_pred.dtype).eps`), so a confident mistake costs about 36
 * nats, not infinity. The labels are fixed to {0, 1}, so `yTrue` may hold a
 * single class (scikit-learn needs `labels=[0, 1]` for that). Natural log.
 *
 * @param yTrue True labels, 0 or 1.
 * @param yProb Predicted probability of class 1, in [0, 1].
 * @param options See {@link LogLossOptions}.
 * @returns A number ≥ 0; 0 for certain, correct predictions (up to ε).
 * @throws {RangeError} On empty or mismatched arrays, non-finite values,
 * labels other than 0/1, probabilities outside [0, 1] or an invalid
 * `sampleWeight`.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example scikit-learn's `log_loss` docstring ("ham" = 0, "spam" = 1)
 * ```ts
 * import assert from "node:assert/strict";
 * import { logLoss } from "@lib/metrics/mod.ts";
 * const loss = logLoss([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65]);
 * assert.ok(Math.abs(loss - 0.21616187468057912) < 1e-15);
 * ```
 */
export function logLoss(
  yTrue: NumberArray,
  yProb: NumberArray,
  options: LogLossOptions = {},
): number {
  const context = contextOf("logLoss");
  assertBinaryProbabilities(yTrue, yProb, context);
  const weight = checkSampleWeight(options.sampleWeight, yTrue, context);
  const eps = machineEpsilon(yProb);
  const losses = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const p = Math.min(Math.max(yProb[i], eps), 1 - eps);
    losses[i] = yTrue[i] === 1 ? -Math.log(p) : -Math.log(1 - p);
  }
  return weightedMean(losses, weight);
}

/**
 * Multiclass log loss (categorical cross-entropy): the mean negative log of
 * the probability given to the true class.
 *
 * $$L = -\frac{1}{\sum_i w_i}\sum_i w_i \ln p_{i, y_i}$$
 *
 * `yTrue[i]` is the column index of sample i's class in `yProb`. Each row
 * must be a probability vector summing to 1 within √ε + 1e-8 (scikit-learn
 * only warns; here it is an error). Probabilities are clipped to
 * [ε, 1 − ε] as in {@link logLoss}, ε taken from each row's element type.
 *
 * @param yTrue Class indices, integers in [0, K).
 * @param yProb One row of K ≥ 2 class probabilities per sample.
 * @param options See {@link LogLossOptions}.
 * @returns A number ≥ 0.
 * @throws {RangeError} On empty or mismatched inputs, rows of different or
 * fewer than 2 columns, probabilities outside [0, 1], rows not summing to 1,
 * class indices outside [0, K) or an invalid `sampleWeight`.
 * @throws {TypeError} If an argument is not an array of numbers / of rows.
 * @see notebooks/01_setup.ipynb
 *
 * @example Mean of −ln 0.7, −ln 0.5 and −ln 0.6
 * ```ts
 * import assert from "node:assert/strict";
 * import { multiclassLogLoss } from "@lib/metrics/mod.ts";
 * const yProb = [[0.7, 0.2, 0.1], [0.25, 0.5, 0.25], [0.1, 0.3, 0.6]];
 * const loss = multiclassLogLoss([0, 1, 2], yProb);
 * assert.ok(Math.abs(loss + (Math.log(0.7) + Math.log(0.5) + Math.log(0.6)) / 3) < 1e-15);
 * ```
 */
export function multiclassLogLoss(
  yTrue: NumberArray,
  yProb: readonly NumberArray[],
  options: LogLossOptions = {},
): number {
  const context = contextOf("multiclassLogLoss");
  assertFiniteArray(yTrue, "yTrue", context);
  if (!Array.isArray(yProb)) {
    raise("type", context, `yProb must be an array of rows, got ${typeof yProb}`);
  }
  if (yProb.length !== yTrue.length) {
    raise(
      "range",
      context,
      `yTrue and yProb must have the same length, got ${yTrue.length} and ${yProb.length}`,
    );
  }
  const weight = checkSampleWeight(options.sampleWeight, yTrue, context);
  const k = yProb[0]?.length;
  const losses = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const row = yProb[i];
    assertNumberArray(row, `yProb[${i}]`, context);
    if (row.length !== k || k < 2) {
      raise(
        "range",
        context,
        `yProb[${i}] must have ${k < 2 ? "at least 2" : k} columns, got ${row.length}`,
      );
    }
    assertProbabilityArray(row, `yProb[${i}]`, context);
    const eps = machineEpsilon(row);
    let sum = 0;
    for (let j = 0; j < k; j++) sum += row[j];
    if (Math.abs(sum - 1) > Math.sqrt(eps) + 1e-8) {
      raise("range", context, `yProb[${i}] must sum to 1, got ${sum}`);
    }
    const c = yTrue[i];
    if (!Number.isInteger(c) || c < 0 || c >= k) {
      raise("range", context, `yTrue[${i}] must be a class index in [0, ${k - 1}], got ${c}`);
    }
    losses[i] = -Math.log(Math.min(Math.max(row[c], eps), 1 - eps));
  }
  return weightedMean(losses, weight);
}
