// Calibration by simulation: under H₀ p-values must be uniform and the false-positive
// rate must equal alpha; under H₁ the empirical power must match the power formula.
// Tolerances are about 3 binomial standard errors of the simulated rate.
import assert from "node:assert/strict";
import {
  mannWhitneyU,
  powerForProportions,
  sampleRatioMismatch,
  sampleSizeForProportions,
  studentTTest,
  twoProportionZTest,
  welchTTest,
} from "@lib/experiment/mod.ts";
import { createRng, type Rng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

/** Kolmogorov–Smirnov distance between the sample's CDF and U(0, 1). */
function ksUniform(values: number[]): number {
  const x = [...values].sort((a, b) => a - b), n = x.length;
  let d = 0;
  for (let i = 0; i < n; i++) d = Math.max(d, (i + 1) / n - x[i], x[i] - i / n);
  return d;
}

function aaProportionPValues(rng: Rng, runs: number): number[] {
  const out: number[] = [];
  for (let e = 0; e < runs; e++) {
    const c = { conversions: rng.binomial(5000, 0.1), users: 5000 };
    const t = { conversions: rng.binomial(5000, 0.1), users: 5000 };
    out.push(twoProportionZTest(c, t).pValue);
  }
  return out;
}

Deno.test("twoProportionZTest() p-values are uniform in A/A tests", () => {
  const p = aaProportionPValues(createRng(101), 4000);
  // KS critical value at the 1% level: 1.628/√n = 0.0257 for n = 4,000.
  assert.ok(ksUniform(p) < 1.628 / Math.sqrt(p.length), `D = ${ksUniform(p)}`);
  // Ten equal bins: chi-square goodness of fit against equal shares.
  const bins = new Array(10).fill(0);
  for (const v of p) bins[Math.min(9, Math.floor(v * 10))]++;
  assert.ok(sampleRatioMismatch(bins, new Array(10).fill(1)).pValue > 0.001, `bins ${bins}`);
  // False-positive rate at 0.05: SE = √(0.05·0.95/4000) = 0.0034; tolerance 0.011.
  assertClose(p.filter((v) => v <= 0.05).length / p.length, 0.05, { abs: 0.011 });
});

Deno.test("welchTTest() holds alpha with unequal variances where studentTTest() does not", () => {
  // Control: 40 users, σ = 1; treatment: 10 users, σ = 3; equal means. 3,000 runs.
  const rng = createRng(202);
  let welch = 0, student = 0;
  const welchP: number[] = [];
  for (let e = 0; e < 3000; e++) {
    const c = Array.from({ length: 40 }, () => rng.normal(0, 1));
    const t = Array.from({ length: 10 }, () => rng.normal(0, 3));
    const w = welchTTest(c, t).pValue;
    welchP.push(w);
    if (w <= 0.05) welch++;
    if (studentTTest(c, t).pValue <= 0.05) student++;
  }
  assertClose(welch / 3000, 0.05, { abs: 0.015 });
  assert.ok(student / 3000 > 0.12, `Student FPR ${student / 3000}`); // pooled SE is too small
  assert.ok(ksUniform(welchP) < 1.628 / Math.sqrt(3000));
});

Deno.test("mannWhitneyU() holds alpha on skewed (lognormal) A/A data", () => {
  const rng = createRng(303);
  let rejections = 0;
  for (let e = 0; e < 2000; e++) {
    const c = Array.from({ length: 60 }, () => Math.exp(rng.normal(0, 1.5)));
    const t = Array.from({ length: 60 }, () => Math.exp(rng.normal(0, 1.5)));
    if (mannWhitneyU(c, t).pValue <= 0.05) rejections++;
  }
  assertClose(rejections / 2000, 0.05, { abs: 0.015 });
});

Deno.test("empirical power of the z-test matches the power formula", () => {
  // 10% → 12% with the formula's 3,839 users per arm: power 0.80; 1,500 runs, SE 0.010.
  const n = sampleSizeForProportions(0.1, 0.12).control;
  const rng = createRng(404);
  let rejections = 0;
  for (let e = 0; e < 1500; e++) {
    const r = twoProportionZTest(
      { conversions: rng.binomial(n, 0.1), users: n },
      { conversions: rng.binomial(n, 0.12), users: n },
    );
    if (r.significant) rejections++;
  }
  assertClose(rejections / 1500, powerForProportions(0.1, 0.12, n), { abs: 0.035 });
});

Deno.test("twoProportionZTest() intervals cover the true difference at the nominal rate", () => {
  const rng = createRng(505);
  let covered = 0;
  for (let e = 0; e < 2000; e++) {
    const r = twoProportionZTest(
      { conversions: rng.binomial(3000, 0.2), users: 3000 },
      { conversions: rng.binomial(3000, 0.23), users: 3000 },
    );
    if (r.effect.lower <= 0.03 && 0.03 <= r.effect.upper) covered++;
  }
  assertClose(covered / 2000, 0.95, { abs: 0.015 });
});
