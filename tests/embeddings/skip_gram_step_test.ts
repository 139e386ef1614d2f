import assert from "node:assert/strict";
import {
  createEmbeddingTable,
  type SkipGramBatch,
  skipGramLoss,
  skipGramStep,
  sparseAdam,
  sparseSgd,
} from "@lib/embeddings/mod.ts";
import { setupTf, tf } from "@lib/tf/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { denseReference, initialTables, sparseRun, tinyBatch } from "./_reference.ts";

await setupTf();

Deno.test("skipGramStep() with sparseSgd on wasm equals dense autodiff SGD on cpu", async () => {
  const batches = [1, 2, 3, 4].map((s) => tinyBatch(s));
  const dense = await denseReference(batches, () => tf.train.sgd(0.3));
  const sparse = sparseRun(batches, sparseSgd({ learningRate: 0.3 }));
  // Same float32 arithmetic in a different order: differences of 1e-8 to 3e-7 were measured.
  assertClose(sparse.input, dense.input, { abs: 1e-5 });
  assertClose(sparse.output, dense.output, { abs: 1e-5 });
  assertClose(sparse.losses, dense.losses, { abs: 1e-5 });
  assert.notDeepEqual(sparse.input, initialTables().input);
});

Deno.test("skipGramStep() lowers the loss on a repeated batch and leaks no tensor", () => {
  const input = createEmbeddingTable({ vocabSize: 50, dim: 16, seed: 1 });
  const output = createEmbeddingTable({ vocabSize: 50, dim: 16, seed: 2, init: "zeros" });
  const sgd = sparseSgd({ learningRate: 0.1 }), adam = sparseAdam({ learningRate: 0.01 });
  const batch = tinyBatch(9, 20);
  const before = tf.memory().numTensors;
  const losses = Array.from(
    { length: 30 },
    (_, i) => skipGramStep({ input, output }, batch, i % 2 ? sgd : adam),
  );
  assert.equal(tf.memory().numTensors, before + 4); // Adam's two moment tables per table
  assert.ok(losses[29] < losses[0]);
  adam.dispose();
  assert.equal(tf.memory().numTensors, before);
  tf.dispose([input, output]);
});

Deno.test("skipGramLoss() sums softplus(−s) for the context and softplus(s) per negative", () => {
  // Pair 1: v = (1, 0), context u = (2, 0), negative u = (1, 0): scores 2 and 1.
  // Pair 2: v = (0, 1), context u = (0, −1), negative u = (0, 0): scores −1 and 0.
  // softplus(x) = ln(1 + eˣ): L = sp(−2) + sp(1) + sp(1) + sp(0), worked by hand.
  const sp = (x: number) => Math.log(1 + Math.exp(x));
  const expected = sp(-2) + 2 * sp(1) + sp(0);
  const loss = tf.tidy(() =>
    skipGramLoss(
      tf.tensor2d([[1, 0], [0, 1]]),
      tf.tensor3d([[[2, 0], [1, 0]], [[0, -1], [0, 0]]]),
    ).dataSync()[0]
  );
  assertClose(loss, expected, { rel: 1e-6 });
});

Deno.test("skipGramLoss() explains tensors of the wrong rank or shape", () => {
  const v = tf.ones([2, 3]), rank1 = tf.ones([2]), rank2 = tf.ones([2, 3]);
  const wide = tf.ones([2, 2, 4]), fine = tf.ones([2, 2, 3]);
  assert.throws(
    () => skipGramLoss(rank1, fine),
    new TypeError("Cannot compute skipGramLoss: v must be a rank-2 tf.Tensor"),
  );
  assert.throws(
    () => skipGramLoss(v, rank2),
    new TypeError("Cannot compute skipGramLoss: u must be a rank-3 tf.Tensor"),
  );
  assert.throws(
    () => skipGramLoss(v, wide),
    new RangeError(
      "Cannot compute skipGramLoss: u must have shape [2, 1 + k, 3] to match v, got [2,2,4]",
    ),
  );
  tf.dispose([v, rank1, rank2, wide, fine]);
});

Deno.test("skipGramStep() explains invalid batches and tables", () => {
  const context = "Cannot run a skip-gram step";
  const input = createEmbeddingTable({ vocabSize: 3, dim: 2, seed: 1 });
  const output = createEmbeddingTable({ vocabSize: 3, dim: 2, seed: 2 });
  const narrow = createEmbeddingTable({ vocabSize: 3, dim: 1, seed: 3 });
  const sgd = sparseSgd({ learningRate: 1 });
  const pairs = (c: number[], x: number[], n: number[]) => ({
    centers: Int32Array.from(c),
    contexts: Int32Array.from(x),
    negatives: Int32Array.from(n),
  });
  assert.throws(
    () => skipGramStep({ input, output }, pairs([], [], []), sgd),
    new RangeError(`${context}: the batch must hold at least one pair`),
  );
  assert.throws(
    () => skipGramStep({ input, output }, pairs([0, 1], [1], [2, 2]), sgd),
    new RangeError(`${context}: centers and contexts must have the same length, got 2 and 1`),
  );
  assert.throws(
    () => skipGramStep({ input, output }, pairs([0, 1], [1, 0], [2, 2, 1]), sgd),
    new RangeError(`${context}: negatives must hold k per pair, got 3 for 2 pairs`),
  );
  assert.throws(
    () => skipGramStep({ input, output: narrow }, pairs([0], [1], [2]), sgd),
    new RangeError(`${context}: input and output tables must have the same width, got 2 and 1`),
  );
  assert.throws(
    () => skipGramStep({ input, output }, pairs([0], [9], [2]), sgd),
    new RangeError(`${context}: word index 9 is outside [0, 3)`),
  );
  assert.throws(
    () =>
      skipGramStep(
        { input, output },
        { centers: [0], contexts: [1], negatives: [2] } as unknown as SkipGramBatch,
        sgd,
      ),
    new TypeError(`${context}: centers, contexts and negatives must be Int32Arrays`),
  );
  tf.dispose([input, output, narrow]);
});
