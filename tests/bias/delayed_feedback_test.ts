import assert from "node:assert/strict";
import { simulateDelayedConversions } from "@lib/bias/mod.ts";

Deno.test("simulateDelayedConversions() matches the conversion rate and the share that has arrived", () => {
  const [n, days, rate, mu] = [200000, 10, 0.2, 2];
  const log = simulateDelayedConversions({
    impressions: n,
    days,
    conversionRate: rate,
    meanDelayDays: mu,
    seed: 3,
  });
  const converted = log.converts.reduce((a, b) => a + b, 0);
  const seen = log.observed.reduce((a, b) => a + b, 0);
  assert.ok(
    Math.abs(converted / n - rate) < 4 * Math.sqrt((rate * (1 - rate)) / n),
    `${converted / n}`,
  );
  // Impressions uniform on [0, D), delay exponential with mean μ: a conversion has arrived by D with
  // probability (1/D) ∫₀ᴰ (1 − e^{−a/μ}) da = 1 − (μ/D)(1 − e^{−D/μ}) (integrated by hand): 0.80135.
  const arrived = 1 - (mu / days) * (1 - Math.exp(-days / mu));
  const q = seen / converted;
  assert.ok(
    Math.abs(q - arrived) < 4 * Math.sqrt((arrived * (1 - arrived)) / converted),
    `${q} vs ${arrived}`,
  );
  assert.ok(log.observed.every((o, i) => o <= log.converts[i]));
  assert.ok(log.time.every((t, i) => t >= 0 && t < days && (i === 0 || t >= log.time[i - 1])));
});

Deno.test("simulateDelayedConversions() is seeded and rejects bad input", () => {
  const opts = { impressions: 50, days: 3, conversionRate: 0.5, meanDelayDays: 1 };
  assert.deepEqual(
    simulateDelayedConversions({ ...opts, seed: 9 }),
    simulateDelayedConversions({ ...opts, seed: 9 }),
  );
  assert.throws(
    () => simulateDelayedConversions({ ...opts, impressions: 0, seed: 1 }),
    /impressions must be at least 1/,
  );
  assert.throws(
    () => simulateDelayedConversions({ ...opts, days: 0, seed: 1 }),
    /days must be positive/,
  );
  assert.throws(
    () => simulateDelayedConversions({ ...opts, conversionRate: 1.2, seed: 1 }),
    /conversionRate must be at most 1/,
  );
  assert.throws(
    () => simulateDelayedConversions({ ...opts, meanDelayDays: -1, seed: 1 }),
    /meanDelayDays must be positive/,
  );
});
