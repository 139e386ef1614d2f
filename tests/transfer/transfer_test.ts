import assert from "node:assert/strict";
import { join } from "node:path";
import { assertClose } from "../_util/assert_close.ts";
import { createInitializers, setupTf, tf } from "../../lib/tf/mod.ts";
import { fit } from "../../lib/models/mod.ts";
import {
  compileForTransfer,
  extractFeatures,
  featureExtractor,
  freezeLayers,
  nearestMeanAccuracy,
  replaceHead,
  smallCnn,
  summarizeGrid,
  timeRatios,
  trainTransfer,
  TRANSFER_STRATEGIES,
  transferGrid,
  weightedLayers,
} from "../../lib/transfer/mod.ts";
import { cloneModel } from "../../lib/transfer/mod.ts";
import { _epochsFor } from "../../lib/transfer/strategies.ts";
import { loadModel, saveModel } from "../../lib/transfer/model_io.ts";
import { cachedModel, recipeKey } from "../../lib/transfer/cache.ts";

await setupTf();

/** A small seeded CNN: conv → pool → flatten → dense → softmax head. */
function tinyCnn(seed: number, classes = 3): tf.LayersModel {
  const init = createInitializers({ seed });
  return tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape: [8, 8, 1],
        filters: 4,
        kernelSize: 3,
        activation: "relu",
        kernelInitializer: init.heNormal(),
      }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 6, activation: "relu", kernelInitializer: init.heNormal() }),
      tf.layers.dense({
        units: classes,
        activation: "softmax",
        kernelInitializer: init.glorotUniform(),
      }),
    ],
  });
}

const weightsOf = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));

Deno.test("saveModel() writes tfjs's layers format and loadModel() reads it back bit for bit", async () => {
  const model = tinyCnn(1);
  const dir = await Deno.makeTempDir({ prefix: "transfer_test_" });
  try {
    const paths = await saveModel(model, dir);
    const json = JSON.parse(await Deno.readTextFile(paths.topology));
    assert.equal(json.format, "layers-model");
    assert.deepEqual(json.weightsManifest[0].paths, ["weights.bin"]);
    const params = model.countParams();
    assert.equal((await Deno.stat(paths.weights)).size, 4 * params, "float32 per parameter");
    const back = await loadModel(dir);
    assert.deepEqual(weightsOf(back), weightsOf(model));
    const x = tf.randomUniform([2, 8, 8, 1], 0, 1, "float32", 3);
    assert.deepEqual(
      Array.from((back.predict(x) as tf.Tensor).dataSync()),
      Array.from((model.predict(x) as tf.Tensor).dataSync()),
    );
    tf.dispose(x);
    back.dispose();
  } finally {
    model.dispose();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadModel() and saveModel() reject what is not a model", async () => {
  await assert.rejects(() => saveModel({} as tf.LayersModel, "/tmp/x"), {
    message: "Cannot save a model: model must be a tf.LayersModel",
  });
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(join(dir, "model.json"), "{}");
    await assert.rejects(() => loadModel(dir), /is not a TensorFlow.js layers model/);
    await assert.rejects(() => loadModel(join(dir, "missing")), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("cloneModel() copies weights that then change independently", async () => {
  const model = tinyCnn(2);
  const copy = await cloneModel(model);
  assert.deepEqual(weightsOf(copy), weightsOf(model));
  copy.layers[3].setWeights(copy.layers[3].getWeights().map((w) => tf.zerosLike(w)));
  assert.notDeepEqual(weightsOf(copy), weightsOf(model));
  copy.dispose();
  model.dispose();
});

Deno.test("cachedModel() builds once per recipe and rebuilds when the recipe changes", async () => {
  const dir = await Deno.makeTempDir({ prefix: "transfer_cache_" });
  let builds = 0;
  const build = (seed: number) => () => {
    builds++;
    return tinyCnn(seed);
  };
  try {
    const first = await cachedModel({ seed: 1, epochs: 2 }, build(1), { dir });
    const again = await cachedModel({ epochs: 2, seed: 1 }, build(1), { dir });
    assert.deepEqual([first.hit, again.hit, builds], [false, true, 1]);
    assert.equal(first.key, again.key);
    assert.deepEqual(weightsOf(again.model), weightsOf(first.model));
    const changed = await cachedModel({ seed: 1, epochs: 3 }, build(1), { dir });
    assert.deepEqual([changed.hit, builds], [false, 2]);
    assert.notEqual(changed.key, first.key);
    for (const m of [first, again, changed]) m.model.dispose();
    await assert.rejects(() => cachedModel({ a: 1 }, (() => ({})) as never, { dir }), {
      message: "Cannot get a cached model: build must return a model",
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  assert.match(await recipeKey({ x: [1, { b: 2, a: 1 }] }), /^[0-9a-f]{16}$/);
  assert.equal(await recipeKey({ x: { b: 2, a: 1 } }), await recipeKey({ x: { a: 1, b: 2 } }));
  await assert.rejects(() => recipeKey({ x: NaN }), { name: "RangeError" });
  await assert.rejects(() => recipeKey([] as never), { name: "TypeError" });
});

Deno.test("frozen layers keep their weights through training; the others change", async () => {
  const base = tinyCnn(4);
  const model = replaceHead(await cloneModel(base), { keepUpTo: -2, outputDim: 2, seed: 5 });
  const weighted = weightedLayers(model);
  assert.equal(weighted.length, 3, "conv, dense, new head");
  freezeLayers(model, 2);
  compileForTransfer(model, { learningRate: 0.01 });
  const before = weighted.map((l) => l.getWeights().map((w) => Array.from(w.dataSync())));
  const x = tf.randomUniform([32, 8, 8, 1], 0, 1, "float32", 6);
  const y = tf.oneHot(tf.tensor1d(Array.from({ length: 32 }, (_, i) => i % 2), "int32"), 2);
  await fit(model, x, y, { epochs: 3, batchSize: 8, seed: 7, progress: false });
  const after = weighted.map((l) => l.getWeights().map((w) => Array.from(w.dataSync())));
  assert.deepEqual(after[0], before[0], "conv layer frozen");
  assert.deepEqual(after[1], before[1], "dense layer frozen");
  assert.notDeepEqual(after[2], before[2], "the new head trains");
  // The original model was not touched (replaceHead got a clone).
  assert.equal((base.predict(x) as tf.Tensor).shape[1], 3);
  tf.dispose([x, y]);
  model.dispose();
  base.dispose();
});

Deno.test("freezeLayers() counts trainable parameters and validates the count", () => {
  const model = tinyCnn(8);
  const all = model.countParams();
  assert.equal(freezeLayers(model, 0), all);
  assert.equal(freezeLayers(model, 3), 0);
  assert.equal(freezeLayers(model, 2), 6 * 3 + 3);
  assert.throws(() => freezeLayers(model, 4), {
    message: "Cannot freeze layers: count must be at most 3, got 4",
  });
  model.dispose();
});

Deno.test("extractFeatures() returns the chosen layer's output, flattened, without leaking", () => {
  const model = tinyCnn(9);
  const x = tf.randomUniform([5, 8, 8, 1], 0, 1, "float32", 10);
  const before = tf.memory().numTensors;
  const penultimate = extractFeatures(model, -2, x);
  const pooled = extractFeatures(model, 1, x);
  assert.deepEqual(penultimate.shape, [5, 6]);
  assert.deepEqual(pooled.shape, [5, 3 * 3 * 4]);
  assert.equal(tf.memory().numTensors, before + 2);
  assert.throws(() => featureExtractor(model, "nope"), /layer "nope" is not in the model/);
  assert.throws(() => featureExtractor(model, 5), {
    message: "Cannot make a feature extractor: layer must be in [-5, 4], got 5",
  });
  tf.dispose([x, penultimate, pooled]);
  model.dispose();
});

Deno.test("transferGrid() runs every combination, the strategy order turning per seed; summarizeGrid() reads it", async () => {
  const seen: string[] = [];
  const runs = await transferGrid({
    strategies: ["scratch", "features"] as const,
    sizes: [10, 20],
    seeds: [1, 2, 3],
    run: (s, n, seed) => {
      seen.push(`${s}/${n}/${seed}`);
      return (s === "features" ? 0.8 : 0.5) + seed / 100;
    },
  });
  assert.equal(runs.length, 12);
  assert.deepEqual(seen.slice(0, 6), [
    "scratch/10/1",
    "features/10/1",
    "features/10/2",
    "scratch/10/2",
    "scratch/10/3",
    "features/10/3",
  ]);
  // Each strategy runs first for some seed of each size.
  for (const n of [10, 20]) {
    const firsts = [1, 2, 3].map((seed) => seen.find((t) => t.endsWith(`/${n}/${seed}`))!);
    assert.deepEqual(new Set(firsts.map((t) => t.split("/")[0])), new Set(["features", "scratch"]));
  }
  const rows = summarizeGrid(runs);
  assert.equal(rows.length, 4);
  const features10 = rows.find((r) => r.strategy === "features" && r.size === 10)!;
  assert.ok(Math.abs(features10.mean - 0.82) < 1e-12);
  // t interval of [0.81, 0.82, 0.83]: 0.82 ± 4.302653 · 0.01 / √3 (t_{0.975, 2} = 4.302653).
  assert.ok(Math.abs(features10.high - (0.82 + 4.302653 * 0.01 / Math.sqrt(3))) < 1e-6);
  await assert.rejects(
    () => transferGrid({ strategies: [], sizes: [1], seeds: [1], run: () => 1 }),
    { message: "Cannot run a transfer grid: strategies must be a non-empty array" },
  );
  await assert.rejects(
    () => transferGrid({ strategies: ["a"], sizes: [1], seeds: [1], run: () => NaN }),
    { message: "Cannot run a transfer grid: run(a, 1, 1) must return a finite score" },
  );
  assert.throws(() => summarizeGrid([]), { name: "RangeError" });
});

Deno.test("timeRatios() divides each run's time by the reference run of the same size and seed", () => {
  const run = (strategy: string, size: number, seed: number, seconds: number) => ({
    strategy,
    size,
    seed,
    score: 0.5,
    seconds,
  });
  const runs = [
    run("scratch", 1, 1, 2),
    run("features", 1, 1, 1), // 0.5
    run("scratch", 1, 2, 4),
    run("features", 1, 2, 1), // 0.25
    run("scratch", 5, 1, 10),
    run("features", 5, 1, 1), // 0.1
    run("scratch", 5, 2, 1),
    run("features", 5, 2, 1), // 1
  ];
  const [scratch, features] = timeRatios(runs, "scratch");
  assert.equal(scratch.median, 1);
  assert.equal(features.count, 4);
  // Ratios 0.1, 0.25, 0.5, 1; type-7 quartiles (as numpy.percentile): 0.2125, 0.375, 0.625.
  assertClose(features.q1, 0.2125);
  assertClose(features.median, 0.375);
  assertClose(features.q3, 0.625);
  assert.throws(() => timeRatios(runs, "none"), {
    message: "Cannot compute time ratios: reference none has no runs",
  });
  assert.throws(() => timeRatios(runs.slice(1), "scratch"), {
    message: "Cannot compute time ratios: features at size 1, seed 1 has no scratch run",
  });
  assert.throws(() => timeRatios([], "scratch"), { name: "RangeError" });
});

Deno.test("trainTransfer() keeps the base intact, freezes what each strategy freezes, and validates", async () => {
  const base = smallCnn({
    inputShape: [12, 12, 1],
    classes: 3,
    seed: 11,
    filters: [2, 3],
    dense: 4,
  });
  const baseWeights = weightsOf(base);
  const x = tf.randomUniform([12, 12, 12, 1], 0, 1, "float32", 12);
  const y = tf.oneHot(tf.tensor1d(Array.from({ length: 12 }, (_, i) => i % 2), "int32"), 2);
  const scratch = (seed: number) =>
    smallCnn({ inputShape: [12, 12, 1], classes: 2, seed, filters: [2, 3], dense: 4 });
  const options = { outputDim: 2, seed: 13, steps: 4, batchSize: 6, scratch };
  const conv = (m: tf.LayersModel) => Array.from(weightedLayers(m)[0].getWeights()[0].dataSync());
  const baseConv = conv(base);
  for (const strategy of TRANSFER_STRATEGIES) {
    const model = await trainTransfer(base, strategy, x, y, options);
    assert.equal((model.predict(x) as tf.Tensor).shape[1], 2, strategy);
    const kept = JSON.stringify(conv(model)) === JSON.stringify(baseConv);
    assert.equal(kept, strategy === "features" || strategy === "fine-tune top", strategy);
    model.dispose();
  }
  assert.deepEqual(weightsOf(base), baseWeights, "the base is unchanged");
  await assert.rejects(() => trainTransfer(base, "all" as never, x, y, options), {
    message: 'Cannot train with a transfer strategy: strategy must be one of "scratch", ' +
      '"features", "fine-tune top", "fine-tune all", got "all"',
  });
  await assert.rejects(() => trainTransfer(base, "features", x, y, { ...options, steps: 1 }), {
    name: "RangeError",
  });
  assert.throws(() => smallCnn({ inputShape: [3, 12, 1], classes: 2, seed: 1 }), {
    message: "Cannot build a small CNN: inputShape[0] must be at least 4, got 3",
  });
  tf.dispose([x, y]);
  base.dispose();
});

Deno.test("_epochsFor() takes about the asked number of gradient steps whatever the data size", () => {
  // 5 rows in one batch of 5: 100 steps = 100 epochs; 250 rows in batches of 32: 8 steps an epoch.
  assert.equal(_epochsFor(100, 5, 32), 100);
  assert.equal(_epochsFor(100, 250, 32), 13); // 13 × 8 = 104 steps
  assert.equal(_epochsFor(100, 5000, 32), 1); // one epoch is at least 157 steps
  assert.equal(_epochsFor(50, 25, 32), 50);
});

Deno.test("recompiling a model frees the optimiser it replaces", async () => {
  const model = tinyCnn(21);
  compileForTransfer(model, { learningRate: 0.01 });
  const x = tf.randomUniform([4, 8, 8, 1], 0, 1, "float32", 22);
  const y = tf.oneHot(tf.tensor1d([0, 1, 2, 0], "int32"), 3);
  await fit(model, x, y, { epochs: 1, batchSize: 4, seed: 1, progress: false });
  const before = tf.memory().numTensors;
  compileForTransfer(model, { learningRate: 0.001 });
  await fit(model, x, y, { epochs: 1, batchSize: 4, seed: 1, progress: false });
  assert.equal(tf.memory().numTensors, before, "the new Adam state replaces the old one");
  tf.dispose([x, y]);
  model.dispose();
});

Deno.test("nearestMeanAccuracy() classifies by the nearest mean of unit rows, and validates", () => {
  // Hand-derived: unit rows of class 0 are [1, 0] and [0, 1] (the first is [10, 0] scaled),
  // so its mean is [0.5, 0.5]; class 1's mean is [1, -1]/√2. Test [2, -1] (unit [0.894, -0.447]):
  // dot products 0.224 and 0.949 → class 1. Test [1, 3] → 0.632 and −0.447 → class 0.
  // Without scaling, class 0's mean [5, 0.5] would win for [2, -1] (9.5 against 3).
  const train = {
    features: tf.tensor2d([[10, 0], [0, 1], [1, -1]]),
    labels: Int32Array.from([0, 0, 1]),
  };
  const test = { features: tf.tensor2d([[2, -1], [1, 3]]), labels: Int32Array.from([1, 0]) };
  assert.equal(nearestMeanAccuracy(train, test, 2), 1);
  assert.equal(nearestMeanAccuracy(train, { ...test, labels: Int32Array.from([0, 0]) }, 2), 0.5);
  assert.throws(() => nearestMeanAccuracy(train, test, 3), {
    message: "Cannot compute the nearest-class-mean accuracy: class 2 has no training row",
  });
  assert.throws(
    () => nearestMeanAccuracy(train, { ...test, labels: Int32Array.from([1]) }, 2),
    { name: "RangeError" },
  );
  assert.throws(
    () => nearestMeanAccuracy(train, { ...test, labels: Int32Array.from([1, 2]) }, 2),
    {
      message:
        "Cannot compute the nearest-class-mean accuracy: test.labels must be in 0 … 1, got 2",
    },
  );
  const wide = { features: tf.tensor2d([[1, 2, 3]]), labels: Int32Array.from([0]) };
  assert.throws(() => nearestMeanAccuracy(train, wide, 2), {
    message:
      "Cannot compute the nearest-class-mean accuracy: train and test must have the same number of columns, got 2 and 3",
  });
  tf.dispose([train.features, test.features, wide.features]);
});
