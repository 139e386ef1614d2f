import {
  assertFiniteArray,
  assertFiniteNumber,
  assertInteger,
  assertOpenUnit,
  assertPositive,
  raise,
} from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";
import { betaDraw } from "./_beta.ts";
import type {
  DailyColumns,
  LogColumns,
  SimulatedExperiment,
  SimulationOptions,
  UserColumns,
} from "./simulation_types.ts";

const DEFAULTS: Required<SimulationOptions> = {
  users: 50000,
  days: 28,
  treatmentShare: 0.5,
  arrivalDays: 7,
  baselineRate: 0.05,
  concentration: 10,
  treatmentEffect: 0,
  noveltyEffect: 0,
  noveltyHalfLife: 3,
  churnRate: 0.02,
  churnEffect: 0,
  dayOfWeekMultipliers: [1, 1, 1, 1, 1.05, 0.85, 0.8],
  preDays: 14,
  revenueLogMean: 3,
  revenueLogSd: 1,
  srmLossRate: 0,
};

function resolve(options: SimulationOptions, context: string): Required<SimulationOptions> {
  if (options === null || typeof options !== "object") {
    raise("type", context, "options must be an object");
  }
  const days = options.days ?? DEFAULTS.days;
  const o = {
    ...DEFAULTS,
    arrivalDays: typeof days === "number" ? Math.max(1, Math.min(7, days)) : 7,
    ...options,
  } as Required<SimulationOptions>;
  assertInteger(o.users, "users", context, { min: 2 });
  assertInteger(o.days, "days", context, { min: 1 });
  assertOpenUnit(o.treatmentShare, "treatmentShare", context);
  assertInteger(o.arrivalDays, "arrivalDays", context, { min: 1, max: o.days });
  assertOpenUnit(o.baselineRate, "baselineRate", context);
  assertPositive(o.concentration, "concentration", context);
  assertFiniteNumber(o.treatmentEffect, "treatmentEffect", context, { min: -1 });
  assertFiniteNumber(o.noveltyEffect, "noveltyEffect", context, { min: -1 });
  assertPositive(o.noveltyHalfLife, "noveltyHalfLife", context);
  assertFiniteNumber(o.churnRate, "churnRate", context, { min: 0, max: 1 });
  assertFiniteNumber(o.churnEffect, "churnEffect", context, { min: -1 });
  if (o.churnRate * (1 + o.churnEffect) > 1) {
    raise(
      "range",
      context,
      `churnRate·(1 + churnEffect) must be at most 1, got ${o.churnRate * (1 + o.churnEffect)}`,
    );
  }
  assertFiniteArray(o.dayOfWeekMultipliers, "dayOfWeekMultipliers", context);
  if (o.dayOfWeekMultipliers.length !== 7 || o.dayOfWeekMultipliers.some((m) => m < 0)) {
    raise(
      "range",
      context,
      `dayOfWeekMultipliers must be 7 non-negative numbers, got ${o.dayOfWeekMultipliers}`,
    );
  }
  assertInteger(o.preDays, "preDays", context, { min: 0 });
  assertFiniteNumber(o.revenueLogMean, "revenueLogMean", context);
  assertFiniteNumber(o.revenueLogSd, "revenueLogSd", context, { min: 0 });
  assertFiniteNumber(o.srmLossRate, "srmLossRate", context, { min: 0, max: 0.5 });
  return { ...o, dayOfWeekMultipliers: [...o.dayOfWeekMultipliers] };
}

/**
 * A seeded simulation of an online experiment, the running example of chapter 4.
 *
 * Each user i has a daily conversion propensity p_i ~ Beta(κm, κ(1 − m)) and
 * arrives on a day e_i uniform over the first `arrivalDays`; assignment is an
 * independent coin with P(treatment) = `treatmentShare`. While retained, the user
 * is active every day d ≥ e_i and converts with probability
 * $$P(\text{convert}) = \min\!\left(1,\; p_i\, w_{d \bmod 7}\,
 *   \left[1 + \tau + \nu\, 2^{-(d - e_i)/h}\right]^{\text{treated}}\right)$$
 * (w: day-of-week multipliers, τ: `treatmentEffect`, ν: `noveltyEffect`, h: its
 * half-life), earns lognormal revenue per conversion, and then churns with
 * probability c (control) or c(1 + `churnEffect`) (treatment): a long-term effect
 * that short experiments miss. The pre-period covariate is
 * Binomial(`preDays`, p_i·w̄), correlated with in-experiment behaviour through p_i
 * (what CUPED exploits). An optional logging bug drops treatment users (SRM).
 *
 * Output is columnar (typed arrays): `users` (one row per logged user), `logs`
 * (one row per active user-day) and `daily` aggregates per arm; pass any of them
 * to `toDataFrame` from `@lib/experiment/frame.ts`. 50,000 users × 28 days
 * (about 1 million log rows) take about 0.15 s on two cores.
 *
 * @param options See {@link SimulationOptions}.
 * @param random `{ seed }` or `{ rng }`.
 * @throws {RangeError} On an out-of-range option.
 * @throws {TypeError} Without a seed or rng, or when options is not an object.
 * @see notebooks/04_experimentation.ipynb
 * @example A 10% lift on 2,000 users over two weeks
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateExperiment } from "@lib/experiment/mod.ts";
 * const sim = simulateExperiment({ users: 2000, days: 14, treatmentEffect: 0.1 }, { seed: 1 });
 * assert.equal(sim.users.userId.length, 2000);
 * assert.equal(sim.daily.day.length, 14);
 * assert.equal(sim.logs.day.length, sim.users.activeDays.reduce((a, b) => a + b, 0));
 * ```
 */
export function simulateExperiment(
  options: SimulationOptions,
  random: RandomOptions,
): SimulatedExperiment {
  const context = "run simulateExperiment";
  const o = resolve(options, context);
  const rng = resolveRng(random, context);
  const { users: n, days } = o;
  const rand = rng.random;
  const kappa = o.concentration, m = o.baselineRate;
  const dow = o.dayOfWeekMultipliers, meanDow = dow.reduce((a, b) => a + b, 0) / 7;
  // Users: propensity, arm, entry day, pre-period covariate.
  const propensity = new Float64Array(n), arm = new Uint8Array(n), entry = new Int32Array(n);
  const pre = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    propensity[i] = betaDraw(rng, kappa * m, kappa * (1 - m));
    arm[i] = rand() < o.treatmentShare ? 1 : 0;
    entry[i] = Math.floor(rand() * o.arrivalDays);
    pre[i] = rng.binomial(o.preDays, Math.min(1, propensity[i] * meanDow));
  }
  const keep = new Uint8Array(n).fill(1);
  let lostUsers = 0;
  if (o.srmLossRate > 0) {
    // The median propensity; for even n, the mean of the two middle values.
    const sorted = Float64Array.from(propensity).sort(), mid = Math.floor(n / 2);
    const median = n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    for (let i = 0; i < n; i++) {
      if (arm[i] === 1 && propensity[i] < median && rand() < 2 * o.srmLossRate) {
        keep[i] = 0;
        lostUsers++;
      }
    }
  }
  const kept = n - lostUsers;
  let capacity = 0;
  for (let i = 0; i < n; i++) if (keep[i]) capacity += days - entry[i];
  const logs: LogColumns = {
    userId: new Int32Array(capacity),
    day: new Int32Array(capacity),
    arm: new Uint8Array(capacity),
    converted: new Uint8Array(capacity),
    revenue: new Float64Array(capacity),
  };
  const users: UserColumns = {
    userId: new Int32Array(kept),
    arm: new Uint8Array(kept),
    entryDay: new Int32Array(kept),
    propensity: new Float64Array(kept),
    preConversions: new Int32Array(kept),
    activeDays: new Int32Array(kept),
    conversions: new Int32Array(kept),
    revenue: new Float64Array(kept),
    churned: new Uint8Array(kept),
  };
  const int = () => new Int32Array(days), float = () => new Float64Array(days);
  const daily: DailyColumns = {
    day: Int32Array.from({ length: days }, (_, d) => d),
    controlActive: int(),
    treatmentActive: int(),
    controlNew: int(),
    treatmentNew: int(),
    controlConversions: int(),
    treatmentConversions: int(),
    controlRevenue: float(),
    treatmentRevenue: float(),
    controlRate: float(),
    treatmentRate: float(),
  };
  const lift = Float64Array.from(
    { length: days },
    (_, age) => 1 + o.treatmentEffect + o.noveltyEffect * Math.pow(2, -age / o.noveltyHalfLife),
  );
  const churn = [o.churnRate, o.churnRate * (1 + o.churnEffect)];
  let row = 0, u = 0;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    const g = arm[i], p = propensity[i];
    const active = g ? daily.treatmentActive : daily.controlActive;
    const conv = g ? daily.treatmentConversions : daily.controlConversions;
    const rev = g ? daily.treatmentRevenue : daily.controlRevenue;
    (g ? daily.treatmentNew : daily.controlNew)[entry[i]]++;
    let conversions = 0, revenue = 0, activeDays = 0, churned = 0;
    for (let d = entry[i]; d < days; d++) {
      const prob = p * dow[d % 7] * (g ? lift[d - entry[i]] : 1);
      const converted = rand() < prob ? 1 : 0;
      const r = converted ? Math.exp(rng.normal(o.revenueLogMean, o.revenueLogSd)) : 0;
      logs.userId[row] = i;
      logs.day[row] = d;
      logs.arm[row] = g;
      logs.converted[row] = converted;
      logs.revenue[row] = r;
      row++;
      active[d]++;
      conv[d] += converted;
      rev[d] += r;
      conversions += converted;
      revenue += r;
      activeDays++;
      if (rand() < churn[g]) {
        churned = d < days - 1 ? 1 : 0;
        break;
      }
    }
    users.userId[u] = i;
    users.arm[u] = g;
    users.entryDay[u] = entry[i];
    users.propensity[u] = p;
    users.preConversions[u] = pre[i];
    users.activeDays[u] = activeDays;
    users.conversions[u] = conversions;
    users.revenue[u] = revenue;
    users.churned[u] = churned;
    u++;
  }
  for (let d = 0; d < days; d++) {
    daily.controlRate[d] = daily.controlActive[d]
      ? daily.controlConversions[d] / daily.controlActive[d]
      : 0;
    daily.treatmentRate[d] = daily.treatmentActive[d]
      ? daily.treatmentConversions[d] / daily.treatmentActive[d]
      : 0;
  }
  const trimmed: LogColumns = {
    userId: logs.userId.slice(0, row),
    day: logs.day.slice(0, row),
    arm: logs.arm.slice(0, row),
    converted: logs.converted.slice(0, row),
    revenue: logs.revenue.slice(0, row),
  };
  return { users, logs: trimmed, daily, lostUsers, options: o };
}
