import { assertFiniteNumber, assertNumberArray, raise } from "../../_shared/validate.ts";

/** Options of {@link iqrOutliers}. */
export interface IqrOptions {
  /** Fence multiplier k (Tukey's 1.5; 3 for "far out"). @default 1.5 */
  k?: number;
}

/** The result of {@link iqrOutliers}. */
export interface IqrOutliers {
  /** First quartile (linear interpolation, as numpy's default). */
  q1: number;
  /** Third quartile. */
  q3: number;
  /** Interquartile range q3 − q1. */
  iqr: number;
  /** Lower fence q1 − k·IQR. */
  lower: number;
  /** Upper fence q3 + k·IQR. */
  upper: number;
  /** Indices of values strictly outside the fences, ascending. */
  outliers: Int32Array;
}

/**
 * The p-quantile of sorted values by linear interpolation between order
 * statistics – numpy's default `method="linear"` (Hyndman & Fan type 7): with
 * $h = (m - 1)p$, $Q(p) = x_{\lfloor h \rfloor} + (h - \lfloor h \rfloor)(x_{\lfloor h \rfloor + 1} - x_{\lfloor h \rfloor})$
 * (0-based).
 */
function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length
    ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo])
    : sorted[lo];
}

function observed(values: ArrayLike<number>, context: string): number[] {
  assertNumberArray(values, "values", context);
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number") {
      raise("type", context, `values[${i}] must be a number, got ${typeof v}`);
    }
    if (Number.isNaN(v)) continue;
    if (!Number.isFinite(v)) {
      raise("range", context, `values[${i}] must be finite or NaN, got ${v}`);
    }
    out.push(v);
  }
  if (out.length === 0) {
    raise("range", context, "values must contain at least one non-missing number");
  }
  return out;
}

/**
 * Flags outliers by Tukey's fences: with quartiles $Q_1, Q_3$ and
 * $\text{IQR} = Q_3 - Q_1$, a value is an outlier when
 *
 * $$ x < Q_1 - k \cdot \text{IQR} \quad \text{or} \quad x > Q_3 + k \cdot \text{IQR}. $$
 *
 * Quartiles use linear interpolation between order statistics, numpy's default
 * (`np.percentile(x, [25, 75])`, Hyndman & Fan type 7): for sorted values
 * $x_0 \le \dots \le x_{m-1}$ and $h = (m-1)p$,
 * $Q(p) = x_{\lfloor h \rfloor} + (h - \lfloor h \rfloor)(x_{\lfloor h \rfloor+1} - x_{\lfloor h \rfloor})$.
 *
 * Edge cases: `NaN` (missing) is ignored and never flagged; when more than half
 * the values are equal the IQR can be 0 and every other value is flagged.
 *
 * @param values The numbers (`NaN` = missing).
 * @param options The fence multiplier.
 * @returns Quartiles, fences and the outlier indices.
 * @throws {RangeError} If no value is observed, a value is ±Infinity, or k < 0.
 *
 * @example Quartiles of 1…9, 100: h = 2.25 → 3.25 and h = 6.75 → 7.75
 * ```ts
 * import assert from "node:assert/strict";
 * import { iqrOutliers } from "@lib/data/mod.ts";
 * const r = iqrOutliers([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]);
 * assert.deepEqual([r.q1, r.q3, r.lower, r.upper], [3.25, 7.75, -3.5, 14.5]);
 * assert.deepEqual([...r.outliers], [9]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function iqrOutliers(values: ArrayLike<number>, options: IqrOptions = {}): IqrOutliers {
  const context = "flag outliers by IQR";
  const { k = 1.5 } = options;
  assertFiniteNumber(k, "k", context, { min: 0 });
  const sorted = observed(values, context).sort((a, b) => a - b);
  const q1 = quantileSorted(sorted, 0.25), q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  const lower = q1 - k * iqr, upper = q3 + k * iqr;
  const outliers: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lower || values[i] > upper) outliers.push(i);
  }
  return { q1, q3, iqr, lower, upper, outliers: Int32Array.from(outliers) };
}

/** Options of {@link zScoreOutliers}. */
export interface ZScoreOptions {
  /** Flag |z| strictly above this. @default 3 */
  threshold?: number;
}

/** The result of {@link zScoreOutliers}. */
export interface ZScoreOutliers {
  /** Mean of the observed values. */
  mean: number;
  /** Population standard deviation (divisor m, as `scipy.stats.zscore`). */
  std: number;
  /** z-score of each value (`NaN` for missing values, or for all when std is 0). */
  z: Float64Array;
  /** Indices with |z| > threshold, ascending. */
  outliers: Int32Array;
}

/**
 * Flags outliers by z-score, $z_i = (x_i - \bar x)/s$ with the population
 * standard deviation $s = \sqrt{\frac1m \sum_j (x_j - \bar x)^2}$ (scipy's
 * `zscore` default): $|z_i| >$ `threshold`.
 *
 * Edge cases: `NaN` is ignored; if $s = 0$ every z is `NaN` and nothing is
 * flagged. The outliers themselves inflate $s$ (masking): in a sample of $m$
 * values no |z| can exceed $\sqrt{m-1}$ (with the population $s$), so with
 * $m \le 10$ nothing passes 3 – prefer {@link iqrOutliers} for small or skewed
 * samples.
 *
 * @param values The numbers (`NaN` = missing).
 * @param options The threshold.
 * @returns Mean, standard deviation, z-scores and the outlier indices.
 * @throws {RangeError} If no value is observed, a value is ±Infinity, or threshold < 0.
 *
 * @example Four 0s and four 4s: mean 2, population sd 2, so every |z| is 1
 * ```ts
 * import assert from "node:assert/strict";
 * import { zScoreOutliers } from "@lib/data/mod.ts";
 * const r = zScoreOutliers([0, 0, 0, 0, 4, 4, 4, 4], { threshold: 0.9 });
 * assert.deepEqual([r.mean, r.std, r.z[0], r.z[4]], [2, 2, -1, 1]);
 * assert.equal(r.outliers.length, 8);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function zScoreOutliers(
  values: ArrayLike<number>,
  options: ZScoreOptions = {},
): ZScoreOutliers {
  const context = "flag outliers by z-score";
  const { threshold = 3 } = options;
  assertFiniteNumber(threshold, "threshold", context, { min: 0 });
  const xs = observed(values, context);
  const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
  const std = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length);
  const z = new Float64Array(values.length);
  const outliers: number[] = [];
  for (let i = 0; i < values.length; i++) {
    z[i] = std === 0 ? NaN : (values[i] - mean) / std;
    if (Math.abs(z[i]) > threshold) outliers.push(i);
  }
  return { mean, std, z, outliers: Int32Array.from(outliers) };
}
