import assert from "node:assert/strict";
import { denseAutoencoder, layerEmbedding } from "@lib/embeddings/mod.ts";
import { fit, mlp } from "@lib/models/mod.ts";
import { setupTf, tf } from "@lib/tf/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("layerEmbedding() equals the layer computed by hand from the weights", async () => {
  await setupTf();
  const model = mlp({ inputDim: 3, hidden: [4, 2], outputDim: 1, seed: 5 });
  const xs = [[0.5, -1, 2], [1, 1, 1]];
  const x = tf.tensor2d(xs);
  const got = layerEmbedding(model, x, { layer: 0, batchSize: 1 });
  const [w, b] = model.layers[0].getWeights().map((t) => t.arraySync() as number[][] | number[]);
  const expected = xs.flatMap((row) =>
    (b as number[]).map((bias, j) =>
      Math.max(0, row.reduce((s, v, i) => s + v * (w as number[][])[i][j], bias))
    )
  );
  assertClose(Array.from(got.data), expected, { rel: 1e-5, abs: 1e-6 });
  assert.deepEqual([got.rows, got.cols], [2, 4]);
  assert.throws(() => layerEmbedding(model, x, { layer: 3 }), /layer must be at most 2, got 3/);
  tf.dispose(x);
  model.dispose();
});

Deno.test("denseAutoencoder() learns to reconstruct inputs from a narrow code", async () => {
  await setupTf();
  // Inputs on a 2-D subspace: a 2-unit code suffices.
  const rng = createRng(3);
  const rows = Array.from({ length: 256 }, () => {
    const a = rng.random(), b = rng.random();
    return [a, b, (a + b) / 2, a, b, 1 - a];
  });
  const x = tf.tensor2d(rows);
  const { model, codeLayer } = denseAutoencoder({
    inputDim: 6,
    encoder: [16],
    codeDim: 2,
    seed: 2,
    learningRate: 0.01,
  });
  const before = tf.tidy(() =>
    tf.losses.meanSquaredError(x, model.predict(x) as tf.Tensor).dataSync()[0]
  );
  await fit(model, x, x, { epochs: 60, batchSize: 32, seed: 1, progress: false });
  const after = tf.tidy(() =>
    tf.losses.meanSquaredError(x, model.predict(x) as tf.Tensor).dataSync()[0]
  );
  assert.ok(after < before / 3, `mse ${before} → ${after}`);
  assert.equal(layerEmbedding(model, x, { layer: codeLayer }).cols, 2);
  assert.throws(
    () => denseAutoencoder({ inputDim: 6, codeDim: 0, seed: 1 }),
    /codeDim must be at least 1/,
  );
  tf.dispose(x);
  model.dispose();
});
