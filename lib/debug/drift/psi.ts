import { assertFiniteNumber } from "../../_shared/validate.ts";
import { _binnedShares, _checkPair } from "./_bins.ts";

/** Options of {@link populationStabilityIndex}. */
export interface PsiOptions {
  /** Number of quantile bins of the reference (fewer when the reference has ties). @default 10 */
  bins?: number;
  /** Share that replaces an empty bin's share of 0, so the logarithm stays finite. @default 1e-4 */
  epsilon?: number;
}

/** Result of {@link populationStabilityIndex}. */
export interface PsiResult {
  /** The index, ≥ 0. */
  psi: number;
  /** Inner bin edges (right-closed bins; the outer bins are open-ended). */
  edges: number[];
  /** Share of the reference in each bin (before the epsilon). */
  referenceShares: number[];
  /** Share of the live sample in each bin (before the epsilon). */
  liveShares: number[];
}

/**
 * Population stability index between a reference sample (e.g. training data) and a
 * live sample of one numeric feature:
 * $$\mathrm{PSI} = \sum_b (l_b - r_b)\,\ln\frac{l_b}{r_b},$$
 * where r_b and l_b are the shares of reference and live values in bin b. The bins
 * are stated: their inner edges are the reference's quantiles k/bins (k = 1 … bins−1,
 * the "lower" quantile, so every edge is a reference value; duplicate edges dropped, so
 * a feature with ties gets fewer bins and no bin is empty for the reference), bins are right-closed and the outer bins open-ended, so every live value
 * falls in a bin. A share of 0 is replaced by `epsilon` in both factors. The usual
 * reading: below 0.1 stable, 0.1–0.2 moderate shift, above 0.2 a major shift.
 *
 * @param reference The reference values (at least `bins`, finite).
 * @param live The live values (finite, non-empty).
 * @param options `bins` (default 10), `epsilon` (default 1e-4).
 * @returns `{ psi, edges, referenceShares, liveShares }`.
 * @throws {TypeError} If a sample is not a numeric array.
 * @throws {RangeError} If a sample is empty or holds a non-finite value, `bins` is not an
 *   integer in [2, reference size], or `epsilon` is not in (0, 0.1].
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { populationStabilityIndex } from "@lib/debug/mod.ts";
 * const reference = [1, 2, 3, 4], live = [1, 1, 1, 4];
 * const r = populationStabilityIndex(reference, live, { bins: 2 });
 * assert.deepEqual(r.edges, [2]); // the lower median of the reference
 * assert.deepEqual(r.liveShares, [0.75, 0.25]);
 * // (0.75 − 0.5)·ln(0.75/0.5) + (0.25 − 0.5)·ln(0.25/0.5) = 0.25·ln 3
 * assert.ok(Math.abs(r.psi - 0.25 * Math.log(3)) < 1e-12);
 * ```
 */
export function populationStabilityIndex(
  reference: ArrayLike<number>,
  live: ArrayLike<number>,
  options: PsiOptions = {},
): PsiResult {
  const context = "compute populationStabilityIndex";
  const { bins = 10, epsilon = 1e-4 } = options;
  _checkPair(reference, live, bins, context);
  assertFiniteNumber(epsilon, "epsilon", context, { max: 0.1 });
  if (epsilon <= 0) {
    throw new RangeError(`Cannot ${context}: epsilon must be positive, got ${epsilon}`);
  }
  const shares = _binnedShares(reference, live, bins);
  let psi = 0;
  shares.referenceShares.forEach((r0, b) => {
    const r = Math.max(r0, epsilon), l = Math.max(shares.liveShares[b], epsilon);
    psi += (l - r) * Math.log(l / r);
  });
  return { psi, ...shares };
}
