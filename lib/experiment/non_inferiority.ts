import { assertOpenUnit, assertPositive, raise } from "../_shared/validate.ts";
import { tCdf, tQuantile } from "./_stats.ts";
import { welchDifference } from "./_welch.ts";
import type { Estimate } from "./types.ts";

/** Options of {@link nonInferiorityTest}. */
export interface NonInferiorityOptions {
  /** The largest harm still acceptable, m > 0, in the metric's units (chosen before the test). */
  margin: number;
  /** One-sided significance level. @default 0.05 */
  alpha?: number;
  /** Whether a larger metric is better (engagement) or worse (latency). @default true */
  higherIsBetter?: boolean;
}

/** Result of {@link nonInferiorityTest}. */
export interface NonInferiorityResult {
  /** `"non-inferiority Welch t-test"`. */
  test: string;
  /** t = (Δ̂ + m)/SE when higher is better, (Δ̂ − m)/SE otherwise. */
  statistic: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  /** One-sided p-value of H₀: the treatment is worse by the margin or more. */
  pValue: number;
  /** The one-sided level used. */
  alpha: number;
  /** The margin m. */
  margin: number;
  /**
   * Δ̂ = treatment − control with its one-sided 1 − α bound: `[lower, Infinity]`
   * when higher is better, `[-Infinity, upper]` otherwise.
   */
  effect: Estimate;
  /** Standard error of Δ̂. */
  standardError: number;
  /** `pValue <= alpha`: the data rule out a harm as large as the margin. */
  nonInferior: boolean;
}

/**
 * One-sided non-inferiority test of two means (Welch): "B is no worse than A by
 * more than m". With higher-is-better metrics,
 * $$H_0:\ \mu_B - \mu_A \le -m \quad\text{against}\quad H_1:\ \mu_B - \mu_A > -m,
 *   \qquad t = \frac{\hat\Delta + m}{SE},\quad p = P(T_\nu \ge t),$$
 * which rejects exactly when the one-sided 1 − α lower bound Δ̂ − t_{1−α,ν}·SE lies
 * above −m. Unlike a two-sided test of Δ = 0, "not significant" is not the goal
 * here: B passes only when its data rule out the harm. For lower-is-better metrics
 * the signs flip. Equivalent to scipy
 * `ttest_ind(treatment, control - m, equal_var=False, alternative="greater")`.
 *
 * @param control Metric values of the control arm (at least 2, finite).
 * @param treatment Metric values of the treatment arm.
 * @param options `margin` (required, > 0), `alpha`, `higherIsBetter`.
 * @returns See {@link NonInferiorityResult}.
 * @throws {RangeError} If an arm has fewer than 2 or non-finite values, both arms
 *   are constant, `margin` ≤ 0 or `alpha` is outside (0, 1).
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { nonInferiorityTest } from "@lib/experiment/mod.ts";
 * const a = [5.1, 4.9, 5.3, 5.0, 4.8, 5.2], b = [5.0, 4.8, 5.2, 4.9, 4.7, 5.1];
 * const r = nonInferiorityTest(a, b, { margin: 0.5 });
 * assert.ok(r.nonInferior && r.effect.lower > -0.5);
 * assert.equal(nonInferiorityTest(a, b, { margin: 0.05 }).nonInferior, false);
 * ```
 */
export function nonInferiorityTest(
  control: ArrayLike<number>,
  treatment: ArrayLike<number>,
  options: NonInferiorityOptions,
): NonInferiorityResult {
  const context = "run nonInferiorityTest";
  if (options === null || typeof options !== "object") {
    raise("type", context, "options must be an object with a margin");
  }
  const { margin, alpha = 0.05, higherIsBetter = true } = options;
  assertPositive(margin, "margin", context);
  assertOpenUnit(alpha, "alpha", context);
  const { difference, standardError: se, df } = welchDifference(control, treatment, context);
  const q = tQuantile(1 - alpha, df);
  const statistic = higherIsBetter ? (difference + margin) / se : (difference - margin) / se;
  const pValue = higherIsBetter ? tCdf(-statistic, df) : tCdf(statistic, df);
  const effect: Estimate = higherIsBetter
    ? { estimate: difference, lower: difference - q * se, upper: Infinity }
    : { estimate: difference, lower: -Infinity, upper: difference + q * se };
  return {
    test: "non-inferiority Welch t-test",
    statistic,
    df,
    pValue,
    alpha,
    margin,
    effect,
    standardError: se,
    nonInferior: pValue <= alpha,
  };
}
