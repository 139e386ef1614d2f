import assert from "node:assert/strict";
import { assertClose } from "../_util/assert_close.ts";
import { bootstrapCi, ratioBootstrapCi } from "../../lib/claims/mod.ts";
import { ratioEstimate } from "../../lib/experiment/mod.ts";
import { createRng } from "../../lib/random/mod.ts";

Deno.test("ratioBootstrapCi() with unit denominators is the bootstrap of the mean, same seed", () => {
  const rng = createRng(3);
  const a = Array.from({ length: 40 }, () => rng.normal(2, 1));
  const b = Array.from({ length: 40 }, () => rng.normal(1, 1));
  const ones = a.map(() => 1);
  assert.deepEqual(
    ratioBootstrapCi({ numerator: a, denominator: ones }, { seed: 5 }),
    bootstrapCi(a, { seed: 5 }),
  );
  const paired = ratioBootstrapCi({ numerator: a, denominator: ones }, {
    seed: 6,
    minus: { numerator: b, denominator: ones },
  });
  const direct = bootstrapCi(a.map((v, i) => v - b[i]), { seed: 6 });
  for (const key of ["estimate", "low", "high"] as const) {
    assertClose(paired[key], direct[key], { abs: 1e-12 });
  }
});

Deno.test("ratioBootstrapCi() estimates the ratio of sums with the delta method's spread", () => {
  // Users with Poisson(4) engagements and 10 s of dwell per engagement on average, with
  // user-level taste: the interval's width should match ±1.96 delta-method standard errors
  // (Deng, Knoblich & Lu 2018) for 2000 users.
  const rng = createRng(17);
  const den = Array.from({ length: 2000 }, () => rng.poisson(4));
  const num = den.map((e) => e * rng.uniform(5, 15) + rng.normal(0, 2) * Math.sqrt(e));
  const ci = ratioBootstrapCi({ numerator: num, denominator: den }, { seed: 2 });
  const delta = ratioEstimate({ numerator: num, denominator: den });
  assertClose(ci.estimate, delta.ratio, { rel: 1e-12 });
  assertClose(ci.high - ci.low, 2 * 1.959964 * Math.sqrt(delta.variance), { rel: 0.1 });
  // Hand-worked: (30 + 0 + 12 + 50) / (3 + 0 + 1 + 4) = 11.5, minus (20 + 4 + 6 + 5) / (2 + 1 + 1 + 3) = 5.
  const ratio = ratioBootstrapCi(
    { numerator: [30, 0, 12, 50], denominator: [3, 0, 1, 4] },
    { seed: 1, minus: { numerator: [20, 4, 6, 5], denominator: [2, 1, 1, 3] }, resamples: 100 },
  );
  assert.equal(ratio.estimate, 6.5);
});

Deno.test("ratioBootstrapCi() rejects bad input", () => {
  const ok = { numerator: [1, 2, 3], denominator: [1, 1, 1] };
  assert.throws(() => ratioBootstrapCi({ numerator: [1, 2], denominator: [1] }, { seed: 1 }), {
    name: "RangeError",
    message:
      "Cannot compute ratioBootstrapCi: a.numerator and a.denominator must have the same length, got 2 and 1",
  });
  assert.throws(
    () => ratioBootstrapCi(ok, { seed: 1, minus: { numerator: [1], denominator: [1] } }),
    RangeError,
  );
  assert.throws(() => ratioBootstrapCi({ numerator: [1], denominator: [1] }, { seed: 1 }), {
    message: "Cannot compute ratioBootstrapCi: the arms must have at least 2 units, got 1",
  });
  assert.throws(() => ratioBootstrapCi({ numerator: [1, 2], denominator: [0, 0] }, { seed: 1 }), {
    message: "Cannot compute ratioBootstrapCi: a.denominator must have a positive sum",
  });
  assert.throws(
    () => ratioBootstrapCi({ numerator: [1, 2, 3], denominator: [0, 0, 1] }, { seed: 1 }),
    { message: /a resample has a denominator sum of 0/ },
  );
  assert.throws(
    () => ratioBootstrapCi({ numerator: [1, NaN], denominator: [1, 1] }, { seed: 1 }),
    RangeError,
  );
  assert.throws(() => ratioBootstrapCi(ok, { seed: 1, resamples: 10 }), RangeError);
  assert.throws(() => ratioBootstrapCi(ok, { seed: 1, level: 0 }), RangeError);
  assert.throws(() => ratioBootstrapCi(ok, {} as never), TypeError);
  assert.throws(() => ratioBootstrapCi(null as never, { seed: 1 }), TypeError);
});
