import assert from "node:assert/strict";
import { cuped, cupedTTest } from "@lib/experiment/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

function variance(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m += x[i];
  m /= x.length;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) ** 2;
  return s / (x.length - 1);
}

Deno.test("cuped() estimates theta = cov(x, y) / var(x) and keeps the mean", () => {
  // x = 1…6, y = [1.1, 2.0, 2.9, 4.2, 5.0, 5.8]:
  // Σ(x − 3.5)(y − 3.5) = 16.9, Σ(x − 3.5)² = 17.5
  const x = [1, 2, 3, 4, 5, 6], y = [1.1, 2.0, 2.9, 4.2, 5.0, 5.8];
  const r = cuped(y, x);
  assertClose(r.theta, 16.9 / 17.5, { rel: 1e-12 });
  assertClose(r.covariateMean, 3.5, { rel: 1e-12 });
  assertClose(r.adjusted[0], 1.1 - (16.9 / 17.5) * (1 - 3.5), { rel: 1e-12 });
  const mean = r.adjusted.reduce((a, b) => a + b, 0) / 6;
  assertClose(mean, 3.5, { rel: 1e-12 });
  // varianceReduction = ρ² = 1 − var(adjusted)/var(y)
  assertClose(r.varianceReduction, 1 - variance(r.adjusted) / variance(y), { rel: 1e-9 });
  assertClose(r.varianceReduction, r.correlation ** 2, { rel: 1e-12 });
});

Deno.test("cuped() removes ρ² of the variance on simulated data", () => {
  // y = x + e with var(x) = var(e) = 1 → ρ² = 0.5.
  const rng = createRng(7);
  const x = Array.from({ length: 20000 }, () => rng.normal());
  const y = x.map((v) => v + rng.normal());
  const r = cuped(y, x);
  assertClose(r.theta, 1, { abs: 0.03 });
  assertClose(r.varianceReduction, 0.5, { abs: 0.02 });
  assert.equal(x.length, 20000); // inputs are not mutated
});

Deno.test("cupedTTest() narrows the interval and keeps the effect", () => {
  // Pre-period metric x, experiment metric y = x + 0.1·treated + noise.
  const rng = createRng(11);
  const arm = (shift: number) => {
    const covariate = Array.from({ length: 4000 }, () => rng.normal(5, 2));
    const metric = covariate.map((v) => v + shift + rng.normal(0, 1));
    return { metric, covariate };
  };
  const r = cupedTTest(arm(0), arm(0.1));
  assert.ok(r.adjusted.standardError < 0.6 * r.unadjusted.standardError);
  assertClose(r.adjusted.effect.estimate, 0.1, { abs: 0.05 });
  assert.ok(r.adjusted.pValue < r.unadjusted.pValue);
  assertClose(r.varianceReduction, 0.8, { abs: 0.02 }); // ρ² = 4/5
});

Deno.test("cuped() rejects mismatched lengths, short input and a constant covariate", () => {
  assert.throws(() => cuped([1, 2, 3], [1, 2]), {
    name: "RangeError",
    message: "Cannot compute cuped: metric and covariate must have the same length, got 3 and 2",
  });
  assert.throws(() => cuped([1], [1]), /metric must have at least 2 elements, got 1/);
  assert.throws(() => cuped([1, 2, 3], [2, 2, 2]), {
    name: "RangeError",
    message: "Cannot compute cuped: covariate must vary, got a constant covariate",
  });
  assert.throws(() => cuped([1, NaN], [1, 2]), /metric\[1\] must be finite, got NaN/);
});

Deno.test("cupedTTest() rejects malformed arms", () => {
  const ok = { metric: [1, 2, 3], covariate: [1, 2, 4] };
  assert.throws(() => cupedTTest(ok, { metric: [1, 2], covariate: [1] }), {
    name: "RangeError",
    message:
      "Cannot run cupedTTest: treatment.metric and treatment.covariate must have the same length, got 2 and 1",
  });
  // deno-lint-ignore no-explicit-any
  assert.throws(() => cupedTTest(null as any, ok), { name: "TypeError" });
  assert.throws(
    () => cupedTTest(ok, { metric: [1], covariate: [1] }),
    /treatment must have at least 2 elements, got 1/,
  );
});
