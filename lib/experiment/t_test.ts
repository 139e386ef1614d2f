import {
  assertFiniteArray,
  assertFiniteNumber,
  assertInteger,
  raise,
} from "../_shared/validate.ts";
import {
  interval,
  meanVariance,
  symmetricPValue,
  tCdf,
  testDecision,
  testOptions,
  tQuantile,
} from "./_stats.ts";
import type { Estimate, TestOptions, TestResult } from "./types.ts";

/** Summary statistics of one arm: mean, sample standard deviation (n − 1), size. */
export interface SummaryStats {
  /** Sample mean. */
  mean: number;
  /** Sample standard deviation with the n − 1 denominator (≥ 0). */
  sd: number;
  /** Sample size (an integer ≥ 2). */
  n: number;
}

/** Result of the t-tests: a {@link TestResult} plus degrees of freedom. */
export interface TTestResult extends TestResult {
  /** Degrees of freedom (Welch–Satterthwaite for Welch's test, n_c + n_t − 2 for Student's). */
  df: number;
  /** Standard error of the difference in means. */
  standardError: number;
  /**
   * Delta-method standard error of the lift x̄_t/x̄_c − 1, which adds the control mean's own
   * noise to that of the difference; `null` unless the control mean is positive.
   */
  relativeStandardError: number | null;
}

/** Checks and summarises both arms (raw samples or summary statistics), then tests. */
function core<Arm>(
  control: Arm,
  treatment: Arm,
  checkArm: (arm: Arm, name: string, context: string) => SummaryStats,
  equalVariance: boolean,
  options: TestOptions | undefined,
  context: string,
): TTestResult {
  const c = checkArm(control, "control", context), t = checkArm(treatment, "treatment", context);
  const { alpha, alternative } = testOptions(options, context);
  const vc = c.sd * c.sd, vt = t.sd * t.sd;
  let df: number, se: number;
  if (equalVariance) {
    df = c.n + t.n - 2;
    const pooled = ((c.n - 1) * vc + (t.n - 1) * vt) / df;
    se = Math.sqrt(pooled * (1 / c.n + 1 / t.n));
  } else {
    const ac = vc / c.n, at = vt / t.n;
    se = Math.sqrt(ac + at);
    df = (ac + at) ** 2 / (ac * ac / (c.n - 1) + at * at / (t.n - 1));
  }
  const diff = t.mean - c.mean;
  const statistic = diff / se;
  const pValue = symmetricPValue(statistic, (x) => tCdf(x, df), alternative);
  const effect = interval(diff, se, alpha, alternative, (p) => tQuantile(p, df));
  let relativeEffect: Estimate | null = null, relativeStandardError: number | null = null;
  if (c.mean > 0) {
    // The difference and its interval on the scale of the control mean: excludes 0 iff p ≤ α.
    relativeEffect = {
      estimate: diff / c.mean,
      lower: effect.lower / c.mean,
      upper: effect.upper / c.mean,
    };
    relativeStandardError = Math.sqrt(
      vt / t.n / c.mean ** 2 + (t.mean ** 2 * vc / c.n) / c.mean ** 4,
    );
  }
  const test = equalVariance ? "Student's t-test" : "Welch's t-test";
  return {
    ...testDecision(test, statistic, pValue, alternative, alpha),
    effect,
    relativeEffect,
    df,
    standardError: se,
    relativeStandardError,
  };
}

function summarise(x: unknown, name: string, context: string): SummaryStats {
  assertFiniteArray(x, name, context);
  if (x.length < 2) {
    raise("range", context, `${name} must have at least 2 elements, got ${x.length}`);
  }
  const { mean, variance } = meanVariance(x);
  return { mean, sd: Math.sqrt(variance), n: x.length };
}

function checkStats(s: SummaryStats, name: string, context: string): SummaryStats {
  if (s === null || typeof s !== "object") {
    raise("type", context, `${name} must be an object { mean, sd, n }, got ${s}`);
  }
  assertFiniteNumber(s.mean, `${name}.mean`, context);
  assertFiniteNumber(s.sd, `${name}.sd`, context, { min: 0 });
  assertInteger(s.n, `${name}.n`, context, { min: 2 });
  return s;
}

/**
 * Welch's t-test for a difference in means without assuming equal variances
 * (scipy `ttest_ind(treatment, control, equal_var=False)`; R's default `t.test`).
 * $$t = \frac{\bar x_t - \bar x_c}{\sqrt{s_t^2/n_t + s_c^2/n_c}},\qquad
 *   \nu = \frac{(s_t^2/n_t + s_c^2/n_c)^2}
 *   {\frac{(s_t^2/n_t)^2}{n_t-1} + \frac{(s_c^2/n_c)^2}{n_c-1}}$$
 * The interval of the difference uses the t quantile with ν degrees of freedom.
 * The relative effect (lift x̄_t/x̄_c − 1) is the difference and its interval divided
 * by the control mean x̄_c, taken as known, so the lift interval excludes 0 exactly when
 * p ≤ α; it is `null` unless the control mean is positive. It leaves out the control
 * mean's own noise, which `relativeStandardError` (delta method) includes. When both samples are
 * constant the statistic is NaN (0/0) or ±∞, as in scipy.
 *
 * @param control Control observations (at least 2, finite).
 * @param treatment Treatment observations (at least 2, finite).
 * @param options `alpha` (default 0.05) and `alternative` (default "two-sided").
 * @throws {RangeError} If a sample has fewer than 2 elements or a non-finite value,
 *   or `alpha` is outside (0, 1).
 * @see notebooks/04_experimentation.ipynb
 *
 * @example R's `sleep` data: `t.test(extra ~ group, data = sleep)`
 * ```ts
 * import assert from "node:assert/strict";
 * import { welchTTest } from "@lib/experiment/mod.ts";
 * const g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
 * const g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
 * // R's t = −1.8608 is group 1 − group 2; here it is group 2 − group 1.
 * const r = welchTTest(g1, g2);
 * assert.ok(Math.abs(r.statistic - 1.8608) < 1e-4 && Math.abs(r.df - 17.776) < 1e-3);
 * assert.ok(Math.abs(r.pValue - 0.07939) < 1e-5);
 * ```
 */
export function welchTTest(
  control: ArrayLike<number>,
  treatment: ArrayLike<number>,
  options?: TestOptions,
): TTestResult {
  return core(control, treatment, summarise, false, options, "run welchTTest");
}

/**
 * Student's t-test with pooled variance (scipy `ttest_ind(treatment, control)`):
 * $$s_p^2 = \frac{(n_c-1)s_c^2 + (n_t-1)s_t^2}{n_c+n_t-2},\quad
 *   t = \frac{\bar x_t - \bar x_c}{s_p\sqrt{1/n_c + 1/n_t}},\quad \nu = n_c+n_t-2$$
 * Otherwise as {@link welchTTest}.
 *
 * @throws {RangeError} As {@link welchTTest}.
 * @see notebooks/04_experimentation.ipynb
 * @example scipy's `ttest_ind` docstring example
 * ```ts
 * import assert from "node:assert/strict";
 * import { studentTTest } from "@lib/experiment/mod.ts";
 * const a = [1, 3, 4, 6, 11, 13, 15, 19, 22, 24, 25, 26, 26];
 * const b = [2, 4, 6, 9, 11, 13, 14, 15, 18, 19, 21];
 * const r = studentTTest(b, a); // scipy ttest_ind(a, b): t = 0.905135809331027, df = 22
 * assert.ok(Math.abs(r.statistic - 0.905135809331027) < 1e-12 && r.df === 22);
 * ```
 */
export function studentTTest(
  control: ArrayLike<number>,
  treatment: ArrayLike<number>,
  options?: TestOptions,
): TTestResult {
  return core(control, treatment, summarise, true, options, "run studentTTest");
}

/**
 * {@link welchTTest} from summary statistics (scipy
 * `ttest_ind_from_stats(..., equal_var=False)`); `sd` uses the n − 1 denominator.
 *
 * @throws {RangeError} If a mean or sd is not finite, sd < 0, n is not an integer ≥ 2,
 *   or `alpha` is outside (0, 1).
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { welchTTestFromStats } from "@lib/experiment/mod.ts";
 * const r = welchTTestFromStats({ mean: 10, sd: 2, n: 50 }, { mean: 11, sd: 2, n: 50 });
 * assert.ok(Math.abs(r.statistic - 2.5) < 1e-12 && Math.abs(r.df - 98) < 1e-9);
 * ```
 */
export function welchTTestFromStats(
  control: SummaryStats,
  treatment: SummaryStats,
  options?: TestOptions,
): TTestResult {
  return core(control, treatment, checkStats, false, options, "run welchTTestFromStats");
}

/**
 * {@link studentTTest} from summary statistics (scipy `ttest_ind_from_stats`).
 *
 * @throws {RangeError} As {@link welchTTestFromStats}.
 * @see notebooks/04_experimentation.ipynb
 * @example scipy's `ttest_ind_from_stats` docstring example
 * ```ts
 * import assert from "node:assert/strict";
 * import { studentTTestFromStats } from "@lib/experiment/mod.ts";
 * const r = studentTTestFromStats(
 *   { mean: 12, sd: Math.sqrt(39), n: 11 },
 *   { mean: 15, sd: Math.sqrt(87.5), n: 13 },
 * );
 * assert.ok(Math.abs(r.statistic - 0.9051358093310269) < 1e-12);
 * assert.ok(Math.abs(r.pValue - 0.3751996797581487) < 1e-9);
 * ```
 */
export function studentTTestFromStats(
  control: SummaryStats,
  treatment: SummaryStats,
  options?: TestOptions,
): TTestResult {
  return core(control, treatment, checkStats, true, options, "run studentTTestFromStats");
}
