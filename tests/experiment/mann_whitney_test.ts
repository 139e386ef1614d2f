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
  const r = mannWhitneyU(females, males, { method: "asymptotic" });
  assert.equal(r.method, "asymptotic");
  assert.equal(r.statistic, 17);
  assertClose(r.pValue, 0.11134688653314041, { rel: 1e-12 });
  const raw = mannWhitneyU(females, males, { continuity: false, method: "asymptotic" });
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
  const r = mannWhitneyU(males, females, { alternative: "less", method: "asymptotic" });
  assert.equal(r.statistic, 3);
  assertClose(r.zStatistic, -6.5 / Math.sqrt(200 / 12), { rel: 1e-12 });
  assertClose(r.pValue, 0.0556734, { abs: 1e-6 });
  const greater = mannWhitneyU(males, females, { alternative: "greater", method: "asymptotic" });
  // "greater": z = (3 − 10 − 0.5)/√(200/12)
  assertClose(greater.zStatistic, -7.5 / Math.sqrt(200 / 12), { rel: 1e-12 });
  assert.ok(greater.pValue > 0.9);
});

// Reference p-values computed once with scipy 1.10.1 (Debian python3-scipy) and again with
// scipy 1.17.1, identical to the digits below: scipy.stats.mannwhitneyu(x, y, **kw), where
// x is our treatment and y our control.
const SCIPY: Array<{ x: number[]; y: number[]; kw: string; p: number; method: string }> = [
  // mannwhitneyu(males, females) (auto → exact): U1 = 17, p = 0.1111111111111111
  { x: males, y: females, kw: "", p: 0.1111111111111111, method: "exact" },
  // mannwhitneyu(females, males, method="exact", alternative="less"): U1 = 3, p = 0.0555…
  { x: females, y: males, kw: "less", p: 0.05555555555555555, method: "exact" },
  // mannwhitneyu(females, males, method="exact", alternative="greater"): p = 0.968253968253968
  { x: females, y: males, kw: "greater", p: 0.9682539682539683, method: "exact" },
  // mannwhitneyu([1.5, 2.5, 9], [3, 4, 5, 6]) (auto → exact): U1 = 4, p = 0.6285714285714286
  { x: [1.5, 2.5, 9], y: [3, 4, 5, 6], kw: "", p: 0.6285714285714286, method: "exact" },
  // 8 vs 9 observations, no ties (auto → exact): U1 = 14, p = 0.03595228301110654
  {
    x: [1.1, 2.3, 3.2, 4.8, 5.5, 6.1, 7.7, 8.4],
    y: [2.0, 4.1, 6.6, 8.8, 9.5, 10.2, 11.3, 12.9, 13.4],
    kw: "",
    p: 0.03595228301110654,
    method: "exact",
  },
  // 9 vs 9 (auto → asymptotic): U1 = 23, p = 0.1333202155896274
  {
    x: [1.1, 2.3, 3.2, 4.8, 5.5, 6.1, 7.7, 8.4, 14.0],
    y: [2.0, 4.1, 6.6, 8.8, 9.5, 10.2, 11.3, 12.9, 13.4],
    kw: "",
    p: 0.1333202155896274,
    method: "asymptotic",
  },
  // the same with method="exact": p = 0.13591114767585355
  {
    x: [1.1, 2.3, 3.2, 4.8, 5.5, 6.1, 7.7, 8.4, 14.0],
    y: [2.0, 4.1, 6.6, 8.8, 9.5, 10.2, 11.3, 12.9, 13.4],
    kw: "exact",
    p: 0.13591114767585355,
    method: "exact",
  },
  // ties, 3 vs 4 (auto → asymptotic): U1 = 1, p = 0.09872864789482493
  { x: [1, 2, 2], y: [2, 3, 4, 5], kw: "", p: 0.09872864789482493, method: "asymptotic" },
  // ties with method="exact" (no tie correction): p = 0.11428571428571428
  { x: [1, 2, 2], y: [2, 3, 4, 5], kw: "exact", p: 0.11428571428571428, method: "exact" },
  // 20 vs 15, method="exact", alternative="greater": U1 = 114, p = 0.8865194417380136
  {
    x: Array.from({ length: 20 }, (_, i) => 2 * i),
    y: Array.from({ length: 15 }, (_, i) => 3 * i + 3.5),
    kw: "exact greater",
    p: 0.8865194417380136,
    method: "exact",
  },
  // complete separation 7 vs 7, method="exact": U1 = 0, p = 2/C(14, 7) = 0.0005827505827505828
  {
    x: [1, 2, 3, 4, 5, 6, 7],
    y: [8, 9, 10, 11, 12, 13, 14],
    kw: "exact",
    p: 0.0005827505827505828,
    method: "exact",
  },
];

Deno.test("mannWhitneyU() reproduces scipy's exact and auto p-values", () => {
  for (const { x, y, kw, p, method } of SCIPY) {
    const alternative = kw.includes("greater")
      ? "greater"
      : kw.includes("less")
      ? "less"
      : undefined;
    const r = mannWhitneyU(y, x, { alternative, method: kw.includes("exact") ? "exact" : "auto" });
    assert.equal(r.method, method, `${x} vs ${y} ${kw}`);
    assertClose(r.pValue, p, { rel: 1e-12 });
  }
});

Deno.test("mannWhitneyU() exact distribution: counts by hand for 2 vs 2", () => {
  // The C(4, 2) = 6 orderings give U = 0, 1, 2, 2, 3, 4: P(U ≥ 4) = 1/6, P(U ≥ 3) = 2/6.
  const r = mannWhitneyU([1, 2], [3, 4], { alternative: "greater" });
  assert.equal(r.statistic, 4);
  assertClose(r.pValue, 1 / 6, { rel: 1e-15 });
  assertClose(mannWhitneyU([1, 3], [2, 4], { alternative: "greater" }).pValue, 2 / 6, {
    rel: 1e-15,
  });
  assertClose(mannWhitneyU([1, 3], [2, 4]).pValue, 4 / 6, { rel: 1e-15 }); // 2·P(U ≥ 3)
  assert.equal(mannWhitneyU([1, 4], [2, 3]).pValue, 1); // U = 2 = n_c n_t/2: 2·P(U ≥ 2) > 1
});

Deno.test("mannWhitneyU() exact p-values are valid: P(p ≤ α) ≤ α over all orderings", () => {
  // Enumerate all C(10, 4) = 210 assignments of ranks 1..10 to a treatment of 4; the exact
  // test must reject at most α of them (it is a permutation test) and its two-sided
  // p-values must equal the share of assignments at least as extreme.
  const all: number[][] = [];
  const pick = (start: number, chosen: number[]) => {
    if (chosen.length === 4) return void all.push(chosen);
    for (let v = start; v <= 10; v++) pick(v + 1, [...chosen, v]);
  };
  pick(1, []);
  const uOf = (t: number[]) => t.reduce((a, b) => a + b, 0) - 10;
  for (const t of all) {
    const c = Array.from({ length: 10 }, (_, i) => i + 1).filter((v) => !t.includes(v));
    const r = mannWhitneyU(c, t, { alternative: "greater" });
    const asExtreme = all.filter((o) => uOf(o) >= uOf(t)).length / all.length;
    assertClose(r.pValue, asExtreme, { rel: 1e-12 });
  }
  for (const alpha of [0.01, 0.05, 0.1]) {
    const rejected = all.filter((t) => {
      const c = Array.from({ length: 10 }, (_, i) => i + 1).filter((v) => !t.includes(v));
      return mannWhitneyU(c, t).pValue <= alpha;
    }).length;
    assert.ok(rejected / all.length <= alpha, `${rejected} of ${all.length} at ${alpha}`);
  }
});

Deno.test("mannWhitneyU() exact and asymptotic agree for moderate samples", () => {
  // 30 vs 30 without ties: the normal approximation is within 0.005 of the exact tail.
  const rng = (i: number) => ((i * 7919) % 61) + i / 1000;
  const c = Array.from({ length: 30 }, (_, i) => rng(i)), t = c.map((v) => v + 9.3);
  const exact = mannWhitneyU(c, t, { method: "exact" }).pValue;
  const normal = mannWhitneyU(c, t, { method: "asymptotic" }).pValue;
  assert.ok(Math.abs(exact - normal) < 0.005, `${exact} vs ${normal}`);
});

Deno.test("mannWhitneyU() rejects an unknown method and an exact test that is too large", () => {
  assert.throws(() => mannWhitneyU([1, 2], [3, 4], { method: "permutation" as never }), {
    name: "RangeError",
    message:
      'Cannot run mannWhitneyU: method must be one of "auto", "exact", "asymptotic", got "permutation"',
  });
  const big = Array.from({ length: 400 }, (_, i) => i);
  assert.throws(
    () => mannWhitneyU(big, big.map((v) => v + 0.5), { method: "exact" }),
    /method "exact" would take .* steps for samples of 400 and 400; use method "asymptotic"/,
  );
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
