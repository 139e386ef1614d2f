import assert from "node:assert/strict";
import fc from "fast-check";
import {
  minimumDetectableEffectForMeans,
  minimumDetectableEffectForProportions,
  powerForMeans,
  powerForProportions,
  PROPORTION_SIZE_METHODS,
  sampleSizeForProportions,
} from "@lib/experiment/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("powerForProportions() gives the target power at the formula's sample size", () => {
  // At n = 3838.10 the main tail is exactly 0.8; the far tail adds Φ(−2.80 − 1.96) ≈ 1e-6.
  assertClose(powerForProportions(0.1, 0.12, 3839), 0.8, { abs: 2e-4 });
  assert.ok(powerForProportions(0.1, 0.12, 3839) >= 0.8);
  assert.ok(powerForProportions(0.1, 0.12, 3837) < 0.8);
  // Equal rates: power equals alpha (the two tails).
  assertClose(powerForProportions(0.1, 0.1, 1000), 0.05, { abs: 1e-12 });
  assertClose(powerForProportions(0.1, 0.1, 1000, { alternative: "greater" }), 0.05, {
    abs: 1e-12,
  });
  // One-sided against the direction of the effect: below alpha.
  assert.ok(powerForProportions(0.1, 0.12, 3839, { alternative: "less" }) < 0.05);
});

Deno.test("powerForMeans() matches the normal-approximation formula", () => {
  // Φ(0.2/√(2/393) − 1.959964) = Φ(2.803560 − 1.959964) = Φ(0.843596) ≈ 0.80055;
  // the far tail adds about 1e-6.
  assertClose(powerForMeans(1, 0.2, 393), 0.80055, { abs: 1e-5 });
  assertClose(powerForMeans(1, -0.2, 393), powerForMeans(1, 0.2, 393), { rel: 1e-12 });
  assertClose(powerForMeans(1, 0, 393), 0.05, { abs: 1e-12 });
});

Deno.test("sample size and power are inverse: power(n) ≥ target > power(n − 1), one-sided", () => {
  const design = fc.record({
    p1: fc.double({ min: 0.01, max: 0.6, noNaN: true }),
    lift: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
    power: fc.double({ min: 0.6, max: 0.95, noNaN: true }),
  });
  fc.assert(
    fc.property(design, ({ p1, lift, power }) => {
      const p2 = Math.min(0.99, p1 * (1 + lift));
      const options = { alternative: "greater" as const };
      const n = sampleSizeForProportions(p1, p2, { power, ...options }).control;
      assert.ok(powerForProportions(p1, p2, n, options) >= power - 1e-9);
      if (n > 1) assert.ok(powerForProportions(p1, p2, n - 1, options) < power + 1e-9);
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("powerForProportions() pooled and arcsine match statsmodels", () => {
  // statsmodels 0.13.5 (Debian python3-statsmodels), computed once:
  //   NormalIndPower().power(proportion_effectsize(0.12, 0.10), nobs1=3835, alpha=0.05)
  //     = 0.8000413398624785; with nobs1=1000, ratio=2: 0.3792109131120139
  //   power_proportions_2indep(-0.02, 0.12, 3841).power = 0.8000165286163744
  //   power_proportions_2indep(-0.02, 0.12, 1500, ratio=2).power = 0.5144342581769306
  //   power_proportions_2indep(-0.02, 0.12, 1500, alternative="smaller").power = 0.5421014221734777
  const at = (n: number, options: Parameters<typeof powerForProportions>[3]) =>
    powerForProportions(0.1, 0.12, n, options);
  assertClose(at(3835, { method: "arcsine" }), 0.8000413398624785, { rel: 1e-12 });
  assertClose(at(1000, { method: "arcsine", ratio: 2 }), 0.3792109131120139, { rel: 1e-12 });
  assertClose(at(3841, { method: "pooled" }), 0.8000165286163744, { rel: 1e-12 });
  assertClose(at(1500, { method: "pooled", ratio: 2 }), 0.5144342581769306, { rel: 1e-12 });
  assertClose(
    at(1500, { method: "pooled", alternative: "greater" }),
    0.5421014221734777,
    { rel: 1e-12 },
  );
  for (const method of PROPORTION_SIZE_METHODS) {
    assertClose(powerForProportions(0.1, 0.1, 500, { method }), 0.05, { abs: 1e-12 }, method);
  }
});

Deno.test("every method: power(n) ≥ target > power(n − 1) at its own sample size, and the MDE inverts it", () => {
  const design = fc.record({
    p1: fc.double({ min: 0.01, max: 0.6, noNaN: true }),
    lift: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
    power: fc.double({ min: 0.6, max: 0.95, noNaN: true }),
    ratio: fc.constantFrom(0.5, 1, 2),
    method: fc.constantFrom(...PROPORTION_SIZE_METHODS),
    alternative: fc.constantFrom("greater" as const, "two-sided" as const),
  });
  fc.assert(
    fc.property(design, ({ p1, lift, power, ratio, method, alternative }) => {
      const p2 = Math.min(0.99, p1 * (1 + lift));
      const options = { alternative, ratio, method };
      const n = sampleSizeForProportions(p1, p2, { power, ...options }).control;
      // two-sided closed forms ignore the far tail, which only adds power
      assert.ok(powerForProportions(p1, p2, n, options) >= power - 1e-9, method);
      if (n > 1 && alternative === "greater") {
        assert.ok(powerForProportions(p1, p2, n - 1, options) < power + 1e-9, method);
      }
      const mde = minimumDetectableEffectForProportions(p1, n, { power, ...options });
      assert.ok(mde.absolute <= p2 - p1 + 1e-9, `${method}: ${mde.absolute} > ${p2 - p1}`);
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("powerForProportions() and the MDE reject an unknown method", () => {
  assert.throws(() => powerForProportions(0.1, 0.12, 100, { method: "exact" as never }), {
    name: "RangeError",
    message:
      'Cannot compute powerForProportions: method must be one of "unpooled", "pooled", "continuity", "arcsine", got "exact"',
  });
  assert.throws(
    () => minimumDetectableEffectForProportions(0.1, 100, { method: "wald" as never }),
    /method must be one of/,
  );
});

Deno.test("minimumDetectableEffectForProportions() inverts the sample size", () => {
  // 3,838.10 users per arm detect exactly +2 points from 10%.
  const mde = minimumDetectableEffectForProportions(0.1, 3839);
  assertClose(mde.absolute, 0.02, { abs: 2e-5 });
  assert.ok(mde.absolute < 0.02);
  assertClose(mde.relative, mde.absolute / 0.1, { rel: 1e-12 });
  const down = minimumDetectableEffectForProportions(0.12, 3024, { alternative: "less" });
  assertClose(down.absolute, 0.02, { abs: 2e-5 });
  assert.deepEqual(sampleSizeForProportions(0.1, 0.1 + 0.02).control, 3839);
});

Deno.test("minimumDetectableEffectForMeans() is (z_{1−α/2} + z_{1−β})·σ·√(2/n)", () => {
  const r = minimumDetectableEffectForMeans(2, 500);
  assertClose(r.absolute, (1.959963984540054 + 0.8416212335729143) * 2 * Math.sqrt(2 / 500), {
    rel: 1e-12,
  });
  assertClose(r.relative, r.absolute / 2, { rel: 1e-12 });
});

Deno.test("power and MDE functions reject bad inputs", () => {
  assert.throws(() => powerForProportions(0.1, 0.12, 0), {
    name: "RangeError",
    message: "Cannot compute powerForProportions: controlUsers must be at least 1, got 0",
  });
  assert.throws(
    () => powerForProportions(1.1, 0.12, 10),
    /baselineRate must be strictly between 0 and 1, got 1.1/,
  );
  assert.throws(() => powerForMeans(-1, 0.2, 10), /sd must be positive, got -1/);
  assert.throws(
    () => powerForMeans(1, 0.2, 10, { alpha: 1 }),
    /alpha must be strictly between 0 and 1, got 1/,
  );
  assert.throws(
    () => minimumDetectableEffectForMeans(1, 10, { power: 0 }),
    /power must be strictly between 0 and 1, got 0/,
  );
  assert.throws(
    () => minimumDetectableEffectForMeans(1, 0.5),
    /controlUsers must be an integer, got 0.5/,
  );
  assert.throws(() => minimumDetectableEffectForProportions(0.5, 1), {
    name: "RangeError",
    message:
      "Cannot compute minimumDetectableEffectForProportions: controlUsers=1 is too small to detect any change from 0.5",
  });
});
