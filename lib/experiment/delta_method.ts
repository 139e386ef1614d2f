import { assertFiniteArray, assertSameLength, raise } from "../_shared/validate.ts";
import {
  interval,
  normalCdf,
  normalQuantile,
  symmetricPValue,
  testDecision,
  testOptions,
} from "./_stats.ts";
import type { TestOptions, TestResult } from "./types.ts";

/** One arm of a ratio metric: per randomisation unit (user), numerator and denominator. */
export interface RatioArm {
  /** Per user, e.g. clicks (finite). */
  numerator: ArrayLike<number>;
  /** Per user, e.g. page views (finite, with a positive sum). */
  denominator: ArrayLike<number>;
}

/** A ratio estimate R = Σy/Σx with its delta-method variance. */
export interface RatioEstimate {
  /** R = Σ numerator / Σ denominator. */
  ratio: number;
  /** Var(R) ≈ (s_y² − 2R s_xy + R² s_x²) / (n x̄²). */
  variance: number;
  /** Number of randomisation units n. */
  n: number;
}

/** Result of {@link ratioMetricTest}: a z-test of R_B − R_A, with the delta method. */
export interface RatioTestResult extends TestResult {
  /** The control arm's ratio. */
  control: RatioEstimate;
  /** The treatment arm's ratio. */
  treatment: RatioEstimate;
  /** Standard error of R_B − R_A. */
  standardError: number;
}

/**
 * Delta-method estimate of a ratio metric over randomisation units (Deng,
 * Knoblich & Lu 2018, "Applying the delta method in metric analytics"): with
 * per-unit numerators y_i and denominators x_i,
 * $$R = \frac{\bar y}{\bar x}, \qquad \operatorname{Var}(R) \approx
 *   \frac{1}{n\,\bar x^2}\left(s_y^2 - 2R\,s_{xy} + R^2 s_x^2\right).$$
 * Needed whenever the analysis unit (a page view, a session, an active day) is
 * finer than the randomisation unit (the user): the units of one user are
 * correlated, and treating them as independent understates the variance.
 *
 * @param arm Per-unit numerator and denominator, same length ≥ 2.
 * @returns See {@link RatioEstimate}.
 * @throws {RangeError} If lengths differ, are below 2, a value is not finite or Σx is not positive.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ratioEstimate } from "@lib/experiment/mod.ts";
 * const r = ratioEstimate({ numerator: [1, 2, 3, 2], denominator: [2, 2, 4, 4] });
 * assert.equal(r.ratio, 8 / 12);
 * ```
 */
export function ratioEstimate(arm: RatioArm, context = "compute ratioEstimate"): RatioEstimate {
  if (arm === null || typeof arm !== "object") {
    raise("type", context, "an arm must be an object { numerator, denominator }");
  }
  const { numerator: y, denominator: x } = arm;
  assertFiniteArray(y, "numerator", context);
  assertFiniteArray(x, "denominator", context);
  assertSameLength(y, x, ["numerator", "denominator"], context);
  const n = y.length;
  if (n < 2) raise("range", context, `an arm must have at least 2 units, got ${n}`);
  let sy = 0, sx = 0;
  for (let i = 0; i < n; i++) (sy += y[i]), (sx += x[i]);
  if (!(sx > 0)) raise("range", context, `the denominators must have a positive sum, got ${sx}`);
  const my = sy / n, mx = sx / n, ratio = sy / sx;
  let vy = 0, vx = 0, cxy = 0;
  for (let i = 0; i < n; i++) {
    const dy = y[i] - my, dx = x[i] - mx;
    vy += dy * dy, vx += dx * dx, cxy += dx * dy;
  }
  const variance = (vy - 2 * ratio * cxy + ratio * ratio * vx) / (n - 1) / (n * mx * mx);
  return { ratio, variance: Math.max(0, variance), n };
}

/**
 * Two-sample z-test of a ratio metric, R_B − R_A, with delta-method variances
 * ({@link ratioEstimate}); the lift R_B/R_A − 1 gets the delta-method standard error
 * $\sqrt{\operatorname{Var}(R_B)/R_A^2 + R_B^2\operatorname{Var}(R_A)/R_A^4}$.
 *
 * @param control Per-user numerator and denominator of the control arm.
 * @param treatment The same for the treatment arm.
 * @param options `alpha`, `alternative`.
 * @returns A {@link RatioTestResult} (effects with the sign of treatment − control).
 * @throws {RangeError} As {@link ratioEstimate}, or on an invalid `alpha`/`alternative`.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ratioMetricTest } from "@lib/experiment/mod.ts";
 * const r = ratioMetricTest(
 *   { numerator: [1, 0, 2, 1, 0, 1], denominator: [3, 2, 4, 3, 2, 3] },
 *   { numerator: [2, 1, 3, 2, 1, 2], denominator: [3, 2, 4, 3, 2, 3] },
 * );
 * assert.ok(r.effect.estimate > 0 && r.pValue < 0.05);
 * ```
 */
export function ratioMetricTest(
  control: RatioArm,
  treatment: RatioArm,
  options?: TestOptions,
): RatioTestResult {
  const context = "run ratioMetricTest";
  const { alpha, alternative } = testOptions(options, context);
  const c = ratioEstimate(control, context), t = ratioEstimate(treatment, context);
  const diff = t.ratio - c.ratio, se = Math.sqrt(c.variance + t.variance);
  const statistic = se > 0 ? diff / se : NaN;
  const pValue = symmetricPValue(statistic, normalCdf, alternative);
  const lift = t.ratio / c.ratio - 1;
  const liftSe = Math.sqrt(t.variance / c.ratio ** 2 + t.ratio ** 2 * c.variance / c.ratio ** 4);
  return {
    ...testDecision("delta-method ratio z-test", statistic, pValue, alternative, alpha),
    effect: interval(diff, se, alpha, alternative, normalQuantile),
    relativeEffect: c.ratio > 0 ? interval(lift, liftSe, alpha, alternative, normalQuantile) : null,
    control: c,
    treatment: t,
    standardError: se,
  };
}
