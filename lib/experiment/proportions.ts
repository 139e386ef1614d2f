import { assertInteger, raise } from "../_shared/validate.ts";
import {
  interval,
  normalCdf,
  normalQuantile,
  symmetricPValue,
  testDecision,
  testOptions,
} from "./_stats.ts";
import type { Estimate, TestOptions, TestResult } from "./types.ts";

/** Counts of one arm of a conversion experiment. */
export interface ConversionCounts {
  /** Users who converted (an integer between 0 and `users`). */
  conversions: number;
  /** Users exposed to the arm (an integer ≥ 1). */
  users: number;
}

/** Result of {@link twoProportionZTest}. */
export interface ProportionTestResult extends TestResult {
  /** Conversion rate of the control arm, x_c / n_c. */
  controlRate: number;
  /** Conversion rate of the treatment arm, x_t / n_t. */
  treatmentRate: number;
  /** Pooled standard error used by the statistic. */
  standardError: number;
}

const NAME = "twoProportionZTest";

function checkArm(arm: ConversionCounts, name: string, context: string): void {
  if (arm === null || typeof arm !== "object") {
    raise("type", context, `${name} must be an object { conversions, users }, got ${arm}`);
  }
  assertInteger(arm.users, `${name}.users`, context, { min: 1 });
  assertInteger(arm.conversions, `${name}.conversions`, context, { min: 0 });
  if (arm.conversions > arm.users) {
    raise(
      "range",
      context,
      `${name}.conversions must be at most ${name}.users, got ${arm.conversions} > ${arm.users}`,
    );
  }
}

/**
 * Two-proportion z-test for a conversion-rate experiment (statsmodels'
 * `proportions_ztest` with its default pooled variance, and
 * `confint_proportions_2indep` for the intervals).
 *
 * The statistic uses the pooled rate p̂ = (x_c + x_t)/(n_c + n_t), the variance
 * under H₀: p_c = p_t:
 * $$z = \frac{\hat p_t - \hat p_c}{\sqrt{\hat p(1-\hat p)\,(1/n_c + 1/n_t)}}$$
 * The confidence interval of the difference is the unpooled Wald interval
 * (the variance away from H₀), so test and interval can disagree at the margin:
 * $$\hat p_t - \hat p_c \pm z_{1-\alpha/2}
 *   \sqrt{\hat p_c(1-\hat p_c)/n_c + \hat p_t(1-\hat p_t)/n_t}$$
 * The relative effect (lift p_t/p_c − 1) uses the log risk-ratio interval
 * (Katz): log(p̂_t/p̂_c) ± z·√((1−p̂_t)/x_t + (1−p̂_c)/x_c); it is `null` when
 * either arm has no conversions.
 *
 * Undefined case: when both arms convert nobody (or both convert everybody)
 * the pooled variance is 0 and z = 0/0 has no value; the test throws rather
 * than report z = 0, p = 1 (statsmodels' `proportions_ztest` returns NaN there
 * with a division warning). Collect more users, or compare the counts with an
 * exact test.
 *
 * @param control Counts of the control arm.
 * @param treatment Counts of the treatment arm.
 * @param options `alpha` (default 0.05) and `alternative` (default "two-sided").
 * @returns Statistic, p-value, decision, effect and lift with intervals.
 * @throws {RangeError} If an arm has no users, negative or non-integer counts,
 *   more conversions than users, `alpha` outside (0, 1), or the pooled variance
 *   is 0 (no conversion in either arm, or every user converted in both).
 * @see notebooks/04_experimentation.ipynb
 *
 * @example 10% vs 12.5% conversion on 2,000 users each
 * ```ts
 * import assert from "node:assert/strict";
 * import { twoProportionZTest } from "@lib/experiment/mod.ts";
 * const control = { conversions: 200, users: 2000 };
 * const r = twoProportionZTest(control, { conversions: 250, users: 2000 });
 * assert.ok(Math.abs(r.statistic - 2.502) < 1e-3);
 * assert.ok(r.significant && r.pValue < 0.05);
 * assert.ok(r.effect.lower > 0 && Math.abs(r.effect.estimate - 0.025) < 1e-12);
 * // No conversion in either arm: z is 0/0, an error rather than p = 1
 * assert.throws(() => twoProportionZTest({ conversions: 0, users: 50 }, { conversions: 0, users: 80 }));
 * ```
 */
export function twoProportionZTest(
  control: ConversionCounts,
  treatment: ConversionCounts,
  options?: TestOptions,
): ProportionTestResult {
  const context = `run ${NAME}`;
  checkArm(control, "control", context);
  checkArm(treatment, "treatment", context);
  const { alpha, alternative } = testOptions(options, context);
  const { conversions: xc, users: nc } = control;
  const { conversions: xt, users: nt } = treatment;
  const pc = xc / nc, pt = xt / nt, diff = pt - pc;
  const pooled = (xc + xt) / (nc + nt);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nc + 1 / nt));
  if (se === 0) {
    const which = pooled === 0 ? "no user converted" : "every user converted";
    raise(
      "range",
      context,
      `the pooled variance is 0 because ${which} in either arm (${xc}/${nc} and ${xt}/${nt}), so z is undefined`,
    );
  }
  const statistic = diff / se;
  const pValue = symmetricPValue(statistic, normalCdf, alternative);
  const seUnpooled = Math.sqrt(pc * (1 - pc) / nc + pt * (1 - pt) / nt);
  const effect = interval(diff, seUnpooled, alpha, alternative, normalQuantile);
  let relativeEffect: Estimate | null = null;
  if (xc > 0 && xt > 0) {
    const seLog = Math.sqrt((1 - pt) / xt + (1 - pc) / xc);
    const log = interval(Math.log(pt / pc), seLog, alpha, alternative, normalQuantile);
    relativeEffect = {
      estimate: pt / pc - 1,
      lower: Math.exp(log.lower) - 1,
      upper: Math.exp(log.upper) - 1,
    };
  }
  return {
    ...testDecision("two-proportion z-test", statistic, pValue, alternative, alpha),
    effect,
    relativeEffect,
    controlRate: pc,
    treatmentRate: pt,
    standardError: se,
  };
}
