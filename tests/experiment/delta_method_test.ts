import assert from "node:assert/strict";
import { ratioEstimate, ratioMetricTest } from "@lib/experiment/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("ratioEstimate() matches the delta-method formula worked by hand", () => {
  // y = [1, 2, 3, 2], x = [2, 2, 4, 4]: ȳ = 2, x̄ = 3, s_y² = 2/3, s_x² = 4/3, s_xy = 2/3,
  // R = 2/3, Var = (2/3 − 2·(2/3)·(2/3) + (4/9)·(4/3)) / (4·3²) = (10/27)/36 = 10/972.
  const r = ratioEstimate({ numerator: [1, 2, 3, 2], denominator: [2, 2, 4, 4] });
  assertClose(r.ratio, 2 / 3, { rel: 1e-14 });
  assertClose(r.variance, 10 / 972, { rel: 1e-12 });
  assert.equal(r.n, 4);
});

Deno.test("ratioEstimate() variance matches the spread of R over simulated experiments", () => {
  // Users with a propensity p = 0.02 + 0.5·U² and x ~ 1 + Poisson(6) visits, y ~ Bin(x, p):
  // visits of one user are correlated through p, so the naive binomial variance is too small.
  const rng = createRng(5), ratios: number[] = [], variances: number[] = [], naive: number[] = [];
  for (let rep = 0; rep < 400; rep++) {
    const x: number[] = [], y: number[] = [];
    for (let i = 0; i < 500; i++) {
      const p = 0.02 + 0.5 * rng.random() ** 2, visits = 1 + rng.poisson(6);
      x.push(visits), y.push(rng.binomial(visits, p));
    }
    const r = ratioEstimate({ numerator: y, denominator: x });
    const total = x.reduce((a, b) => a + b, 0);
    ratios.push(r.ratio), variances.push(r.variance), naive.push(r.ratio * (1 - r.ratio) / total);
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const m = mean(ratios);
  const empirical = ratios.reduce((a, b) => a + (b - m) ** 2, 0) / (ratios.length - 1);
  // 400 replicates: the empirical variance is within about ±14 % (2 sd) of the truth.
  assertClose(mean(variances), empirical, { rel: 0.15 });
  assert.ok(mean(naive) < 0.8 * empirical, "the binomial variance understates it");
});

Deno.test("ratioMetricTest() is a z-test of R_B − R_A with delta-method errors", () => {
  const a = { numerator: [1, 2, 3, 2], denominator: [2, 2, 4, 4] };
  const b = { numerator: [2, 2, 3, 3], denominator: [2, 3, 4, 4] };
  const r = ratioMetricTest(a, b);
  const rb = 10 / 13, ra = 2 / 3, vb = ratioEstimate(b).variance, va = 10 / 972;
  assertClose(r.effect.estimate, rb - ra, { rel: 1e-12 });
  assertClose(r.standardError, Math.sqrt(va + vb), { rel: 1e-12 });
  assertClose(r.effect.upper - r.effect.estimate, 1.959963984540054 * r.standardError, {
    rel: 1e-9,
  });
  assertClose(r.relativeEffect!.estimate, rb / ra - 1, { rel: 1e-12 });
  assert.equal(r.pValue > 0.05, !r.significant);
});

Deno.test("ratioMetricTest() keeps α in A/A tests", () => {
  const rng = createRng(9);
  const arm = () => {
    const x: number[] = [], y: number[] = [];
    for (let i = 0; i < 300; i++) {
      const p = 0.02 + 0.5 * rng.random() ** 2, visits = 1 + rng.poisson(6);
      x.push(visits), y.push(rng.binomial(visits, p));
    }
    return { numerator: y, denominator: x };
  };
  let rejected = 0;
  for (let rep = 0; rep < 600; rep++) if (ratioMetricTest(arm(), arm()).significant) rejected++;
  // 600 A/A tests: a valid test rejects 0.05 ± 0.027 (3 sd).
  assert.ok(Math.abs(rejected / 600 - 0.05) < 0.027, `rate ${rejected / 600}`);
});

Deno.test("ratioEstimate() and ratioMetricTest() validate their input", () => {
  assert.throws(() => ratioEstimate({ numerator: [1, 2], denominator: [1] }), {
    name: "RangeError",
    message:
      "Cannot compute ratioEstimate: numerator and denominator must have the same length, got 2 and 1",
  });
  assert.throws(() => ratioEstimate({ numerator: [1, 2], denominator: [0, 0] }), {
    name: "RangeError",
    message: "Cannot compute ratioEstimate: the denominators must have a positive sum, got 0",
  });
  assert.throws(() => ratioEstimate({ numerator: [1], denominator: [1] }), RangeError);
  assert.throws(() => ratioMetricTest(null as never, { numerator: [1], denominator: [1] }), {
    name: "TypeError",
    message: "Cannot run ratioMetricTest: an arm must be an object { numerator, denominator }",
  });
  const ok = { numerator: [1, 2], denominator: [1, 3] };
  assert.throws(() => ratioMetricTest(ok, ok, { alpha: 2 }), RangeError);
});
