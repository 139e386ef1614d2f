import assert from "node:assert/strict";
import { assertClose } from "../_util/assert_close.ts";
import {
  bootstrapCi,
  claim,
  CLAIM_MIME,
  claims,
  describeComparison,
  formatNumber,
  formatSummary,
  pairedComparison,
  repeatOverSeeds,
  seedsFrom,
  summarize,
} from "../../lib/claims/mod.ts";
import { createRng } from "../../lib/random/mod.ts";

// Student's sleep data (Cushny & Peebles 1905, analysed by "Student" 1908), as in R's `sleep`.
const SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
const DISPLAY = Symbol.for("Jupyter.display");
type Bundle = Record<string, unknown>;
const bundleOf = (c: unknown) => (c as Record<symbol, () => Bundle>)[DISPLAY].call(c);

Deno.test("claim() shows ✓ or ✗ with its evidence and carries the verdict as JSON", () => {
  const ok = claim(true, "A beats B", { a: 0.812345, b: 0.7, note: "held-out", paired: true });
  assert.equal(ok.ok, true);
  const bundle = bundleOf(ok);
  assert.equal(
    bundle["text/plain"],
    "✓ A beats B — a = 0.8123, b = 0.7, note = held-out, paired = true",
  );
  assert.equal(
    bundle["text/markdown"],
    "✓ **A beats B** — a = 0.8123, b = 0.7, note = held-out, paired = true",
  );
  assert.deepEqual(bundle[CLAIM_MIME], {
    ok: true,
    text: "A beats B",
    evidence: { a: 0.812345, b: 0.7, note: "held-out", paired: true },
  });
  const bad = bundleOf(claim(false, "it is sunny"));
  assert.equal(bad["text/plain"], "✗ does not hold: it is sunny");
  assert.equal((bad[CLAIM_MIME] as { ok: boolean }).ok, false);
});

Deno.test("claims() joins several statements; one ✗ makes the whole output fail", () => {
  const both = claims(claim(true, "first"), claim(false, "second", { x: 1 }));
  assert.equal(both.ok, false);
  const payload = bundleOf(both)[CLAIM_MIME] as { ok: boolean; claims: { text: string }[] };
  assert.equal(payload.ok, false);
  assert.deepEqual(payload.claims.map((c) => c.text), ["first", "second"]);
  assert.equal(both.toString(), "✓ first\n✗ does not hold: second — x = 1");
});

Deno.test("claim() and claims() reject what is not a statement", () => {
  assert.throws(() => claim(1 as unknown as boolean, "x"), {
    name: "TypeError",
    message: "Cannot make claim: condition must be a boolean, got number",
  });
  assert.throws(() => claim(true, " "), {
    message: "Cannot make claim: text must be a non-empty string",
  });
  assert.throws(() => claim(true, "x", { a: [1] as unknown as number }), {
    message: "Cannot make claim: evidence.a must be a number, string or boolean, got object",
  });
  assert.throws(() => claims(), { name: "RangeError" });
  assert.throws(() => claims({} as never), {
    message: "Cannot combine claims: items[0] must be a claim",
  });
});

Deno.test("summarize() matches R's t.test on the sleep data, group 2", () => {
  // R: mean(sleep$extra[11:20]) = 2.33, sd = 2.002249, t.test(...)$conf.int = 0.8976775 3.7623225
  const s = summarize(SLEEP_2);
  assertClose(s.mean, 2.33, { rel: 1e-12 });
  assertClose(s.sd, 2.002249, { rel: 1e-6 });
  assertClose(s.low, 0.8976775, { rel: 1e-6 });
  assertClose(s.high, 3.7623225, { rel: 1e-6 });
  assert.equal(s.n, 10);
  const one = summarize([4]);
  assert.equal(one.mean, 4);
  assert.ok(Number.isNaN(one.sd) && Number.isNaN(one.low) && Number.isNaN(one.high));
  assert.throws(() => summarize([]), { message: "Cannot summarize: values must not be empty" });
  assert.throws(() => summarize([1, NaN]), { name: "RangeError" });
  assert.throws(() => summarize([1, 2], { level: 1 }), { name: "RangeError" });
});

Deno.test("pairedComparison() matches R's paired t-test on the sleep data", () => {
  // R: t.test(extra ~ group, data = sleep, paired = TRUE): t = -4.0621, df = 9,
  // p-value = 0.002833, 95 % CI -2.4598858 -0.7001142, mean difference -1.58.
  const c = pairedComparison(SLEEP_2, SLEEP_1);
  assertClose(c.diff, 1.58, { rel: 1e-12 });
  assertClose(c.low, 0.7001142, { rel: 1e-6 });
  assertClose(c.high, 2.4598858, { rel: 1e-6 });
  assertClose(c.pValue, 0.002833, { rel: 1e-3 });
  assert.equal(c.verdict, "better");
  assert.equal(pairedComparison(SLEEP_1, SLEEP_2).verdict, "worse");
  assert.equal(pairedComparison(SLEEP_2, SLEEP_1, { higherIsBetter: false }).verdict, "worse");
  assert.equal(pairedComparison(SLEEP_1, SLEEP_2, { higherIsBetter: false }).verdict, "better");
});

Deno.test("pairedComparison() reads noise as noise and handles constant differences", () => {
  assert.equal(pairedComparison([1, 2, 3, 4], [1.5, 1.5, 3.5, 3.5]).verdict, "within noise");
  const same = pairedComparison([1, 2, 3], [1, 2, 3]);
  assert.deepEqual([same.diff, same.low, same.high, same.pValue, same.verdict], [
    0,
    0,
    0,
    1,
    "within noise",
  ]);
  const shifted = pairedComparison([2, 3, 4], [1, 2, 3]);
  assert.deepEqual([shifted.low, shifted.high, shifted.pValue, shifted.verdict], [
    1,
    1,
    0,
    "better",
  ]);
  assert.throws(() => pairedComparison([1, 2], [1]), {
    message: "Cannot compute pairedComparison: a and b must have the same length, got 2 and 1",
  });
  assert.throws(() => pairedComparison([1], [2]), {
    message: "Cannot compute pairedComparison: a and b need at least 2 pairs, got 1",
  });
});

Deno.test("pairedComparison() calls a true difference of zero 'within noise' about 95 % of the time", () => {
  const rng = createRng(3);
  let noise = 0;
  const trials = 2000;
  for (let t = 0; t < trials; t++) {
    const a = Array.from({ length: 8 }, () => rng.normal());
    const b = Array.from({ length: 8 }, () => rng.normal());
    if (pairedComparison(a, b).verdict === "within noise") noise++;
  }
  // Binomial(2000, 0.95): sd 0.0049, so ±0.015 is three standard deviations.
  assert.ok(Math.abs(noise / trials - 0.95) < 0.015, `share within noise ${noise / trials}`);
});

Deno.test("bootstrapCi() is seeded, collapses on a constant sample and tracks the t interval", () => {
  const rng = createRng(11);
  const x = Array.from({ length: 200 }, () => rng.normal(5, 2));
  const a = bootstrapCi(x, { seed: 1 }), b = bootstrapCi(x, { seed: 1 });
  assert.deepEqual(a, b);
  const t = summarize(x);
  assertClose(a.estimate, t.mean, { rel: 1e-12 });
  // For n = 200 the percentile interval of the mean is within a few % of the t interval.
  assertClose(a.high - a.low, t.high - t.low, { rel: 0.1 });
  assert.ok(a.low < t.mean && t.mean < a.high);
  const flat = bootstrapCi([3, 3, 3], { seed: 2 });
  assert.deepEqual([flat.low, flat.estimate, flat.high], [3, 3, 3]);
  const median = (s: Float64Array) => [...s].sort((p, q) => p - q)[Math.floor(s.length / 2)];
  assert.equal(bootstrapCi([1, 2, 100], { seed: 3, statistic: median }).estimate, 2);
});

Deno.test("bootstrapCi() covers the true mean about as often as its level says", () => {
  const rng = createRng(5);
  let covered = 0;
  const trials = 300;
  for (let t = 0; t < trials; t++) {
    const x = Array.from({ length: 40 }, () => rng.normal(1, 1));
    const ci = bootstrapCi(x, { rng, resamples: 400 });
    if (ci.low <= 1 && 1 <= ci.high) covered++;
  }
  // Percentile intervals undercover slightly at n = 40; binomial sd at 0.95 is 0.013.
  assert.ok(covered / trials > 0.88 && covered / trials <= 0.99, `coverage ${covered / trials}`);
});

Deno.test("bootstrapCi() rejects bad input and unseeded calls", () => {
  assert.throws(() => bootstrapCi([1], { seed: 1 }), {
    message: "Cannot compute bootstrapCi: values must have at least 2 entries, got 1",
  });
  assert.throws(() => bootstrapCi([1, 2], {} as never), { name: "TypeError" });
  assert.throws(() => bootstrapCi([1, 2], { seed: 1, resamples: 10 }), { name: "RangeError" });
  assert.throws(() => bootstrapCi([1, Infinity], { seed: 1 }), { name: "RangeError" });
});

Deno.test("repeatOverSeeds() runs in seed order, awaits, and validates", async () => {
  const out = await repeatOverSeeds([3, 1, 2], async (s) => {
    await new Promise((r) => setTimeout(r, 4 - s));
    return s;
  });
  assert.deepEqual(out, [3, 1, 2]);
  await assert.rejects(() => repeatOverSeeds([], (s) => s), { name: "RangeError" });
  await assert.rejects(() => repeatOverSeeds([1.5], (s) => s), { name: "RangeError" });
  await assert.rejects(() => repeatOverSeeds([1], 3 as never), { name: "TypeError" });
  assert.deepEqual(seedsFrom(0, 2), [0, 1]);
  assert.throws(() => seedsFrom(1, 0), { name: "RangeError" });
});

Deno.test("describeComparison() picks its verdict word from the interval", () => {
  const noise = pairedComparison([1, 2, 3, 4], [1.5, 1.5, 3.5, 3.5]);
  assert.equal(
    describeComparison("A", "B", noise),
    "A and B are within noise of each other (difference 0, 95 % CI −0.919 to 0.919, n = 4)",
  );
  const behind = pairedComparison(SLEEP_1, SLEEP_2);
  assert.equal(
    describeComparison("drug 1", "drug 2", behind, { digits: 2 }),
    "drug 1 falls behind drug 2 by 1.6 (95 % CI of drug 1 − drug 2: −2.5 to −0.7, n = 10)",
  );
  // A loss: lower is better, so a negative difference beats.
  const loss = pairedComparison(SLEEP_1, SLEEP_2, { higherIsBetter: false });
  assert.match(describeComparison("A", "B", loss), /^A beats B by 1.58 /);
  assert.throws(() => describeComparison("", "B", loss), { name: "TypeError" });
  assert.throws(() => describeComparison("A", "B", {} as never), { name: "TypeError" });
});

Deno.test("formatSummary() and formatNumber() write significant digits and a true minus", () => {
  assert.equal(formatNumber(-0.012345), "−0.0123");
  assert.equal(formatNumber(1234567, 2), "1200000");
  assert.equal(formatNumber(NaN), "NaN");
  assert.equal(formatSummary(summarize([7])), "7 (n = 1)");
  assert.equal(
    formatSummary(summarize(SLEEP_2), { digits: 2 }),
    "2.3 (95 % CI 0.9 to 3.8, n = 10)",
  );
});
