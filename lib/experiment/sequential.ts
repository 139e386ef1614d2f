import {
  assertFiniteArray,
  assertInteger,
  assertOneOf,
  assertOpenUnit,
  raise,
} from "../_shared/validate.ts";
import { normalCdf, normalQuantile } from "./_stats.ts";
import { type Alternative, ALTERNATIVES } from "./types.ts";

/** Lan–DeMets spending function shapes. */
export type SpendingFunction = "obrien-fleming" | "pocock";

/** Options of {@link groupSequentialBoundaries}. */
export interface BoundaryOptions {
  /** Overall type I error (two-sided total for `"two-sided"`). @default 0.05 */
  alpha?: number;
  /**
   * Symmetric two-sided boundaries, or a one-sided upper ("greater") or lower
   * ("less") one. @default "two-sided"
   */
  alternative?: Alternative;
  /** Spending function. @default "obrien-fleming" */
  spending?: SpendingFunction;
}

/** A group-sequential design: the critical |z| at each look. */
export interface GroupSequentialDesign {
  /** Information fraction t_k of each look (e.g. users so far / planned users). */
  informationFractions: number[];
  /** Critical value c_k: reject at look k when |z_k| ≥ c_k (one-sided: ±z_k ≥ c_k). */
  boundaries: number[];
  /** The boundaries as p-value thresholds: 2(1 − Φ(c_k)) two-sided, 1 − Φ(c_k) one-sided. */
  nominalAlpha: number[];
  /** Type I error spent up to and including each look. */
  cumulativeAlpha: number[];
  /** Overall alpha. */
  alpha: number;
  /** The alternative. */
  alternative: Alternative;
  /** The spending function. */
  spending: SpendingFunction;
}

/** α spent on one side by information fraction t (α₁ = α/2 two-sided, α one-sided). */
function spent(t: number, alphaSide: number, spending: SpendingFunction): number {
  if (spending === "pocock") return alphaSide * Math.log(1 + (Math.E - 1) * t);
  return 2 * normalCdf(-normalQuantile(1 - alphaSide / 2) / Math.sqrt(t));
}

/** Simpson weights times values on an odd number of equally spaced points. */
function simpsonGrid(lo: number, hi: number, step: number) {
  const m = 2 * Math.max(1, Math.ceil((hi - lo) / (2 * step))) + 1;
  const h = (hi - lo) / (m - 1);
  const x = new Float64Array(m), w = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    x[i] = lo + i * h;
    w[i] = (h / 3) * (i === 0 || i === m - 1 ? 1 : i % 2 === 1 ? 4 : 2);
  }
  return { x, w };
}

/**
 * Grid over the continuation region of S_k = Z_k·√t_k: (−c, c)·√t_k, or
 * (−∞, c)·√t_k one-sided, clipped to ±8.5 standard deviations (the mass
 * beyond is below 1e-16).
 */
function region(c: number, root: number, twoSided: boolean, step: number) {
  const limit = 8.5;
  return simpsonGrid(
    (twoSided ? -Math.min(c, limit) : -limit) * root,
    Math.min(c, limit) * root,
    step,
  );
}

/**
 * The c in [0, 40] where the decreasing `crossing(c)` equals `target`, by
 * bisection (a target that underflows to 0 gives c ≈ 38: never crossed).
 */
function solveBoundary(crossing: (c: number) => number, target: number): number {
  let lo = 0, hi = 40;
  for (let i = 0; i < 80 && hi - lo > 1e-10; i++) {
    const mid = (lo + hi) / 2;
    if (crossing(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Group-sequential boundaries from a Lan–DeMets α-spending function, so that
 * an experiment may be analysed at several looks ("peeks") and stopped early
 * while the overall false-positive rate stays at `alpha`.
 *
 * Spending per side (α₁ = α/2 for two-sided designs, α for one-sided), as in
 * gsDesign (`sfLDOF`, `sfLDPocock`) and ldbounds:
 * $$\alpha_1^{OF}(t) = 2\left(1 - \Phi\!\left(\frac{z_{1-\alpha_1/2}}{\sqrt t}\right)\right),\qquad
 *   \alpha_1^{P}(t) = \alpha_1 \ln\!\left(1 + (e - 1)t\right)$$
 * The boundary c_k solves P(cross at look k, not before | H₀) = α₁(t_k) − α₁(t_{k−1})
 * (per side). Under H₀ the score S_k = Z_k√t_k is Brownian motion in t, so the
 * sub-density of S_k on the continuation region is propagated look to look by
 * numerical integration (Armitage, McPherson & Rowe 1969; Simpson's rule on a grid
 * of about 16 points per standard deviation of an increment), and each c_k is
 * found by bisection. O'Brien–Fleming-type spending keeps early boundaries very
 * high and the last one close to the fixed-horizon z_{1−α/2}.
 *
 * @param informationFractions t_k of each look, strictly increasing in (0, 1]
 *   (e.g. `[0.2, 0.4, 0.6, 0.8, 1]`; see {@link equalLooks}).
 * @param options `alpha` (0.05), `alternative` ("two-sided"), `spending` ("obrien-fleming").
 * @throws {RangeError} On an empty, unsorted or out-of-range list of fractions, or
 *   options out of range.
 * @see notebooks/04_experimentation.ipynb
 * @example Five equally spaced looks, two-sided α = 0.05
 * ```ts
 * import assert from "node:assert/strict";
 * import { equalLooks, groupSequentialBoundaries } from "@lib/experiment/mod.ts";
 * const d = groupSequentialBoundaries(equalLooks(5));
 * // gsDesign/ldbounds: 4.877, 3.357, 2.680, 2.290, 2.031
 * assert.ok(Math.abs(d.boundaries[0] - 4.877) < 2e-3 && Math.abs(d.boundaries[4] - 2.031) < 2e-3);
 * assert.ok(Math.abs(d.cumulativeAlpha[4] - 0.05) < 1e-12);
 * ```
 */
export function groupSequentialBoundaries(
  informationFractions: ArrayLike<number>,
  options: BoundaryOptions = {},
): GroupSequentialDesign {
  const context = "compute groupSequentialBoundaries";
  const { alpha = 0.05, alternative = "two-sided", spending = "obrien-fleming" } = options;
  assertFiniteArray(informationFractions, "informationFractions", context);
  assertOpenUnit(alpha, "alpha", context);
  assertOneOf(alternative, ALTERNATIVES, "alternative", context);
  assertOneOf(spending, ["obrien-fleming", "pocock"] as const, "spending", context);
  const t = Array.from(informationFractions);
  t.forEach((v, k) => {
    if (!(v > 0 && v <= 1)) {
      raise("range", context, `informationFractions[${k}] must be in (0, 1], got ${v}`);
    }
    if (k > 0 && v <= t[k - 1]) {
      raise(
        "range",
        context,
        `informationFractions must be strictly increasing, got ${t[k - 1]} then ${v}`,
      );
    }
  });
  const twoSided = alternative === "two-sided", sides = twoSided ? 2 : 1;
  const alphaSide = alpha / sides;
  const cumulative = t.map((tk) => sides * spent(tk, alphaSide, spending));
  const boundaries: number[] = [];
  let step = Infinity;
  for (let k = 0; k < t.length; k++) {
    step = Math.min(step, Math.sqrt(t[k] - (k > 0 ? t[k - 1] : 0)) / 16);
  }
  // Look 1: S_1 ~ N(0, t_1), so the crossing probability is sides·Φ(−c).
  const c1 = solveBoundary((c) => sides * normalCdf(-c), cumulative[0]);
  boundaries.push(c1);
  let grid = region(c1, Math.sqrt(t[0]), twoSided, step);
  let density = grid.x.map((s) => Math.exp(-s * s / (2 * t[0])) / Math.sqrt(2 * Math.PI * t[0]));
  for (let k = 1; k < t.length; k++) {
    const sd = Math.sqrt(t[k] - t[k - 1]), root = Math.sqrt(t[k]);
    const { x, w } = grid, f = density;
    const ck = solveBoundary((c) => {
      let p = 0;
      for (let j = 0; j < x.length; j++) {
        const tail = normalCdf((x[j] - c * root) / sd) +
          (twoSided ? normalCdf((-c * root - x[j]) / sd) : 0);
        p += w[j] * f[j] * tail;
      }
      return p;
    }, cumulative[k] - cumulative[k - 1]);
    boundaries.push(ck);
    if (k === t.length - 1) break;
    const next = region(ck, root, twoSided, step);
    const nextDensity = new Float64Array(next.x.length);
    const norm = 1 / (sd * Math.sqrt(2 * Math.PI));
    for (let i = 0; i < next.x.length; i++) {
      let f = 0;
      for (let j = 0; j < grid.x.length; j++) {
        const u = (next.x[i] - grid.x[j]) / sd;
        f += grid.w[j] * density[j] * Math.exp(-0.5 * u * u);
      }
      nextDensity[i] = f * norm;
    }
    grid = next;
    density = nextDensity;
  }
  return {
    informationFractions: t,
    boundaries,
    nominalAlpha: boundaries.map((c) => sides * normalCdf(-c)),
    cumulativeAlpha: cumulative,
    alpha,
    alternative,
    spending,
  };
}

/**
 * Equally spaced information fractions: `[1/k, 2/k, …, 1]`.
 *
 * @throws {RangeError} If `looks` is not an integer ≥ 1.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { equalLooks } from "@lib/experiment/mod.ts";
 * assert.deepEqual(equalLooks(4), [0.25, 0.5, 0.75, 1]);
 * ```
 */
export function equalLooks(looks: number): number[] {
  assertInteger(looks, "looks", "compute equalLooks", { min: 1 });
  return Array.from({ length: looks }, (_, k) => (k + 1) / looks);
}

/** Result of {@link sequentialDecision}. */
export interface SequentialDecision {
  /** Whether some look crossed its boundary (H₀ rejected, experiment stopped). */
  rejected: boolean;
  /** 0-based index of the first look that crossed, or `null`. */
  stoppedAt: number | null;
}

/**
 * Applies a {@link GroupSequentialDesign} to the z statistics observed so far
 * (one per look, sign of treatment − control): stop at the first look k with
 * |z_k| ≥ c_k (two-sided), z_k ≥ c_k ("greater") or z_k ≤ −c_k ("less").
 *
 * @param zStatistics z at each look done so far (at most as many as the design's looks).
 * @param design The design from {@link groupSequentialBoundaries}.
 * @throws {RangeError} If there are more statistics than looks, or a value is not finite.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import {
 *   equalLooks,
 *   groupSequentialBoundaries,
 *   sequentialDecision,
 * } from "@lib/experiment/mod.ts";
 * const design = groupSequentialBoundaries(equalLooks(5));
 * // z = 2.5 at look 2 is not enough (c₂ ≈ 3.36); z = 2.8 at look 3 is (c₃ ≈ 2.68).
 * assert.deepEqual(sequentialDecision([1.0, 2.5, 2.8], design), { rejected: true, stoppedAt: 2 });
 * ```
 */
export function sequentialDecision(
  zStatistics: ArrayLike<number>,
  design: GroupSequentialDesign,
): SequentialDecision {
  const context = "apply sequentialDecision";
  assertFiniteArray(zStatistics, "zStatistics", context, { allowEmpty: true });
  if (zStatistics.length > design.boundaries.length) {
    raise(
      "range",
      context,
      `got ${zStatistics.length} z statistics for a design of ${design.boundaries.length} looks`,
    );
  }
  for (let k = 0; k < zStatistics.length; k++) {
    const z = zStatistics[k], c = design.boundaries[k];
    const crossed = design.alternative === "two-sided"
      ? Math.abs(z) >= c
      : design.alternative === "greater"
      ? z >= c
      : z <= -c;
    if (crossed) return { rejected: true, stoppedAt: k };
  }
  return { rejected: false, stoppedAt: null };
}
