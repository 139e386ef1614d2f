import assert from "node:assert/strict";
import { msprt, simulateAlwaysValid, simulatePeeking } from "@lib/experiment/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("msprt() evaluates the normal-mixture likelihood ratio of Johari et al. (2017)", () => {
  // V = τ² = 1, θ̂ = 2: Λ = √(1/2)·exp(1·4 / (2·1·2)) = e/√2 = 1.92211551…
  const r = msprt(2, 1, { tau: 1 });
  assertClose(r.likelihoodRatio, 1.9221155140, { rel: 1e-10 });
  assertClose(r.pValue, 1 / 1.9221155140, { rel: 1e-10 });
  // θ̂ = 0: Λ = √(V/(V+τ²)) < 1, never a rejection.
  assertClose(msprt(0, 4, { tau: 2 }).likelihoodRatio, Math.SQRT1_2, { rel: 1e-12 });
  assert.equal(msprt(0, 4, { tau: 2 }).pValue, 1);
});

Deno.test("msprt() interval ends are where Λ(θ₀) = 1/α", () => {
  // Half-width √(V(V+τ²)/τ² · (2 ln 20 + ln 2)) = √(2·6.6846) = 3.65642… for V = τ² = 1.
  const r = msprt(2, 1, { tau: 1, alpha: 0.05 });
  assertClose(r.interval.upper - 2, Math.sqrt(2 * (2 * Math.log(20) + Math.log(2))), {
    rel: 1e-12,
  });
  for (const end of [r.interval.lower, r.interval.upper]) {
    // Shifting the data by −θ₀ tests θ = θ₀: Λ equals 1/α at the interval's ends.
    assertClose(msprt(2 - end, 1, { tau: 1 }).likelihoodRatio, 20, { rel: 1e-9 });
  }
  assert.ok(msprt(6, 1, { tau: 1 }).reject && r.interval.lower < 0);
});

Deno.test("simulateAlwaysValid() keeps α under continuous monitoring where naive peeking does not", () => {
  // 40 looks of 500 users: Ville's inequality bounds the mSPRT's rate by α.
  const options = { experiments: 800, looks: 40, usersPerLook: 500, baselineRate: 0.1 };
  const r = simulateAlwaysValid({ ...options, tau: 0.02 }, { seed: 4 });
  assert.ok(r.msprt.rejectionRate <= 0.05 + 0.023, `rate ${r.msprt.rejectionRate}`); // 3 sd
  const naive = simulatePeeking(options, { seed: 4 }).naive.rejectionRate;
  assert.ok(naive > 0.2, `naive ${naive}`);
  assert.ok(r.groupSequential!.rejectionRate < 0.05 + 0.023);
  const alone = simulateAlwaysValid({ ...options, tau: 0.02, groupSequential: false }, { seed: 4 });
  assert.equal(alone.groupSequential, null);
  assert.ok(alone.msprt.rejectionRate <= 0.05 + 0.023);
});

Deno.test("simulateAlwaysValid() has power against a real difference", () => {
  const r = simulateAlwaysValid(
    {
      experiments: 300,
      looks: 10,
      usersPerLook: 2000,
      baselineRate: 0.1,
      treatmentRate: 0.115,
      tau: 0.015,
    },
    { seed: 2 },
  );
  assert.ok(r.msprt.rejectionRate > 0.8 && r.groupSequential!.rejectionRate > 0.8);
  assert.ok(r.meanStoppingLook.msprt < 10);
});

Deno.test("msprt() and simulateAlwaysValid() validate their input", () => {
  assert.throws(() => msprt(1, 0, { tau: 1 }), {
    name: "RangeError",
    message: /Cannot compute msprt: variance must be/,
  });
  assert.throws(() => msprt(1, 1, { tau: -1 }), RangeError);
  assert.throws(() => msprt(NaN, 1, { tau: 1 }), RangeError);
  assert.throws(() => msprt(1, 1, { tau: 1, alpha: 1 }), RangeError);
  assert.throws(() => simulateAlwaysValid({ tau: 0 }, { seed: 1 }), {
    name: "RangeError",
    message: /Cannot run simulateAlwaysValid: tau must be/,
  });
  assert.throws(() => simulateAlwaysValid({ tau: 0.01, looks: 0 }, { seed: 1 }), RangeError);
});
