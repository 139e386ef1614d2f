import { assertFiniteArray } from "../_shared/validate.ts";
import { _quantileSorted } from "./_quantile.ts";

/** Order statistics of a set of timings, all in the unit of the input (milliseconds here). */
export interface TimeSummary {
  /** Number of samples. */
  count: number;
  /** Median (the 50th percentile): the figure to quote, robust to outliers. */
  median: number;
  /** 10th percentile. */
  p10: number;
  /** 90th percentile: the slow tail. */
  p90: number;
  /** First quartile (25th percentile). */
  q1: number;
  /** Third quartile (75th percentile). */
  q3: number;
  /** Interquartile range q3 − q1: the spread to quote beside the median. */
  iqr: number;
  /** Fastest sample: the cost with the least interference. */
  min: number;
  /** Slowest sample. */
  max: number;
  /** Arithmetic mean (pulled up by outliers such as garbage collection pauses). */
  mean: number;
}

/**
 * Median, percentiles (type-7 interpolation, as NumPy), IQR, min, max and mean
 * of timing samples.
 *
 * @param samples Finite numbers (e.g. milliseconds per call), at least one.
 * @returns A {@link TimeSummary} in the unit of `samples`.
 * @throws {RangeError} If `samples` is empty or has a non-finite entry.
 * @throws {TypeError} If `samples` is not a numeric array.
 * @see notebooks/02_capacity.ipynb
 *
 * @example NumPy: np.percentile([1, 2, 3, 4, 10], [10, 25, 50, 75, 90]) = 1.4, 2, 3, 4, 7.6
 * ```ts
 * import assert from "node:assert/strict";
 * import { summarizeTimes } from "@lib/capacity/mod.ts";
 * const s = summarizeTimes([10, 1, 4, 3, 2]);
 * assert.equal(s.median, 3);
 * assert.equal(s.iqr, 2);
 * assert.ok(Math.abs(s.p10 - 1.4) < 1e-12 && Math.abs(s.p90 - 7.6) < 1e-12);
 * assert.equal(s.mean, 4);
 * ```
 */
export function summarizeTimes(samples: ArrayLike<number>): TimeSummary {
  assertFiniteArray(samples, "samples", "summarize timings");
  const sorted = Float64Array.from(samples).sort();
  const q1 = _quantileSorted(sorted, 0.25), q3 = _quantileSorted(sorted, 0.75);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    median: _quantileSorted(sorted, 0.5),
    p10: _quantileSorted(sorted, 0.1),
    p90: _quantileSorted(sorted, 0.9),
    q1,
    q3,
    iqr: q3 - q1,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    mean: sum / sorted.length,
  };
}
