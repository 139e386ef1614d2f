import { assertFiniteNumber, assertInteger, assertPositive, raise } from "../_shared/validate.ts";
import {
  assertDirection,
  assertRate,
  type DesignOptions,
  designOptions,
  type SampleSizeOptions,
  sampleSizeOptions,
} from "./_design.ts";
import { assertOneOf } from "../_shared/validate.ts";
import {
  controlSize,
  type Method,
  METHODS,
  power as proportionPower,
  powerFromShift,
} from "./_proportion_formulas.ts";
import type { ProportionSizeMethod } from "./proportion_size.ts";

/** Options of {@link powerForProportions}. */
export interface ProportionPowerOptions extends DesignOptions {
  /** The formula, as {@link sampleSizeForProportions}. @default "unpooled" */
  method?: ProportionSizeMethod;
}

/** Options of {@link minimumDetectableEffectForProportions}. */
export interface ProportionMdeOptions extends SampleSizeOptions {
  /** The formula, as {@link sampleSizeForProportions}. @default "unpooled" */
  method?: ProportionSizeMethod;
}

function methodOf(options: { method?: unknown } | undefined, context: string): Method {
  const method = options?.method ?? "unpooled";
  assertOneOf(method, METHODS, "method", context);
  return method;
}

function assertUsers(n: unknown, context: string): asserts n is number {
  assertInteger(n, "controlUsers", context, { min: 1 });
}

/**
 * Power of the two-proportion z-test for true rates p₁ (control) and p₂
 * (treatment) with n_c control users and n_t = r·n_c treatment users:
 * $$1-\beta = \Phi\!\left(\frac{|p_2-p_1|}{SE} - z_{1-\alpha/2}\right)
 *   + \Phi\!\left(-\frac{|p_2-p_1|}{SE} - z_{1-\alpha/2}\right),\quad
 *   SE = \sqrt{\frac{p_1(1-p_1)}{n_c} + \frac{p_2(1-p_2)}{n_t}}$$
 * One-sided: Φ(±(p₂ − p₁)/SE − z_{1−α}). Equal rates give power = alpha.
 * That is the default `method: "unpooled"`; the other methods invert the
 * formulas of {@link sampleSizeForProportions}: `"pooled"`
 * Φ((|Δ|√n_c − z_α σ₀)/σ₁) + Φ((−|Δ|√n_c − z_α σ₀)/σ₁) with σ₀² = p̄q̄(1 + 1/r),
 * σ₁² = p₁q₁ + p₂q₂/r (R's `power.prop.test(strict = TRUE)` for r = 1);
 * `"continuity"` the pooled power at n′ = (√n_c − c/(2√n_c))², c = (r + 1)/(r|Δ|);
 * `"arcsine"` Φ(h√(n_c r/(1 + r)) − z_α) + Φ(−h√(n_c r/(1 + r)) − z_α)
 * (statsmodels' `NormalIndPower().power`).
 *
 * @param baselineRate p₁ in (0, 1).
 * @param treatmentRate p₂ in (0, 1).
 * @param controlUsers n_c, an integer ≥ 1 (n_t = ratio · n_c).
 * @param options `alpha` (0.05), `alternative` ("two-sided"), `ratio` (1), `method` ("unpooled").
 * @returns The power, a probability.
 * @throws {RangeError} On rates outside (0, 1), n_c < 1, options out of range or an
 *   unknown method.
 * @see notebooks/04_experimentation.ipynb
 * @example The sample size for 10% → 12% gives 80% power
 * ```ts
 * import assert from "node:assert/strict";
 * import { powerForProportions } from "@lib/experiment/mod.ts";
 * assert.ok(Math.abs(powerForProportions(0.10, 0.12, 3839) - 0.8) < 1e-3);
 * // statsmodels 0.13.5: NormalIndPower().power(proportion_effectsize(0.12, 0.10), 3835, 0.05)
 * const arcsine = powerForProportions(0.10, 0.12, 3835, { method: "arcsine" });
 * assert.ok(Math.abs(arcsine - 0.8000413398624785) < 1e-12);
 * ```
 */
export function powerForProportions(
  baselineRate: number,
  treatmentRate: number,
  controlUsers: number,
  options?: ProportionPowerOptions,
): number {
  const context = "compute powerForProportions";
  assertRate(baselineRate, "baselineRate", context);
  assertRate(treatmentRate, "treatmentRate", context);
  assertUsers(controlUsers, context);
  const { alternative, ratio, zAlpha } = designOptions(options, context);
  const method = methodOf(options, context);
  const design = { zAlpha, zBeta: 0, ratio, alternative };
  return proportionPower(baselineRate, treatmentRate, controlUsers, method, design);
}

/**
 * Power of a two-sample z-test of means (the large-sample t-test) for a true
 * difference `effect` (treatment − control) of a metric with standard deviation σ:
 * $$1-\beta = \Phi\!\left(\frac{|\delta|}{SE} - z_{1-\alpha/2}\right)
 *   + \Phi\!\left(-\frac{|\delta|}{SE} - z_{1-\alpha/2}\right),
 *   \quad SE = \sigma\sqrt{1/n_c + 1/n_t}$$
 *
 * @param sd σ (> 0).
 * @param effect True difference δ (any sign; sign matters for one-sided tests).
 * @param controlUsers n_c, an integer ≥ 1.
 * @param options `alpha` (0.05), `alternative` ("two-sided"), `ratio` (1).
 * @throws {RangeError} If sd ≤ 0, n_c < 1, or an option is out of range.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { powerForMeans } from "@lib/experiment/mod.ts";
 * assert.ok(Math.abs(powerForMeans(1, 0.2, 393) - 0.8) < 2e-3);
 * ```
 */
export function powerForMeans(
  sd: number,
  effect: number,
  controlUsers: number,
  options?: DesignOptions,
): number {
  const context = "compute powerForMeans";
  assertPositive(sd, "sd", context);
  assertFiniteNumber(effect, "effect", context);
  assertUsers(controlUsers, context);
  const { alternative, ratio, zAlpha } = designOptions(options, context);
  const se = sd * Math.sqrt(1 / controlUsers + 1 / (ratio * controlUsers));
  return powerFromShift(effect / se, zAlpha, alternative);
}

/** A minimum detectable effect, absolute and relative to the baseline. */
export interface DetectableEffect {
  /** The smallest absolute difference detected with the target power (> 0). */
  absolute: number;
  /** `absolute / baselineRate` for proportions; `absolute / sd` (Cohen's d) for means. */
  relative: number;
}

/**
 * Minimum detectable effect of a conversion experiment: the smallest |p₂ − p₁|
 * whose {@link sampleSizeForProportions} (unrounded, same `method`) equals n_c
 * (solved by bisection, since the variance depends on p₂). The change is
 * upward, except for `alternative: "less"`.
 *
 * @param baselineRate p₁ in (0, 1).
 * @param controlUsers n_c, an integer ≥ 1.
 * @param options `alpha` (0.05), `power` (0.8), `alternative` ("two-sided"), `ratio` (1),
 *   `method` ("unpooled").
 * @throws {RangeError} On out-of-range inputs, an unknown method, or when n_c is too
 *   small to detect any change within (0, 1).
 * @see notebooks/04_experimentation.ipynb
 * @example 3,839 users per arm at a 10% baseline detect +2 points
 * ```ts
 * import assert from "node:assert/strict";
 * import { minimumDetectableEffectForProportions } from "@lib/experiment/mod.ts";
 * const mde = minimumDetectableEffectForProportions(0.10, 3839);
 * assert.ok(Math.abs(mde.absolute - 0.02) < 1e-4 && Math.abs(mde.relative - 0.2) < 1e-3);
 * ```
 */
export function minimumDetectableEffectForProportions(
  baselineRate: number,
  controlUsers: number,
  options?: ProportionMdeOptions,
): DetectableEffect {
  const context = "compute minimumDetectableEffectForProportions";
  assertRate(baselineRate, "baselineRate", context);
  assertUsers(controlUsers, context);
  const { alternative, ratio, zAlpha, zBeta } = sampleSizeOptions(options, context);
  const method = methodOf(options, context);
  const sign = alternative === "less" ? -1 : 1;
  const max = sign > 0 ? 1 - baselineRate : baselineRate;
  const design = { zAlpha, zBeta, ratio, alternative };
  const required = (d: number) =>
    controlSize(baselineRate, baselineRate + sign * d, method, design);
  if (required(max) > controlUsers) {
    raise(
      "range",
      context,
      `controlUsers=${controlUsers} is too small to detect any change from ${baselineRate}`,
    );
  }
  let lo = 0, hi = max;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (required(mid) > controlUsers) lo = mid;
    else hi = mid;
  }
  assertDirection(sign * hi, alternative, context);
  return { absolute: hi, relative: hi / baselineRate };
}

/**
 * Minimum detectable difference in means for n_c control users (normal approximation):
 * $$\delta = (z_{1-\alpha/2} + z_{1-\beta})\,\sigma\,\sqrt{1/n_c + 1/n_t}$$
 *
 * @param sd σ (> 0).
 * @param controlUsers n_c, an integer ≥ 1.
 * @param options `alpha` (0.05), `power` (0.8), `alternative` ("two-sided"), `ratio` (1).
 * @returns `absolute` δ and `relative` δ/σ (Cohen's d).
 * @throws {RangeError} If sd ≤ 0, n_c < 1, or an option is out of range.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { minimumDetectableEffectForMeans } from "@lib/experiment/mod.ts";
 * // 2.801585 · √(2/393) = 0.19986
 * assert.ok(Math.abs(minimumDetectableEffectForMeans(1, 393).absolute - 0.19986) < 1e-5);
 * ```
 */
export function minimumDetectableEffectForMeans(
  sd: number,
  controlUsers: number,
  options?: SampleSizeOptions,
): DetectableEffect {
  const context = "compute minimumDetectableEffectForMeans";
  assertPositive(sd, "sd", context);
  assertUsers(controlUsers, context);
  const { ratio, zAlpha, zBeta } = sampleSizeOptions(options, context);
  const absolute = (zAlpha + zBeta) * sd * Math.sqrt(1 / controlUsers + 1 / (ratio * controlUsers));
  return { absolute, relative: absolute / sd };
}
