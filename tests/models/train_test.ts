import assert from "node:assert/strict";
import {
  evaluate,
  fit,
  type History,
  logisticRegression,
  mlp,
  predictProba,
} from "@lib/models/mod.ts";
import { setupTf, tf } from "@lib/tf/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

await setupTf();

/** A seeded binary problem: y = 1 when a fixed linear score of x (plus noise) is positive. */
function binaryData(
  n: number,
  dim: number,
  seed: number,
  flip = false,
): [tf.Tensor2D, tf.Tensor2D] {
  const rng = createRng(seed);
  const w = Array.from({ length: dim }, (_, j) => (j % 2 === 0 ? 1 : -0.5));
  const xs: number[] = [], ys: number[] = [];
  for (let i = 0; i < n; i++) {
    let score = rng.normal(0, 0.5);
    for (let j = 0; j < dim; j++) {
      const v = rng.normal();
      xs.push(v);
      score += w[j] * v;
    }
    ys.push((score > 0) !== flip ? 1 : 0);
  }
  return [tf.tensor2d(xs, [n, dim]), tf.tensor2d(ys, [n, 1])];
}

const [x, y] = binaryData(600, 6, 1);
const [xVal, yVal] = binaryData(200, 6, 2);

Deno.test("fit() returns a History with one entry per epoch, metrics and validation", async () => {
  const model = logisticRegression({ inputDim: 6, seed: 0, learningRate: 0.05 });
  const seen: number[] = [];
  const history = await fit(model, x, y, {
    epochs: 4,
    batchSize: 64,
    seed: 1,
    validationData: [xVal, yVal],
    progress: false,
    onEpochEnd: (epoch, logs) => {
      seen.push(epoch);
      assert.equal(typeof logs.valLoss, "number");
    },
  });
  model.dispose();
  assert.deepEqual(history.epoch, [1, 2, 3, 4]);
  assert.deepEqual(seen, [1, 2, 3, 4]);
  assert.equal(history.loss.length, 4);
  assert.equal(history.valLoss?.length, 4);
  assert.deepEqual(Object.keys(history.metrics).sort(), ["acc", "valAcc"]);
  assert.ok(history.loss[3] < history.loss[0]);
  assert.ok(history.metrics.valAcc[3] > 0.8);
  assert.equal(history.bestEpoch, history.valLoss!.indexOf(Math.min(...history.valLoss!)) + 1);
  assert.equal(history.stoppedEarly, false);
});

Deno.test("fit() with the same seed gives identical losses; another seed differs", async () => {
  const run = async (seed: number): Promise<History> => {
    const model = mlp({ inputDim: 6, hidden: [16, 8], outputDim: 1, seed: 5, dropout: 0.2 });
    try {
      return await fit(model, x, y, {
        epochs: 3,
        batchSize: 32,
        seed,
        validationData: [xVal, yVal],
        progress: false,
      });
    } finally {
      model.dispose();
    }
  };
  const a = await run(7), b = await run(7), c = await run(8);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.loss, c.loss);
});

Deno.test("fit() leaves no tensor behind, and repeated trainings keep the count stable", async () => {
  const counts: number[] = [];
  const before = tf.memory().numTensors;
  for (let r = 0; r < 3; r++) {
    const model = mlp({ inputDim: 6, hidden: [8], outputDim: 1, seed: r, dropout: 0.1 });
    await fit(model, x, y, {
      epochs: 3,
      batchSize: 50,
      seed: r,
      validationData: [xVal, yVal],
      earlyStopping: { patience: 1, restoreBest: true },
      progress: false,
    });
    predictProba(model, xVal, { batchSize: 64 });
    evaluate(model, xVal, yVal, { batchSize: 64 });
    model.dispose();
    counts.push(tf.memory().numTensors);
  }
  assert.deepEqual(counts, [before, before, before]);
});

Deno.test("fit() stops early when validation loss rises and restores the best weights", async () => {
  // Validation labels are flipped: as the training fit improves, validation loss gets worse.
  const [xFlip, yFlip] = binaryData(200, 6, 3, true);
  const model = logisticRegression({ inputDim: 6, seed: 0, learningRate: 0.05 });
  const history = await fit(model, x, y, {
    epochs: 30,
    batchSize: 32,
    seed: 2,
    validationData: [xFlip, yFlip],
    earlyStopping: { monitor: "valLoss", patience: 2, restoreBest: true },
    progress: false,
  });
  assert.equal(history.stoppedEarly, true);
  assert.equal(history.epoch.length, history.bestEpoch + 2);
  const restored = evaluate(model, xFlip, yFlip).loss;
  assertClose(restored, history.valLoss![history.bestEpoch - 1], { rel: 1e-5 });
  tf.dispose([xFlip, yFlip]);
  model.dispose();
});

Deno.test("fit() can monitor an accuracy, which is maximised", async () => {
  const model = logisticRegression({ inputDim: 6, seed: 0, learningRate: 0.05 });
  const history = await fit(model, x, y, {
    epochs: 5,
    batchSize: 32,
    seed: 2,
    validationData: [xVal, yVal],
    earlyStopping: { monitor: "valAcc", patience: 10 },
    progress: false,
  });
  const acc = history.metrics.valAcc;
  assert.equal(history.bestEpoch, acc.indexOf(Math.max(...acc)) + 1);
  model.dispose();
});

Deno.test("fit() keeps the given order with shuffle: false, without needing a seed", async () => {
  const run = async () => {
    const model = logisticRegression({ inputDim: 6, seed: 0 });
    const h = await fit(model, x, y, {
      epochs: 2,
      batchSize: 100,
      shuffle: false,
      progress: false,
    });
    model.dispose();
    return h.loss;
  };
  assert.deepEqual(await run(), await run());
});

Deno.test("fit() explains invalid calls", async () => {
  const model = logisticRegression({ inputDim: 6, seed: 0 });
  const options = { epochs: 1, seed: 1, progress: false };
  await assert.rejects(
    () => fit(model, x, yVal, options),
    new RangeError(
      "Cannot fit a model: x and y must have the same number of rows, got 600 and 200",
    ),
  );
  await assert.rejects(
    () => fit(model, x, y, { epochs: 1, progress: false }),
    new TypeError(
      "Cannot fit a model: pass a seed or rng in the options (randomness is always seeded)",
    ),
  );
  await assert.rejects(
    () => fit(model, x, y, { ...options, epochs: 0 }),
    new RangeError("Cannot fit a model: epochs must be at least 1, got 0"),
  );
  await assert.rejects(
    () => fit(model, x, y, { ...options, batchSize: 2.5 }),
    new RangeError("Cannot fit a model: batchSize must be an integer, got 2.5"),
  );
  await assert.rejects(
    () => fit(model, [[1]] as unknown as tf.Tensor, y, options),
    new TypeError("Cannot fit a model: x must be a tf.Tensor"),
  );
  await assert.rejects(
    () => fit(model, x, y, { ...options, earlyStopping: {} }),
    new RangeError(
      'Cannot fit a model: early stopping monitors "valLoss", which needs validationData',
    ),
  );
  await assert.rejects(
    () =>
      fit(model, x, y, { ...options, validationData: [xVal] as unknown as [tf.Tensor, tf.Tensor] }),
    new TypeError("Cannot fit a model: validationData must be a pair [x, y] of tensors"),
  );
  await assert.rejects(
    () => fit(model, x, y, { ...options, earlyStopping: { monitor: "auc" } }),
    new RangeError(
      'Cannot fit a model: early stopping monitors "auc", which is not one of loss, acc',
    ),
  );
  const bare = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [6] })] });
  await assert.rejects(
    () => fit(bare, x, y, options),
    new TypeError(
      "Cannot fit a model: model must be compiled (the factories in lib/models return compiled models)",
    ),
  );
  await assert.rejects(
    () => fit({} as tf.LayersModel, x, y, options),
    new TypeError("Cannot fit a model: model must be a tf.LayersModel"),
  );
  const empty = tf.zeros([0, 6]), emptyY = tf.zeros([0, 1]);
  await assert.rejects(
    () => fit(model, empty, emptyY, options),
    new RangeError("Cannot fit a model: x must have at least one row"),
  );
  tf.dispose([empty, emptyY]);
  bare.dispose();
  model.dispose();
});

Deno.test("fit() trains on the cpu backend too, with the same losses as on wasm", async () => {
  const run = async () => {
    const model = logisticRegression({ inputDim: 6, seed: 0 });
    const h = await fit(model, x, y, { epochs: 2, batchSize: 100, seed: 3, progress: false });
    model.dispose();
    return h.loss;
  };
  const onWasm = await run();
  try {
    await setupTf({ backend: "cpu" });
    const onCpu = await run();
    assertClose(onCpu, onWasm, { rel: 1e-5 });
  } finally {
    await setupTf();
  }
});
