import assert from "node:assert/strict";
import {
  type SimulatedExperiment,
  simulateExperiment,
  windowMetrics,
} from "@lib/experiment/mod.ts";

const sim = simulateExperiment(
  { users: 3000, days: 21, arrivalDays: 7, treatmentEffect: 0.1, srmLossRate: 0.1 },
  { seed: 5 },
);

Deno.test("windowMetrics() equals the whole-experiment totals when the window covers every day", () => {
  // With one day of enrolment every user enters on day 0, so a 10-day window is the whole test.
  const full = simulateExperiment({ users: 500, days: 10, arrivalDays: 1 }, { seed: 2 });
  const w = windowMetrics(full, 10);
  assert.deepEqual(w.conversions, full.users.conversions);
  assert.deepEqual(w.activeDays, full.users.activeDays);
  w.revenue.forEach((r, i) => assert.ok(Math.abs(r - full.users.revenue[i]) < 1e-9));
});

Deno.test("windowMetrics() counts only the first w days of each user (users with gaps from SRM)", () => {
  assert.ok(sim.lostUsers > 0);
  const w = windowMetrics(sim, 7);
  const { logs, users } = sim;
  // Reference: a direct count per user from the log rows.
  const entry = new Map<number, number>();
  users.userId.forEach((id, u) => entry.set(id, users.entryDay[u]));
  const conversions = new Map<number, number>(), active = new Map<number, number>();
  for (let r = 0; r < logs.userId.length; r++) {
    const id = logs.userId[r];
    if (logs.day[r] - entry.get(id)! < 7) {
      active.set(id, (active.get(id) ?? 0) + 1);
      conversions.set(id, (conversions.get(id) ?? 0) + logs.converted[r]);
    }
  }
  users.userId.forEach((id, u) => {
    assert.equal(w.activeDays[u], active.get(id) ?? 0);
    assert.equal(w.conversions[u], conversions.get(id) ?? 0);
    assert.equal(w.converted[u], w.conversions[u] > 0 ? 1 : 0);
    assert.ok(w.activeDays[u] >= 1 && w.activeDays[u] <= 7);
  });
});

Deno.test("windowMetrics() windows grow monotonically with w", () => {
  const short = windowMetrics(sim, 3), long = windowMetrics(sim, 10);
  short.conversions.forEach((c, u) => {
    assert.ok(c <= long.conversions[u]);
    assert.ok(short.revenue[u] <= long.revenue[u] + 1e-9);
  });
});

Deno.test("windowMetrics() rejects invalid input with a message", () => {
  const context = "Cannot compute windowMetrics:";
  assert.throws(() => windowMetrics(sim, 16), {
    name: "RangeError",
    message: `${context} windowDays must be at most days − arrivalDays + 1 = 15 so that every ` +
      "window ends inside the experiment, got 16",
  });
  assert.throws(() => windowMetrics(sim, 0), {
    name: "RangeError",
    message: `${context} windowDays must be at least 1, got 0`,
  });
  assert.throws(() => windowMetrics(null as unknown as SimulatedExperiment, 7), {
    name: "TypeError",
    message: `${context} sim must be a result of simulateExperiment`,
  });
});
