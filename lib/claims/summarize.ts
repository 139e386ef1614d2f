import tDist from "@stdlib/stats-base-dists-t";
import { assertFiniteArray, assertOpenUnit, type NumberArray } from "../_shared/validate.ts";

/** Options of {@link summarize}. */
export interface SummarizeOptions {
  /** Confidence level of the interval. @default 0.95 */
  level?: number;
}

/** A sample's mean with a confidence interval. */
export interface Summary {
  /** Sample mean. */
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator); NaN when n = 1. */
  sd: number;
  /** Number of values. */
  n: number;
  /** Lower end of the t interval of the mean; NaN when n = 1. */
  low: number;
  /** Upper end of the t interval of the mean; NaN when n = 1. */
  high: number;
  /** The interval's confidence level. */
  level: number;
}

/**
 * Mean, standard deviation and Student-t confidence interval of the mean of
 * repeated measurements (e.g. a metric over seeds):
 *
 * $$\bar x \pm t_{1-\alpha/2,\,n-1}\, \frac{s}{\sqrt n}.$$
 *
 * With one value the spread is unknown: `sd`, `low` and `high` are NaN.
 *
 * @param values The measurements (finite, at least one).
 * @param options `level` of the interval.
 * @returns `{ mean, sd, n, low, high, level }`.
 * @throws {RangeError} If `values` is empty or holds a non-finite number, or
 *   `level` is not in (0, 1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { summarize } from "@lib/claims/mod.ts";
 * const s = summarize([1, 2, 3, 4, 5]);
 * assert.equal(s.mean, 3);
 * assert.ok(Math.abs(s.high - 4.963243) < 1e-6); // 3 + 2.776445 · √2.5 / √5
 * ```
 */
export function summarize(values: NumberArray, { level = 0.95 }: SummarizeOptions = {}): Summary {
  const context = "summarize";
  assertFiniteArray(values, "values", context);
  assertOpenUnit(level, "level", context);
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  if (n === 1) return { mean, sd: NaN, n, low: NaN, high: NaN, level };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const half = tDist.quantile(1 - (1 - level) / 2, n - 1) * sd / Math.sqrt(n);
  return { mean, sd, n, low: mean - half, high: mean + half, level };
}
