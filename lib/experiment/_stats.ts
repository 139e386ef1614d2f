// Private helpers of lib/experiment: distribution tails, quantiles and
// confidence bounds built on @stdlib distributions, plus option checks.
import normal from "@stdlib/stats-base-dists-normal";
import tDist from "@stdlib/stats-base-dists-t";
import { assertOneOf, assertOpenUnit } from "../_shared/validate.ts";
import { type Alternative, ALTERNATIVES, type Estimate, type TestResult } from "./types.ts";

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return normal.cdf(x, 0, 1);
}

/** Standard normal quantile Φ⁻¹(p). */
export function normalQuantile(p: number): number {
  return normal.quantile(p, 0, 1);
}

/** CDF of Student's t with `df` degrees of freedom (`df` may be fractional). */
export function tCdf(x: number, df: number): number {
  return tDist.cdf(x, df);
}

/** Quantile of Student's t with `df` degrees of freedom. */
export function tQuantile(p: number, df: number): number {
  return tDist.quantile(p, df);
}

/**
 * p-value of `statistic` under a symmetric null distribution with CDF `cdf`.
 * Tails are taken as `cdf(-x)` rather than `1 - cdf(x)` to keep precision.
 */
export function symmetricPValue(
  statistic: number,
  cdf: (x: number) => number,
  alternative: Alternative,
): number {
  if (Number.isNaN(statistic)) return NaN;
  if (alternative === "greater") return cdf(-statistic);
  if (alternative === "less") return cdf(statistic);
  return Math.min(1, 2 * cdf(-Math.abs(statistic)));
}

/**
 * Confidence interval `estimate ± q·se`, where `quantile(p)` is the quantile
 * function of the reference distribution; one-sided for one-sided alternatives.
 */
export function interval(
  estimate: number,
  se: number,
  alpha: number,
  alternative: Alternative,
  quantile: (p: number) => number,
): Estimate {
  if (alternative === "two-sided") {
    const q = quantile(1 - alpha / 2);
    return { estimate, lower: estimate - q * se, upper: estimate + q * se };
  }
  const q = quantile(1 - alpha);
  return alternative === "greater"
    ? { estimate, lower: estimate - q * se, upper: Infinity }
    : { estimate, lower: -Infinity, upper: estimate + q * se };
}

/**
 * The fields of a {@link TestResult} before its effects: the test's name,
 * statistic and p-value, and the decision at `alpha` (`pValue <= alpha`).
 */
export function testDecision(
  test: string,
  statistic: number,
  pValue: number,
  alternative: Alternative,
  alpha: number,
): Omit<TestResult, "effect" | "relativeEffect"> {
  return {
    test,
    statistic,
    pValue,
    alternative,
    alpha,
    confidenceLevel: 1 - alpha,
    significant: pValue <= alpha,
  };
}

/** Critical value of a normal test: z_{1−α/2} (two-sided) or z_{1−α}. */
export function criticalZ(alpha: number, alternative: Alternative): number {
  return normalQuantile(alternative === "two-sided" ? 1 - alpha / 2 : 1 - alpha);
}

/** Reads and validates `alpha` and `alternative`. */
export function testOptions(
  options: { alpha?: number; alternative?: Alternative } | undefined,
  context: string,
): { alpha: number; alternative: Alternative } {
  const { alpha = 0.05, alternative = "two-sided" } = options ?? {};
  assertOpenUnit(alpha, "alpha", context);
  assertOneOf(alternative, ALTERNATIVES, "alternative", context);
  return { alpha, alternative };
}

/** Mean and unbiased (n − 1) variance in one pass (Welford). */
export function meanVariance(x: ArrayLike<number>): { mean: number; variance: number } {
  let mean = 0, m2 = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - mean;
    mean += d / (i + 1);
    m2 += d * (x[i] - mean);
  }
  return { mean, variance: x.length > 1 ? m2 / (x.length - 1) : NaN };
}
