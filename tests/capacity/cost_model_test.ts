import assert from "node:assert/strict";
import fc from "fast-check";
import { compareCostModels, fitCostModel, predictCost } from "@lib/capacity/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { noisy } from "./_noisy.ts";

const GRID = [250, 500, 1000, 2000, 4000].flatMap((n) => [10, 20, 50, 100].map((f) => ({ n, f })));

Deno.test("fitCostModel() recovers a·n·f from timings with 5% multiplicative noise", () => {
  const obs = noisy(GRID, ({ n, f }) => 2e-5 * n! * f!, 0.05, 1);
  const fit = fitCostModel(obs, "n*f");
  assertClose(fit.a, 2e-5, { rel: 0.03 });
  assert.equal(fit.c, 0);
  assert.ok(fit.overheadIdentified);
  assert.ok(fit.r2 > 0.98, `R² ${fit.r2}`);
  assert.equal(fit.parameters, 1);
  assert.match(fit.formula, /^t = (1\.9\d|2\.0\d)e-5·n·f ms$/);
});

Deno.test("fitCostModel() recovers any a ≥ 0 and c ≥ 0 from noiseless timings", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 1e-7, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 50, noNaN: true }),
      (a, c) => {
        const obs = GRID.map(({ n, f }) => ({ n, f, timeMs: a * n * f + c }));
        const fit = fitCostModel(obs, "n*f", { overhead: true });
        assertClose(fit.a, a, { rel: 1e-6 });
        assertClose(fit.c, c, { rel: 1e-6, abs: 1e-6 * (a * 4e5 + c) });
        assert.ok(fit.a >= 0 && fit.c >= 0);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("fitCostModel() recovers a constant overhead with overhead: true", () => {
  const obs = noisy(GRID, ({ n, f }) => 1e-4 * n! * f! + 3, 0.02, 2);
  const fit = fitCostModel(obs, "n*f", { overhead: true });
  assertClose(fit.a, 1e-4, { rel: 0.03 });
  assertClose(fit.c, 3, { rel: 0.15 });
  assert.equal(fit.parameters, 2);
  assertClose(predictCost(fit, { n: 1000, f: 10 }), fit.a * 1e4 + fit.c);
});

Deno.test("fitCostModel() fits a power law by relative errors", () => {
  const sizes = [100, 200, 400, 800, 1600, 3200, 6400].map((n) => ({ n }));
  const obs = noisy(sizes, ({ n }) => 3e-3 * n! ** 1.5, 0.05, 3);
  const fit = fitCostModel(obs, "power");
  assertClose(fit.b, 1.5, { abs: 0.05 });
  assertClose(fit.a, 3e-3, { rel: 0.3 });
  assert.equal(fit.residuals.length, sizes.length);
  assert.ok(fit.r2 > 0.99);
});

Deno.test("fitCostModel() fits a power law with overhead by profiling the exponent", () => {
  const sizes = [10, 30, 100, 300, 1000, 3000, 10000, 30000].map((n) => ({ n }));
  const obs = noisy(sizes, ({ n }) => 2 + 0.01 * n! ** 1.2, 0.02, 4);
  const fit = fitCostModel(obs, "power", { overhead: true });
  assertClose(fit.b, 1.2, { abs: 0.05 });
  assertClose(fit.c, 2, { rel: 0.15 });
  assert.equal(fit.parameters, 3);
  // Without the overhead the exponent is biased low: the flat start looks like slower growth.
  assert.ok(fitCostModel(obs, "power").b < 1.1);
});

Deno.test("fitCostModel() sums layer products for dense networks", () => {
  // Σ w_l w_{l+1}: [784, 128, 10] → 784·128 + 128·10 = 101,632; [784, 256, 10] → 203,264.
  const obs = [
    { layers: [784, 128, 10], timeMs: 0.101632 },
    { layers: [784, 256, 10], timeMs: 0.203264 },
    { layers: [784, 512, 64, 10], timeMs: 1e-6 * (784 * 512 + 512 * 64 + 64 * 10) },
  ];
  const fit = fitCostModel(obs, "layers");
  assertClose(fit.a, 1e-6, { rel: 1e-9 });
  assertClose(predictCost(fit, { layers: [10, 10] }), 1e-4, { rel: 1e-9 });
  const batched = fitCostModel(obs.map((o) => ({ ...o, n: 1 })), "n*layers");
  assertClose(batched.a, 1e-6, { rel: 1e-9 });
});

Deno.test("compareCostModels() picks the true form by AIC", () => {
  const forest = [1, 10, 100].flatMap((trees) =>
    [4, 8, 12].flatMap((depth) => [100, 1000].map((n) => ({ n, f: 50, trees, depth })))
  );
  const obs = noisy(forest, (o) => 1e-4 * o.n! * o.trees! * o.depth!, 0.05, 5);
  const { best, fits } = compareCostModels(obs);
  assert.equal(best.form, "n*trees*depth");
  assert.deepEqual(
    fits.map((f) => f.form).sort(),
    ["f", "n", "n*f", "n*f*trees*depth", "n*f+n", "n*trees*depth", "power"],
  );
  for (let i = 1; i < fits.length; i++) assert.ok(fits[i - 1].aicc <= fits[i].aicc);
  const nf = compareCostModels(noisy(GRID, ({ n, f }) => 2e-5 * n! * f!, 0.05, 6), {
    forms: ["n", "f", "n*f", "power"],
  });
  assert.equal(nf.best.form, "n*f");
});

Deno.test("fitCostModel() rejects bad observations", () => {
  assert.throws(
    () => fitCostModel([{ n: 1, timeMs: 1 }, { n: 2, timeMs: 2 }], "n*f"),
    /Cannot fit cost model "n\*f": observations\[0\]\.f must be a number, got undefined/,
  );
  assert.throws(
    () => fitCostModel([{ n: 1, timeMs: 0 }, { n: 2, timeMs: 2 }], "n"),
    /observations\[0\]\.timeMs must be positive, got 0/,
  );
  assert.throws(
    () => fitCostModel([{ n: -1, timeMs: 1 }, { n: 2, timeMs: 2 }], "n"),
    /observations\[0\]\.n must be at least 0, got -1/,
  );
  assert.throws(
    () => fitCostModel([{ n: 1, timeMs: Infinity }, { n: 2, timeMs: 2 }], "n"),
    /observations\[0\]\.timeMs must be finite, got Infinity/,
  );
  assert.throws(
    () => fitCostModel([{ n: 1, timeMs: 1 }], "n"),
    /needs at least 2 observations, got 1/,
  );
  assert.throws(
    () => fitCostModel([1, 2, 3].map((timeMs) => ({ n: 3, timeMs })), "power"),
    /needs at least two distinct values of n/,
  );
  assert.throws(
    () => fitCostModel([{ n: 0, timeMs: 1 }, { n: 0, timeMs: 2 }], "n"),
    /every term of the form is 0/,
  );
  assert.throws(
    () => fitCostModel([{ layers: [5], timeMs: 1 }, { layers: [5, 5], timeMs: 2 }], "layers"),
    /observations\[0\]\.layers must list at least 2 positive layer widths/,
  );
  assert.throws(() => fitCostModel([], "n^2" as "n"), /form must be one of "n", "f"/);
  assert.throws(() => compareCostModels([{ timeMs: 1 }]), /no cost form applies/);
});

Deno.test("fitCostModel() scores every form by AIC on the relative residuals it minimised", () => {
  const obs = noisy(GRID, ({ n, f }) => 1e-4 * n! * f! + 3, 0.05, 7);
  for (const form of ["n", "n*f", "n*f+n", "power"] as const) {
    const fit = fitCostModel(obs, form, { overhead: true });
    // Recomputed by hand from the definition: r = (t − t̂)/t, AIC = m ln(Σ r² / m) + 2k.
    const r = obs.map((o) => (o.timeMs - predictCost(fit, o)) / o.timeMs);
    const sse = r.reduce((s, v) => s + v * v, 0);
    const [m, k] = [obs.length, fit.parameters];
    const aic = m * Math.log(sse / m) + 2 * k;
    assertClose(fit.aic, aic, { rel: 1e-9 });
    // AICc (Hurvich & Tsai 1989, Biometrika 76: 297): AIC + 2k(k + 1)/(m − k − 1).
    assertClose(fit.aicc, aic + (2 * k * (k + 1)) / (m - k - 1), { rel: 1e-9 });
    fit.residuals.forEach((v, i) => assertClose(v, r[i], { abs: 1e-12 }));
  }
});

Deno.test("fitCostModel() never fits an overhead above the fastest measured time", () => {
  // Times that fall with n: a ≥ 0 cannot follow them, and an unbounded c would exceed the
  // fastest call. The bound holds c at that call and reports the overhead as not identified.
  const obs = [100, 200, 400, 800].map((n) => ({ n, timeMs: 10 - n / 100 }));
  const fit = fitCostModel(obs, "n", { overhead: true });
  assert.ok(fit.c <= 2 + 1e-12, `c = ${fit.c}`);
  assert.equal(fit.overheadIdentified, false);
  const clean = fitCostModel(GRID.map(({ n, f }) => ({ n, f, timeMs: 1e-4 * n * f + 3 })), "n*f", {
    overhead: true,
  });
  assert.ok(clean.overheadIdentified);
});

Deno.test("fitCostModel() minimises relative, not absolute, errors", () => {
  // Two points, t = 1 at n = 1 and t = 100 at n = 2, fitted by t = a·n: the relative SSE
  // (1 − a)² + (1 − 2a/100)² is least at a = (1 + 0.02) / (1 + 0.0004) (set its derivative to 0).
  const fit = fitCostModel(
    [{ n: 1, timeMs: 1 }, { n: 2, timeMs: 100 }, { n: 2, timeMs: 100 }],
    "n",
  );
  // With the duplicated point: minimise (1 − a)² + 2(1 − a/50)² → a = (1 + 2/50) / (1 + 2/2500).
  assertClose(fit.a, (1 + 2 / 50) / (1 + 2 / 2500), { rel: 1e-9 });
});
