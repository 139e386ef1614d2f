import { assertFiniteArray, assertOpenUnit, assertSameLength, raise } from "../_shared/validate.ts";
import { benjaminiHochberg } from "../experiment/mod.ts";

/** Options of {@link sliceRegressions}. */
export interface SliceRegressionOptions {
  /** Whether a higher per-example value is better (accuracy) or worse (loss). @default true */
  higherIsBetter?: boolean;
  /** False discovery rate of the Benjamini–Hochberg correction over the slices. @default 0.05 */
  alpha?: number;
}

/** One row of {@link sliceRegressions}: how one slice changed from `before` to `after`. */
export interface SliceRegression {
  slice: string;
  /** Examples in the slice. */
  n: number;
  /** Mean per-example value before and after the change. */
  before: number;
  after: number;
  /** Examples that got better, and worse (the discordant pairs of a 0/1 metric). */
  improved: number;
  regressed: number;
  /** One-sided exact sign-test p-value of "the slice got worse". */
  pValue: number;
  /** `pValue` after the Benjamini–Hochberg correction over all slices. */
  adjustedPValue: number;
  /** `adjustedPValue ≤ alpha`: a regression that survives the correction. */
  worse: boolean;
}

/** P(X ≥ k) for X ~ Binomial(n, 1/2), summed in log space. */
function binomialUpperTail(k: number, n: number): number {
  if (k <= 0) return 1;
  let logC = 0, total = 0; // logC = ln C(n, i), built up from i = 0
  for (let i = 0; i <= n; i++) {
    if (i > 0) logC += Math.log(n - i + 1) - Math.log(i);
    if (i >= k) total += Math.exp(logC - n * Math.LN2);
  }
  return Math.min(1, total);
}

/**
 * A regression check per slice after a change (a retrained model, a fix for one slice):
 * the same examples are scored before and after, and each slice is tested for getting
 * worse with the exact one-sided sign test on its paired differences. With `r` examples
 * that regressed and `i` that improved (ties dropped), under H₀ each changed example
 * is equally likely to go either way:
 *
 * $$p = P(X \ge r),\quad X \sim \mathrm{Binomial}(r + i, \tfrac12).$$
 *
 * For a 0/1 metric this is the exact McNemar test. The p-values are corrected over all
 * slices with Benjamini–Hochberg, so that with many slices one that got worse by chance
 * is not flagged. Rows are sorted by adjusted p-value, then by the change, worst first.
 *
 * @param before One metric value per example before the change (e.g. 1 if correct).
 * @param after The same examples' values after the change.
 * @param slices The slice of each example.
 * @param options Direction and false discovery rate.
 * @returns One {@link SliceRegression} per slice, most suspicious first.
 * @throws {RangeError} If lengths differ, the arrays are empty or not finite, or
 *   `alpha` is not in (0, 1).
 * @throws {TypeError} If `slices` is not an array.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sliceRegressions } from "@lib/debug/mod.ts";
 * const before = [...Array(40).fill(1), ...Array(40).fill(0)];
 * const after = [...Array(30).fill(1), ...Array(10).fill(0), ...Array(40).fill(1)];
 * const slices = [...Array(40).fill("a"), ...Array(40).fill("b")];
 * const [first, second] = sliceRegressions(before, after, slices);
 * assert.equal(first.slice, "a"); // 10 of 40 regressed, none improved
 * assert.ok(first.worse && !second.worse);
 * assert.ok(Math.abs(first.pValue - 2 ** -10) < 1e-15); // P(X ≥ 10), X ~ Bin(10, ½)
 * ```
 */
export function sliceRegressions(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  slices: readonly (string | number)[],
  options: SliceRegressionOptions = {},
): SliceRegression[] {
  const context = "compute sliceRegressions";
  const { higherIsBetter = true, alpha = 0.05 } = options;
  assertFiniteArray(before, "before", context);
  assertFiniteArray(after, "after", context);
  if (!Array.isArray(slices)) raise("type", context, "slices must be an array");
  assertSameLength(before, after, ["before", "after"], context);
  assertSameLength(before, slices, ["before", "slices"], context);
  if (before.length === 0) raise("range", context, "before must not be empty");
  assertOpenUnit(alpha, "alpha", context);
  const sign = higherIsBetter ? 1 : -1;
  const groups = new Map<string, number[]>();
  slices.forEach((s, i) => {
    const g = groups.get(String(s));
    if (g) g.push(i);
    else groups.set(String(s), [i]);
  });
  const rows = [...groups].map(([slice, idx]) => {
    let improved = 0, regressed = 0, sumBefore = 0, sumAfter = 0;
    for (const i of idx) {
      sumBefore += before[i];
      sumAfter += after[i];
      const d = sign * (after[i] - before[i]);
      if (d > 0) improved++;
      else if (d < 0) regressed++;
    }
    const n = idx.length;
    return {
      slice,
      n,
      before: sumBefore / n,
      after: sumAfter / n,
      improved,
      regressed,
      pValue: binomialUpperTail(regressed, improved + regressed),
    };
  });
  const bh = benjaminiHochberg(rows.map((r) => r.pValue), { alpha });
  return rows
    .map((r, k) => ({ ...r, adjustedPValue: bh.adjustedPValues[k], worse: bh.rejected[k] }))
    .sort((a, b) =>
      a.adjustedPValue - b.adjustedPValue || sign * ((a.after - a.before) - (b.after - b.before))
    );
}
