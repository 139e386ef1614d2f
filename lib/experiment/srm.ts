import chisquare from "@stdlib/stats-base-dists-chisquare";
import {
  assertFiniteArray,
  assertInteger,
  assertOpenUnit,
  assertPositive,
  assertSameLength,
  raise,
} from "../_shared/validate.ts";
import { interval, normalCdf, normalQuantile } from "./_stats.ts";
import type { Estimate } from "./types.ts";

/** Options of {@link sampleRatioMismatch}. */
export interface SrmOptions {
  /**
   * Significance level. SRM checks conventionally use a strict threshold
   * (p < 0.001) because they run on every experiment. @default 0.001
   */
  alpha?: number;
}

/** Result of {@link sampleRatioMismatch}. */
export interface SrmResult {
  /** Name of the test. */
  test: string;
  /** Pearson's chi-square statistic Σ (O − E)² / E. */
  statistic: number;
  /** Degrees of freedom: number of arms − 1. */
  df: number;
  /** P(χ²_df ≥ statistic). */
  pValue: number;
  /** Always `"two-sided"`: any departure from the expected split counts. */
  alternative: "two-sided";
  /** The significance level. */
  alpha: number;
  /** Confidence level of the intervals, 1 − alpha. */
  confidenceLevel: number;
  /** `pValue <= alpha`: a sample ratio mismatch is detected. */
  significant: boolean;
  /** Observed share of each arm, O_i / ΣO. */
  observedShares: number[];
  /** Expected share of each arm (normalised to sum to 1). */
  expectedShares: number[];
  /** Expected count of each arm, ΣO · share_i. */
  expectedCounts: number[];
  /**
   * Observed − expected share of arm 1 (the treatment in a two-arm test), with a
   * Wald interval √(ŝ(1 − ŝ)/N).
   */
  effect: Estimate;
  /** Observed / expected share of arm 1, minus 1, with the Wald interval scaled. */
  relativeEffect: Estimate;
}

/** P(χ²_df ≥ x); exact in the far tail for 1 df (χ²₁ = Z²) and 2 df (an exponential). */
function chiSquareTail(x: number, df: number): number {
  if (df === 1) return Math.min(1, 2 * normalCdf(-Math.sqrt(x)));
  if (df === 2) return Math.exp(-x / 2);
  return Math.max(0, 1 - chisquare.cdf(x, df));
}

/**
 * Sample ratio mismatch (SRM) check: Pearson's chi-square goodness-of-fit test of
 * the observed users per arm against the designed split (scipy `chisquare`).
 * $$\chi^2 = \sum_i \frac{(O_i - E_i)^2}{E_i},\quad E_i = N\,s_i,\quad
 *   p = P(\chi^2_{k-1} \ge \chi^2)$$
 * A significant result means the assignment or logging is broken and the
 * experiment's effect estimates cannot be trusted. For two and three arms the
 * p-value is computed from the upper tail itself, $2\Phi(-\sqrt{\chi^2})$ and
 * $e^{-\chi^2/2}$ (1 and 2 degrees of freedom), so it stays accurate far below
 * 1e-16; for more arms it is 1 − CDF, and values below about 1e-16 print as 0.
 *
 * @param observed Users per arm, in arm order (control first); non-negative integers,
 *   at least 2 arms, total > 0.
 * @param expectedShares Designed split per arm (positive; normalised to sum to 1).
 * @param options `alpha` (default 0.001).
 * @throws {RangeError} On fewer than 2 arms, lengths that differ, negative or
 *   non-integer counts, a zero total, non-positive shares, or `alpha` outside (0, 1).
 * @see notebooks/04_experimentation.ipynb
 *
 * @example A 50/50 design: 50,000 vs 51,000 users is not flagged at α = 0.001
 *   (p = 0.0017); 50,000 vs 52,000 is
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleRatioMismatch } from "@lib/experiment/mod.ts";
 * // chi² = 2·500²/50,500 = 9.90, p = 0.00165 (df 1)
 * const r = sampleRatioMismatch([50000, 51000], [0.5, 0.5]);
 * assert.ok(Math.abs(r.statistic - 500000 / 50500) < 1e-9);
 * assert.ok(r.pValue > 0.001 && r.pValue < 0.002 && !r.significant);
 * assert.ok(sampleRatioMismatch([50000, 52000], [0.5, 0.5]).significant);
 * ```
 */
export function sampleRatioMismatch(
  observed: ArrayLike<number>,
  expectedShares: ArrayLike<number>,
  options: SrmOptions = {},
): SrmResult {
  const context = "run sampleRatioMismatch";
  const { alpha = 0.001 } = options;
  assertFiniteArray(observed, "observed", context);
  assertFiniteArray(expectedShares, "expectedShares", context);
  assertSameLength(observed, expectedShares, ["observed", "expectedShares"], context);
  assertOpenUnit(alpha, "alpha", context);
  const k = observed.length;
  if (k < 2) raise("range", context, `observed must have at least 2 arms, got ${k}`);
  let total = 0, shareSum = 0;
  for (let i = 0; i < k; i++) {
    assertInteger(observed[i], `observed[${i}]`, context, { min: 0 });
    assertPositive(expectedShares[i], `expectedShares[${i}]`, context);
    total += observed[i];
    shareSum += expectedShares[i];
  }
  if (total === 0) {
    raise("range", context, "observed must contain at least one user, got 0 in total");
  }
  const shares = Array.from(expectedShares, (s) => s / shareSum);
  const expectedCounts = shares.map((s) => s * total);
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    statistic += (observed[i] - expectedCounts[i]) ** 2 / expectedCounts[i];
  }
  const df = k - 1;
  const pValue = chiSquareTail(statistic, df);
  const observedShares = Array.from(observed, (o) => o / total);
  const s1 = observedShares[1];
  const se = Math.sqrt(s1 * (1 - s1) / total);
  const effect = interval(s1 - shares[1], se, alpha, "two-sided", normalQuantile);
  return {
    test: "chi-square goodness-of-fit (SRM)",
    statistic,
    df,
    pValue,
    alternative: "two-sided",
    alpha,
    confidenceLevel: 1 - alpha,
    significant: pValue <= alpha,
    observedShares,
    expectedShares: shares,
    expectedCounts,
    effect,
    relativeEffect: {
      estimate: effect.estimate / shares[1],
      lower: effect.lower / shares[1],
      upper: effect.upper / shares[1],
    },
  };
}
