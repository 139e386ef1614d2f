import assert from "node:assert/strict";
import { learningCurve, type LearningCurveFit } from "@lib/curves/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// Pool y = 1 … 6 (mean μ = 3.5, population variance σ² = 17.5 / 6 = 35/12),
// validation y = 2 and 8. The model predicts the mean of its training rows and is
// scored by mean squared error (MSE).
const y = [1, 2, 3, 4, 5, 6, 2, 8];
const pool = [0, 1, 2, 3, 4, 5];
const val = [6, 7];

function meanPredictor({ trainIdx, valIdx }: LearningCurveFit) {
  const c = trainIdx.reduce((s, i) => s + y[i], 0) / trainIdx.length;
  const mse = (idx: Int32Array) => idx.reduce((s, i) => s + (y[i] - c) ** 2, 0) / idx.length;
  return { train: mse(trainIdx), validation: mse(valIdx) };
}

Deno.test("learningCurve() of a mean predictor: exact values at sizes 1 and the whole pool", async () => {
  const curve = await learningCurve({
    trainIdx: pool,
    valIdx: val,
    sizes: [1, 6],
    repeats: 4,
    seed: 3,
    fitAndScore: meanPredictor,
  });
  assert.deepEqual(curve.sizes, [1, 6]);
  // One row is predicted exactly: training MSE 0 in every repeat.
  assert.deepEqual(curve.train.values[0], [0, 0, 0, 0]);
  // The whole pool: training MSE = σ² = 35/12; validation ((2 − 3.5)² + (8 − 3.5)²) / 2 = 11.25.
  assertClose(curve.train.mean[1], 35 / 12);
  assertClose(curve.validation.mean[1], 11.25);
  assert.deepEqual(curve.validation.std[1], 0);
  assert.equal(curve.validation.values[1].length, 4);
});

Deno.test("learningCurve() of a mean predictor matches the sampling-theory expectation at size 2", async () => {
  // Subsets of s = 2 rows drawn without replacement from N = 6 rows:
  // E[train MSE] = (s − 1)/s · N/(N − 1) · σ² = 1/2 · 6/5 · 35/12 = 1.75 (check: the 15 pairs
  // have mean (a − b)² = 105/15 = 7, and the MSE of a pair is (a − b)²/4).
  // E[val MSE] = mean over validation of (y_v − μ)² + Var(ȳ_s), where
  // Var(ȳ_s) = σ²/s · (N − s)/(N − 1) = 35/24 · 4/5 = 7/6, so 11.25 + 7/6 = 12.41666…
  // With 3000 repeats the standard errors are about 0.03 and 0.065 (measured sd 1.7 and 3.5 over
  // repeats); the tolerances are 4 standard errors.
  const curve = await learningCurve({
    trainIdx: pool,
    valIdx: val,
    sizes: [2],
    repeats: 3000,
    seed: 42,
    fitAndScore: meanPredictor,
  });
  assertClose(curve.train.mean[0], 1.75, { abs: 0.12 });
  assertClose(curve.validation.mean[0], 11.25 + 7 / 6, { abs: 0.26 });
});

Deno.test("learningCurve() nests subsets within a repeat with sampling 'nested' only", async () => {
  const seen: Int32Array[][] = [[], []];
  const record = (fit: LearningCurveFit) => {
    seen[fit.repeat].push(fit.trainIdx);
    return { train: 0, validation: 0 };
  };
  const options = { trainIdx: pool, valIdx: val, sizes: [1, 2, 4, 6], repeats: 2, seed: 5 };
  await learningCurve({ ...options, fitAndScore: record });
  for (const subsets of seen) {
    assert.deepEqual(subsets.map((s) => s.length), [1, 2, 4, 6]);
    for (let j = 1; j < subsets.length; j++) {
      assert.ok([...subsets[j - 1]].every((i) => subsets[j].includes(i)), "nested");
    }
  }
  // Independent subsets: over many repeats some smaller subset is not inside the larger one.
  let notNested = 0;
  await learningCurve({
    ...options,
    sizes: [2, 3],
    repeats: 50,
    sampling: "independent",
    fitAndScore: (fit) => {
      seen[0].push(fit.trainIdx);
      return { train: 0, validation: 0 };
    },
  });
  const runs = seen[0].slice(-100);
  for (let r = 0; r < 100; r += 2) {
    if (![...runs[r]].every((i) => runs[r + 1].includes(i))) notNested++;
  }
  assert.ok(notNested > 0);
});

Deno.test("learningCurve() is reproducible, accepts async callbacks and gives each fit an rng", async () => {
  const run = (seed: number) =>
    learningCurve({
      trainIdx: pool,
      valIdx: val,
      sizes: [2, 3],
      repeats: 3,
      seed,
      fitAndScore: async ({ rng, trainIdx }) => {
        await Promise.resolve();
        return { train: rng.random(), validation: trainIdx[0] };
      },
    });
  const a = await run(9), b = await run(9), c = await run(10);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.train.values, c.train.values);
  // Population standard deviation of the three repeats.
  const v = a.train.values[0];
  const m = (v[0] + v[1] + v[2]) / 3;
  assertClose(a.train.std[0], Math.sqrt(((v[0] - m) ** 2 + (v[1] - m) ** 2 + (v[2] - m) ** 2) / 3));
});

Deno.test("learningCurve() rejects bad sizes, repeats, overlapping rows and bad scores", async () => {
  const base = {
    trainIdx: pool,
    valIdx: val,
    sizes: [1, 2],
    seed: 1,
    fitAndScore: () => ({ train: 0, validation: 0 }),
  };
  const context = "Cannot compute a learning curve";
  await assert.rejects(
    learningCurve({ ...base, sizes: [2, 2] }),
    new RangeError(`${context}: sizes must be strictly increasing, got 2 then 2`),
  );
  await assert.rejects(
    learningCurve({ ...base, sizes: [1, 7] }),
    new RangeError(`${context}: sizes[1] must be at most 6, got 7`),
  );
  await assert.rejects(
    learningCurve({ ...base, sizes: [] }),
    new TypeError(`${context}: sizes must be a non-empty array of integers`),
  );
  await assert.rejects(
    learningCurve({ ...base, repeats: 0 }),
    new RangeError(`${context}: repeats must be at least 1, got 0`),
  );
  await assert.rejects(
    learningCurve({ ...base, valIdx: [5, 6] }),
    new RangeError(`${context}: trainIdx and valIdx must be disjoint, both contain row 5`),
  );
  await assert.rejects(
    learningCurve({ ...base, valIdx: [] }),
    new RangeError(`${context}: valIdx must not be empty`),
  );
  await assert.rejects(
    learningCurve({ ...base, trainIdx: [0, -1] }),
    new RangeError(`${context}: trainIdx[1] must be a non-negative integer, got -1`),
  );
  await assert.rejects(
    learningCurve({ ...base, sampling: "bootstrap" as "nested" }),
    new RangeError(`${context}: sampling must be one of "nested", "independent", got "bootstrap"`),
  );
  await assert.rejects(
    learningCurve({ ...base, fitAndScore: () => ({ train: NaN, validation: 0 }) }),
    new RangeError(
      `${context}: fitAndScore returned a non-finite score (size 1, repeat 0): train=NaN, validation=0`,
    ),
  );
  await assert.rejects(
    learningCurve({ ...base, fitAndScore: () => 0.5 as unknown as { train: 0; validation: 0 } }),
    new TypeError(
      `${context}: fitAndScore must return { train, validation } numbers (size 1, repeat 0)`,
    ),
  );
  await assert.rejects(
    learningCurve({ ...base, fitAndScore: undefined as unknown as () => never }),
    new TypeError(`${context}: fitAndScore must be a function`),
  );
  await assert.rejects(learningCurve({ ...base, seed: undefined }), /seed or rng/);
});
