import { assertFiniteNumber, assertInteger, assertPositive, raise } from "../_shared/validate.ts";
import { type SampleSizeOptions, sampleSizeOptions, split } from "./_design.ts";

/** Users needed per arm; `treatment = ceil(ratio · n_control)`. */
export interface SampleSize {
  /** Users in the control arm. */
  control: number;
  /** Users in the treatment arm. */
  treatment: number;
  /** control + treatment. */
  total: number;
}

/**
 * Users per arm to detect a difference `mde` in means of a metric with standard
 * deviation `sd` (normal approximation, as statsmodels' `NormalIndPower`; the
 * t-based `TTestIndPower` adds about one user per arm at these sizes):
 * $$n_c = \frac{(z_{1-\alpha/2} + z_{1-\beta})^2\,\sigma^2\,(1 + 1/r)}{\delta^2}$$
 *
 * @param sd Standard deviation σ of the metric per user (> 0).
 * @param mde Minimum detectable effect δ, an absolute difference (> 0; its direction
 *   comes from `alternative`).
 * @param options `alpha` (0.05), `power` (0.8), `alternative` ("two-sided"), `ratio` (1).
 * @throws {RangeError} If sd ≤ 0, mde ≤ 0, or an option is out of range.
 * @see notebooks/04_experimentation.ipynb
 *
 * @example Cohen's small effect d = 0.2
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleSizeForMeans } from "@lib/experiment/mod.ts";
 * // 2 · 2.801585² / 0.2² = 392.4 → 393
 * assert.equal(sampleSizeForMeans(1, 0.2).control, 393);
 * ```
 */
export function sampleSizeForMeans(
  sd: number,
  mde: number,
  options?: SampleSizeOptions,
): SampleSize {
  const context = "compute sampleSizeForMeans";
  assertPositive(sd, "sd", context);
  assertFiniteNumber(mde, "mde", context);
  if (mde <= 0) {
    raise("range", context, `mde must be positive (an absolute difference), got ${mde}`);
  }
  const { ratio, zAlpha, zBeta } = sampleSizeOptions(options, context);
  return split((zAlpha + zBeta) ** 2 * sd * sd * (1 + 1 / ratio) / (mde * mde), ratio);
}

/** Options of {@link experimentDuration}. */
export interface DurationOptions {
  /** Fraction of daily traffic allocated to the experiment, in (0, 1]. @default 1 */
  trafficFraction?: number;
  /** Round up to whole weeks, so every weekday is equally represented. @default false */
  wholeWeeks?: boolean;
}

/** Result of {@link experimentDuration}. */
export interface Duration {
  /** Days the experiment must run. */
  days: number;
  /** Users entering the experiment per day: dailyUsers · trafficFraction. */
  usersPerDay: number;
  /** The users required (all arms). */
  totalUsers: number;
}

/**
 * Days needed to collect `totalUsers` (all arms, e.g. `sampleSize.total`) when
 * `dailyUsers` new users arrive per day and a fraction of them enters the experiment:
 * $$\text{days} = \left\lceil \frac{N}{\text{dailyUsers}\cdot f} \right\rceil$$
 *
 * @param totalUsers Users required across all arms (integer ≥ 1).
 * @param dailyUsers Eligible users per day (> 0).
 * @param options `trafficFraction` (1), `wholeWeeks` (false).
 * @throws {RangeError} On non-positive inputs or a fraction outside (0, 1].
 * @see notebooks/04_experimentation.ipynb
 *
 * @example 7,678 users at 1,000 a day with half the traffic
 * ```ts
 * import assert from "node:assert/strict";
 * import { experimentDuration } from "@lib/experiment/mod.ts";
 * assert.equal(experimentDuration(7678, 1000, { trafficFraction: 0.5 }).days, 16);
 * const weeks = experimentDuration(7678, 1000, { trafficFraction: 0.5, wholeWeeks: true });
 * assert.equal(weeks.days, 21);
 * ```
 */
export function experimentDuration(
  totalUsers: number,
  dailyUsers: number,
  options: DurationOptions = {},
): Duration {
  const context = "compute experimentDuration";
  const { trafficFraction = 1, wholeWeeks = false } = options;
  assertInteger(totalUsers, "totalUsers", context, { min: 1 });
  assertPositive(dailyUsers, "dailyUsers", context);
  assertFiniteNumber(trafficFraction, "trafficFraction", context);
  if (trafficFraction <= 0 || trafficFraction > 1) {
    raise("range", context, `trafficFraction must be in (0, 1], got ${trafficFraction}`);
  }
  const usersPerDay = dailyUsers * trafficFraction;
  let days = Math.ceil(totalUsers / usersPerDay - 1e-9);
  if (wholeWeeks) days = Math.ceil(days / 7) * 7;
  return { days, usersPerDay, totalUsers };
}
