import assert from "node:assert/strict";
import fc from "fast-check";
import {
  studentTTest,
  studentTTestFromStats,
  welchTTest,
  welchTTestFromStats,
} from "@lib/experiment/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// R's `sleep` data (Cushny & Peebles): extra hours of sleep under drug 1 and drug 2.
const sleep1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const sleep2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

Deno.test("welchTTest() matches R's t.test(extra ~ group, data = sleep)", () => {
  // R 4.x output (group 1 − group 2): t = -1.8608, df = 17.776, p-value = 0.07939,
  // 95 percent confidence interval: -3.3654832 0.2054832. Here control = group 2.
  const r = welchTTest(sleep2, sleep1);
  assertClose(r.statistic, -1.8608, { abs: 5e-5 });
  assertClose(r.df, 17.776, { abs: 5e-4 });
  assertClose(r.pValue, 0.07939, { abs: 5e-6 });
  assertClose(r.effect.estimate, 0.75 - 2.33, { abs: 1e-12 });
  assertClose(r.effect.lower, -3.3654832, { abs: 5e-8 });
  assertClose(r.effect.upper, 0.2054832, { abs: 5e-8 });
  assert.equal(r.test, "Welch's t-test");
  assert.equal(r.significant, false);
});

Deno.test("studentTTest() matches R's t.test(extra ~ group, data = sleep, var.equal = TRUE)", () => {
  // R: t = -1.8608, df = 18, p-value = 0.07919, 95% CI -3.363874 0.203874.
  const r = studentTTest(sleep2, sleep1);
  assertClose(r.statistic, -1.8608, { abs: 5e-5 });
  assert.equal(r.df, 18);
  assertClose(r.pValue, 0.07919, { abs: 5e-6 });
  assertClose(r.effect.lower, -3.363874, { abs: 5e-7 });
  assertClose(r.effect.upper, 0.203874, { abs: 5e-7 });
});

Deno.test("studentTTest() matches scipy's ttest_ind docstring examples", () => {
  // scipy.stats.ttest_ind_from_stats docstring: ttest_ind(a, b) ->
  // statistic=0.905135809331027, pvalue=0.3751996797581486, df=22.0
  const a = [1, 3, 4, 6, 11, 13, 15, 19, 22, 24, 25, 26, 26];
  const b = [2, 4, 6, 9, 11, 13, 14, 15, 18, 19, 21];
  const r = studentTTest(b, a);
  assertClose(r.statistic, 0.905135809331027, { rel: 1e-12 });
  assertClose(r.pValue, 0.3751996797581486, { rel: 1e-9 });
  assert.equal(r.df, 22);
  // Same docstring, binary data: ttest_ind(group1, group2) -> statistic=-0.5627179589855622,
  // pvalue=0.573989277115258, df=348.0, with group1 = 30 ones in 150, group2 = 45 in 200.
  const group1 = [...Array(30).fill(1), ...Array(120).fill(0)];
  const group2 = [...Array(45).fill(1), ...Array(155).fill(0)];
  const binary = studentTTest(group2, group1);
  assertClose(binary.statistic, -0.5627179589855622, { rel: 1e-10 });
  assertClose(binary.pValue, 0.573989277115258, { rel: 1e-9 });
  assert.equal(binary.df, 348);
});

Deno.test("studentTTest() one-sided matches scipy's mannwhitneyu docstring t-test", () => {
  // scipy: ttest_ind(females, males, alternative="less") ->
  // statistic=-2.239334696520584, pvalue=0.030068441095757924, df=7.0
  const males = [19, 22, 16, 29, 24], females = [20, 11, 17, 12];
  const r = studentTTest(males, females, { alternative: "less" });
  assertClose(r.statistic, -2.239334696520584, { rel: 1e-12 });
  assertClose(r.pValue, 0.030068441095757924, { rel: 1e-9 });
  assert.equal(r.significant, true);
  assert.equal(r.effect.lower, -Infinity);
  assert.ok(r.effect.upper < 0);
});

Deno.test("studentTTestFromStats() matches scipy's ttest_ind_from_stats docstring", () => {
  // ttest_ind_from_stats(mean1=15.0, std1=sqrt(87.5), nobs1=13, mean2=12.0, std2=sqrt(39.0),
  // nobs2=11) -> statistic=0.9051358093310269, pvalue=0.3751996797581487
  const r = studentTTestFromStats({ mean: 12, sd: Math.sqrt(39), n: 11 }, {
    mean: 15,
    sd: Math.sqrt(87.5),
    n: 13,
  });
  assertClose(r.statistic, 0.9051358093310269, { rel: 1e-12 });
  assertClose(r.pValue, 0.3751996797581487, { rel: 1e-9 });
  // Binary summary: mean1=0.2, std1=sqrt(0.161073), nobs1=150, mean2=0.225,
  // std2=sqrt(0.175251), nobs2=200 -> statistic=-0.5627187905196761, pvalue=0.5739887114209541
  const b = studentTTestFromStats({ mean: 0.225, sd: Math.sqrt(0.175251), n: 200 }, {
    mean: 0.2,
    sd: Math.sqrt(0.161073),
    n: 150,
  });
  assertClose(b.statistic, -0.5627187905196761, { rel: 1e-12 });
  assertClose(b.pValue, 0.5739887114209541, { rel: 1e-9 });
});

Deno.test("welchTTestFromStats() agrees with welchTTest() on the same data", () => {
  const stats = (x: number[]) => {
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1));
    return { mean, sd, n: x.length };
  };
  const fromSamples = welchTTest(sleep1, sleep2, { alternative: "greater" });
  const fromStats = welchTTestFromStats(stats(sleep1), stats(sleep2), { alternative: "greater" });
  assertClose(fromStats.statistic, fromSamples.statistic, { rel: 1e-12 });
  assertClose(fromStats.df, fromSamples.df, { rel: 1e-12 });
  assertClose(fromStats.pValue, fromSamples.pValue, { rel: 1e-10 });
  assertClose(fromSamples.pValue, 0.07939 / 2, { abs: 5e-6 });
});

Deno.test("welchTTest() relative effect is the difference over the control mean and needs a positive control mean", () => {
  const r = welchTTest([1, 2, 3, 4], [2, 3, 4, 5]);
  // lift = 3.5/2.5 − 1 = 0.4; interval = (Δ ± t_{0.975, 6} · se_Δ) / 2.5 with
  // se_Δ = √(2 · (5/3)/4), ν = 6 (equal variances and sizes), t_{0.975, 6} = 2.446912 (tables)
  const seDiff = Math.sqrt(2 * (5 / 3) / 4);
  assert.ok(r.relativeEffect !== null);
  assertClose(r.relativeEffect.estimate, 0.4, { abs: 1e-12 });
  assertClose(r.relativeEffect.lower, (1 - 2.446912 * seDiff) / 2.5, { abs: 1e-6 });
  assertClose(r.relativeEffect.upper, (1 + 2.446912 * seDiff) / 2.5, { abs: 1e-6 });
  // delta method: Var ≈ s_t²/(n_t x̄_c²) + x̄_t² s_c²/(n_c x̄_c⁴), with s² = 5/3 in both arms
  const se = Math.sqrt((5 / 3) / 4 / 6.25 + (12.25 * (5 / 3) / 4) / 39.0625);
  assertClose(r.relativeStandardError!, se, { rel: 1e-12 });
  const none = welchTTest([-1, 0, 1], [1, 2, 3]);
  assert.equal(none.relativeEffect, null);
  assert.equal(none.relativeStandardError, null);
});

Deno.test("welchTTest() lift interval excludes 0 exactly when p ≤ α", () => {
  // A noisy control mean widens a delta-method lift interval past 0 near p = α; dividing the
  // difference's interval by x̄_c keeps the two in step on both sides of α.
  const control = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const seen = new Set<boolean>();
  for (let shift = 0.5; shift <= 6; shift += 0.25) {
    const r = welchTTest(control, control.map((x) => x + shift));
    const excludes = r.relativeEffect!.lower > 0 || r.relativeEffect!.upper < 0;
    assert.equal(excludes, r.significant, `shift ${shift}: p = ${r.pValue}`);
    seen.add(r.significant);
  }
  assert.equal(seen.size, 2); // both decisions occur
});

Deno.test("welchTTest() returns NaN for two identical constant samples, as scipy", () => {
  const r = welchTTest([1, 1, 1], [1, 1, 1]);
  assert.ok(Number.isNaN(r.statistic) && Number.isNaN(r.pValue));
  assert.equal(r.significant, false);
});

Deno.test("welchTTest() is antisymmetric under swapping and invariant under a common shift", () => {
  const sample = fc.array(fc.integer({ min: -1000, max: 1000 }).map((v) => v / 10), {
    minLength: 2,
    maxLength: 30,
  })
    .filter((x) => new Set(x).size > 1);
  fc.assert(
    fc.property(sample, sample, fc.double({ min: -50, max: 50, noNaN: true }), (a, b, shift) => {
      const ab = welchTTest(a, b), ba = welchTTest(b, a);
      assertClose(ab.statistic, -ba.statistic, { rel: 1e-9, abs: 1e-9 });
      assertClose(ab.pValue, ba.pValue, { rel: 1e-9, abs: 1e-12 });
      const shifted = welchTTest(a.map((v) => v + shift), b.map((v) => v + shift));
      assertClose(shifted.statistic, ab.statistic, { rel: 1e-6, abs: 1e-6 });
      assert.ok(ab.pValue >= 0 && ab.pValue <= 1);
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("welchTTest() and studentTTest() reject samples with fewer than 2 elements", () => {
  assert.throws(() => welchTTest([1], [1, 2]), {
    name: "RangeError",
    message: "Cannot run welchTTest: control must have at least 2 elements, got 1",
  });
  assert.throws(() => studentTTest([1, 2], []), {
    name: "RangeError",
    message: "Cannot run studentTTest: treatment must not be empty",
  });
});

Deno.test("welchTTest() rejects non-finite values and alpha outside (0, 1)", () => {
  assert.throws(() => welchTTest([1, NaN], [1, 2]), /control\[1\] must be finite, got NaN/);
  assert.throws(
    () => welchTTest([1, 2], [1, 3], { alpha: 1 }),
    /Cannot run welchTTest: alpha must be strictly between 0 and 1, got 1/,
  );
});

Deno.test("welchTTestFromStats() rejects bad summary statistics", () => {
  const ok = { mean: 0, sd: 1, n: 10 };
  assert.throws(() => welchTTestFromStats({ mean: 0, sd: -1, n: 10 }, ok), {
    name: "RangeError",
    message: "Cannot run welchTTestFromStats: control.sd must be at least 0, got -1",
  });
  assert.throws(
    () => welchTTestFromStats(ok, { mean: 0, sd: 1, n: 1 }),
    /treatment.n must be at least 2, got 1/,
  );
  assert.throws(
    () => studentTTestFromStats(ok, { mean: 0, sd: 1, n: 2.5 }),
    /treatment.n must be an integer, got 2.5/,
  );
  assert.throws(
    () => studentTTestFromStats({ mean: Infinity, sd: 1, n: 3 }, ok),
    /control.mean must be finite/,
  );
  // deno-lint-ignore no-explicit-any
  assert.throws(() => welchTTestFromStats(undefined as any, ok), {
    name: "TypeError",
    message:
      "Cannot run welchTTestFromStats: control must be an object { mean, sd, n }, got undefined",
  });
});
