import { assertInteger, assertOpenUnit, raise } from "../_shared/validate.ts";
import { normalQuantile } from "./_stats.ts";
import type { SimulatedExperiment } from "./simulation_types.ts";

/** Result of {@link liftByExposureDay}: one entry per day since first exposure. */
export interface ExposureLift {
  /** Days since first exposure, 0 … maxDays − 1. */
  daysSinceExposure: number[];
  /** Active control users observed that many days after their exposure. */
  controlUsers: number[];
  /** Active treatment users observed that many days after their exposure. */
  treatmentUsers: number[];
  /** Lift of the conversion rate per active user, treatment / control − 1 (NaN without data). */
  lift: number[];
  /** Lower bound of the lift's interval (Katz log-ratio interval). */
  lower: number[];
  /** Upper bound of the lift's interval. */
  upper: number[];
}

/**
 * Lift of the conversion rate per active user by **days since first exposure**
 * a = d − e_i, rather than by calendar day: on calendar day d users of many
 * exposure ages are mixed (those who entered that day still see the change as
 * new), so a novelty effect seems to fade only as fast as enrolment ends. Each
 * user contributes at most one active day to each age, so the counts at one age
 * are independent Bernoulli trials and the ratio r = p̂_B / p̂_A gets the Katz
 * (1978) log interval
 * $$\log \hat r \pm z_{1-\alpha/2}\sqrt{\frac{1-\hat p_B}{x_B} + \frac{1-\hat p_A}{x_A}}.$$
 *
 * @param sim A result of `simulateExperiment` (its `users` and `logs`).
 * @param maxDays Ages 0 … maxDays − 1 are reported (an integer ≥ 1).
 * @param options `alpha` of the two-sided intervals. @default 0.05
 * @returns See {@link ExposureLift}; an age without conversions in an arm gives NaN.
 * @throws {TypeError} If `sim` is not a simulation result.
 * @throws {RangeError} If `maxDays` is not an integer ≥ 1 or `alpha` is outside (0, 1).
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { liftByExposureDay, simulateExperiment } from "@lib/experiment/mod.ts";
 * const sim = simulateExperiment(
 *   { users: 20000, days: 14, treatmentEffect: 0.1, noveltyEffect: 1 },
 *   { seed: 1 },
 * );
 * const r = liftByExposureDay(sim, 7);
 * assert.ok(r.lift[0] > r.lift[6]); // novelty fades with days since exposure
 * ```
 */
export function liftByExposureDay(
  sim: Pick<SimulatedExperiment, "users" | "logs">,
  maxDays: number,
  options: { alpha?: number } = {},
): ExposureLift {
  const context = "compute liftByExposureDay";
  if (sim === null || typeof sim !== "object" || !sim.users || !sim.logs) {
    raise("type", context, "sim must be a result of simulateExperiment");
  }
  assertInteger(maxDays, "maxDays", context, { min: 1 });
  const { alpha = 0.05 } = options;
  assertOpenUnit(alpha, "alpha", context);
  const { users, logs } = sim;
  const entry = new Map<number, number>();
  for (let u = 0; u < users.userId.length; u++) entry.set(users.userId[u], users.entryDay[u]);
  const active = [new Array(maxDays).fill(0), new Array(maxDays).fill(0)];
  const converted = [new Array(maxDays).fill(0), new Array(maxDays).fill(0)];
  for (let r = 0; r < logs.userId.length; r++) {
    const age = logs.day[r] - (entry.get(logs.userId[r]) ?? NaN);
    if (!(age >= 0 && age < maxDays)) continue;
    active[logs.arm[r]][age]++;
    converted[logs.arm[r]][age] += logs.converted[r];
  }
  const z = normalQuantile(1 - alpha / 2);
  const lift: number[] = [], lower: number[] = [], upper: number[] = [];
  for (let a = 0; a < maxDays; a++) {
    const [xa, xb] = [converted[0][a], converted[1][a]];
    const [pa, pb] = [xa / active[0][a], xb / active[1][a]];
    const ok = xa > 0 && xb > 0;
    const se = Math.sqrt((1 - pb) / xb + (1 - pa) / xa);
    lift.push(ok ? pb / pa - 1 : NaN);
    lower.push(ok ? (pb / pa) * Math.exp(-z * se) - 1 : NaN);
    upper.push(ok ? (pb / pa) * Math.exp(z * se) - 1 : NaN);
  }
  return {
    daysSinceExposure: Array.from({ length: maxDays }, (_, a) => a),
    controlUsers: active[0],
    treatmentUsers: active[1],
    lift,
    lower,
    upper,
  };
}
