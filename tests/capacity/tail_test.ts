import assert from "node:assert/strict";
import fc from "fast-check";
import {
  expectedSlowestShard,
  slowestShardQuantile,
  tailFactorFromSamples,
} from "@lib/capacity/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("expectedSlowestShard() is the mean for one shard and the exact E[max] for more", () => {
  // Samples {1, 2, 3}, S = 2 (9 equally likely pairs): max = 1 once, 2 three times, 3 five times
  // → (1 + 6 + 15) / 9 = 22/9.
  assertClose(expectedSlowestShard([3, 1, 2], 1), 2);
  assertClose(expectedSlowestShard([3, 1, 2], 2), 22 / 9);
  assert.equal(expectedSlowestShard([4, 4, 4], 1000), 4);
});

Deno.test("expectedSlowestShard() agrees with a seeded simulation of S draws", () => {
  const samples = [5, 6, 6, 7, 8, 30];
  const rng = createRng(8);
  const shards = 10, runs = 20_000;
  let sum = 0;
  for (let r = 0; r < runs; r++) {
    let max = -Infinity;
    for (let s = 0; s < shards; s++) max = Math.max(max, samples[rng.int(0, samples.length)]);
    sum += max;
  }
  // P(no 30 ms draw in 10) = (5/6)^10 = 0.1615, so E[max] ≈ 0.8385 × 30 + 0.1615 × ~8 ≈ 26.4.
  assertClose(expectedSlowestShard(samples, shards), sum / runs, { rel: 0.01 });
});

Deno.test("expectedSlowestShard() grows with shards towards the largest sample", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 30 }),
      fc.integer({ min: 1, max: 200 }),
      (xs, shards) => {
        const a = expectedSlowestShard(xs, shards), b = expectedSlowestShard(xs, shards + 1);
        assert.ok(b >= a - 1e-9);
        assert.ok(a <= Math.max(...xs) + 1e-9);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("tailFactorFromSamples() divides the expected slowest shard by the median", () => {
  // Samples {1, 2, 3}: median 2, E[max of 2] = 22/9 → τ = 11/9.
  assertClose(tailFactorFromSamples([1, 2, 3], 2), 11 / 9);
  assert.equal(tailFactorFromSamples([10, 10, 10], 50), 1);
});

Deno.test("tailFactorFromSamples() and expectedSlowestShard() reject bad input", () => {
  assert.throws(
    () => tailFactorFromSamples([], 2),
    /Cannot compute a tail factor: samplesMs must not be empty/,
  );
  assert.throws(() => tailFactorFromSamples([1, 2], 0), /shards must be at least 1, got 0/);
  assert.throws(
    () => tailFactorFromSamples([0, 0, 1], 2),
    /the median of samplesMs must be positive, got 0/,
  );
  assert.throws(
    () => expectedSlowestShard([-1, 2], 2),
    /Cannot compute the expected slowest shard: samplesMs must be ≥ 0, got -1/,
  );
  assert.throws(() => expectedSlowestShard([1, NaN], 2), /samplesMs\[1\] must be finite/);
});

Deno.test("slowestShardQuantile() is the single-shard quantile at p^(1/S)", () => {
  // 100 samples 1..100 ms; S = 1, p = 0.5: the median 50.5 (type 7). S = 2, p = 0.81: level 0.9,
  // h = 99 · 0.9 = 89.1 → 90 + 0.1 = 90.1 ms.
  const samples = Array.from({ length: 100 }, (_, i) => i + 1);
  assertClose(slowestShardQuantile(samples, 1, { percentile: 0.5 }).quantileMs, 50.5, {
    rel: 1e-12,
  });
  const two = slowestShardQuantile(samples, 2, { percentile: 0.81 });
  assertClose(two.level, 0.9, { rel: 1e-12 });
  assertClose(two.quantileMs, 90.1, { rel: 1e-9 });
  assert.equal(two.extrapolated, false);
});

Deno.test("slowestShardQuantile() extrapolates an exponential tail beyond the samples", () => {
  // Shifted exponential, 2 + Exp(mean 0.5): the q-quantile is 2 − 0.5 ln(1 − q), exactly what
  // the peaks-over-threshold fit assumes; with 400 evenly spaced quantiles it is recovered.
  const samples = Array.from({ length: 400 }, (_, i) => 2 - 0.5 * Math.log(1 - (i + 0.5) / 400));
  const far = slowestShardQuantile(samples, 1000, { percentile: 0.99 });
  assert.ok(far.extrapolated);
  assertClose(far.quantileMs, 2 - 0.5 * Math.log(1 - far.level), { rel: 0.05 });
  assert.throws(() => slowestShardQuantile([1, 2, 3], 2), /needs at least 5 samples, got 3/);
  assert.throws(
    () => slowestShardQuantile(samples, 2, { percentile: 1 }),
    /percentile must be strictly between 0 and 1/,
  );
});

Deno.test("slowestShardQuantile() never falls as S grows, where the samples end and the tail begins", () => {
  // 80 samples of 1 ms, 18 of 1.1 ms and two of 100 ms: the empirical quantile at the last level
  // the samples reach (S = 1, p = 0.99: level 0.99) is 100 ms, while the exponential fitted to
  // the excesses over the 0.8 quantile u = 1.02 (type 7), mean excess ē = 9.97, gives only
  // u + ē ln(0.2 / (1 − q)) ≈ 38 ms at S = 2. The quantile stays at 100 ms until the fitted tail
  // overtakes it.
  const samples = [...Array(80).fill(1), ...Array(18).fill(1.1), 100, 100];
  const at = (s: number) => slowestShardQuantile(samples, s, { percentile: 0.99 });
  assert.equal(at(1).extrapolated, false);
  assertClose(at(1).quantileMs, 100, { rel: 1e-12 });
  assert.ok(at(2).extrapolated);
  assertClose(at(2).quantileMs, 100, { rel: 1e-12 });
  const meanExcess = (18 * (1.1 - 1.02) + 2 * (100 - 1.02)) / 20;
  const far = at(10_000);
  assertClose(far.quantileMs, 1.02 + meanExcess * Math.log(0.2 / (1 - far.level)), { rel: 1e-9 });
  let previous = -Infinity;
  for (let s = 1; s <= 5000; s++) {
    const q = at(s).quantileMs;
    assert.ok(q >= previous, `the quantile falls from ${previous} to ${q} at S = ${s}`);
    previous = q;
  }
});

Deno.test("slowestShardQuantile() is non-decreasing in S for any samples", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 5, maxLength: 60 }),
      fc.double({ min: 0.5, max: 0.999, noNaN: true }),
      (xs, percentile) => {
        let previous = -Infinity;
        for (const s of [1, 2, 3, 5, 10, 30, 100, 300, 1000, 10_000]) {
          const q = slowestShardQuantile(xs, s, { percentile }).quantileMs;
          assert.ok(q >= previous - 1e-9 * Math.max(1, previous));
          previous = q;
        }
      },
    ),
    { seed: 7, numRuns: 300 },
  );
});
