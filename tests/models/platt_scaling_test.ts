import assert from "node:assert/strict";
import fc from "fast-check";
import { applyPlattScaling, fitPlattScaling } from "@lib/models/mod.ts";
import { logLoss } from "@lib/metrics/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { throwsWith } from "../metrics/_throws.ts";

const logit = (p: number) => Math.log(p / (1 - p));

Deno.test("fitPlattScaling() solves the two-point case exactly", () => {
  // With two distinct scores a two-parameter logistic model reproduces both observed rates
  // (the maximum-likelihood fit of grouped data): logit 0.1 = a·logit 0.2 + b and
  // logit 0.5 = a·logit 0.6 + b give a = (logit 0.5 − logit 0.1)/(logit 0.6 − logit 0.2).
  const p = [...Array(10).fill(0.2), ...Array(10).fill(0.6)];
  const y = [1, ...Array(9).fill(0), ...Array(5).fill(1), ...Array(5).fill(0)];
  const { slope, intercept } = fitPlattScaling(y, p);
  const a = (logit(0.5) - logit(0.1)) / (logit(0.6) - logit(0.2));
  assertClose(slope, a, { rel: 1e-9 });
  assertClose(intercept, logit(0.5) - a * logit(0.6), { rel: 1e-9, abs: 1e-12 });
  const recalibrated = applyPlattScaling([0.2, 0.6], { slope, intercept });
  assertClose(Array.from(recalibrated), [0.1, 0.5], { rel: 1e-9 });
});

Deno.test("fitPlattScaling() never raises the log loss of the data it is fitted on", () => {
  // Over-confident probabilities: the identity (a = 1, b = 0) is one candidate, so the optimum is
  // at least as good.
  const p = [0.01, 0.02, 0.9, 0.95, 0.99, 0.05, 0.6, 0.97, 0.03, 0.8];
  const y = [0, 1, 0, 1, 1, 0, 1, 0, 0, 1];
  const fitted = applyPlattScaling(p, fitPlattScaling(y, p));
  assert.ok(logLoss(y, fitted) <= logLoss(y, p));
});

Deno.test("fitPlattScaling() and applyPlattScaling() reject invalid input", () => {
  throwsWith(
    () => fitPlattScaling([0, 0, 0], [0.1, 0.2, 0.3]),
    RangeError,
    "Cannot fit Platt scaling: yTrue must contain both classes",
  );
  throwsWith(
    () => fitPlattScaling([0, 1], [0.1, 0.9]),
    RangeError,
    "Cannot fit Platt scaling: Newton's method did not converge (are the classes separable?)",
  );
  assert.throws(() => fitPlattScaling([0, 1], [0.1]), RangeError);
  throwsWith(
    () => applyPlattScaling([0.5], { slope: Number.NaN, intercept: 0 }),
    RangeError,
    "Cannot apply Platt scaling: scaling.slope and scaling.intercept must be finite numbers",
  );
  assert.throws(() => applyPlattScaling([1.5], { slope: 1, intercept: 0 }), RangeError);
});

Deno.test("fitPlattScaling() converges on a large sample drawn from a known miscalibration", () => {
  // Labels drawn with P(y = 1) = σ(0.5·logit p − 1): the fit must recover a ≈ 0.5, b ≈ −1
  // (maximum likelihood on 40 000 rows; the tolerance is a few standard errors).
  const rng = createRng(12345);
  const p = Array.from({ length: 40_000 }, () => rng.uniform(0.01, 0.99));
  const y = p.map((q) => (rng.uniform(0, 1) < 1 / (1 + Math.exp(-(0.5 * logit(q) - 1))) ? 1 : 0));
  const { slope, intercept } = fitPlattScaling(y, p);
  assertClose(slope, 0.5, { abs: 0.05 });
  assertClose(intercept, -1, { abs: 0.08 });
});

Deno.test("fitPlattScaling() fits any non-separable miscalibration without error", () => {
  // Property: for probabilities of any centre and spread (float32, as models output them) and
  // labels drawn from any slope and intercept, the fit returns and does not raise the log loss.
  fc.assert(
    fc.property(
      fc.double({ min: -4, max: 2, noNaN: true }),
      fc.double({ min: 0.05, max: 3, noNaN: true }),
      fc.double({ min: 0.1, max: 4, noNaN: true }),
      fc.double({ min: -3, max: 2, noNaN: true }),
      fc.integer({ min: 0, max: 1000 }),
      (centre, spread, a, b, seed) => {
        const rng = createRng(seed);
        const z = Array.from({ length: 2000 }, () => centre + spread * rng.uniform(-1, 1));
        const p = Float32Array.from(z, (v) => 1 / (1 + Math.exp(-v)));
        const y = z.map((v) => (rng.random() < 1 / (1 + Math.exp(-(a * v + b))) ? 1 : 0));
        const positives = y.reduce((s: number, v) => s + v, 0);
        fc.pre(positives > 5 && positives < y.length - 5);
        const fitted = applyPlattScaling(p, fitPlattScaling(y, p));
        return logLoss(y, fitted) <= logLoss(y, p) + 1e-9;
      },
    ),
    { seed: 42, numRuns: 60 },
  );
});
