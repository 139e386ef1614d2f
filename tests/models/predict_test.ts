import assert from "node:assert/strict";
import { evaluate, mlp, predictProba } from "@lib/models/mod.ts";
import { setupTf, tf } from "@lib/tf/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

await setupTf();

const model = mlp({ inputDim: 5, hidden: [7], outputDim: 3, outputActivation: "softmax", seed: 2 });
const x = tf.randomNormal([53, 5], 0, 1, "float32", 1);
const y = tf.oneHot(tf.tensor1d(Array.from({ length: 53 }, (_, i) => i % 3), "int32"), 3).toFloat();

Deno.test("predictProba() equals model.predict for every batch size, row-major", () => {
  const expected = tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
  for (const batchSize of [1, 7, 53, 1000]) {
    const p = predictProba(model, x, { batchSize });
    assert.equal(p.length, 53 * 3);
    assertClose(p, expected, { abs: 1e-6 });
  }
});

Deno.test("predictProba() accepts inputs of rank 3 and leaves no tensor", () => {
  const seq = tf.sequential({
    layers: [tf.layers.flatten({ inputShape: [2, 3] }), tf.layers.dense({ units: 1 })],
  });
  const x3 = tf.ones([5, 2, 3]);
  const before = tf.memory().numTensors;
  const p = predictProba(seq, x3, { batchSize: 2 });
  assert.equal(tf.memory().numTensors, before);
  assert.equal(p.length, 5);
  assert.ok(p.every((v) => v === p[0]));
  tf.dispose(x3);
  seq.dispose();
});

Deno.test("evaluate() equals tfjs's evaluate whatever the batch size", () => {
  const reference = (model.evaluate(x, y, { batchSize: 53 }) as tf.Scalar[]).map((s) =>
    s.dataSync()[0]
  );
  for (const batchSize of [4, 53]) {
    const { loss, metrics } = evaluate(model, x, y, { batchSize });
    assertClose(loss, reference[0], { rel: 1e-5 });
    assertClose(metrics.acc, reference[1], { rel: 1e-5 });
  }
});

Deno.test("predictProba() and evaluate() explain invalid calls", () => {
  assert.throws(
    () => predictProba(model, [[1]] as unknown as tf.Tensor),
    new TypeError("Cannot predict: x must be a tf.Tensor"),
  );
  const s = tf.scalar(1);
  assert.throws(
    () => predictProba(model, s),
    new RangeError("Cannot predict: x must have at least one dimension, got a scalar"),
  );
  s.dispose();
  assert.throws(
    () => predictProba(model, x, { batchSize: 0 }),
    new RangeError("Cannot predict: batchSize must be at least 1, got 0"),
  );
  const y2 = tf.zeros([2, 3]);
  assert.throws(
    () => evaluate(model, x, y2),
    new RangeError(
      "Cannot evaluate a model: x and y must have the same number of rows, got 53 and 2",
    ),
  );
  y2.dispose();
});
