import { tf } from "../tf/mod.ts";
import { raise } from "../_shared/validate.ts";
import type { SparseOptimizer } from "./sparse_optimizers.ts";

/** The two tables of skip-gram: word vectors $v$ (input) and context vectors $u$ (output). */
export interface SkipGramTables {
  /** `[vocabSize, dim]` word (centre) vectors — the embeddings one keeps. */
  input: tf.Variable<tf.Rank.R2>;
  /** `[vocabSize, dim]` context vectors (word2vec initialises them to zero). */
  output: tf.Variable<tf.Rank.R2>;
}

/** One batch of skip-gram training pairs with their negative samples. */
export interface SkipGramBatch {
  /** Centre word of each pair. */
  centers: Int32Array;
  /** Observed context word of each pair (same length as `centers`). */
  contexts: Int32Array;
  /** `k` sampled noise words per pair, row-major (`centers.length × k`). */
  negatives: Int32Array;
}

/**
 * The skip-gram negative-sampling loss of a batch (Mikolov et al. 2013), summed over pairs, for
 * looked-up rows `v` (`[B, d]`) and `u` (`[B, 1 + k, d]`, the context first, then the negatives).
 * Written with `softplus(−x) = −log σ(x)`: the gradient of `tf.logSigmoid` of a computed tensor
 * throws in tfjs 4.22.
 *
 * $$L = \sum_{i=1}^{B} \Big[\operatorname{softplus}(-u_{c_i}^\top v_{w_i})
 *   + \sum_{n=1}^{k} \operatorname{softplus}(u_{n_{i}}^\top v_{w_i})\Big]$$
 *
 * @param v `[B, d]` centre-word vectors.
 * @param u `[B, 1 + k, d]` context vector first, then the `k` negatives' vectors.
 * @returns The summed loss as a scalar tensor (the caller disposes it).
 * @throws {TypeError} If `v` is not a rank-2 or `u` not a rank-3 tensor.
 * @throws {RangeError} If the batch sizes or widths of `v` and `u` differ.
 * @example With v·u = 2 for the context and 1 for one negative: softplus(−2) + softplus(1)
 * ```ts
 * import assert from "node:assert/strict";
 * import { skipGramLoss } from "@lib/embeddings/mod.ts";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const loss = tf.tidy(() =>
 *   skipGramLoss(tf.tensor2d([[1, 0]]), tf.tensor3d([[[2, 0], [1, 0]]])).dataSync()[0]
 * );
 * const expected = Math.log(1 + Math.exp(-2)) + Math.log(1 + Math.E);
 * assert.ok(Math.abs(loss - expected) < 1e-5);
 * ```
 */
export function skipGramLoss(v: tf.Tensor, u: tf.Tensor): tf.Scalar {
  const context = "compute skipGramLoss";
  if (!(v instanceof tf.Tensor) || v.rank !== 2) {
    raise("type", context, "v must be a rank-2 tf.Tensor");
  }
  if (!(u instanceof tf.Tensor) || u.rank !== 3) {
    raise("type", context, "u must be a rank-3 tf.Tensor");
  }
  if (u.shape[0] !== v.shape[0] || u.shape[2] !== v.shape[1]) {
    raise(
      "range",
      context,
      `u must have shape [${v.shape[0]}, 1 + k, ${v.shape[1]}] to match v, got [${u.shape}]`,
    );
  }
  return tf.tidy(() => {
    const scores = tf.sum(tf.mul(tf.expandDims(v, 1), u), 2); // [B, 1 + k]
    return tf.sum(tf.softplus(tf.neg(tf.mul(scores, _labelSigns(u.shape[1]! - 1)))));
  });
}

/** `[1, 1 + k]`: +1 for the observed context, −1 for each negative. */
export function _labelSigns(k: number): tf.Tensor2D {
  return tf.concat([tf.ones([1, 1]), tf.fill([1, k], -1)], 1) as tf.Tensor2D;
}

function validateBatch(tables: SkipGramTables, batch: SkipGramBatch): number {
  const context = "run a skip-gram step";
  const { centers, contexts, negatives } = batch;
  if (
    !(centers instanceof Int32Array) || !(contexts instanceof Int32Array) ||
    !(negatives instanceof Int32Array)
  ) {
    raise("type", context, "centers, contexts and negatives must be Int32Arrays");
  }
  const b = centers.length;
  if (b === 0) raise("range", context, "the batch must hold at least one pair");
  if (contexts.length !== b) {
    raise(
      "range",
      context,
      `centers and contexts must have the same length, got ${b} and ${contexts.length}`,
    );
  }
  if (negatives.length % b !== 0) {
    raise(
      "range",
      context,
      `negatives must hold k per pair, got ${negatives.length} for ${b} pairs`,
    );
  }
  if (tables.input.shape[1] !== tables.output.shape[1]) {
    raise(
      "range",
      context,
      `input and output tables must have the same width, got ${tables.input.shape[1]} and ${
        tables.output.shape[1]
      }`,
    );
  }
  return negatives.length / b;
}

/**
 * One training step of skip-gram with negative sampling that works on the wasm backend: looks
 * up the rows the batch uses, computes the gradient of {@link skipGramLoss} with respect to
 * those rows (not the tables: the gradient of `gather` needs a full-table segment sum), and
 * lets a sparse optimiser apply it. With `sparseSgd` this equals a dense SGD step on both
 * tables (tested against tfjs autodiff on the cpu backend).
 *
 * The gradient is written out: with score $s = u^\top v$ and label $y$ (1 for the observed
 * context, 0 for a negative), $\partial L / \partial s = \sigma(s) - y$, so
 *
 * $$\frac{\partial L}{\partial v_{w}} = \sum_{j} (\sigma(s_j) - y_j)\, u_j,\qquad
 *   \frac{\partial L}{\partial u_j} = (\sigma(s_j) - y_j)\, v_w$$
 *
 * which is cheaper than tfjs autodiff through the broadcast product (measured ≈ 2× faster).
 * The loss is summed over pairs, so the learning rate acts per pair as in word2vec
 * (0.025 there); the returned value is the mean loss per pair.
 *
 * @param tables Word and context tables (updated).
 * @param batch Pairs and negatives.
 * @param optimizer A sparse optimiser, e.g. `sparseSgd({ learningRate: 0.025 })`.
 * @returns Mean loss per pair before the update.
 * @throws {RangeError} If the batch arrays have inconsistent lengths or an index is out of range.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createEmbeddingTable, skipGramStep, sparseSgd } from "@lib/embeddings/mod.ts";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const input = createEmbeddingTable({ vocabSize: 5, dim: 3, seed: 1 });
 * const output = createEmbeddingTable({ vocabSize: 5, dim: 3, seed: 2, init: "zeros" });
 * const batch = {
 *   centers: Int32Array.from([0, 1]),
 *   contexts: Int32Array.from([1, 0]),
 *   negatives: Int32Array.from([3, 4, 2, 4]),
 * };
 * const loss = skipGramStep({ input, output }, batch, sparseSgd({ learningRate: 0.5 }));
 * assert.ok(Math.abs(loss - 3 * Math.LN2) < 1e-6); // zero context vectors: 3 × softplus(0)
 * tf.dispose([input, output]);
 * ```
 */
export function skipGramStep(
  tables: SkipGramTables,
  batch: SkipGramBatch,
  optimizer: SparseOptimizer,
): number {
  const k = validateBatch(tables, batch);
  const { centers, contexts, negatives } = batch;
  const b = centers.length;
  const targets = new Int32Array(b * (k + 1));
  for (let i = 0; i < b; i++) {
    targets[i * (k + 1)] = contexts[i];
    targets.set(negatives.subarray(i * k, (i + 1) * k), i * (k + 1) + 1);
  }
  const vocab = Math.min(tables.input.shape[0], tables.output.shape[0]);
  for (const ids of [centers, targets]) {
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] < 0 || ids[i] >= vocab) {
        raise("range", "run a skip-gram step", `word index ${ids[i]} is outside [0, ${vocab})`);
      }
    }
  }
  const d = tables.input.shape[1];
  const { loss, gv, gu } = tf.tidy(() => {
    const v = tf.gather(tables.input, tf.tensor1d(centers, "int32")); // [B, d]
    const u = tf.reshape(tf.gather(tables.output, tf.tensor1d(targets, "int32")), [b, k + 1, d]);
    const sign = _labelSigns(k);
    const z = tf.mul(tf.sum(tf.mul(tf.expandDims(v, 1), u), 2), sign); // ±s, [B, 1 + k]
    const loss = tf.sum(tf.softplus(tf.neg(z)));
    // dL/ds = −sign · σ(−sign · s) = σ(s) − y
    const dLds = tf.expandDims(tf.neg(tf.mul(sign, tf.sigmoid(tf.neg(z)))), 2); // [B, 1 + k, 1]
    const gu = tf.reshape(tf.mul(dLds, tf.expandDims(v, 1)), [b * (k + 1), d]);
    const gv = tf.sum(tf.mul(dLds, u), 1);
    return { loss, gv, gu };
  });
  try {
    optimizer.applyGradients(tables.input, centers, gv);
    optimizer.applyGradients(tables.output, targets, gu);
    return loss.dataSync()[0] / b;
  } finally {
    tf.dispose([loss, gv, gu]);
  }
}
