import { assertFiniteArray, assertSameLength, raise } from "../_shared/validate.ts";
import { type TTestResult, welchTTest } from "./t_test.ts";
import type { TestOptions } from "./types.ts";

/** Result of {@link cuped}. */
export interface CupedResult {
  /** Adjusted metric y − θ(x − x̄), same order as the input. */
  adjusted: Float64Array;
  /** θ = cov(x, y) / var(x). */
  theta: number;
  /** Mean of the covariate x̄ (the adjustment is centred on it, so means are kept). */
  covariateMean: number;
  /** Pearson correlation ρ between metric and covariate. */
  correlation: number;
  /** 1 − var(adjusted)/var(y) = ρ²: the share of variance removed. */
  varianceReduction: number;
}

/**
 * CUPED (Deng, Xu, Kohavi & Walker, 2013): remove from a metric y the part
 * predicted by a pre-experiment covariate x (the same metric measured before
 * assignment), which the treatment cannot have changed:
 * $$\theta = \frac{\operatorname{cov}(x, y)}{\operatorname{var}(x)},\qquad
 *   y^{cv}_i = y_i - \theta\,(x_i - \bar x),\qquad
 *   \operatorname{var}(y^{cv}) = \operatorname{var}(y)\,(1 - \rho^2)$$
 * Estimate θ on the pooled data of all arms (as here), then compare arms on
 * the adjusted metric: the difference in means is unchanged in expectation and
 * its variance shrinks by ρ².
 *
 * @param metric Experiment-period metric per user (at least 2, finite).
 * @param covariate Pre-experiment covariate per user, same length, not constant.
 * @throws {RangeError} On lengths that differ, fewer than 2 users, non-finite values,
 *   or a constant covariate.
 * @see notebooks/04_experimentation.ipynb
 * @example y = x + noise: most of the variance goes
 * ```ts
 * import assert from "node:assert/strict";
 * import { cuped } from "@lib/experiment/mod.ts";
 * const x = [1, 2, 3, 4, 5, 6], y = [1.1, 2.0, 2.9, 4.2, 5.0, 5.8];
 * const r = cuped(y, x);
 * // θ = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)² = 16.9 / 17.5
 * assert.ok(Math.abs(r.theta - 16.9 / 17.5) < 1e-12 && r.varianceReduction > 0.99);
 * ```
 */
export function cuped(metric: ArrayLike<number>, covariate: ArrayLike<number>): CupedResult {
  const context = "compute cuped";
  assertFiniteArray(metric, "metric", context);
  assertFiniteArray(covariate, "covariate", context);
  assertSameLength(metric, covariate, ["metric", "covariate"], context);
  const n = metric.length;
  if (n < 2) raise("range", context, `metric must have at least 2 elements, got ${n}`);
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) {
    mx += covariate[i];
    my += metric[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0, sxy = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = covariate[i] - mx, dy = metric[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) raise("range", context, "covariate must vary, got a constant covariate");
  const theta = sxy / sxx;
  const adjusted = new Float64Array(n);
  for (let i = 0; i < n; i++) adjusted[i] = metric[i] - theta * (covariate[i] - mx);
  const correlation = syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
  return {
    adjusted,
    theta,
    covariateMean: mx,
    correlation,
    varianceReduction: correlation * correlation,
  };
}

/** One arm for {@link cupedTTest}: metric and covariate per user. */
export interface CupedArm {
  /** Experiment-period metric per user. */
  metric: ArrayLike<number>;
  /** Pre-experiment covariate per user (same length). */
  covariate: ArrayLike<number>;
}

/** Result of {@link cupedTTest}. */
export interface CupedTTestResult {
  /** Welch's t-test on the CUPED-adjusted metric. */
  adjusted: TTestResult;
  /** Welch's t-test on the raw metric, for comparison. */
  unadjusted: TTestResult;
  /** θ estimated on both arms pooled. */
  theta: number;
  /** ρ² on the pooled data. */
  varianceReduction: number;
}

/**
 * Welch's t-test on CUPED-adjusted metrics: pools both arms, estimates θ with
 * {@link cuped}, splits the adjusted values back and runs {@link welchTTest};
 * the raw test is returned alongside so the narrower interval is visible.
 *
 * @throws {RangeError} As {@link cuped} and {@link welchTTest}.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cupedTTest } from "@lib/experiment/mod.ts";
 * const control = { metric: [1.1, 2.0, 2.9, 4.2], covariate: [1, 2, 3, 4] };
 * const treatment = { metric: [1.6, 2.4, 3.6, 4.5], covariate: [1, 2, 3, 4] };
 * const r = cupedTTest(control, treatment);
 * assert.ok(r.adjusted.standardError < r.unadjusted.standardError);
 * ```
 */
export function cupedTTest(
  control: CupedArm,
  treatment: CupedArm,
  options?: TestOptions,
): CupedTTestResult {
  const context = "run cupedTTest";
  for (const [name, arm] of [["control", control], ["treatment", treatment]] as const) {
    if (arm === null || typeof arm !== "object") {
      raise("type", context, `${name} must be an object { metric, covariate }, got ${arm}`);
    }
    assertFiniteArray(arm.metric, `${name}.metric`, context);
    assertFiniteArray(arm.covariate, `${name}.covariate`, context);
    assertSameLength(arm.metric, arm.covariate, [`${name}.metric`, `${name}.covariate`], context);
  }
  const nc = control.metric.length;
  const metric = [...Array.from(control.metric), ...Array.from(treatment.metric)];
  const covariate = [...Array.from(control.covariate), ...Array.from(treatment.covariate)];
  const r = cuped(metric, covariate);
  return {
    adjusted: welchTTest(r.adjusted.subarray(0, nc), r.adjusted.subarray(nc), options),
    unadjusted: welchTTest(control.metric, treatment.metric, options),
    theta: r.theta,
    varianceReduction: r.varianceReduction,
  };
}
