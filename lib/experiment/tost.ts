import { assertOpenUnit, assertPositive, raise } from "../_shared/validate.ts";
import { tCdf, tQuantile } from "./_stats.ts";
import { welchDifference } from "./_welch.ts";
import type { Estimate } from "./types.ts";

/** Options of {@link equivalenceTest}. */
export interface EquivalenceOptions {
  /** Equivalence margin m > 0: differences within (−m, m) count as no change. */
  margin: number;
  /** Level of each one-sided test. @default 0.05 */
  alpha?: number;
}

/** Result of {@link equivalenceTest}. */
export interface EquivalenceResult {
  /** `"TOST equivalence Welch t-test"`. */
  test: string;
  /** t of the lower test, (Δ̂ + m)/SE. */
  lowerStatistic: number;
  /** t of the upper test, (Δ̂ − m)/SE. */
  upperStatistic: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  /** max of the two one-sided p-values. */
  pValue: number;
  /** The level of each one-sided test. */
  alpha: number;
  /** The margin m. */
  margin: number;
  /** Δ̂ = treatment − control with its two-sided 1 − 2α interval. */
  effect: Estimate;
  /** Standard error of Δ̂. */
  standardError: number;
  /** `pValue <= alpha`, i.e. the 1 − 2α interval lies inside (−m, m). */
  equivalent: boolean;
}

/**
 * Two one-sided tests (TOST, Schuirmann 1987) of equivalence of two means (Welch):
 * $$H_0:\ |\mu_B - \mu_A| \ge m \quad\text{against}\quad H_1:\ -m < \mu_B - \mu_A < m,$$
 * rejected when both $t_L = (\hat\Delta + m)/SE \ge t_{1-\alpha,\nu}$ and
 * $t_U = (\hat\Delta - m)/SE \le -t_{1-\alpha,\nu}$; p = max of the two one-sided
 * p-values. Equivalently the 1 − 2α interval lies inside (−m, m). Non-inferiority
 * ({@link nonInferiorityTest}) is the lower test alone.
 *
 * @param control Metric values of the control arm (at least 2, finite).
 * @param treatment Metric values of the treatment arm.
 * @param options `margin` (required, > 0), `alpha`.
 * @returns See {@link EquivalenceResult}.
 * @throws {RangeError} As {@link nonInferiorityTest}.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { equivalenceTest } from "@lib/experiment/mod.ts";
 * const a = [5.1, 4.9, 5.3, 5.0, 4.8, 5.2], b = [5.0, 4.8, 5.2, 4.9, 4.7, 5.1];
 * const r = equivalenceTest(a, b, { margin: 0.5 });
 * assert.ok(r.equivalent && r.effect.lower > -0.5 && r.effect.upper < 0.5);
 * ```
 */
export function equivalenceTest(
  control: ArrayLike<number>,
  treatment: ArrayLike<number>,
  options: EquivalenceOptions,
): EquivalenceResult {
  const context = "run equivalenceTest";
  if (options === null || typeof options !== "object") {
    raise("type", context, "options must be an object with a margin");
  }
  const { margin, alpha = 0.05 } = options;
  assertPositive(margin, "margin", context);
  assertOpenUnit(alpha, "alpha", context);
  if (alpha >= 0.5) raise("range", context, `alpha must be below 0.5, got ${alpha}`);
  const { difference, standardError: se, df } = welchDifference(control, treatment, context);
  const lowerStatistic = (difference + margin) / se, upperStatistic = (difference - margin) / se;
  const pValue = Math.max(tCdf(-lowerStatistic, df), tCdf(upperStatistic, df));
  const q = tQuantile(1 - alpha, df);
  return {
    test: "TOST equivalence Welch t-test",
    lowerStatistic,
    upperStatistic,
    df,
    pValue,
    alpha,
    margin,
    effect: { estimate: difference, lower: difference - q * se, upper: difference + q * se },
    standardError: se,
    equivalent: pValue <= alpha,
  };
}
