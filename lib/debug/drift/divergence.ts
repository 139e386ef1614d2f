import { assertFiniteArray, assertSameLength, raise } from "../../_shared/validate.ts";
import { _binnedShares, _checkPair } from "./_bins.ts";

/** Options of {@link klDivergence} and {@link jensenShannonDistance}. */
export interface DivergenceOptions {
  /** Base of the logarithm: `Math.E` gives nats, 2 gives bits. @default Math.E */
  base?: number;
}

function normalized(p: unknown, name: string, context: string): Float64Array {
  assertFiniteArray(p, name, context);
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] < 0) raise("range", context, `${name}[${i}] must be non-negative, got ${p[i]}`);
    total += p[i];
  }
  if (total <= 0) raise("range", context, `${name} must have a positive sum`);
  return Float64Array.from(p, (v) => v / total);
}

function logBase(base: unknown, context: string): number {
  if (typeof base !== "number" || !Number.isFinite(base) || base <= 0 || base === 1) {
    raise("range", context, `base must be a positive number other than 1, got ${String(base)}`);
  }
  return Math.log(base);
}

function relativeEntropy(p: Float64Array, q: Float64Array): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue;
    if (q[i] === 0) return Infinity;
    s += p[i] * Math.log(p[i] / q[i]);
  }
  return s;
}

/**
 * Kullback–Leibler divergence of p from q (SciPy `scipy.stats.entropy(p, q, base)`):
 * both are normalised to sum 1, then
 * $$D_{\mathrm{KL}}(p\,\|\,q) = \sum_i p_i \log_b \frac{p_i}{q_i},$$
 * with 0·log(0/q) = 0 and `Infinity` when some p_i > 0 has q_i = 0. Not symmetric.
 *
 * @param p Non-negative weights (e.g. live shares per bin), positive sum.
 * @param q Non-negative weights of the same length (e.g. reference shares).
 * @param options `base` of the logarithm (default e: nats).
 * @returns The divergence, ≥ 0 (possibly `Infinity`).
 * @throws {RangeError} If lengths differ, a weight is negative or not finite, a sum is 0,
 *   or `base` is not positive and ≠ 1.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { klDivergence } from "@lib/debug/mod.ts";
 * // A fair coin against a 3:1 coin, in bits: ½log₂(½/¾) + ½log₂(½/¼) = 1 − ½log₂3
 * const d = klDivergence([1, 1], [3, 1], { base: 2 });
 * assert.ok(Math.abs(d - (1 - 0.5 * Math.log2(3))) < 1e-12);
 * ```
 */
export function klDivergence(
  p: ArrayLike<number>,
  q: ArrayLike<number>,
  options: DivergenceOptions = {},
): number {
  const context = "compute klDivergence";
  const { base = Math.E } = options;
  const ln = logBase(base, context);
  const pn = normalized(p, "p", context), qn = normalized(q, "q", context);
  assertSameLength(pn, qn, ["p", "q"], context);
  return relativeEntropy(pn, qn) / ln;
}

/**
 * Jensen–Shannon distance (SciPy `scipy.spatial.distance.jensenshannon(p, q, base)`):
 * with p and q normalised and m = (p + q)/2,
 * $$d_{\mathrm{JS}}(p, q) = \sqrt{\tfrac12 D_{\mathrm{KL}}(p\,\|\,m) + \tfrac12 D_{\mathrm{KL}}(q\,\|\,m)},$$
 * logarithms in `base`. Symmetric, always finite, a metric; at most √(ln 2) in nats and
 * 1 in bits (disjoint supports).
 *
 * @param p Non-negative weights, positive sum.
 * @param q Non-negative weights of the same length.
 * @param options `base` of the logarithm (default e).
 * @returns The distance in [0, √(log_b 2)].
 * @throws {RangeError} As {@link klDivergence}.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { jensenShannonDistance } from "@lib/debug/mod.ts";
 * assert.equal(jensenShannonDistance([1, 0], [0, 1], { base: 2 }), 1); // disjoint
 * assert.equal(jensenShannonDistance([0.2, 0.8], [0.2, 0.8]), 0);
 * ```
 */
export function jensenShannonDistance(
  p: ArrayLike<number>,
  q: ArrayLike<number>,
  options: DivergenceOptions = {},
): number {
  const context = "compute jensenShannonDistance";
  const { base = Math.E } = options;
  const ln = logBase(base, context);
  const pn = normalized(p, "p", context), qn = normalized(q, "q", context);
  assertSameLength(pn, qn, ["p", "q"], context);
  const m = pn.map((v, i) => (v + qn[i]) / 2);
  const js = (relativeEntropy(pn, m) + relativeEntropy(qn, m)) / 2 / ln;
  return Math.sqrt(Math.max(0, js));
}

/** Options of {@link binnedJensenShannon}. */
export interface BinnedDivergenceOptions extends DivergenceOptions {
  /** Quantile bins of the reference, as in `populationStabilityIndex`. @default 10 */
  bins?: number;
}

/**
 * Jensen–Shannon distance between the reference and live samples of a numeric feature,
 * on the quantile bins of the reference that `populationStabilityIndex` uses (no
 * epsilon is needed: the distance is finite even with empty bins).
 *
 * @param reference The reference values (at least `bins`, finite).
 * @param live The live values (finite, non-empty).
 * @param options `bins` (default 10), `base` (default e).
 * @returns The distance.
 * @throws {RangeError} As `populationStabilityIndex` and {@link jensenShannonDistance}.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { binnedJensenShannon } from "@lib/debug/mod.ts";
 * // Shares: reference [½, ½] (edge 2), live [0, 1]; m = [¼, ¾].
 * const d = binnedJensenShannon([1, 2, 3, 4], [5, 6, 7, 8], { bins: 2, base: 2 });
 * const expected = Math.sqrt((Math.log2(4 / 3) + 0.5 + 0.5 * Math.log2(2 / 3)) / 2);
 * assert.ok(Math.abs(d - expected) < 1e-12);
 * ```
 */
export function binnedJensenShannon(
  reference: ArrayLike<number>,
  live: ArrayLike<number>,
  options: BinnedDivergenceOptions = {},
): number {
  const context = "compute binnedJensenShannon";
  const { bins = 10, base = Math.E } = options;
  _checkPair(reference, live, bins, context);
  logBase(base, context);
  const s = _binnedShares(reference, live, bins);
  return jensenShannonDistance(s.liveShares, s.referenceShares, { base });
}
