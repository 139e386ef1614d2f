import assert from "node:assert/strict";
import fc from "fast-check";
import { mannWhitneyU } from "@lib/experiment/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// scipy.stats.mannwhitneyu docstring (after Shier 2004): ages at diagnosis.
const males = [19, 22, 16, 29, 24];
const females = [20, 11, 17, 12];

Deno.test("mannWhitneyU() matches scipy's asymptotic docstring example", () => {
  // mannwhitneyu(males, females): U1 = 17; method="asymptotic" -> p = 0.11134688653314041;
  // use_continuity=False -> p = 0.0864107329737.
  const r = mannWhitneyU(females, males);
  assert.equal(r.statistic, 17);
  assertClose(r.pValue, 0.11134688653314041, { rel: 1e-12 });
  const raw = mannWhitneyU(females, males, { continuity: false });
  assertClose(raw.pValue, 0.0864107329737, { rel: 1e-11 });
  // z = (U − n₁n₂/2 − ½)/√(n₁n₂(N + 1)/12) = (17 − 10 − 0.5)/√(200/12)
  assertClose(r.zStatistic, 6.5 / Math.sqrt(200 / 12), { rel: 1e-12 });
  // Effect: rank-biserial r = 2U/(n₁n₂) − 1 = 2·17/20 − 1 = 0.7
  assertClose(r.effect.estimate, 0.7, { abs: 1e-12 });
  assertClose(r.probabilityOfSuperiority, 0.85, { abs: 1e-12 });
  assert.equal(r.relativeEffect, null);
  assert.equal(r.significant, false);
});

Deno.test("mannWhitneyU() one-sided uses a fixed continuity sign", () => {
  // females as treatment, alternative "less": U = 3, z = (3 − 10 + 0.5)/√(200/12) = −1.59217,
  // p = Φ(−1.59217) = 0.055673 (hand-derived; scipy's exact method gives 0.0556).
  const r = mannWhitneyU(males, females, { alternative: "less" });
  assert.equal(r.statistic, 3);
  assertClose(r.zStatistic, -6.5 / Math.sqrt(200 / 12), { rel: 1e-12 });
  assertClose(r.pValue, 0.0556734, { abs: 1e-6 });
  const greater = mannWhitneyU(males, females, { alternative: "greater" });
  // "greater": z = (3 − 10 − 0.5)/√(200/12)
  assertClose(greater.zStatistic, -7.5 / Math.sqrt(200 / 12), { rel: 1e-12 });
  assert.ok(greater.pValue > 0.9);
});

Deno.test("mannWhitneyU() applies the tie correction (hand-derived)", () => {
  // control [1,2,2,3,3,3,4,5], treatment [2,3,4,4,5,5,6]; pooled ranks: 1→1, 2→3, 3→6.5,
  // 4→10, 5→13, 6→15. R_t = 3 + 6.5 + 20 + 26 + 15 = 70.5, U = 70.5 − 28 = 42.5.
  // Ties: groups of 3, 4, 3, 3 → Σ(t³ − t) = 24 + 60 + 24 + 24 = 132.
  // σ² = (8·7/12)·(16 − 132/(15·14)), z = (42.5 − 28 − 0.5)/σ.
  const r = mannWhitneyU([1, 2, 2, 3, 3, 3, 4, 5], [2, 3, 4, 4, 5, 5, 6]);
  assert.equal(r.statistic, 42.5);
  const sigma = Math.sqrt((56 / 12) * (16 - 132 / 210));
  assertClose(r.zStatistic, 14 / sigma, { rel: 1e-12 });
  assertClose(r.zStatistic, 1.65298, { abs: 1e-5 });
  assertClose(r.pValue, 0.098335, { abs: 1e-6 });
});

Deno.test("mannWhitneyU() gives NaN when every value is tied", () => {
  const r = mannWhitneyU([1, 1, 1], [1, 1]);
  assert.ok(Number.isNaN(r.pValue));
  assert.equal(r.statistic, 3);
  assert.equal(r.effect.estimate, 0);
});

Deno.test("mannWhitneyU() U statistics of the two arms sum to n_c·n_t", () => {
  const sample = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 25 });
  fc.assert(
    fc.property(sample, sample, (a, b) => {
      const ab = mannWhitneyU(a, b), ba = mannWhitneyU(b, a);
      assertClose(ab.statistic + ba.statistic, a.length * b.length, { abs: 1e-9 });
      assertClose(ab.effect.estimate, -ba.effect.estimate, { abs: 1e-12 });
      if (!Number.isNaN(ab.pValue)) assertClose(ab.pValue, ba.pValue, { abs: 1e-12 });
      assert.ok(ab.effect.lower >= -1 && ab.effect.upper <= 1);
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("mannWhitneyU() rejects empty samples, non-finite values and bad options", () => {
  assert.throws(() => mannWhitneyU([], [1, 2]), {
    name: "RangeError",
    message: "Cannot run mannWhitneyU: control must not be empty",
  });
  assert.throws(
    () => mannWhitneyU([1, 2], [Infinity]),
    /treatment\[0\] must be finite, got Infinity/,
  );
  assert.throws(
    () => mannWhitneyU([1, 2], [3, 4], { alpha: 0 }),
    /alpha must be strictly between 0 and 1, got 0/,
  );
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => mannWhitneyU([1, 2], [3, 4], { continuity: "yes" as any }),
    {
      name: "TypeError",
      message: "Cannot run mannWhitneyU: continuity must be a boolean, got string",
    },
  );
});
