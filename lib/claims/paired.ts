import tDist from "@stdlib/stats-base-dists-t";
import {
  assertFiniteArray,
  assertOpenUnit,
  assertSameLength,
  type NumberArray,
  raise,
} from "../_shared/validate.ts";

/** Options of {@link pairedComparison}. */
export interface PairedOptions {
  /** Confidence level of the interval (and 1 − α of the test). @default 0.95 */
  level?: number;
  /** Whether larger values are better (a score) or worse (a loss, a time). @default true */
  higherIsBetter?: boolean;
}

/** The reading of a paired comparison. */
export type Verdict = "better" | "worse" | "within noise";

/** A paired comparison of A against B. */
export interface PairedComparison {
  /** Mean of the differences a − b. */
  diff: number;
  /** Lower end of the t interval of the mean difference. */
  low: number;
  /** Upper end of the t interval of the mean difference. */
  high: number;
  /** Two-sided p-value of the paired t-test of "mean difference = 0". */
  pValue: number;
  /** Number of pairs. */
  n: number;
  /** The interval's level. */
  level: number;
  /** Whether larger values are better. */
  higherIsBetter: boolean;
  /** A is better or worse than B when the interval excludes 0, else within noise. */
  verdict: Verdict;
}

/**
 * Compares A with B on the same units (queries, users, seeds, folds) by the
 * paired t-test on the differences $d_i = a_i - b_i$:
 *
 * $$t = \frac{\bar d}{s_d / \sqrt n},\qquad
 * \bar d \pm t_{1-\alpha/2,\,n-1}\,\frac{s_d}{\sqrt n}.$$
 *
 * The verdict is "better" or "worse" (for A, given `higherIsBetter`) when the
 * interval excludes 0, "within noise" otherwise. When every difference is the
 * same, the interval is that value and the p-value is 0 (or 1 if it is 0).
 *
 * Reference: Student's sleep data (R `t.test(extra ~ group, data = sleep,
 * paired = TRUE)`): t = −4.0621, df = 9, p = 0.002833.
 *
 * @param a Values of A, one per unit.
 * @param b Values of B for the same units, in the same order.
 * @param options `level`, `higherIsBetter`.
 * @returns `{ diff, low, high, pValue, n, level, higherIsBetter, verdict }`.
 * @throws {RangeError} If the lengths differ, fewer than 2 pairs are given, a
 *   value is not finite or `level` is not in (0, 1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pairedComparison } from "@lib/claims/mod.ts";
 * const c = pairedComparison([0.9, 0.8, 0.85, 0.7], [0.8, 0.7, 0.8, 0.6]);
 * assert.equal(c.verdict, "better");
 * assert.ok(Math.abs(c.diff - 0.0875) < 1e-12);
 * ```
 */
export function pairedComparison(
  a: NumberArray,
  b: NumberArray,
  { level = 0.95, higherIsBetter = true }: PairedOptions = {},
): PairedComparison {
  const context = "compute pairedComparison";
  assertFiniteArray(a, "a", context);
  assertFiniteArray(b, "b", context);
  assertSameLength(a, b, ["a", "b"], context);
  assertOpenUnit(level, "level", context);
  if (typeof higherIsBetter !== "boolean") {
    raise("type", context, "higherIsBetter must be a boolean");
  }
  const n = a.length;
  if (n < 2) raise("range", context, `a and b need at least 2 pairs, got ${n}`);
  let diff = 0;
  for (let i = 0; i < n; i++) diff += a[i] - b[i];
  diff /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (a[i] - b[i] - diff) ** 2;
  const se = Math.sqrt(ss / (n - 1) / n);
  let low = diff, high = diff, pValue = diff === 0 ? 1 : 0;
  if (se > 1e-12 * Math.max(1, Math.abs(diff))) {
    const q = tDist.quantile(1 - (1 - level) / 2, n - 1);
    low = diff - q * se;
    high = diff + q * se;
    pValue = Math.min(1, 2 * tDist.cdf(-Math.abs(diff / se), n - 1));
  }
  const aHigher: Verdict = higherIsBetter ? "better" : "worse";
  const aLower: Verdict = higherIsBetter ? "worse" : "better";
  const verdict: Verdict = low > 0 ? aHigher : high < 0 ? aLower : "within noise";
  return { diff, low, high, pValue, n, level, higherIsBetter, verdict };
}
