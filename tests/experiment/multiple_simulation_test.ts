import assert from "node:assert/strict";
import { simulateMultipleTesting } from "@lib/experiment/mod.ts";

// Tolerances are about 3 binomial standard errors of a rate over 4,000 families.

Deno.test("simulateMultipleTesting() without correction matches FWER = 1 − (1 − α)^m", () => {
  const r = simulateMultipleTesting({ families: 4000, metrics: 20, affected: 0 }, { seed: 1 });
  const expected = 1 - 0.95 ** 20; // 0.6415
  assert.ok(Math.abs(r.uncorrected.familyWiseErrorRate - expected) < 0.023);
  // With only nulls every rejection is false, so FDR = FWER.
  assert.equal(r.uncorrected.falseDiscoveryRate, r.uncorrected.familyWiseErrorRate);
  assert.ok(Number.isNaN(r.bonferroni.power));
});

Deno.test("simulateMultipleTesting() Bonferroni controls FWER and BH controls FDR at α", () => {
  const r = simulateMultipleTesting({ families: 4000, metrics: 20, affected: 5 }, { seed: 2 });
  assert.ok(r.bonferroni.familyWiseErrorRate <= 0.05 + 0.011);
  // BH: FDR ≤ α·m₀/m = 0.0375 (Benjamini & Hochberg 1995, theorem 1).
  assert.ok(r.benjaminiHochberg.falseDiscoveryRate <= 0.0375 + 0.01);
  assert.ok(r.uncorrected.familyWiseErrorRate > 0.5);
});

Deno.test("simulateMultipleTesting() ranks the rules by power: none ≥ BH ≥ Bonferroni", () => {
  const r = simulateMultipleTesting({ families: 1000, shift: 3 }, { seed: 3 });
  assert.ok(r.uncorrected.power >= r.benjaminiHochberg.power);
  assert.ok(r.benjaminiHochberg.power >= r.bonferroni.power);
  assert.ok(r.benjaminiHochberg.rejections >= r.bonferroni.rejections);
  // A single test with shift 3 has power Φ(3 − 1.96) + Φ(−3 − 1.96) = 0.851.
  assert.ok(Math.abs(r.uncorrected.power - 0.851) < 0.02);
});

Deno.test("simulateMultipleTesting() is reproducible and fills in its defaults", () => {
  const a = simulateMultipleTesting({ families: 50 }, { seed: 4 });
  const b = simulateMultipleTesting({ families: 50 }, { seed: 4 });
  assert.deepEqual(a, b);
  assert.deepEqual(a.options, { families: 50, metrics: 20, affected: 5, shift: 2.8, alpha: 0.05 });
});

Deno.test("simulateMultipleTesting() rejects invalid options with a message", () => {
  const context = "Cannot run simulateMultipleTesting:";
  assert.throws(() => simulateMultipleTesting({ metrics: 3, affected: 4 }, { seed: 1 }), {
    name: "RangeError",
    message: `${context} affected must be at most metrics=3, got 4`,
  });
  assert.throws(() => simulateMultipleTesting({ families: 0 }, { seed: 1 }), {
    name: "RangeError",
    message: `${context} families must be at least 1, got 0`,
  });
  assert.throws(() => simulateMultipleTesting({ alpha: 1 }, { seed: 1 }), RangeError);
  assert.throws(() => simulateMultipleTesting({ shift: Infinity }, { seed: 1 }), RangeError);
  assert.throws(() => simulateMultipleTesting({}, {}), TypeError);
});
