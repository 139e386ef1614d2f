import assert from "node:assert/strict";
import {
  denseScorer,
  fitStandardizer,
  logisticRegression,
  mlp,
  predictProba,
  quantizeInt8,
  standardize,
} from "@lib/models/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { setupTf, tf } from "@lib/tf/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

await setupTf();

function randomRows(numRows: number, numFeatures: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: numRows * numFeatures }, () => rng.normal(3, 2));
}

Deno.test("denseScorer() reproduces predictProba of an MLP with dropout", () => {
  const model = mlp({ inputDim: 4, hidden: [8, 5], outputDim: 1, seed: 1, dropout: 0.3 });
  const values = randomRows(20, 4, 2);
  const x = tf.tensor2d(values, [20, 4]);
  assertClose(denseScorer(model)({ values, numRows: 20 }), predictProba(model, x), { abs: 1e-5 });
  x.dispose();
  model.dispose();
});

Deno.test("denseScorer() folds a standardizer into the first layer", () => {
  const model = mlp({ inputDim: 3, hidden: [6], outputDim: 1, activation: "tanh", seed: 4 });
  const raw = randomRows(15, 3, 5);
  const standardizer = fitStandardizer(raw, 3);
  const x = tf.tensor2d(standardize(raw, standardizer), [15, 3]);
  const expected = predictProba(model, x);
  assertClose(denseScorer(model, { standardizer })({ values: raw, numRows: 15 }), expected, {
    abs: 1e-5,
  });
  x.dispose();
  model.dispose();
});

Deno.test("denseScorer() returns row-major outputs for several linear units", () => {
  const model = mlp({ inputDim: 2, hidden: [], outputDim: 3, outputActivation: "linear", seed: 7 });
  const values = randomRows(4, 2, 8);
  const x = tf.tensor2d(values, [4, 2]);
  assertClose(denseScorer(model)({ values, numRows: 4 }), predictProba(model, x), { abs: 1e-5 });
  x.dispose();
  model.dispose();
});

Deno.test("denseScorer() keeps its weights when the model changes afterwards", () => {
  const model = logisticRegression({ inputDim: 2, seed: 0 });
  const score = denseScorer(model);
  const before = score({ values: [1, 1], numRows: 1 })[0];
  model.setWeights(model.getWeights().map((w) => tf.zerosLike(w)));
  assert.equal(score({ values: [1, 1], numRows: 1 })[0], before);
  model.dispose();
});

Deno.test("denseScorer() rejects unsupported models and mis-sized input", () => {
  const softmax = mlp({
    inputDim: 2,
    hidden: [],
    outputDim: 2,
    outputActivation: "softmax",
    seed: 1,
  });
  assert.throws(
    () => denseScorer(softmax),
    new TypeError('Cannot compile a dense scorer: activation "softmax" is not supported'),
  );
  softmax.dispose();
  const conv = tf.sequential({
    layers: [tf.layers.conv1d({ inputShape: [4, 1], filters: 1, kernelSize: 2 })],
  });
  assert.throws(
    () => denseScorer(conv),
    new TypeError(
      "Cannot compile a dense scorer: only Dense and dropout layers are supported, got Conv1D",
    ),
  );
  conv.dispose();
  const model = logisticRegression({ inputDim: 2, seed: 0 });
  assert.throws(
    () => denseScorer(model, { standardizer: fitStandardizer([1, 2, 3], 3) }),
    new RangeError(
      "Cannot compile a dense scorer: the standardizer has 3 columns but the model takes 2",
    ),
  );
  assert.throws(
    () => denseScorer(model)({ values: [1, 2, 3], numRows: 1 }),
    new RangeError("Cannot score rows: values must hold numRows × 2 = 2 numbers, got 3"),
  );
  model.dispose();
});

Deno.test("quantizeInt8() errs by at most half a step per weight", () => {
  const rng = createRng(9);
  const w = Float32Array.from({ length: 64 * 8 }, () => rng.normal(0, 0.3));
  const { values, scale } = quantizeInt8(w, 8);
  w.forEach((v, i) => assert.ok(Math.abs(v - scale[i % 8] * values[i]) <= scale[i % 8] / 2 + 1e-9));
  for (let o = 0; o < 8; o++) {
    // The largest weight of each column maps to ±127.
    assert.ok(Array.from(values).some((q, i) => i % 8 === o && Math.abs(q) === 127));
  }
  assert.deepEqual(Array.from(quantizeInt8([0, 0], 1).values), [0, 0]);
  assert.throws(
    () => quantizeInt8([1, 2, 3], 2),
    /Cannot quantize weights to int8: w.length must be a multiple of outDim, got 3 and 2/,
  );
});

Deno.test("denseScorer() with int8 weights stays close to the float32 scorer", () => {
  const model = mlp({ inputDim: 6, hidden: [16, 16], outputDim: 1, seed: 4 });
  const values = randomRows(50, 6, 5);
  const full = denseScorer(model)({ values, numRows: 50 });
  const int8 = denseScorer(model, { weights: "int8" })({ values, numRows: 50 });
  assertClose(int8, full, { abs: 0.02 });
  assert.ok(int8.some((p, i) => p !== full[i]), "quantisation changes the outputs a little");
  assert.throws(
    () => denseScorer(model, { weights: "int4" as "int8" }),
    /weights must be "float32" or "int8", got "int4"/,
  );
  model.dispose();
});
