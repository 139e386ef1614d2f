import { assertFiniteNumber, assertOneOf, raise } from "../_shared/validate.ts";
import {
  assertDirection,
  assertRate,
  type SampleSizeOptions,
  sampleSizeOptions,
  split,
} from "./_design.ts";
import { arcsineDifference, controlSize, METHODS } from "./_proportion_formulas.ts";
import type { SampleSize } from "./sample_size.ts";

/**
 * How {@link sampleSizeForProportions} turns rates into users per arm:
 * `"unpooled"` (Wald: both variances at their true rates), `"pooled"` (the
 * variance under H₀ at the pooled rate for the critical value, as the pooled
 * z-test), `"continuity"` (pooled, with the Fleiss–Tytun–Ury continuity
 * correction) or `"arcsine"` (Cohen's h, variance-stabilised).
 */
export type ProportionSizeMethod = "unpooled" | "pooled" | "continuity" | "arcsine";

/** The four methods, for validation and iteration. */
export const PROPORTION_SIZE_METHODS: readonly ProportionSizeMethod[] = METHODS;

/** Options of {@link sampleSizeForProportions}. */
export interface ProportionSizeOptions extends SampleSizeOptions {
  /** The formula; see {@link ProportionSizeMethod}. @default "unpooled" */
  method?: ProportionSizeMethod;
}

/** Whether a change is given in rate points or as a fraction of the baseline. */
export type ChangeScale = "absolute" | "relative";

/** Options of {@link sampleSizeForProportionChange}: `scale` is required. */
export interface ProportionChangeOptions extends ProportionSizeOptions {
  /** `"absolute"`: p₂ = p₁ + change; `"relative"`: p₂ = p₁ · (1 + change). */
  scale: ChangeScale;
}

/**
 * Cohen's effect size h for two proportions, the difference of their
 * arcsine-transformed rates (treatment − control; statsmodels'
 * `proportion_effectsize(treatmentRate, baselineRate)`):
 * $$h = 2\arcsin\sqrt{p_2} - 2\arcsin\sqrt{p_1}$$
 * Cohen (1988, §6.2) calls h = 0.2, 0.5 and 0.8 small, medium and large.
 *
 * @param baselineRate p₁ in [0, 1].
 * @param treatmentRate p₂ in [0, 1].
 * @returns h, in [−π, π].
 * @throws {RangeError} If a rate is outside [0, 1] or not finite.
 * @see notebooks/04_experimentation.ipynb
 * @example 50% → 75%: 2·(π/3) − 2·(π/4) = π/6
 * ```ts
 * import assert from "node:assert/strict";
 * import { cohensH } from "@lib/experiment/mod.ts";
 * assert.ok(Math.abs(cohensH(0.5, 0.75) - Math.PI / 6) < 1e-15);
 * ```
 */
export function cohensH(baselineRate: number, treatmentRate: number): number {
  const context = "compute cohensH";
  for (const [value, name] of [[baselineRate, "baselineRate"], [treatmentRate, "treatmentRate"]]) {
    assertFiniteNumber(value, name as string, context);
    if ((value as number) < 0 || (value as number) > 1) {
      raise("range", context, `${name} must be in [0, 1], got ${value}`);
    }
  }
  return arcsineDifference(baselineRate, treatmentRate);
}

/**
 * Users per arm to detect a change in conversion rate from `baselineRate` (p₁,
 * control) to `treatmentRate` (p₂) with a two-proportion test; n_t = r·n_c,
 * Δ = p₂ − p₁, q = 1 − p, z_α = z_{1−α/2} (two-sided) or z_{1−α}. The four
 * `method`s, each rounded up:
 *
 * - `"unpooled"` (default; e.g. Kohavi, Tang & Xu 2020, ch. 17; Chow, Shao &
 *   Wang 2008, §4.2):
 *   $$n_c = \frac{(z_\alpha + z_\beta)^2\,(p_1q_1 + p_2q_2/r)}{\Delta^2}$$
 * - `"pooled"` (Fleiss, Levin & Paik 2003, eq. 4.14; R's `power.prop.test`;
 *   statsmodels' `samplesize_proportions_2indep_onetail`), with
 *   p̄ = (p₁ + r·p₂)/(1 + r), the variance the pooled z-test
 *   ({@link twoProportionZTest}) uses under H₀:
 *   $$n_c = \frac{\left(z_\alpha\sqrt{\bar p\bar q\,(1 + 1/r)} +
 *     z_\beta\sqrt{p_1q_1 + p_2q_2/r}\right)^2}{\Delta^2}$$
 * - `"continuity"` (Fleiss, Tytun & Ury 1980; Fleiss, Levin & Paik eq. 4.19),
 *   for a test with Yates' correction, from the pooled n′:
 *   $$n_c = \frac{n'}{4}\left(1 + \sqrt{1 + \frac{2(r + 1)}{r\,n'\,|\Delta|}}\right)^2$$
 * - `"arcsine"` (Cohen 1988, ch. 6; statsmodels'
 *   `NormalIndPower().solve_power(proportion_effectsize(p2, p1), …)`), with
 *   h = {@link cohensH}(p₁, p₂) and s solving
 *   Φ(s − z_α) + Φ(−s − z_α) = 1 − β (both rejection tails, as statsmodels;
 *   s = z_α + z_β one-sided):
 *   $$n_c = \frac{s^2\,(1 + 1/r)}{h^2}$$
 *
 * Unpooled ≤ pooled when p₂ > p₁ and r = 1 is typical but not a rule; the
 * continuity correction always adds about (r + 1)/(r·|Δ|) users.
 * {@link powerForProportions} and {@link minimumDetectableEffectForProportions}
 * take the same `method` and invert these formulas. Chapter 4 plans with
 * {@link sampleSizeForMeans} and reads the minimum detectable effect of its
 * peeking experiment with the default (unpooled) method.
 *
 * @param baselineRate Control conversion rate p₁ in (0, 1).
 * @param treatmentRate Treatment conversion rate p₂ in (0, 1), ≠ p₁.
 * @param options `alpha` (0.05), `power` (0.8), `alternative` ("two-sided"), `ratio` (1),
 *   `method` ("unpooled").
 * @throws {RangeError} On rates outside (0, 1), equal rates, a one-sided alternative
 *   pointing the other way, alpha or power outside (0, 1), power ≤ alpha, ratio ≤ 0,
 *   or an unknown method.
 * @see notebooks/04_experimentation.ipynb
 *
 * @example 10% → 12% at α = 0.05 and 80% power, by each method
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleSizeForProportions } from "@lib/experiment/mod.ts";
 * // (1.959964 + 0.841621)² · (0.09 + 0.1056) / 0.02² = 3838.1 → 3839
 * const n = sampleSizeForProportions(0.10, 0.12);
 * assert.deepEqual(n, { control: 3839, treatment: 3839, total: 7678 });
 * // statsmodels 0.13.5: samplesize_proportions_2indep_onetail(0.02, 0.10, 0.8) = 3840.85
 * assert.equal(sampleSizeForProportions(0.10, 0.12, { method: "pooled" }).control, 3841);
 * // NormalIndPower().solve_power(proportion_effectsize(0.12, 0.10), None, 0.05, 0.8) = 3834.60
 * assert.equal(sampleSizeForProportions(0.10, 0.12, { method: "arcsine" }).control, 3835);
 * // 3840.85 / 4 · (1 + √(1 + 4 / (3840.85 · 0.02)))² = 3940.2
 * assert.equal(sampleSizeForProportions(0.10, 0.12, { method: "continuity" }).control, 3941);
 * ```
 */
export function sampleSizeForProportions(
  baselineRate: number,
  treatmentRate: number,
  options?: ProportionSizeOptions,
): SampleSize {
  return sizeOf(baselineRate, treatmentRate, options, "compute sampleSizeForProportions");
}

function sizeOf(
  p1: number,
  p2: number,
  options: ProportionSizeOptions | undefined,
  context: string,
): SampleSize {
  assertRate(p1, "baselineRate", context);
  assertRate(p2, "treatmentRate", context);
  const { alternative, ratio: r, zAlpha, zBeta } = sampleSizeOptions(options, context);
  const method = options?.method ?? "unpooled";
  assertOneOf(method, PROPORTION_SIZE_METHODS, "method", context);
  const diff = p2 - p1;
  if (diff === 0) {
    raise("range", context, `treatmentRate must differ from baselineRate, both are ${p1}`);
  }
  assertDirection(diff, alternative, context);
  return split(controlSize(p1, p2, method, { zAlpha, zBeta, ratio: r, alternative }), r);
}

/**
 * Users per arm to detect a change of the baseline conversion rate given as a
 * minimum detectable effect, in rate points (`scale: "absolute"`,
 * p₂ = p₁ + change) or as a fraction of the baseline (`scale: "relative"`,
 * p₂ = p₁·(1 + change)); then as {@link sampleSizeForProportions}. A 10 %
 * baseline with a +5 % relative MDE is 10 % → 10.5 %, with a 5-point absolute
 * MDE 10 % → 15 %: the scale is required because the two readings differ by
 * two orders of magnitude in users.
 *
 * @param baselineRate Control conversion rate p₁ in (0, 1).
 * @param change The change (≠ 0; negative for a decrease), absolute or relative.
 * @param options `scale` (required), and as {@link sampleSizeForProportions}.
 * @throws {RangeError} If the changed rate leaves (0, 1), `scale` is unknown, or as
 *   {@link sampleSizeForProportions}.
 * @see notebooks/04_experimentation.ipynb
 * @example +20 % relative on a 10 % baseline is +2 points
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleSizeForProportionChange, sampleSizeForProportions } from "@lib/experiment/mod.ts";
 * const relative = sampleSizeForProportionChange(0.10, 0.2, { scale: "relative" });
 * assert.deepEqual(relative, sampleSizeForProportions(0.10, 0.12));
 * const absolute = sampleSizeForProportionChange(0.10, 0.02, { scale: "absolute" });
 * assert.deepEqual(absolute, relative);
 * ```
 */
export function sampleSizeForProportionChange(
  baselineRate: number,
  change: number,
  options: ProportionChangeOptions,
): SampleSize {
  const context = "compute sampleSizeForProportionChange";
  assertRate(baselineRate, "baselineRate", context);
  assertFiniteNumber(change, "change", context);
  const scale = options?.scale;
  assertOneOf(scale, ["absolute", "relative"], "scale", context);
  if (change === 0) raise("range", context, "change must not be 0");
  const treatmentRate = scale === "absolute" ? baselineRate + change : baselineRate * (1 + change);
  if (!(treatmentRate > 0 && treatmentRate < 1)) {
    raise(
      "range",
      context,
      `the changed rate must be in (0, 1), got ${treatmentRate} (baselineRate=${baselineRate}, ${scale} change=${change})`,
    );
  }
  return sizeOf(baselineRate, treatmentRate, options, context);
}
