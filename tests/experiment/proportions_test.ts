import assert from "node:assert/strict";
import fc from "fast-check";
import { twoProportionZTest } from "@lib/experiment/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// Hand-derived reference: control 200/2000 (10%), treatment 250/2000 (12.5%).
//   pooled p̂ = 450/4000 = 0.1125
//   SE₀ = √(0.1125·0.8875·(1/2000 + 1/2000)) = √(9.984375e-5) = 0.00999218
//   z = 0.025 / 0.00999218 = 2.501955
//   two-sided p = 2Φ(−2.501955) = 0.012351
//   (normal table: Φ(2.50) = 0.99379, Φ(2.51) = 0.99396)
//   unpooled SE = √(0.1·0.9/2000 + 0.125·0.875/2000) = √(9.96875e-5) = 0.00998436
//   95% CI = 0.025 ± 1.959964·0.00998436 = [0.005431, 0.044569]
//   lift: log(1.25) ± 1.959964·√(0.875/250 + 0.9/200) = 0.223144 ± 1.959964·√0.008
const control = { conversions: 200, users: 2000 };
const treatment = { conversions: 250, users: 2000 };

Deno.test("twoProportionZTest() matches the hand-derived pooled z and unpooled interval", () => {
  const r = twoProportionZTest(control, treatment);
  assertClose(r.statistic, 0.025 / Math.sqrt(0.1125 * 0.8875 * (2 / 2000)), { rel: 1e-12 });
  assertClose(r.statistic, 2.501955, { abs: 1e-6 });
  assertClose(r.pValue, 0.012351, { abs: 2e-6 });
  assertClose(r.standardError, 0.00999218, { abs: 1e-8 });
  assertClose(r.effect.estimate, 0.025, { abs: 1e-15 });
  assertClose(r.effect.lower, 0.025 - 1.959963985 * Math.sqrt(9.96875e-5), { abs: 1e-9 });
  assertClose(r.effect.upper, 0.025 + 1.959963985 * Math.sqrt(9.96875e-5), { abs: 1e-9 });
  assertClose(r.effect.lower, 0.005431, { abs: 1e-6 });
  const half = 1.959963985 * Math.sqrt(0.008);
  assert.ok(r.relativeEffect !== null);
  assertClose(r.relativeEffect.estimate, 0.25, { abs: 1e-12 });
  assertClose(r.relativeEffect.lower, 1.25 * Math.exp(-half) - 1, { abs: 1e-8 });
  assertClose(r.relativeEffect.upper, 1.25 * Math.exp(half) - 1, { abs: 1e-8 });
  assert.equal(r.significant, true);
  assert.equal(r.alternative, "two-sided");
  assert.equal(r.confidenceLevel, 0.95);
  assert.equal(r.controlRate, 0.1);
  assert.equal(r.treatmentRate, 0.125);
});

Deno.test("twoProportionZTest() one-sided alternatives halve the tail and open the interval", () => {
  const two = twoProportionZTest(control, treatment);
  const greater = twoProportionZTest(control, treatment, { alternative: "greater" });
  const less = twoProportionZTest(control, treatment, { alternative: "less" });
  assertClose(greater.pValue, two.pValue / 2, { rel: 1e-12 });
  assertClose(less.pValue, 1 - two.pValue / 2, { rel: 1e-12 });
  assert.equal(greater.effect.upper, Infinity);
  assertClose(greater.effect.lower, 0.025 - 1.644853627 * Math.sqrt(9.96875e-5), { abs: 1e-9 });
  assert.equal(less.effect.lower, -Infinity);
  assert.equal(less.significant, false);
});

Deno.test("twoProportionZTest() alpha sets the decision and the confidence level", () => {
  const r = twoProportionZTest(control, treatment, { alpha: 0.01 });
  assert.equal(r.significant, false);
  assert.equal(r.confidenceLevel, 0.99);
  assert.ok(r.effect.lower < 0);
});

Deno.test("twoProportionZTest() throws when the pooled variance is 0 (z = 0/0)", () => {
  // p̂ = 0 or 1 makes p̂(1 − p̂)(1/n_c + 1/n_t) = 0 and the difference 0: z is undefined.
  assert.throws(
    () => twoProportionZTest({ conversions: 0, users: 100 }, { conversions: 0, users: 40 }),
    {
      name: "RangeError",
      message:
        "Cannot run twoProportionZTest: the pooled variance is 0 because no user converted in either arm (0/100 and 0/40), so z is undefined",
    },
  );
  assert.throws(
    () => twoProportionZTest({ conversions: 7, users: 7 }, { conversions: 3, users: 3 }),
    /every user converted in either arm \(7\/7 and 3\/3\)/,
  );
});

Deno.test("twoProportionZTest() is defined when only one arm converts nobody", () => {
  // x = (0, 5), n = (100, 100): p̂ = 0.025, SE = √(0.025·0.975·0.02) = 0.0220794, z = 0.05/SE
  const r = twoProportionZTest({ conversions: 0, users: 100 }, { conversions: 5, users: 100 });
  assertClose(r.statistic, 0.05 / Math.sqrt(0.025 * 0.975 * 0.02), { rel: 1e-12 });
  assert.equal(r.relativeEffect, null);
});

Deno.test("twoProportionZTest() is antisymmetric when the arms are swapped", () => {
  const arm = fc.integer({ min: 1, max: 500 }).chain((users) =>
    fc.record({ users: fc.constant(users), conversions: fc.integer({ min: 0, max: users }) })
  );
  fc.assert(
    fc.property(arm, arm, (a, b) => {
      const pooled = a.conversions + b.conversions, users = a.users + b.users;
      if (pooled === 0 || pooled === users) {
        assert.throws(() => twoProportionZTest(a, b), /pooled variance is 0/);
        return;
      }
      const ab = twoProportionZTest(a, b), ba = twoProportionZTest(b, a);
      assertClose(ab.statistic, -ba.statistic, { abs: 1e-12 });
      assertClose(ab.pValue, ba.pValue, { abs: 1e-12 });
      assertClose(ab.effect.estimate, -ba.effect.estimate, { abs: 1e-12 });
      assert.ok(ab.pValue >= 0 && ab.pValue <= 1);
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("twoProportionZTest() rejects arms without users", () => {
  assert.throws(
    () => twoProportionZTest({ conversions: 0, users: 0 }, treatment),
    {
      name: "RangeError",
      message: "Cannot run twoProportionZTest: control.users must be at least 1, got 0",
    },
  );
});

Deno.test("twoProportionZTest() rejects more conversions than users", () => {
  assert.throws(
    () => twoProportionZTest(control, { conversions: 12, users: 10 }),
    {
      name: "RangeError",
      message:
        "Cannot run twoProportionZTest: treatment.conversions must be at most treatment.users, got 12 > 10",
    },
  );
});

Deno.test("twoProportionZTest() rejects negative and fractional counts", () => {
  assert.throws(
    () => twoProportionZTest({ conversions: -1, users: 10 }, treatment),
    /control.conversions must be at least 0, got -1/,
  );
  assert.throws(
    () => twoProportionZTest({ conversions: 1.5, users: 10 }, treatment),
    /control.conversions must be an integer, got 1.5/,
  );
});

Deno.test("twoProportionZTest() rejects an arm that is not an object", () => {
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => twoProportionZTest(null as any, treatment),
    {
      name: "TypeError",
      message:
        "Cannot run twoProportionZTest: control must be an object { conversions, users }, got null",
    },
  );
});

Deno.test("twoProportionZTest() rejects alpha outside (0, 1) and unknown alternatives", () => {
  for (const alpha of [0, 1, 1.5, -0.1]) {
    assert.throws(
      () => twoProportionZTest(control, treatment, { alpha }),
      {
        name: "RangeError",
        message:
          `Cannot run twoProportionZTest: alpha must be strictly between 0 and 1, got ${alpha}`,
      },
    );
  }
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => twoProportionZTest(control, treatment, { alternative: "bigger" as any }),
    /alternative must be one of "two-sided", "greater", "less", got "bigger"/,
  );
});
