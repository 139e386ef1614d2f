import { assertOpenUnit, assertProbabilityArray } from "../_shared/validate.ts";

/** Options of the multiple-comparison corrections. */
export interface MultipleTestOptions {
  /** Family-wise error rate (Bonferroni) or false discovery rate (BH). @default 0.05 */
  alpha?: number;
}

/** Result of a multiple-comparison correction, in the input order. */
export interface MultipleTestResult {
  /** Adjusted p-values (capped at 1), in the order of the input. */
  adjustedPValues: number[];
  /** `adjustedPValues[i] <= alpha`: hypothesis i is rejected. */
  rejected: boolean[];
  /** Number of rejections. */
  rejections: number;
  /** The level used. */
  alpha: number;
}

function finish(adjusted: number[], alpha: number): MultipleTestResult {
  const rejected = adjusted.map((p) => p <= alpha);
  return {
    adjustedPValues: adjusted,
    rejected,
    rejections: rejected.filter(Boolean).length,
    alpha,
  };
}

/**
 * Bonferroni correction, controlling the family-wise error rate (statsmodels
 * `multipletests(method="bonferroni")`, R `p.adjust(method = "bonferroni")`):
 * $$\tilde p_i = \min(1, m\,p_i),\qquad \text{reject } H_i \iff \tilde p_i \le \alpha$$
 *
 * @param pValues Raw p-values in [0, 1] (non-empty).
 * @param options `alpha` (default 0.05).
 * @throws {RangeError} If the array is empty, a value is outside [0, 1], or alpha is
 *   outside (0, 1).
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bonferroni } from "@lib/experiment/mod.ts";
 * const r = bonferroni([0.01, 0.02, 0.3]);
 * assert.deepEqual(r.rejected, [true, false, false]);
 * assert.ok(Math.abs(r.adjustedPValues[1] - 0.06) < 1e-12);
 * assert.ok(Math.abs(r.adjustedPValues[2] - 0.9) < 1e-12);
 * ```
 */
export function bonferroni(
  pValues: ArrayLike<number>,
  options: MultipleTestOptions = {},
): MultipleTestResult {
  const context = "apply bonferroni";
  const { alpha = 0.05 } = options;
  assertProbabilityArray(pValues, "pValues", context);
  assertOpenUnit(alpha, "alpha", context);
  const m = pValues.length;
  return finish(Array.from(pValues, (p) => Math.min(1, p * m)), alpha);
}

/**
 * Benjamini–Hochberg step-up procedure, controlling the false discovery rate
 * for independent (or positively dependent) tests (statsmodels
 * `multipletests(method="fdr_bh")`, R `p.adjust(method = "BH")`). With
 * p₍₁₎ ≤ … ≤ p₍ₘ₎ sorted:
 * $$\tilde p_{(i)} = \min_{j \ge i} \min\!\left(1, \frac{m}{j}\,p_{(j)}\right),\qquad
 *   \text{reject } H_{(i)} \iff \tilde p_{(i)} \le \alpha$$
 * equivalently, reject the k smallest where k is the largest i with p₍ᵢ₎ ≤ iα/m.
 *
 * @param pValues Raw p-values in [0, 1] (non-empty).
 * @param options `alpha` (default 0.05): the target FDR.
 * @throws {RangeError} As {@link bonferroni}.
 * @see notebooks/04_experimentation.ipynb
 * @example The example of stdlib's `padjust` (same as R's `p.adjust`)
 * ```ts
 * import assert from "node:assert/strict";
 * import { benjaminiHochberg } from "@lib/experiment/mod.ts";
 * const r = benjaminiHochberg([0.008, 0.03, 0.123, 0.6, 0.2]);
 * const expected = [0.04, 0.075, 0.205, 0.6, 0.25];
 * r.adjustedPValues.forEach((p, i) => assert.ok(Math.abs(p - expected[i]) < 1e-12));
 * assert.deepEqual(r.rejected, [true, false, false, false, false]);
 * ```
 */
export function benjaminiHochberg(
  pValues: ArrayLike<number>,
  options: MultipleTestOptions = {},
): MultipleTestResult {
  const context = "apply benjaminiHochberg";
  const { alpha = 0.05 } = options;
  assertProbabilityArray(pValues, "pValues", context);
  assertOpenUnit(alpha, "alpha", context);
  const m = pValues.length;
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1];
    running = Math.min(running, pValues[i] * m / rank);
    adjusted[i] = running;
  }
  return finish(adjusted, alpha);
}
