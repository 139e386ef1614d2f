import { resolveRng } from "../random/mod.ts";
import {
  assertFiniteArray,
  assertInteger,
  assertOpenUnit,
  type NumberArray,
  raise,
} from "../_shared/validate.ts";
import { _percentileInterval, type BootstrapInterval, type BootstrapOptions } from "./bootstrap.ts";

/** Options of {@link blockBootstrapCi}. */
export interface BlockBootstrapOptions extends BootstrapOptions {
  /**
   * Length of the blocks, in consecutive values (e.g. days): at least the span over
   * which the values are correlated. 1 gives the ordinary (iid) bootstrap.
   * @default ⌈n^{1/3}⌉, the order that suits variance estimation (Hall, Horowitz & Jing, 1995)
   */
  blockLength?: number;
}

const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;

/**
 * Percentile confidence interval of a statistic of a **time series** by the
 * moving-block bootstrap (Künsch, 1989; Lahiri, _Resampling Methods for Dependent
 * Data_, 2003, ch. 2): each resample is built from blocks of `blockLength`
 * consecutive values, starting at positions drawn uniformly from the
 * n − blockLength + 1 possible ones, laid end to end and cut to the original
 * length n. Within a block the order of the series is kept, so correlation over
 * shorter spans than the block stays in the resamples; the iid bootstrap
 * ({@link bootstrapCi}) breaks it, and for positively correlated values (weather
 * from one day to the next) its interval is too narrow.
 *
 * With `blockLength: 1` the resamples, and so the interval, are exactly those of
 * {@link bootstrapCi} with the same seed.
 *
 * @param values The series in time order (finite, at least two values).
 * @param options `seed` or `rng`; `blockLength`, `statistic`, `resamples`, `level`.
 * @returns `{ estimate, low, high, level }`.
 * @throws {RangeError} If `values` has fewer than two entries or a non-finite one,
 *   `blockLength` is not an integer from 1 to n, `resamples` is below 100 or
 *   `level` is not in (0, 1).
 * @throws {TypeError} If neither `seed` nor `rng` is given, or `statistic` is not a function.
 * @see notebooks/00_tour.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { blockBootstrapCi, bootstrapCi } from "@lib/claims/mod.ts";
 * const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
 * assert.deepEqual(blockBootstrapCi(x, { seed: 3, blockLength: 1 }), bootstrapCi(x, { seed: 3 }));
 * const ci = blockBootstrapCi(x, { seed: 3, blockLength: 4 });
 * assert.equal(ci.estimate, 5.5);
 * assert.ok(ci.low < 5.5 && 5.5 < ci.high);
 * ```
 */
export function blockBootstrapCi(
  values: NumberArray,
  options: BlockBootstrapOptions,
): BootstrapInterval {
  const context = "compute blockBootstrapCi";
  const { statistic = mean, resamples = 2000, level = 0.95 } = options ?? {};
  assertFiniteArray(values, "values", context);
  const n = values.length;
  if (n < 2) raise("range", context, `values must have at least 2 entries, got ${n}`);
  const { blockLength = Math.ceil(n ** (1 / 3)) } = options;
  assertInteger(blockLength, "blockLength", context, { min: 1, max: n });
  assertInteger(resamples, "resamples", context, { min: 100 });
  assertOpenUnit(level, "level", context);
  if (typeof statistic !== "function") raise("type", context, "statistic must be a function");
  const rng = resolveRng(options, context);
  const original = Float64Array.from(values);
  const starts = n - blockLength + 1;
  const stats = new Float64Array(resamples);
  const sample = new Float64Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n;) {
      const start = rng.int(0, starts);
      for (let j = 0; j < blockLength && i < n; j++, i++) sample[i] = original[start + j];
    }
    stats[b] = statistic(sample);
  }
  return _percentileInterval(stats, statistic(original), level);
}
