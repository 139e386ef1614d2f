import { assertInteger, raise } from "../_shared/validate.ts";

/** Per-column mean and standard deviation of a feature matrix. */
export interface Standardizer {
  /** Mean of each column. */
  readonly mean: Float64Array;
  /** Population standard deviation of each column (1 where a column is constant). */
  readonly std: Float64Array;
}

/**
 * Fits a standardizer on row-major feature values (fit it on the training rows
 * only, then apply it everywhere):
 *
 * $$\mu_c = \frac{1}{n}\sum_i x_{ic},\qquad
 *   \sigma_c = \sqrt{\frac{1}{n}\sum_i (x_{ic} - \mu_c)^2}.$$
 *
 * A column with $\sigma_c < 10\,\varepsilon$ (ε the double-precision machine epsilon) is
 * treated as constant and gets $\sigma_c = 1$, as scikit-learn's `StandardScaler` does.
 * Sums run in double precision.
 *
 * @param values `numRows × numFeatures` values, row-major.
 * @param numFeatures Columns per row.
 * @returns A {@link Standardizer}.
 * @throws {RangeError} If `numFeatures` is not a positive integer, the length is not a
 *   positive multiple of it, or a value is not finite.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitStandardizer } from "@lib/models/mod.ts";
 * const s = fitStandardizer([1, 5, 3, 5], 2); // rows [1, 5] and [3, 5]
 * assert.deepEqual([...s.mean], [2, 5]);
 * assert.deepEqual([...s.std], [1, 1]); // the constant column gets 1
 * ```
 */
export function fitStandardizer(values: ArrayLike<number>, numFeatures: number): Standardizer {
  const context = "fit a standardizer";
  assertInteger(numFeatures, "numFeatures", context, { min: 1 });
  const n = values.length / numFeatures;
  if (!Number.isInteger(n) || n === 0) {
    raise(
      "range",
      context,
      `values must hold a positive whole number of rows of ${numFeatures}, got length ${values.length}`,
    );
  }
  const sum = new Float64Array(numFeatures), sq = new Float64Array(numFeatures);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) raise("range", context, `values[${i}] must be finite, got ${v}`);
    sum[i % numFeatures] += v;
  }
  const mean = sum.map((s) => s / n);
  for (let i = 0; i < values.length; i++) {
    sq[i % numFeatures] += (values[i] - mean[i % numFeatures]) ** 2;
  }
  const std = sq.map((s) => Math.sqrt(s / n)).map((sd) => (sd < 10 * Number.EPSILON ? 1 : sd));
  return { mean, std };
}

/**
 * Applies a {@link Standardizer}: $z_{ic} = (x_{ic} - \mu_c) / \sigma_c$, as a new array.
 *
 * @param values Row-major values with as many columns as the standardizer.
 * @param standardizer From {@link fitStandardizer}.
 * @returns A new `Float32Array`.
 * @throws {RangeError} If the length is not a multiple of the number of columns.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitStandardizer, standardize } from "@lib/models/mod.ts";
 * const s = fitStandardizer([0, 2], 1);
 * assert.deepEqual([...standardize([0, 1, 2], s)], [-1, 0, 1]);
 * ```
 */
export function standardize(values: ArrayLike<number>, standardizer: Standardizer): Float32Array {
  const F = standardizer.mean.length;
  if (values.length % F !== 0) {
    raise(
      "range",
      "standardize",
      `values must hold whole rows of ${F} columns, got length ${values.length}`,
    );
  }
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    out[i] = (values[i] - standardizer.mean[i % F]) / standardizer.std[i % F];
  }
  return out;
}
