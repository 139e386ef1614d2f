import { assertFiniteNumber, assertInteger, assertPositive, raise } from "../_shared/validate.ts";
import {
  assertDirection,
  assertRate,
  type DesignOptions,
  designOptions,
  type SampleSizeOptions,
  sampleSizeOptions,
} from "./_design.ts";
import { normalCdf } from "./_stats.ts";
import type { Alternative } from "./types.ts";

/** Power of a z-test whose statistic has mean `shift` (= δ / SE) under H₁. */
function powerFromShift(shift: number, zAlpha: number, alternative: Alternative): number {
  if (alternative === "greater") return normalCdf(shift - zAlpha);
  if (alternative === "less") return normalCdf(-shift - zAlpha);
  return normalCdf(shift - zAlpha) + normalCdf(-shift - zAlpha);
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
 *
 * @param baselineRate p₁ in (0, 1).
 * @param treatmentRate p₂ in (0, 1).
 * @param controlUsers n_c, an integer ≥ 1 (n_t = ratio · n_c).
 * @param options `alpha` (0.05), `alternative` ("two-sided"), `ratio` (1).
 * @returns The power, a probability.
 * @throws {RangeError} On rates outside (0, 1), n_c < 1, or options out of range.
 * @see notebooks/04_experimentation.ipynb
 * @example The sample size for 10% → 12% gives 80% power
 * ```ts
 * import assert from "node:assert/strict";
 * import { powerForProportions } from "@lib/experiment/mod.ts";
 * assert.ok(Math.abs(powerForProportions(0.10, 0.12, 3839) - 0.8) < 1e-3);
 * ```
 */
export function powerForProportions(
  baselineRate: number,
  treatmentRate: number,
  controlUsers: number,
  options?: DesignOptions,
): number {
  const context = "compute powerForProportions";
  assertRate(baselineRate, "baselineRate", context);
  assertRate(treatmentRate, "treatmentRate", context);
  assertUsers(controlUsers, context);
  const { alternative, ratio, zAlpha } = designOptions(options, context);
  const se = Math.sqrt(
    baselineRate * (1 - baselineRate) / controlUsers +
      treatmentRate * (1 - treatmentRate) / (ratio * controlUsers),
  );
  return powerFromShift((treatmentRate - baselineRate) / se, zAlpha, alternative);
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
 * whose {@link sampleSizeForProportions} equals n_c (solved by bisection, since
 * the variance depends on p₂). The change is upward, except for `alternative: "less"`.
 *
 * @param baselineRate p₁ in (0, 1).
 * @param controlUsers n_c, an integer ≥ 1.
 * @param options `alpha` (0.05), `power` (0.8), `alternative` ("two-sided"), `ratio` (1).
 * @throws {RangeError} On out-of-range inputs, or when n_c is too small to detect any
 *   change within (0, 1).
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
  options?: SampleSizeOptions,
): DetectableEffect {
  const context = "compute minimumDetectableEffectForProportions";
  assertRate(baselineRate, "baselineRate", context);
  assertUsers(controlUsers, context);
  const { alternative, ratio, zAlpha, zBeta } = sampleSizeOptions(options, context);
  const sign = alternative === "less" ? -1 : 1;
  const max = sign > 0 ? 1 - baselineRate : baselineRate;
  const k = (zAlpha + zBeta) ** 2, v1 = baselineRate * (1 - baselineRate);
  const required = (d: number) => {
    const p2 = baselineRate + sign * d;
    return k * (v1 + p2 * (1 - p2) / ratio) / (d * d);
  };
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
