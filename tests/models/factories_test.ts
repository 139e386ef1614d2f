import assert from "node:assert/strict";
import {
  evaluate,
  logisticRegression,
  mlp,
  SeededDropout,
  seededDropout,
} from "@lib/models/mod.ts";
import { setupTf, tf } from "@lib/tf/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

await setupTf();

const weightsOf = (model: tf.LayersModel) =>
  model.getWeights().map((w) => Array.from(w.dataSync()));

Deno.test("mlp() builds the requested layers, loss and metric", () => {
  const model = mlp({
    inputDim: 10,
    hidden: [16, 8],
    outputDim: 3,
    outputActivation: "softmax",
    seed: 1,
  });
  assert.deepEqual(model.layers.map((l) => l.getClassName()), ["Dense", "Dense", "Dense"]);
  assert.equal(model.countParams(), 10 * 16 + 16 + 16 * 8 + 8 + 8 * 3 + 3);
  assert.equal(model.loss, "categoricalCrossentropy");
  assert.deepEqual(model.metricsNames, ["loss", "acc"]);
  model.dispose();
  const linear = mlp({
    inputDim: 3,
    hidden: [],
    outputDim: 1,
    outputActivation: "linear",
    seed: 1,
  });
  assert.equal(linear.loss, "meanSquaredError");
  assert.deepEqual(linear.metricsNames, ["loss"]);
  linear.dispose();
});

Deno.test("mlp() and logisticRegression() weights are reproducible from the seed, and layers differ", () => {
  const a = mlp({ inputDim: 5, hidden: [5, 5], outputDim: 1, seed: 3 });
  const b = mlp({ inputDim: 5, hidden: [5, 5], outputDim: 1, seed: 3 });
  const c = mlp({ inputDim: 5, hidden: [5, 5], outputDim: 1, seed: 4 });
  assert.deepEqual(weightsOf(a), weightsOf(b));
  assert.notDeepEqual(weightsOf(a), weightsOf(c));
  // Two same-shaped hidden kernels get different seeds.
  assert.notDeepEqual(weightsOf(a)[2], weightsOf(a)[0].slice(0, 25));
  const l1 = logisticRegression({ inputDim: 4, seed: 9 }),
    l2 = logisticRegression({ inputDim: 4, seed: 9 });
  assert.deepEqual(weightsOf(l1), weightsOf(l2));
  for (const m of [a, b, c, l1, l2]) m.dispose();
});

Deno.test("mlp() adds seeded dropout after each hidden layer", () => {
  const model = mlp({ inputDim: 4, hidden: [8, 8], outputDim: 1, seed: 1, dropout: 0.3 });
  assert.deepEqual(model.layers.map((l) => l.getClassName()), [
    "Dense",
    "SeededDropout",
    "Dense",
    "SeededDropout",
    "Dense",
  ]);
  const rates = model.layers.filter((l) => l instanceof SeededDropout).map((l) =>
    (l as SeededDropout).rate
  );
  assert.deepEqual(rates, [0.3, 0.3]);
  model.dispose();
});

Deno.test("logisticRegression() adds λ·Σw² to the loss", () => {
  const plain = logisticRegression({ inputDim: 3, seed: 2 });
  const ridge = logisticRegression({ inputDim: 3, seed: 2, l2: 0.1 });
  const [x, y] = [tf.tensor2d([[1, 2, 3], [-1, 0, 2]]), tf.tensor2d([[1], [0]])];
  const base = evaluate(plain, x, y).loss;
  const withPenalty = evaluate(ridge, x, y).loss;
  const w = Array.from(ridge.getWeights()[0].dataSync());
  const penalty = 0.1 * w.reduce((s, v) => s + v * v, 0); // tfjs's l2 regulariser: λ Σ w²
  assertClose(withPenalty, base + penalty, { rel: 1e-5 });
  tf.dispose([x, y]);
  plain.dispose();
  ridge.dispose();
});

Deno.test("SeededDropout masks are reproducible and differ from batch to batch", () => {
  const masks = (seed: number) => {
    const layer = seededDropout({ rate: 0.5, seed });
    return tf.tidy(() => {
      const x = tf.ones([4, 16]);
      return [0, 1].map(() =>
        Array.from((layer.apply(x, { training: true }) as tf.Tensor).dataSync())
      );
    });
  };
  const [a1, a2] = masks(1), [b1] = masks(1);
  assert.deepEqual(a1, b1);
  assert.notDeepEqual(a1, a2);
  const kept = a1.filter((v) => v !== 0);
  assert.ok(kept.every((v) => v === 2));
  assert.ok(kept.length > 16 && kept.length < 48);
  assert.deepEqual(new SeededDropout({ rate: 0.25, seed: 3 }).getConfig().rate, 0.25);
});

Deno.test("model factories explain invalid options", () => {
  assert.throws(
    () => mlp({ inputDim: 0, hidden: [], outputDim: 1, seed: 1 }),
    new RangeError("Cannot build an MLP: inputDim must be at least 1, got 0"),
  );
  assert.throws(
    () => mlp({ inputDim: 2, hidden: [4, 0], outputDim: 1, seed: 1 }),
    new RangeError("Cannot build an MLP: hidden[1] must be at least 1, got 0"),
  );
  assert.throws(
    () => mlp({ inputDim: 2, hidden: 4 as unknown as number[], outputDim: 1, seed: 1 }),
    new TypeError("Cannot build an MLP: hidden must be an array of layer sizes"),
  );
  assert.throws(
    () => mlp({ inputDim: 2, hidden: [], outputDim: 1, seed: 1, activation: "gelu" as "relu" }),
    new RangeError(
      'Cannot build an MLP: activation must be one of "relu", "tanh", "sigmoid", "elu", got "gelu"',
    ),
  );
  assert.throws(
    () =>
      mlp({ inputDim: 2, hidden: [], outputDim: 1, seed: 1, outputActivation: "relu" as "linear" }),
    new RangeError(
      'Cannot build an MLP: outputActivation must be one of "sigmoid", "softmax", "linear", got "relu"',
    ),
  );
  assert.throws(
    () => mlp({ inputDim: 2, hidden: [3], outputDim: 1, seed: 1, dropout: 1 }),
    new RangeError("Cannot build an MLP: dropout must be in [0, 1), got 1"),
  );
  assert.throws(
    () => mlp({ inputDim: 2, hidden: [3], outputDim: 1, seed: -1 }),
    new RangeError("Cannot build an MLP: seed must be at least 0, got -1"),
  );
  assert.throws(
    () => logisticRegression({ inputDim: 2, seed: 1, l2: -1 }),
    new RangeError("Cannot build a logistic regression: l2 must be at least 0, got -1"),
  );
  assert.throws(
    () => logisticRegression({ inputDim: 2, seed: 1, learningRate: 0 }),
    new RangeError("Cannot build a logistic regression: learningRate must be positive, got 0"),
  );
  assert.throws(
    () => logisticRegression({ inputDim: 2, seed: 1, optimizer: "rmsprop" as "sgd" }),
    new RangeError(
      'Cannot build a logistic regression: optimizer must be one of "adam", "sgd", got "rmsprop"',
    ),
  );
  assert.throws(
    () => seededDropout({ rate: 1, seed: 1 }),
    new RangeError("Cannot create a seeded dropout layer: rate must be less than 1, got 1"),
  );
});

Deno.test("a model with SeededDropout saves and loads with the same weights and layers", async () => {
  const model = mlp({ inputDim: 3, hidden: [4], outputDim: 1, seed: 1, dropout: 0.5 });
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler((artifacts) => {
    saved = artifacts;
    return Promise.resolve({
      modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" },
    });
  }));
  const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
  assert.deepEqual(loaded.layers.map((l) => l.getClassName()), ["Dense", "SeededDropout", "Dense"]);
  assert.equal((loaded.layers[1] as SeededDropout).rate, 0.5);
  assert.deepEqual(weightsOf(loaded), weightsOf(model));
  loaded.dispose();
  model.dispose();
});
