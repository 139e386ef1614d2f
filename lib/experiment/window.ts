import { assertInteger, raise } from "../_shared/validate.ts";
import type { SimulatedExperiment } from "./simulation_types.ts";

/** Per-user metrics over a window of days after first exposure, one row per logged user. */
export interface WindowColumns {
  /** Conversions in the window. */
  conversions: Int32Array;
  /** 1 if the user converted at least once in the window. */
  converted: Uint8Array;
  /** Revenue in the window. */
  revenue: Float64Array;
  /** Days active in the window (retention). */
  activeDays: Int32Array;
}

/**
 * Per-user metrics over the first `windowDays` days after each user's first
 * exposure: days e_i … e_i + windowDays − 1 for a user who entered on day e_i.
 * A fixed window gives every user the same exposure, so the metric's mean and
 * variance do not depend on how long enrolment lasted, which is what a sample
 * size computed from historical data assumes:
 * $$y_i = \sum_{d = e_i}^{e_i + w - 1} \text{conversions}_{i,d}$$
 * Every window must end inside the experiment, so `windowDays` may be at most
 * `days − arrivalDays + 1`.
 *
 * @param sim A result of `simulateExperiment` (its `users`, `logs` and `options`).
 * @param windowDays Window length w in days, an integer ≥ 1.
 * @returns Columns aligned with `sim.users` (same rows, same order).
 * @throws {RangeError} If `windowDays` is not an integer ≥ 1 or some window would
 *   end after the last day.
 * @see notebooks/04_experimentation.ipynb
 * @example The 7-day window of a 14-day experiment with a week of enrolment
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateExperiment, windowMetrics } from "@lib/experiment/mod.ts";
 * const sim = simulateExperiment({ users: 1000, days: 14, arrivalDays: 7 }, { seed: 1 });
 * const w = windowMetrics(sim, 7);
 * assert.equal(w.conversions.length, sim.users.userId.length);
 * assert.ok(w.activeDays.every((d, i) => d <= 7 && d <= sim.users.activeDays[i]));
 * assert.throws(() => windowMetrics(sim, 9), RangeError);
 * ```
 */
export function windowMetrics(
  sim: Pick<SimulatedExperiment, "users" | "logs" | "options">,
  windowDays: number,
): WindowColumns {
  const context = "compute windowMetrics";
  if (sim === null || typeof sim !== "object" || !sim.users || !sim.logs || !sim.options) {
    raise("type", context, "sim must be a result of simulateExperiment");
  }
  assertInteger(windowDays, "windowDays", context, { min: 1 });
  const { days, arrivalDays } = sim.options;
  if (windowDays > days - arrivalDays + 1) {
    raise(
      "range",
      context,
      `windowDays must be at most days − arrivalDays + 1 = ${days - arrivalDays + 1} ` +
        `so that every window ends inside the experiment, got ${windowDays}`,
    );
  }
  const { users, logs } = sim;
  const n = users.userId.length;
  let maxId = -1;
  for (let u = 0; u < n; u++) maxId = Math.max(maxId, users.userId[u]);
  const row = new Int32Array(maxId + 1).fill(-1);
  for (let u = 0; u < n; u++) row[users.userId[u]] = u;
  const out: WindowColumns = {
    conversions: new Int32Array(n),
    converted: new Uint8Array(n),
    revenue: new Float64Array(n),
    activeDays: new Int32Array(n),
  };
  for (let r = 0; r < logs.userId.length; r++) {
    const u = row[logs.userId[r]];
    if (logs.day[r] - users.entryDay[u] >= windowDays) continue;
    out.activeDays[u]++;
    out.conversions[u] += logs.converted[r];
    out.revenue[u] += logs.revenue[r];
    if (logs.converted[r]) out.converted[u] = 1;
  }
  return out;
}
