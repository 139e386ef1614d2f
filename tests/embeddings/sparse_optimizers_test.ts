import assert from "node:assert/strict";
import { type SkipGramBatch, sparseAdam, sparseSgd } from "@lib/embeddings/mod.ts";
import { setupTf, tf } from "@lib/tf/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { denseReference, K, sparseRun, tinyBatch, VOCAB } from "./_reference.ts";

await setupTf();

Deno.test("sparseSgd() subtracts learningRate × the summed gradient from each used row only", () => {
  const table = tf.tidy(() => tf.variable(tf.zeros([3, 2])));
  const grads = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
  sparseSgd({ learningRate: 0.5 }).applyGradients(table, [2, 0, 2], grads);
  // Row 2 gets (1 + 5, 2 + 6) × −0.5, row 0 gets (3, 4) × −0.5, row 1 is not touched.
  assert.deepEqual(table.arraySync(), [[-1.5, -2], [0, 0], [-3, -4]]);
  tf.dispose([table, grads]);
});

Deno.test("sparseAdam's first step equals tf.train.adam's; with every row touched, all steps do", async () => {
  const first = [tinyBatch(5)];
  const dense1 = await denseReference(first, () => tf.train.adam(0.05));
  const sparse1 = sparseRun(first, sparseAdam({ learningRate: 0.05 }));
  assertClose(sparse1.input, dense1.input, { abs: 1e-5 });
  assertClose(sparse1.output, dense1.output, { abs: 1e-5 });
  // Batches that use every row of both tables: lazy Adam is then exactly Adam.
  const all = Int32Array.from({ length: VOCAB }, (_, i) => i);
  const full = [0, 1, 2].map((s): SkipGramBatch => ({
    centers: all,
    contexts: Int32Array.from(all, (i) => (i + 1 + s) % VOCAB),
    negatives: Int32Array.from({ length: VOCAB * K }, (_, j) => (j * 3 + s) % VOCAB),
  }));
  const dense = await denseReference(full, () => tf.train.adam(0.05));
  const sparse = sparseRun(full, sparseAdam({ learningRate: 0.05 }));
  assertClose(sparse.input, dense.input, { abs: 1e-5 });
  assertClose(sparse.output, dense.output, { abs: 1e-5 });
});

Deno.test("sparseSgd() explains an invalid learning rate", () => {
  assert.throws(
    () => sparseSgd({ learningRate: 0 }),
    new RangeError("Cannot create a sparse SGD optimizer: learningRate must be positive, got 0"),
  );
});

Deno.test("sparseAdam() explains invalid options", () => {
  const context = "Cannot create a sparse Adam optimizer";
  assert.throws(
    () => sparseAdam({ learningRate: -1 }),
    new RangeError(`${context}: learningRate must be positive, got -1`),
  );
  assert.throws(
    () => sparseAdam({ beta1: 1 }),
    new RangeError(`${context}: beta1 and beta2 must be below 1, got 1 and 0.999`),
  );
  assert.throws(
    () => sparseAdam({ beta2: 1 }),
    new RangeError(`${context}: beta1 and beta2 must be below 1, got 0.9 and 1`),
  );
  assert.throws(
    () => sparseAdam({ beta2: -0.5 }),
    new RangeError(`${context}: beta2 must be at least 0, got -0.5`),
  );
  assert.throws(
    () => sparseAdam({ epsilon: -1e-8 }),
    new RangeError(`${context}: epsilon must be at least 0, got -1e-8`),
  );
  assert.throws(
    () => sparseAdam({ epsilon: Number.NaN }),
    new RangeError(`${context}: epsilon must be finite, got NaN`),
  );
});

Deno.test("applyGradients() explains an invalid table, gradient shape or index", () => {
  const context = "Cannot apply sparse gradients";
  const table = tf.tidy(() => tf.variable(tf.zeros([3, 2])));
  const grads = tf.ones([2, 3]), ok = tf.ones([1, 2]);
  const plain = tf.zeros([3, 2]), rank1 = tf.variable(tf.zeros([3]));
  for (const optimizer of [sparseSgd({ learningRate: 1 }), sparseAdam()]) {
    assert.throws(
      () => optimizer.applyGradients(plain as unknown as tf.Variable, [0], ok),
      new TypeError(`${context}: table must be a rank-2 tf.Variable`),
    );
    assert.throws(
      () => optimizer.applyGradients(rank1, [0], ok),
      new TypeError(`${context}: table must be a rank-2 tf.Variable`),
    );
    assert.throws(
      () => optimizer.applyGradients(table, [0, 1], grads),
      new RangeError(`${context}: grads must have shape [2, 2], got [2,3]`),
    );
    assert.throws(
      () => optimizer.applyGradients(table, [5], ok),
      new RangeError(`${context}: indices[0] must be an integer in [0, 3), got 5`),
    );
    optimizer.dispose();
  }
  tf.dispose([table, grads, ok, plain, rank1]);
});
