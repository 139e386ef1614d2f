import assert from "node:assert/strict";
import { blockBootstrapCi, bootstrapCi } from "../../lib/claims/mod.ts";
import { createRng, type Rng } from "../../lib/random/mod.ts";

/** AR(1) series x_t = φ x_{t−1} + ε_t with ε ~ N(0, 1), started from its stationary law. */
function ar1(rng: Rng, n: number, phi: number): number[] {
  const x = [rng.normal(0, 1 / Math.sqrt(1 - phi * phi))];
  for (let t = 1; t < n; t++) x.push(phi * x[t - 1] + rng.normal());
  return x;
}

Deno.test("blockBootstrapCi() with blocks of one value is the iid bootstrap of the same seed", () => {
  const rng = createRng(21);
  const x = Array.from({ length: 57 }, () => rng.normal(3, 2));
  assert.deepEqual(blockBootstrapCi(x, { seed: 9, blockLength: 1 }), bootstrapCi(x, { seed: 9 }));
  const median = (s: Float64Array) => [...s].sort((p, q) => p - q)[Math.floor(s.length / 2)];
  assert.deepEqual(
    blockBootstrapCi(x, { seed: 4, blockLength: 1, statistic: median, level: 0.9 }),
    bootstrapCi(x, { seed: 4, statistic: median, level: 0.9 }),
  );
});

Deno.test("blockBootstrapCi() lays whole blocks end to end and cuts them to the length", () => {
  // A scripted generator: block starts 2, 0, 1 for a series of 5 in blocks of 2 give
  // [x2 x3 | x0 x1 | x1] (the third block is cut after one value).
  const starts = [2, 0, 1];
  const draws: [number, number][] = [];
  const scripted = {
    random: () => 0,
    int(min: number, max: number) {
      draws.push([min, max]);
      return starts[(draws.length - 1) % starts.length];
    },
  } as unknown as Rng;
  const seen: number[][] = [];
  blockBootstrapCi([10, 11, 12, 13, 14], {
    rng: scripted,
    blockLength: 2,
    resamples: 100,
    statistic: (s) => (seen.push([...s]), 0),
  });
  assert.deepEqual(seen[0], [12, 13, 10, 11, 11]);
  // 3 blocks per resample, starts drawn from the n − l + 1 = 4 possible positions.
  assert.equal(draws.length, 300);
  assert.ok(draws.every(([min, max]) => min === 0 && max === 4));
});

Deno.test("blockBootstrapCi() with one block of the whole series has no spread", () => {
  const ci = blockBootstrapCi([4, 1, 7, 2], { seed: 1, blockLength: 4 });
  assert.deepEqual([ci.low, ci.estimate, ci.high], [3.5, 3.5, 3.5]);
  // The default block length is ⌈n^{1/3}⌉: 4 for n = 50.
  const x = Array.from({ length: 50 }, (_, i) => Math.sin(i));
  assert.deepEqual(
    blockBootstrapCi(x, { seed: 2 }),
    blockBootstrapCi(x, { seed: 2, blockLength: 4 }),
  );
});

Deno.test("blockBootstrapCi() covers the mean of an AR(1) series where the iid bootstrap does not", () => {
  // φ = 0.6: the variance of the mean is (1 + φ)/(1 − φ) = 4 times what independent values
  // would give, so the iid interval is about half as wide as it should be and covers the
  // true mean 0 only about P(|Z| < 1.96 / 2) ≈ 67 % of the time (Lahiri 2003, §2.3).
  const rng = createRng(8);
  const trials = 200;
  let block = 0, iid = 0;
  for (let t = 0; t < trials; t++) {
    const x = ar1(rng, 240, 0.6);
    const b = blockBootstrapCi(x, { rng, blockLength: 12, resamples: 400 });
    const i = bootstrapCi(x, { rng, resamples: 400 });
    if (b.low <= 0 && 0 <= b.high) block++;
    if (i.low <= 0 && 0 <= i.high) iid++;
  }
  // Binomial(200, 0.95) has sd 0.015; moving blocks of 12 still undercover slightly
  // (their variance is biased low by about 2·Σ k ρ_k / (l · Σ ρ_k) ≈ 16 %).
  assert.ok(block / trials > 0.86 && block / trials <= 0.99, `block coverage ${block / trials}`);
  assert.ok(iid / trials < 0.8, `iid coverage ${iid / trials}`);
});

Deno.test("blockBootstrapCi() rejects bad input and unseeded calls", () => {
  assert.throws(() => blockBootstrapCi([1], { seed: 1 }), {
    name: "RangeError",
    message: "Cannot compute blockBootstrapCi: values must have at least 2 entries, got 1",
  });
  assert.throws(() => blockBootstrapCi([1, 2, 3], { seed: 1, blockLength: 4 }), {
    name: "RangeError",
    message: "Cannot compute blockBootstrapCi: blockLength must be at most 3, got 4",
  });
  assert.throws(() => blockBootstrapCi([1, 2, 3], { seed: 1, blockLength: 0 }), {
    message: "Cannot compute blockBootstrapCi: blockLength must be at least 1, got 0",
  });
  assert.throws(() => blockBootstrapCi([1, 2, 3], { seed: 1, blockLength: 1.5 }), RangeError);
  assert.throws(() => blockBootstrapCi([1, NaN], { seed: 1 }), RangeError);
  assert.throws(() => blockBootstrapCi([1, 2], { seed: 1, resamples: 50 }), RangeError);
  assert.throws(() => blockBootstrapCi([1, 2], { seed: 1, level: 1 }), RangeError);
  assert.throws(() => blockBootstrapCi([1, 2], {} as never), TypeError);
  assert.throws(
    () => blockBootstrapCi([1, 2], { seed: 1, statistic: 3 as never }),
    { name: "TypeError", message: "Cannot compute blockBootstrapCi: statistic must be a function" },
  );
});
