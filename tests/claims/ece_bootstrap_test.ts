import assert from "node:assert/strict";
import { bootstrapCi, eceDifferenceBootstrapCi } from "../../lib/claims/mod.ts";
import { expectedCalibrationError } from "../../lib/metrics/mod.ts";
import { createRng, type Rng } from "../../lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("eceDifferenceBootstrapCi() estimates the difference of the two errors, worked by hand", () => {
  // Two quantile bins split at the median 0.4: {0.1, 0.2} with labels 0 0 and {0.6, 0.8} with
  // labels 1 1, so ECE = (2 · |0 − 0.15| + 2 · |1 − 0.7|) / 4 = 0.225; labels as probabilities: 0.
  const ci = eceDifferenceBootstrapCi([0, 0, 1, 1], [0.1, 0.2, 0.6, 0.8], [0, 0, 1, 1], {
    seed: 1,
    nBins: 2,
  });
  assertClose(ci.estimate, 0.225, { abs: 1e-12 });
  // And on random rows, exactly expectedCalibrationError(a) − expectedCalibrationError(b).
  const rng = createRng(3);
  const p = Array.from({ length: 500 }, () => rng.random());
  const y = p.map((v) => (rng.bernoulli(v * v) ? 1 : 0));
  const q = p.map((v) => v * v);
  const ece = (s: number[]) => expectedCalibrationError(y, s, { nBins: 10, strategy: "quantile" });
  assertClose(eceDifferenceBootstrapCi(y, p, q, { seed: 2 }).estimate, ece(p) - ece(q), {
    abs: 1e-12,
  });
});

Deno.test("eceDifferenceBootstrapCi() weighs each row by how often it was drawn, bins fixed", () => {
  // Draws 0 0 3 3 every time: rows 0 and 3 twice each. With the bins of the full sample,
  // ECE(a)* = (|2 · (0 − 0.1)| + |2 · (1 − 0.8)|) / 4 = (0.2 + 0.4) / 4 = 0.15; ECE(b)* = 0.
  const draws = [0, 0, 3, 3];
  let k = 0;
  const scripted = { random: () => 0, int: () => draws[k++ % 4] } as unknown as Rng;
  const ci = eceDifferenceBootstrapCi([0, 0, 1, 1], [0.1, 0.2, 0.6, 0.8], [0, 0, 1, 1], {
    rng: scripted,
    nBins: 2,
    resamples: 100,
  });
  assertClose(ci.low, 0.15, { abs: 1e-12 });
  assertClose(ci.high, 0.15, { abs: 1e-12 });
  assert.equal(k, 400);
});

Deno.test("eceDifferenceBootstrapCi() of a set against itself has no spread", () => {
  const rng = createRng(5);
  const p = Array.from({ length: 300 }, () => rng.random());
  const y = p.map((v) => (rng.bernoulli(v) ? 1 : 0));
  const ci = eceDifferenceBootstrapCi(y, p, p, { seed: 4, resamples: 200 });
  assert.deepEqual([ci.low, ci.estimate, ci.high], [0, 0, 0]);
});

Deno.test("eceDifferenceBootstrapCi() is close to the bootstrap that re-bins every resample", () => {
  // Over-confident a (p²-calibrated labels scored p) against calibrated b: with fixed bins the
  // interval should match the slower bootstrap that recomputes quantile bins per resample.
  const rng = createRng(9);
  const n = 3000;
  const p = Array.from({ length: n }, () => rng.random());
  const y = p.map((v) => (rng.bernoulli(v * v) ? 1 : 0));
  const b = p.map((v) => v * v);
  const fast = eceDifferenceBootstrapCi(y, p, b, { seed: 1, resamples: 400 });
  const take = (x: number[], idx: Float64Array) => Array.from(idx, (i) => x[i]);
  const ece = (yy: number[], s: number[]) =>
    expectedCalibrationError(yy, s, { nBins: 10, strategy: "quantile" });
  const slow = bootstrapCi(Float64Array.from(y, (_, i) => i), {
    seed: 1,
    resamples: 400,
    statistic: (idx) => ece(take(y, idx), take(p, idx)) - ece(take(y, idx), take(b, idx)),
  });
  const width = slow.high - slow.low;
  assert.ok(Math.abs(fast.low - slow.low) < 0.25 * width, `low ${fast.low} vs ${slow.low}`);
  assert.ok(Math.abs(fast.high - slow.high) < 0.25 * width, `high ${fast.high} vs ${slow.high}`);
  // ECE(p) is about E|p − p²| = 1/6 here, so the difference is clearly positive.
  assert.ok(fast.low > 0.1 && fast.high < 0.25);
});

Deno.test("eceDifferenceBootstrapCi() with groups draws whole clusters", () => {
  // Rows 0, 1 form cluster 7 and rows 2, 3 cluster 3; drawing cluster index 1 (rows 2 and 3)
  // twice gives, in the fixed bin {0.6, 0.8}: (2 · (1 − 0.6) + 2 · (1 − 0.8)) / 4 = 0.3.
  let k = 0;
  const scripted = { random: () => 0, int: () => (k++, 1) } as unknown as Rng;
  const y = [0, 0, 1, 1], a = [0.1, 0.2, 0.6, 0.8], b = [0, 0, 1, 1];
  const ci = eceDifferenceBootstrapCi(y, a, b, {
    rng: scripted,
    nBins: 2,
    resamples: 100,
    groups: [7, 7, 3, 3],
  });
  assertClose(ci.low, 0.3, { abs: 1e-12 });
  assertClose(ci.high, 0.3, { abs: 1e-12 });
  assert.equal(k, 200); // two clusters drawn per resample
  // Every row its own cluster: the row bootstrap of the same seed.
  const rng = createRng(11);
  const p = Array.from({ length: 200 }, () => rng.random());
  const yy = p.map((v) => (rng.bernoulli(v) ? 1 : 0));
  const q = p.map((v) => Math.sqrt(v));
  assert.deepEqual(
    eceDifferenceBootstrapCi(yy, q, p, { seed: 3, groups: p.map((_, i) => 1000 + i) }),
    eceDifferenceBootstrapCi(yy, q, p, { seed: 3 }),
  );
});

Deno.test("eceDifferenceBootstrapCi() widens its interval when rows of a cluster err alike", () => {
  // 20 clusters of 150 rows; each cluster's labels come from p shifted by a shared offset, so
  // calibration errors are correlated within a cluster and the row bootstrap is too narrow.
  const rng = createRng(17);
  const y: number[] = [], a: number[] = [], groups: number[] = [];
  for (let c = 0; c < 20; c++) {
    const shift = rng.normal(0, 0.2);
    for (let j = 0; j < 150; j++) {
      const p = 0.2 + 0.6 * rng.random();
      a.push(p), groups.push(c);
      y.push(rng.bernoulli(Math.min(1, Math.max(0, p + shift))) ? 1 : 0);
    }
  }
  const b = a.map((p) => p - 0.15); // biased low in every bin
  const rows = eceDifferenceBootstrapCi(y, a, b, { seed: 1, resamples: 400 });
  const clustered = eceDifferenceBootstrapCi(y, a, b, { seed: 1, resamples: 400, groups });
  assert.equal(clustered.estimate, rows.estimate);
  const ratio = (clustered.high - clustered.low) / (rows.high - rows.low);
  assert.ok(ratio > 1.5, `clustered / row interval width ${ratio}`);
});

Deno.test("eceDifferenceBootstrapCi() rejects bad input and unseeded calls", () => {
  const ctx = "Cannot compute eceDifferenceBootstrapCi:";
  assert.throws(() => eceDifferenceBootstrapCi([0, 1], [0.2, 0.4], [0.3], { seed: 1 }), {
    name: "RangeError",
    message: `${ctx} a and b must have the same length, got 2 and 1`,
  });
  assert.throws(() => eceDifferenceBootstrapCi([1], [0.2], [0.3], { seed: 1 }), {
    message: `${ctx} yTrue must have at least 2 rows, got 1`,
  });
  assert.throws(() => eceDifferenceBootstrapCi([0, 2], [0.2, 0.4], [0.3, 0.5], { seed: 1 }), {
    message: `${ctx} yTrue must hold only 0 and 1, got 2 at 1`,
  });
  assert.throws(
    () => eceDifferenceBootstrapCi([0, 1], [0.2, 1.4], [0.3, 0.5], { seed: 1 }),
    RangeError,
  );
  assert.throws(
    () => eceDifferenceBootstrapCi([0, 1], [0.2, 0.4], [0.3, 0.5], { seed: 1, nBins: 0 }),
    RangeError,
  );
  assert.throws(
    () => eceDifferenceBootstrapCi([0, 1], [0.2, 0.4], [0.3, 0.5], { seed: 1, resamples: 10 }),
    RangeError,
  );
  assert.throws(
    () => eceDifferenceBootstrapCi([0, 1], [0.2, 0.4], [0.3, 0.5], { seed: 1, level: 1 }),
    RangeError,
  );
  assert.throws(
    () => eceDifferenceBootstrapCi([0, 1], [0.2, 0.4], [0.3, 0.5], {} as never),
    TypeError,
  );
});
