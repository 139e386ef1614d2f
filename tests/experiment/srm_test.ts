import assert from "node:assert/strict";
import { sampleRatioMismatch } from "@lib/experiment/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("sampleRatioMismatch() matches scipy's chisquare docstring examples", () => {
  // chisquare([16, 18, 16, 14, 12, 12]) -> statistic=2.0, pvalue=0.84914503608460956
  const r = sampleRatioMismatch([16, 18, 16, 14, 12, 12], [1, 1, 1, 1, 1, 1]);
  assertClose(r.statistic, 2, { rel: 1e-12 });
  assertClose(r.pValue, 0.84914503608460956, { rel: 1e-9 });
  assert.equal(r.df, 5);
  // chisquare([16, 18, 16, 14, 12, 12], f_exp=[16, 16, 16, 16, 16, 8])
  //   -> statistic=3.5, pvalue=0.62338762774958223 (shares are normalised: 88·s_i = f_exp)
  const e = sampleRatioMismatch([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8]);
  assertClose(e.statistic, 3.5, { rel: 1e-12 });
  assertClose(e.pValue, 0.62338762774958223, { rel: 1e-9 });
  assertClose(e.expectedCounts, [16, 16, 16, 16, 16, 8], { rel: 1e-12 });
});

Deno.test("sampleRatioMismatch() flags a broken 50/50 split at the default alpha 0.001", () => {
  // 50,000 vs 52,000: chi² = 2·1000²/51,000 = 39.2, p ≈ 3.8e-10.
  const r = sampleRatioMismatch([50000, 52000], [0.5, 0.5]);
  assertClose(r.statistic, 2e6 / 51000, { rel: 1e-12 });
  assert.ok(r.pValue < 1e-9 && r.significant);
  assert.equal(r.alpha, 0.001);
  // Effect: treatment share 52/102 − 0.5, relative to the expected share 0.5.
  assertClose(r.effect.estimate, 52 / 102 - 0.5, { abs: 1e-12 });
  assertClose(r.relativeEffect.estimate, (52 / 102 - 0.5) / 0.5, { abs: 1e-12 });
  assert.ok(r.effect.lower > 0);
  assertClose(r.observedShares, [50 / 102, 52 / 102], { rel: 1e-12 });
});

Deno.test("sampleRatioMismatch() keeps tiny p-values instead of rounding them to 0", () => {
  // 50,000 vs 53,000: chi² = 2·1500²/51,500 = 87.38 (df 1); p = erfc(√(chi²/2)) = 8.9613e-21
  // (chi²₁ is the square of a standard normal; Python math.erfc).
  const two = sampleRatioMismatch([50000, 53000], [0.5, 0.5]);
  assertClose(two.pValue, 8.961303142138794e-21, { rel: 1e-6 });
  // 50,000 / 50,000 / 53,000: chi² = 117.65 (df 2); p = exp(−chi²/2) = 2.8397e-26.
  const three = sampleRatioMismatch([50000, 50000, 53000], [1, 1, 1]);
  assertClose(three.pValue, 2.8396562499021337e-26, { rel: 1e-6 });
});

Deno.test("sampleRatioMismatch() accepts an unequal design", () => {
  // 90/10 design with 9,000 / 1,000 users is exactly on plan.
  const r = sampleRatioMismatch([9000, 1000], [0.9, 0.1]);
  assert.equal(r.statistic, 0);
  assert.equal(r.pValue, 1);
  assert.equal(r.significant, false);
});

Deno.test("sampleRatioMismatch() rejects bad counts and shares", () => {
  const context = "Cannot run sampleRatioMismatch:";
  assert.throws(() => sampleRatioMismatch([10], [1]), {
    name: "RangeError",
    message: `${context} observed must have at least 2 arms, got 1`,
  });
  assert.throws(() => sampleRatioMismatch([10, 10], [0.5, 0.3, 0.2]), {
    name: "RangeError",
    message: `${context} observed and expectedShares must have the same length, got 2 and 3`,
  });
  assert.throws(
    () => sampleRatioMismatch([10, -1], [0.5, 0.5]),
    /observed\[1\] must be at least 0, got -1/,
  );
  assert.throws(
    () => sampleRatioMismatch([10, 1.5], [0.5, 0.5]),
    /observed\[1\] must be an integer, got 1.5/,
  );
  assert.throws(() => sampleRatioMismatch([0, 0], [0.5, 0.5]), {
    name: "RangeError",
    message: `${context} observed must contain at least one user, got 0 in total`,
  });
  assert.throws(
    () => sampleRatioMismatch([10, 10], [1, 0]),
    /expectedShares\[1\] must be positive, got 0/,
  );
  assert.throws(
    () => sampleRatioMismatch([10, 10], [0.5, 0.5], { alpha: 2 }),
    /alpha must be strictly between 0 and 1, got 2/,
  );
});
