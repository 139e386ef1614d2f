import assert from "node:assert/strict";
import fc from "fast-check";
import {
  createEmbeddingTable,
  lookup,
  type SkipGramBatch,
  skipGramLoss,
  skipGramStep,
  sparseAdam,
  sparseSgd,
  sumDuplicateRows,
} from "@lib/embeddings/mod.ts";
import { setupTf, tf } from "@lib/tf/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

await setupTf();

const VOCAB = 7, DIM = 4, K = 2;

/** A tiny seeded batch with repeated words, so that duplicate rows must be summed. */
function tinyBatch(seed: number, pairs = 6): SkipGramBatch {
  const rng = createRng(seed);
  const draw = (n: number) => Int32Array.from({ length: n }, () => rng.int(0, VOCAB));
  return { centers: draw(pairs), contexts: draw(pairs), negatives: draw(pairs * K) };
}

function initialTables(): { input: number[]; output: number[] } {
  const rng = createRng(11);
  const draw = () => Array.from({ length: VOCAB * DIM }, () => rng.normal(0, 0.3));
  return { input: draw(), output: draw() };
}

/**
 * The reference: dense autodiff on the cpu backend. The loss is computed from gathers of the
 * whole tables, so tfjs differentiates through `gather` (an UnsortedSegmentSum over the
 * vocabulary) and a dense optimiser updates every row.
 */
async function denseReference(
  batches: SkipGramBatch[],
  optimizer: () => tf.Optimizer,
): Promise<{ input: number[]; output: number[]; losses: number[] }> {
  await setupTf({ backend: "cpu" });
  try {
    const init = initialTables();
    const input = tf.tidy(() => tf.variable(tf.tensor2d(init.input, [VOCAB, DIM])));
    const output = tf.tidy(() => tf.variable(tf.tensor2d(init.output, [VOCAB, DIM])));
    const opt = optimizer();
    const losses: number[] = [];
    for (const { centers, contexts, negatives } of batches) {
      const b = centers.length;
      const targets: number[] = [];
      for (let i = 0; i < b; i++) {
        targets.push(contexts[i], ...negatives.subarray(i * K, (i + 1) * K));
      }
      const loss = opt.minimize(
        () => {
          const v = tf.gather(input, tf.tensor1d(centers, "int32"));
          const u = tf.reshape(tf.gather(output, tf.tensor1d(targets, "int32")), [b, K + 1, DIM]);
          return skipGramLoss(v, u);
        },
        true,
        [input, output],
      )!;
      losses.push(loss.dataSync()[0] / b);
      loss.dispose();
    }
    const result = {
      input: Array.from(input.dataSync()),
      output: Array.from(output.dataSync()),
      losses,
    };
    tf.dispose([input, output]);
    opt.dispose();
    return result;
  } finally {
    await setupTf();
  }
}

/** The same training with skipGramStep and a sparse optimiser on patched wasm. */
function sparseRun(batches: SkipGramBatch[], optimizer: ReturnType<typeof sparseSgd>) {
  const init = initialTables();
  const input = tf.tidy(() => tf.variable(tf.tensor2d(init.input, [VOCAB, DIM])));
  const output = tf.tidy(() => tf.variable(tf.tensor2d(init.output, [VOCAB, DIM])));
  const losses = batches.map((batch) => skipGramStep({ input, output }, batch, optimizer));
  const result = {
    input: Array.from(input.dataSync()),
    output: Array.from(output.dataSync()),
    losses,
  };
  tf.dispose([input, output]);
  optimizer.dispose();
  return result;
}

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

Deno.test("sumDuplicateRows() equals a dense scatter-add (property)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 20 }),
      fc.integer({ min: 0, max: 1000 }),
      (dim, indices, seed) => {
        const rng = createRng(seed);
        const values = Float32Array.from({ length: indices.length * dim }, () => rng.int(-9, 10));
        const dense = new Float32Array(6 * dim);
        indices.forEach((r, i) => {
          for (let k = 0; k < dim; k++) dense[r * dim + k] += values[i * dim + k];
        });
        const sparse = sumDuplicateRows(indices, values, dim);
        assert.deepEqual([...sparse.indices].sort(), [...new Set(indices)].sort());
        sparse.indices.forEach((r, j) => {
          assert.deepEqual([...sparse.values.subarray(j * dim, (j + 1) * dim)], [
            ...dense.subarray(r * dim, (r + 1) * dim),
          ]);
        });
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("createEmbeddingTable() is reproducible and lookup() returns the rows", () => {
  const a = createEmbeddingTable({ vocabSize: 6, dim: 3, seed: 4 });
  const b = createEmbeddingTable({ vocabSize: 6, dim: 3, seed: 4 });
  assert.deepEqual(a.dataSync(), b.dataSync());
  const rows = lookup(a, [5, 0, 5]);
  const all = a.arraySync();
  assert.deepEqual(rows.arraySync(), [all[5], all[0], all[5]]);
  const zeros = createEmbeddingTable({ vocabSize: 2, dim: 2, seed: 0, init: "zeros" });
  assert.deepEqual([...zeros.dataSync()], [0, 0, 0, 0]);
  tf.dispose([a, b, rows, zeros]);
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

Deno.test("embedding functions explain invalid calls", () => {
  assert.throws(
    () => createEmbeddingTable({ vocabSize: 0, dim: 2, seed: 1 }),
    new RangeError("Cannot create an embedding table: vocabSize must be at least 1, got 0"),
  );
  assert.throws(
    () => createEmbeddingTable({ vocabSize: 2, dim: 2, seed: 1, init: "normal" as "zeros" }),
    new RangeError(
      'Cannot create an embedding table: init must be one of "uniform", "zeros", got "normal"',
    ),
  );
  const table = createEmbeddingTable({ vocabSize: 3, dim: 2, seed: 1 });
  assert.throws(
    () => lookup(table, [0, 3]),
    new RangeError("Cannot look up embedding rows: indices[1] must be an integer in [0, 3), got 3"),
  );
  assert.throws(
    () => lookup([[1]] as unknown as tf.Tensor2D, [0]),
    new TypeError("Cannot look up embedding rows: table must be a rank-2 tf.Tensor"),
  );
  assert.throws(
    () => sumDuplicateRows([0, 1], [1, 2, 3], 2),
    new RangeError(
      "Cannot sum duplicate rows: values must hold indices.length × dim = 4 numbers, got 3",
    ),
  );
  assert.throws(
    () => sparseSgd({ learningRate: 0 }),
    new RangeError("Cannot create a sparse SGD optimizer: learningRate must be positive, got 0"),
  );
  assert.throws(
    () => sparseAdam({ beta1: 1 }),
    new RangeError(
      "Cannot create a sparse Adam optimizer: beta1 and beta2 must be below 1, got 1 and 0.999",
    ),
  );
  const grads = tf.ones([2, 3]);
  assert.throws(
    () => sparseSgd({ learningRate: 1 }).applyGradients(table, [0, 1], grads),
    new RangeError("Cannot apply sparse gradients: grads must have shape [2, 2], got [2,3]"),
  );
  const ok = tf.ones([1, 2]);
  assert.throws(
    () => sparseSgd({ learningRate: 1 }).applyGradients(table, [5], ok),
    new RangeError("Cannot apply sparse gradients: indices[0] must be an integer in [0, 3), got 5"),
  );
  const output = createEmbeddingTable({ vocabSize: 3, dim: 2, seed: 2 });
  const sgd = sparseSgd({ learningRate: 1 });
  const pairs = (c: number[], x: number[], n: number[]) => ({
    centers: Int32Array.from(c),
    contexts: Int32Array.from(x),
    negatives: Int32Array.from(n),
  });
  assert.throws(
    () => skipGramStep({ input: table, output }, pairs([0, 1], [1], [2, 2]), sgd),
    new RangeError(
      "Cannot run a skip-gram step: centers and contexts must have the same length, got 2 and 1",
    ),
  );
  assert.throws(
    () => skipGramStep({ input: table, output }, pairs([0, 1], [1, 0], [2, 2, 1]), sgd),
    new RangeError(
      "Cannot run a skip-gram step: negatives must hold k per pair, got 3 for 2 pairs",
    ),
  );
  assert.throws(
    () => skipGramStep({ input: table, output }, pairs([0], [9], [2]), sgd),
    new RangeError("Cannot run a skip-gram step: word index 9 is outside [0, 3)"),
  );
  assert.throws(
    () =>
      skipGramStep(
        { input: table, output },
        { centers: [0], contexts: [1], negatives: [2] } as unknown as SkipGramBatch,
        sgd,
      ),
    new TypeError(
      "Cannot run a skip-gram step: centers, contexts and negatives must be Int32Arrays",
    ),
  );
  tf.dispose([table, grads, ok, output]);
});
