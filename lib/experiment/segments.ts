import chisquare from "@stdlib/stats-base-dists-chisquare";
import { assertFiniteArray, assertOpenUnit, assertSameLength, raise } from "../_shared/validate.ts";
import { splitByArm } from "./split_arms.ts";
import { welchTTest } from "./t_test.ts";
import type { Estimate } from "./types.ts";

/** Cochran's Q test of heterogeneity of k estimates. */
export interface Heterogeneity {
  /** Q = Σ w_j (θ_j − θ̄_w)², w_j = 1/SE_j². */
  q: number;
  /** Degrees of freedom k − 1. */
  df: number;
  /** P(χ²_{k−1} ≥ Q). */
  pValue: number;
  /** The inverse-variance weighted mean θ̄_w. */
  pooled: number;
}

/**
 * Cochran's (1954) Q test that k independent estimates share one true value,
 * $$Q = \sum_j w_j(\hat\theta_j - \bar\theta_w)^2,\quad w_j = 1/SE_j^2,\quad
 *   \bar\theta_w = \frac{\sum_j w_j \hat\theta_j}{\sum_j w_j},\quad
 *   p = P(\chi^2_{k-1} \ge Q).$$
 * For segments of an experiment it tests whether the effect differs between
 * segments (an interaction), which "significant in one segment, not in another"
 * does not: the difference between significant and not significant is not itself
 * significant (Gelman & Stern 2006).
 *
 * @param estimates The estimates θ̂_j (finite, at least 2).
 * @param standardErrors Their standard errors (positive).
 * @returns See {@link Heterogeneity}.
 * @throws {RangeError} If lengths differ, fewer than 2 estimates, or a standard error is not positive.
 * @example θ = (1, 2, 3), SE = 1: Q = 2, p = e^{−1}
 * ```ts
 * import assert from "node:assert/strict";
 * import { cochranQ } from "@lib/experiment/mod.ts";
 * const r = cochranQ([1, 2, 3], [1, 1, 1]);
 * assert.ok(Math.abs(r.q - 2) < 1e-12 && Math.abs(r.pValue - Math.exp(-1)) < 1e-12);
 * ```
 */
export function cochranQ(
  estimates: ArrayLike<number>,
  standardErrors: ArrayLike<number>,
): Heterogeneity {
  const context = "compute cochranQ";
  assertFiniteArray(estimates, "estimates", context);
  assertFiniteArray(standardErrors, "standardErrors", context);
  assertSameLength(estimates, standardErrors, ["estimates", "standardErrors"], context);
  if (estimates.length < 2) {
    raise("range", context, `needs at least 2 estimates, got ${estimates.length}`);
  }
  let sw = 0, swt = 0;
  for (let j = 0; j < estimates.length; j++) {
    if (!(standardErrors[j] > 0)) {
      raise("range", context, `standardErrors[${j}] must be positive, got ${standardErrors[j]}`);
    }
    const w = 1 / standardErrors[j] ** 2;
    sw += w, swt += w * estimates[j];
  }
  const pooled = swt / sw;
  let q = 0;
  for (let j = 0; j < estimates.length; j++) {
    q += (estimates[j] - pooled) ** 2 / standardErrors[j] ** 2;
  }
  const df = estimates.length - 1;
  return { q, df, pValue: Math.max(0, 1 - chisquare.cdf(q, df)), pooled };
}

/** One segment's comparison in {@link segmentEffects}. */
export interface SegmentEffect {
  /** The segment label. */
  segment: string;
  /** Users in the segment (both arms). */
  users: number;
  /** Welch difference treatment − control with its interval. */
  effect: Estimate;
  /** Lift treatment/control − 1 with its interval (the Welch interval over the control mean). */
  relativeEffect: Estimate;
  /** Delta-method standard error of the lift (control mean's noise included), for Cochran's Q. */
  relativeStandardError: number;
  /** Welch p-value of no difference in this segment. */
  pValue: number;
}

/** Result of {@link segmentEffects}. */
export interface SegmentEffects {
  /** One row per segment, sorted by label. */
  segments: SegmentEffect[];
  /** Cochran's Q on the segments' lifts: do the lifts differ between segments? */
  heterogeneity: Heterogeneity;
}

/**
 * The treatment effect within each segment of users (Welch per segment) and a test
 * that the lift differs between segments ({@link cochranQ} on the lifts). Segments
 * must be defined by what the treatment cannot change (pre-experiment data,
 * country, platform); their p-values are a family and need a correction.
 *
 * @param values One metric value per user.
 * @param arm One arm (0/1) per user.
 * @param segment One segment label per user.
 * @param options `alpha` of the intervals. @default 0.05
 * @returns See {@link SegmentEffects}.
 * @throws {RangeError} If lengths differ, fewer than 2 segments, or a segment has
 *   fewer than 2 users in an arm.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { segmentEffects } from "@lib/experiment/mod.ts";
 * const r = segmentEffects(
 *   [1, 2, 3, 4, 2, 3, 4, 5, 10, 11, 12, 13, 11, 12, 13, 14],
 *   [0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1],
 *   ["light", "light", "light", "light", "light", "light", "light", "light",
 *    "heavy", "heavy", "heavy", "heavy", "heavy", "heavy", "heavy", "heavy"],
 * );
 * assert.deepEqual(r.segments.map((s) => s.segment), ["heavy", "light"]);
 * assert.ok(r.segments[1].relativeEffect.estimate > r.segments[0].relativeEffect.estimate);
 * ```
 */
export function segmentEffects(
  values: ArrayLike<number>,
  arm: ArrayLike<number>,
  segment: readonly (string | number)[] | ArrayLike<number>,
  options: { alpha?: number } = {},
): SegmentEffects {
  const context = "compute segmentEffects";
  const { alpha = 0.05 } = options;
  assertOpenUnit(alpha, "alpha", context);
  assertFiniteArray(values, "values", context);
  assertSameLength(values, arm, ["values", "arm"], context);
  assertSameLength(values, segment, ["values", "segment"], context);
  const rows = new Map<string, number[]>();
  for (let i = 0; i < values.length; i++) {
    const key = String(segment[i]);
    if (!rows.has(key)) rows.set(key, []);
    rows.get(key)!.push(i);
  }
  if (rows.size < 2) raise("range", context, `needs at least 2 segments, got ${rows.size}`);
  const segments = [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(
    ([key, idx]): SegmentEffect => {
      const arms = splitByArm(idx.map((i) => values[i]), idx.map((i) => arm[i]));
      if (arms.control.length < 2 || arms.treatment.length < 2) {
        raise("range", context, `segment ${key} needs at least 2 users in each arm`);
      }
      const t = welchTTest(arms.control, arms.treatment, { alpha });
      const rel = t.relativeEffect;
      if (rel === null) raise("range", context, `segment ${key} has a control mean of 0`);
      return {
        segment: key,
        users: idx.length,
        effect: t.effect,
        relativeEffect: rel,
        relativeStandardError: t.relativeStandardError!,
        pValue: t.pValue,
      };
    },
  );
  const heterogeneity = cochranQ(
    segments.map((s) => s.relativeEffect.estimate),
    segments.map((s) => s.relativeStandardError),
  );
  return { segments, heterogeneity };
}
