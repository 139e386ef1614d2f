import assert from "node:assert/strict";
import { fitTabular } from "@lib/models/mod.ts";
import { setupTf, tf } from "@lib/tf/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

await setupTf();

Deno.test("fitTabular() recovers the coefficients of a noiseless linear target", async () => {
  // y = 2·a − 0.5·b + 3 on raw (unstandardised) features of different scales.
  const rng = createRng(1);
  const x = Array.from({ length: 200 }, () => [rng.uniform(0, 10), rng.uniform(-10, 10)]);
  const y = x.map(([a, b]) => 2 * a - 0.5 * b + 3);
  const model = await fitTabular(x, y, {
    seed: 2,
    output: "linear",
    epochs: 400,
    learningRate: 0.1,
  });
  const p = model.predict([[0, 0], [1, 0], [0, 1]]);
  assertClose(p[0], 3, { abs: 0.05 });
  assertClose(p[1] - p[0], 2, { abs: 0.05 });
  assertClose(p[2] - p[0], -0.5, { abs: 0.05 });
  assert.ok(model.loss[model.loss.length - 1] < model.loss[0]);
  model.dispose();
});

Deno.test("fitTabular() reports a linear model's loss in the target's units", async () => {
  // y = 100·a + noise of sd 10: the least-squares training MSE is about 10² = 100.
  const rng = createRng(7);
  const x = Array.from({ length: 400 }, () => [rng.uniform(0, 1)]);
  const y = x.map(([a]) => 100 * a + rng.normal(0, 10));
  const model = await fitTabular(x, y, {
    seed: 8,
    output: "linear",
    epochs: 200,
    learningRate: 0.05,
  });
  const final = model.loss[model.loss.length - 1];
  assert.ok(final > 80 && final < 120, `final MSE ${final}`);
  model.dispose();
});

Deno.test("fitTabular() separates two classes and records a validation curve", async () => {
  const rng = createRng(3);
  const x = Array.from({ length: 300 }, (_, i) => [rng.normal(i % 2 ? 2 : -2, 1)]);
  const y = x.map((_, i) => i % 2);
  const model = await fitTabular(x, y, {
    seed: 4,
    output: "sigmoid",
    hidden: [4],
    epochs: 50,
    validation: [x.slice(0, 50), y.slice(0, 50)],
  });
  const p = model.predict([[-3], [3]]);
  assert.ok(p[0] < 0.1 && p[1] > 0.9);
  assert.equal(model.valLoss.length, 50);
  model.dispose();
});

Deno.test("fitTabular() is reproducible from its seed and frees its training tensors", async () => {
  const x = [[0], [1], [2], [3]], y = [0, 0, 1, 1];
  const before = tf.memory().numTensors;
  const a = await fitTabular(x, y, { seed: 5, output: "sigmoid", epochs: 5 });
  const b = await fitTabular(x, y, { seed: 5, output: "sigmoid", epochs: 5 });
  assert.deepEqual(a.loss, b.loss);
  a.dispose();
  b.dispose();
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("fitTabular() rejects bad input", async () => {
  await assert.rejects(() => fitTabular([], [], { seed: 1, output: "linear" }), {
    message: "Cannot fit a tabular model: x must be a non-empty array of rows",
  });
  await assert.rejects(() => fitTabular([[1], [1, 2]], [1, 2], { seed: 1, output: "linear" }), {
    message: "Cannot fit a tabular model: x[1] must have 1 values, got 2",
  });
  await assert.rejects(() => fitTabular([[1]], [1, 2], { seed: 1, output: "linear" }), {
    message: "Cannot fit a tabular model: x and y must have the same length, got 1 and 2",
  });
  await assert.rejects(
    // @ts-expect-error: testing an unknown output
    () => fitTabular([[1]], [1], { seed: 1, output: "softmax" }),
    { message: 'Cannot fit a tabular model: output must be "sigmoid" or "linear", got "softmax"' },
  );
});
