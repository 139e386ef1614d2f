import {
  assertFiniteArray,
  assertOneOf,
  assertOpenUnit,
  assertSameLength,
  raise,
} from "../_shared/validate.ts";
import {
  benjaminiHochberg,
  bonferroni,
  twoProportionZTest,
  welchTTest,
} from "../experiment/mod.ts";
import { normalQuantile, tQuantile } from "../experiment/_stats.ts";

/** Options of {@link sliceMetrics}. */
export interface SliceOptions {
  /** Level of each slice's confidence interval. @default 0.95 */
  level?: number;
  /** Whether a higher per-example value is better (accuracy) or worse (loss). @default true */
  higherIsBetter?: boolean;
  /** Multiple-testing correction of the "worse than the rest" tests. @default "bh" */
  correction?: "bh" | "bonferroni";
  /** False discovery rate (BH) or family-wise error rate (Bonferroni). @default 0.05 */
  alpha?: number;
}

/** One row of {@link sliceMetrics}. */
export interface SliceMetric {
  slice: string;
  /** Examples in the slice. */
  n: number;
  /** Mean of the per-example metric in the slice. */
  value: number;
  /** Confidence interval of `value`: Wilson for 0/1 values, Student t otherwise. */
  low: number;
  high: number;
  /** One-sided p-value of "the slice is worse than all other examples" (1 if untestable). */
  pValue: number;
  /** `pValue` after the correction over all slices. */
  adjustedPValue: number;
  /** `adjustedPValue ≤ alpha`: a slice that is worse, allowing for the number of slices. */
  worse: boolean;
}

function wilson(successes: number, n: number, z: number): [number, number] {
  const p = successes / n, z2 = z * z, denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * A metric per subgroup (slice) with confidence intervals, and the slices that are
 * worse than the rest, ranked with a multiple-testing-aware method: each slice's
 * per-example values are tested against all other examples, one-sided (two-proportion
 * z-test for 0/1 values, Welch's t-test otherwise), the p-values are corrected over
 * all slices (Benjamini–Hochberg by default, or Bonferroni), and the rows are sorted
 * by adjusted p-value, then by value from worst. With many small slices some look bad
 * by chance; the correction keeps those from being called worse.
 *
 * @param values One metric value per example (e.g. 1 if correct, or the loss).
 * @param slices The slice of each example.
 * @param options Interval level, direction, correction and alpha.
 * @returns One {@link SliceMetric} per slice, worst first.
 * @throws {RangeError} If lengths differ, `values` is empty or not finite, or an option
 *   is out of range.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sliceMetrics } from "@lib/debug/mod.ts";
 * const correct = [...Array(200).fill(1), ...Array(100).fill(0), ...Array(100).fill(1)];
 * const slice = [...Array(200).fill("a"), ...Array(200).fill("b")];
 * const rows = sliceMetrics(correct, slice);
 * assert.equal(rows[0].slice, "b");
 * assert.ok(rows[0].worse && !rows[1].worse);
 * ```
 */
export function sliceMetrics(
  values: ArrayLike<number>,
  slices: readonly (string | number)[],
  options: SliceOptions = {},
): SliceMetric[] {
  const context = "compute sliceMetrics";
  const { level = 0.95, higherIsBetter = true, correction = "bh", alpha = 0.05 } = options;
  assertFiniteArray(values, "values", context);
  if (!Array.isArray(slices)) raise("type", context, "slices must be an array");
  assertSameLength(values, slices, ["values", "slices"], context);
  assertOpenUnit(level, "level", context);
  assertOpenUnit(alpha, "alpha", context);
  assertOneOf(correction, ["bh", "bonferroni"], "correction", context);
  const binary = Array.from(values).every((v) => v === 0 || v === 1);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < values.length; i++) {
    const key = String(slices[i]);
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  const alternative = higherIsBetter ? "less" : "greater";
  const total = Array.from(values).reduce((a, b) => a + b, 0);
  const rows = [...groups].map(([slice, idx]) => {
    const x = idx.map((i) => values[i]);
    const n = x.length, sum = x.reduce((a, b) => a + b, 0), mean = sum / n;
    const inSlice = new Set(idx);
    const rest = binary ? [] : Array.from(values).filter((_, i) => !inSlice.has(i));
    const restN = values.length - n;
    let low: number, high: number, pValue = 1;
    if (binary) {
      [low, high] = wilson(sum, n, normalQuantile(1 - (1 - level) / 2));
      if (restN > 0) {
        pValue = twoProportionZTest(
          { conversions: total - sum, users: restN },
          { conversions: sum, users: n },
          { alternative },
        ).pValue;
      }
    } else {
      const sd = n > 1 ? Math.sqrt(x.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : NaN;
      const half = n > 1 ? tQuantile(1 - (1 - level) / 2, n - 1) * sd / Math.sqrt(n) : NaN;
      [low, high] = [mean - half, mean + half];
      if (n > 1 && rest.length > 1) {
        const p = welchTTest(rest, x, { alternative }).pValue;
        pValue = Number.isNaN(p) ? 1 : p;
      }
    }
    return { slice, n, value: mean, low, high, pValue };
  });
  const adjust = correction === "bh" ? benjaminiHochberg : bonferroni;
  const adj = adjust(rows.map((r) => r.pValue), { alpha });
  const sign = higherIsBetter ? 1 : -1;
  return rows
    .map((r, i) => ({ ...r, adjustedPValue: adj.adjustedPValues[i], worse: adj.rejected[i] }))
    .sort((a, b) => a.adjustedPValue - b.adjustedPValue || sign * (a.value - b.value));
}
