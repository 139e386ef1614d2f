import assert from "node:assert/strict";
import { simulatePeeking } from "@lib/experiment/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("simulatePeeking() inflates the naive false-positive rate and not the sequential one", () => {
  // 2,000 seeded A/A experiments, 10 looks of 500 users per arm at 10% conversion.
  // SE of a rate near 0.05 is √(0.05·0.95/2000) = 0.0049: tolerance ±0.015 is about 3 SE.
  const r = simulatePeeking({ experiments: 2000, looks: 10 }, { seed: 20240 });
  // Armitage, McPherson & Rowe (1969): about 0.19 for 10 looks at nominal 0.05.
  assert.ok(
    r.naive.rejectionRate > 0.14 && r.naive.rejectionRate < 0.25,
    `naive ${r.naive.rejectionRate}`,
  );
  assertClose(r.sequential.rejectionRate, 0.05, { abs: 0.015 });
  assertClose(r.fixedHorizon.rejectionRate, 0.05, { abs: 0.015 });
  assert.equal(r.naive.cumulativeRate.length, 10);
  assert.equal(r.naive.cumulativeRate[9], r.naive.rejectionRate);
  assert.ok(r.naive.cumulativeRate.every((v, k) => k === 0 || v >= r.naive.cumulativeRate[k - 1]));
  assert.equal(r.experiments, 2000);
  assert.equal(r.design.boundaries.length, 10);
});

Deno.test("simulatePeeking() Pocock-type spending also holds alpha", () => {
  const r = simulatePeeking({ experiments: 2000, looks: 5, spending: "pocock" }, { seed: 99 });
  assertClose(r.sequential.rejectionRate, 0.05, { abs: 0.015 });
});

Deno.test("simulatePeeking() sequential power is close to the fixed-horizon power", () => {
  // 10% vs 11% with 5,000 users per arm at the end: SE = √(0.09/5000 + 0.0979/5000) = 0.00613,
  // fixed-horizon power ≈ Φ(0.01/0.00613 − 1.96) = Φ(−0.33) ≈ 0.37.
  const r = simulatePeeking({ experiments: 1000, treatmentRate: 0.11 }, { seed: 5 });
  assertClose(r.fixedHorizon.rejectionRate, 0.37, { abs: 0.05 });
  assert.ok(Math.abs(r.sequential.rejectionRate - r.fixedHorizon.rejectionRate) < 0.05);
  assert.ok(r.sequential.cumulativeRate[5] > 0.05); // some experiments stop early
});

Deno.test("simulatePeeking() is reproducible from its seed", () => {
  const a = simulatePeeking({ experiments: 200 }, { seed: 3 });
  const b = simulatePeeking({ experiments: 200 }, { seed: 3 });
  assert.deepEqual(a.naive, b.naive);
});

Deno.test("simulatePeeking() rejects bad options and a missing seed", () => {
  assert.throws(() => simulatePeeking({ experiments: 0 }, { seed: 1 }), {
    name: "RangeError",
    message: "Cannot run simulatePeeking: experiments must be at least 1, got 0",
  });
  assert.throws(
    () => simulatePeeking({ looks: 2.5 }, { seed: 1 }),
    /looks must be an integer, got 2.5/,
  );
  assert.throws(
    () => simulatePeeking({ treatmentRate: 1.2 }, { seed: 1 }),
    /treatmentRate must be at most 1, got 1.2/,
  );
  assert.throws(
    () => simulatePeeking({ alpha: 0 }, { seed: 1 }),
    /alpha must be strictly between 0 and 1, got 0/,
  );
  assert.throws(() => simulatePeeking({}, {}), {
    name: "TypeError",
    message: /pass a seed or rng/,
  });
});
