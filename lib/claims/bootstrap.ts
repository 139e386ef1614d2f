import { type RandomOptions, resolveRng } from "../random/mod.ts";
import {
  assertFiniteArray,
  assertInteger,
  assertOpenUnit,
  type NumberArray,
  raise,
} from "../_shared/validate.ts";

/** Options of {@link bootstrapCi}. */
export interface BootstrapOptions extends RandomOptions {
  /** The statistic of a sample. @default the mean */
  statistic?: (sample: Float64Array) => number;
  /** Number of resamples. @default 2000 */
  resamples?: number;
  /** Confidence level. @default 0.95 */
  level?: number;
}

/** A statistic with a bootstrap confidence interval. */
export interface BootstrapInterval {
  /** The statistic of the original sample. */
  estimate: number;
  /** Lower percentile bound. */
  low: number;
  /** Upper percentile bound. */
  high: number;
  /** The interval's confidence level. */
  level: number;
}

const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;

/** The `q`-quantile of sorted values, linear between order statistics (numpy's default). */
function quantileSorted(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h), hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The percentile interval of resampled statistics (sorted in place) around `estimate`: the
 * (1 − level)/2 and (1 + level)/2 quantiles. Shared by the bootstraps of this module.
 */
export function _percentileInterval(
  stats: Float64Array,
  estimate: number,
  level: number,
): BootstrapInterval {
  stats.sort();
  return {
    estimate,
    low: quantileSorted(stats, (1 - level) / 2),
    high: quantileSorted(stats, (1 + level) / 2),
    level,
  };
}

/**
 * Percentile bootstrap confidence interval of a statistic (Efron & Tibshirani,
 * _An Introduction to the Bootstrap_, 1993, ch. 13): draw `resamples` samples of
 * the same size with replacement, compute the statistic of each, and take the
 * (1 − level)/2 and (1 + level)/2 quantiles of those values. Use it for a
 * metric averaged over queries or users (resample the per-query values); for a
 * paired comparison, resample the per-query differences.
 *
 * @param values The per-unit values (finite, at least two).
 * @param options `seed` or `rng`; `statistic`, `resamples`, `level`.
 * @returns `{ estimate, low, high, level }`.
 * @throws {RangeError} If `values` has fewer than two entries or a non-finite
 *   one, `resamples` is below 100 or `level` is not in (0, 1).
 * @throws {TypeError} If neither `seed` nor `rng` is given, or `statistic` is not a function.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bootstrapCi } from "@lib/claims/mod.ts";
 * const ci = bootstrapCi([0.2, 0.4, 0.5, 0.7, 0.9, 0.3], { seed: 1 });
 * assert.ok(ci.low < ci.estimate && ci.estimate < ci.high);
 * assert.equal(ci.estimate, 0.5);
 * ```
 */
export function bootstrapCi(values: NumberArray, options: BootstrapOptions): BootstrapInterval {
  const context = "compute bootstrapCi";
  const { statistic = mean, resamples = 2000, level = 0.95 } = options ?? {};
  assertFiniteArray(values, "values", context);
  if (values.length < 2) {
    raise("range", context, `values must have at least 2 entries, got ${values.length}`);
  }
  assertInteger(resamples, "resamples", context, { min: 100 });
  assertOpenUnit(level, "level", context);
  if (typeof statistic !== "function") raise("type", context, "statistic must be a function");
  const rng = resolveRng(options, context);
  const n = values.length;
  const original = Float64Array.from(values);
  const stats = new Float64Array(resamples);
  const sample = new Float64Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) sample[i] = original[rng.int(0, n)];
    stats[b] = statistic(sample);
  }
  return _percentileInterval(stats, statistic(original), level);
}
