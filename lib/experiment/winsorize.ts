import { assertFiniteArray, assertFiniteNumber } from "../_shared/validate.ts";

/** Options of {@link winsorize}. */
export interface WinsorizeOptions {
  /** Values above this quantile of `reference` are set to it. @default 0.99 */
  upperQuantile?: number;
  /** The sample the cap is computed from (e.g. both arms pooled). @default values */
  reference?: ArrayLike<number>;
}

/** Result of {@link winsorize}. */
export interface WinsorizeResult {
  /** The capped values, min(x_i, cap), as a new array. */
  values: Float64Array;
  /** The cap: the `upperQuantile` quantile of the reference (linear interpolation). */
  cap: number;
  /** How many values were capped (strictly above the cap). */
  capped: number;
}

/**
 * Caps heavy-tailed values at an upper quantile of a reference sample
 * (one-sided winsorising), $x_i \mapsto \min(x_i, q_p)$. The quantile interpolates
 * linearly between order statistics, position (n − 1)·p (numpy's default, Hyndman &
 * Fan type 7). Capping a revenue metric trades a small bias for a large cut in
 * variance; the cap must be the same for both arms (compute it on the pooled data
 * or on pre-experiment data), or the comparison is biased.
 *
 * @param values The values to cap (finite).
 * @param options `upperQuantile` in [0, 1], `reference` sample.
 * @returns See {@link WinsorizeResult}.
 * @throws {RangeError} If an array is empty or not finite, or the quantile is outside [0, 1].
 * @see notebooks/04_experimentation.ipynb
 * @example numpy.percentile(range(1, 11), 90) = 9.1
 * ```ts
 * import assert from "node:assert/strict";
 * import { winsorize } from "@lib/experiment/mod.ts";
 * const r = winsorize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { upperQuantile: 0.9 });
 * assert.ok(Math.abs(r.cap - 9.1) < 1e-12);
 * assert.equal(r.capped, 1);
 * assert.ok(Math.abs(r.values[9] - 9.1) < 1e-12);
 * ```
 */
export function winsorize(
  values: ArrayLike<number>,
  options: WinsorizeOptions = {},
): WinsorizeResult {
  const context = "compute winsorize";
  const { upperQuantile = 0.99, reference = values } = options;
  assertFiniteArray(values, "values", context);
  assertFiniteArray(reference, "reference", context);
  assertFiniteNumber(upperQuantile, "upperQuantile", context, { min: 0, max: 1 });
  const sorted = Float64Array.from(reference).sort();
  const position = (sorted.length - 1) * upperQuantile, low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  const cap = sorted[low] + (position - low) * (sorted[high] - sorted[low]);
  let capped = 0;
  const out = Float64Array.from(values, (v) => (v > cap ? (capped++, cap) : v));
  return { values: out, cap, capped };
}
