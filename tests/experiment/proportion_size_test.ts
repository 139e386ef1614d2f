import assert from "node:assert/strict";
import fc from "fast-check";
import {
  cohensH,
  PROPORTION_SIZE_METHODS,
  sampleSizeForProportionChange,
  sampleSizeForProportions,
} from "@lib/experiment/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// Standard normal quantiles (e.g. Abramowitz & Stegun table 26.5):
const z975 = 1.959963984540054, z80 = 0.8416212335729143, z90 = 1.2815515655446004;

Deno.test("sampleSizeForProportions() pooled matches statsmodels and the hand formula", () => {
  // statsmodels 0.13.5 (Debian python3-statsmodels), computed once:
  //   samplesize_proportions_2indep_onetail(-0.02, 0.12, 0.8, ratio=1) = 3840.8474824362725
  //   samplesize_proportions_2indep_onetail(-0.02, 0.12, 0.8, ratio=2) = 2910.5128308523535
  //   samplesize_proportions_2indep_onetail(-0.25, 0.75, 0.9, ratio=1) = 76.70692845177747
  //   samplesize_proportions_2indep_onetail(-0.02, 0.12, 0.8, alternative="larger") = 3025.3152532
  const pooled = { method: "pooled" } as const;
  assert.deepEqual(sampleSizeForProportions(0.1, 0.12, pooled), {
    control: 3841,
    treatment: 3841,
    total: 7682,
  });
  // ratio 2: n_c = 2910.51 → 2911, n_t = 5821.03 → 5822
  assert.deepEqual(sampleSizeForProportions(0.1, 0.12, { ...pooled, ratio: 2 }), {
    control: 2911,
    treatment: 5822,
    total: 8733,
  });
  assert.equal(sampleSizeForProportions(0.5, 0.75, { ...pooled, power: 0.9 }).control, 77);
  assert.equal(
    sampleSizeForProportions(0.1, 0.12, { ...pooled, alternative: "greater" }).control,
    3026,
  );
  // Fleiss, Levin & Paik (2003) eq. 4.14 by hand for 50% → 75%, power 0.9:
  // (1.959964·√(2·0.625·0.375) + 1.281552·√(0.25 + 0.1875))² / 0.25² = 76.7069
  const byHand = (z975 * Math.sqrt(2 * 0.625 * 0.375) + z90 * Math.sqrt(0.4375)) ** 2 / 0.0625;
  assertClose(byHand, 76.70692845177747, { rel: 1e-12 });
});

Deno.test("sampleSizeForProportions() arcsine matches statsmodels and Cohen's table", () => {
  // statsmodels 0.13.5: NormalIndPower().solve_power(effect_size=proportion_effectsize(p2, p1),
  // alpha=0.05, power=…, ratio=…, alternative=…):
  //   (0.10, 0.12), power 0.8            → 3834.595739884031
  //   (0.10, 0.12), power 0.8, ratio 2   → 2875.946804089152
  //   (0.10, 0.12), alternative "larger" → 3020.515856462414
  //   (0.50, 0.75), power 0.9            → 76.65294037206685
  const arcsine = { method: "arcsine" } as const;
  assert.equal(sampleSizeForProportions(0.1, 0.12, arcsine).control, 3835);
  assert.deepEqual(sampleSizeForProportions(0.1, 0.12, { ...arcsine, ratio: 2 }), {
    control: 2876,
    treatment: 5752,
    total: 8628,
  });
  assert.equal(
    sampleSizeForProportions(0.1, 0.12, { ...arcsine, alternative: "greater" }).control,
    3021,
  );
  assert.equal(sampleSizeForProportions(0.5, 0.75, { ...arcsine, power: 0.9 }).control, 77);
  // Cohen (1992), "A power primer", Psychol. Bull. 112(1), Table 2, row "P_A vs P_B (h)",
  // α = .05, power .80: n = 392, 63, 25 per group for h = 0.2, 0.5, 0.8 (rounded to nearest;
  // 2·(z_.975 + z_.80)²/h² = 392.44, 62.79, 24.53; we round up).
  for (const [h, cohen] of [[0.2, 392], [0.5, 63], [0.8, 25]]) {
    const p2 = Math.sin(Math.asin(Math.sqrt(0.5)) + h / 2) ** 2; // h(0.5, p2) = h
    assertClose(cohensH(0.5, p2), h, { abs: 1e-12 });
    const n = sampleSizeForProportions(0.5, p2, arcsine).control;
    const raw = 2 * (z975 + z80) ** 2 / (h * h);
    assert.equal(Math.round(raw), cohen);
    assert.equal(n, Math.ceil(raw), `h = ${h}`);
  }
});

Deno.test("sampleSizeForProportions() continuity correction (Fleiss, Tytun & Ury 1980) by hand", () => {
  // n′ = 3840.8475 (pooled); n = n′/4 · (1 + √(1 + 2·2/(n′·0.02)))² = 3940.22 → 3941
  const nPrime = 3840.8474824362725;
  const byHand = nPrime / 4 * (1 + Math.sqrt(1 + 4 / (nPrime * 0.02))) ** 2;
  assertClose(byHand, 3940.22, { abs: 0.01 });
  assert.equal(sampleSizeForProportions(0.1, 0.12, { method: "continuity" }).control, 3941);
});

Deno.test("sampleSizeForProportions() continuity adds about (r + 1)/(r·|Δ|) to pooled", () => {
  // With c = (r + 1)/(r|Δ|): n′ + c − c²/(4n′) ≤ n_cc ≤ n′ + c (expand the square root).
  const rate = fc.double({ min: 0.01, max: 0.99, noNaN: true });
  fc.assert(
    fc.property(rate, rate, fc.constantFrom(0.5, 1, 3), (p1, p2, ratio) => {
      fc.pre(Math.abs(p2 - p1) > 0.005);
      const pooled = sampleSizeForProportions(p1, p2, { method: "pooled", ratio }).control;
      const cc = sampleSizeForProportions(p1, p2, { method: "continuity", ratio }).control;
      const c = (ratio + 1) / (ratio * Math.abs(p2 - p1));
      assert.ok(cc <= pooled + c + 1, `${cc} > ${pooled} + ${c}`);
      assert.ok(cc >= pooled - 1 + c - c * c / (4 * (pooled - 1)), `${cc} vs ${pooled} + ${c}`);
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("sampleSizeForProportions(): every method needs more users for smaller changes", () => {
  for (const method of PROPORTION_SIZE_METHODS) {
    const sizes = [0.05, 0.03, 0.02, 0.01].map((d) =>
      sampleSizeForProportions(0.1, 0.1 + d, { method }).control
    );
    for (let i = 1; i < sizes.length; i++) assert.ok(sizes[i] > sizes[i - 1], method);
  }
});

Deno.test("sampleSizeForProportions() rejects an unknown method", () => {
  assert.throws(() => sampleSizeForProportions(0.1, 0.12, { method: "exact" as never }), {
    name: "RangeError",
    message:
      'Cannot compute sampleSizeForProportions: method must be one of "unpooled", "pooled", "continuity", "arcsine", got "exact"',
  });
});

Deno.test("cohensH() is antisymmetric, 0 for equal rates and ±π at the extremes", () => {
  assert.equal(cohensH(0.3, 0.3), 0);
  assertClose(cohensH(0, 1), Math.PI, { rel: 1e-15 });
  assertClose(cohensH(0.2, 0.6), -cohensH(0.6, 0.2), { abs: 1e-15 });
  // statsmodels 0.13.5: proportion_effectsize(0.12, 0.10) = 0.06398210298605855
  assertClose(cohensH(0.1, 0.12), 0.06398210298605855, { rel: 1e-13 });
  assert.throws(() => cohensH(-0.1, 0.5), {
    name: "RangeError",
    message: "Cannot compute cohensH: baselineRate must be in [0, 1], got -0.1",
  });
  assert.throws(() => cohensH(0.1, NaN), /treatmentRate must be finite/);
});

Deno.test("sampleSizeForProportionChange() reads the change as points or as a share", () => {
  const options = { method: "pooled" } as const;
  assert.deepEqual(
    sampleSizeForProportionChange(0.1, 0.05, { ...options, scale: "relative" }),
    sampleSizeForProportions(0.1, 0.1 * 1.05, options),
  );
  assert.deepEqual(
    sampleSizeForProportionChange(0.1, -0.02, { ...options, scale: "absolute" }),
    sampleSizeForProportions(0.1, 0.08, options),
  );
  // a 5 % relative change needs far more users than a 5-point one
  const relative = sampleSizeForProportionChange(0.1, 0.05, { scale: "relative" }).control;
  const absolute = sampleSizeForProportionChange(0.1, 0.05, { scale: "absolute" }).control;
  assert.ok(relative > 50 * absolute);
});

Deno.test("sampleSizeForProportionChange() rejects a missing scale, 0 and rates leaving (0, 1)", () => {
  const context = "Cannot compute sampleSizeForProportionChange:";
  assert.throws(() => sampleSizeForProportionChange(0.1, 0.02, {} as never), {
    name: "RangeError",
    message: `${context} scale must be one of "absolute", "relative", got undefined`,
  });
  assert.throws(() => sampleSizeForProportionChange(0.1, 0, { scale: "absolute" }), {
    message: `${context} change must not be 0`,
  });
  assert.throws(() => sampleSizeForProportionChange(0.6, 0.5, { scale: "absolute" }), {
    message:
      `${context} the changed rate must be in (0, 1), got 1.1 (baselineRate=0.6, absolute change=0.5)`,
  });
  assert.throws(
    () => sampleSizeForProportionChange(0.1, -1, { scale: "relative" }),
    /the changed rate must be in \(0, 1\), got 0 /,
  );
});
