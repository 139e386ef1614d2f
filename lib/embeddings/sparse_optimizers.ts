import { tensorScatterAdd, tf } from "../tf/mod.ts";
import { assertFiniteNumber, assertPositive, raise } from "../_shared/validate.ts";
import { _writeRows, sumDuplicateRows } from "./trainable.ts";

/**
 * An optimiser that updates only the table rows a batch touched. It takes the gradient with
 * respect to the *looked-up rows* (not the whole table) and applies it with a scatter, adding
 * up rows that share an index. This avoids the dense gradient of `gather` (a full-table
 * `UnsortedSegmentSum` per step) and works on every backend.
 */
export interface SparseOptimizer {
  /**
   * Applies `grads` (shape `[indices.length, dim]`, one row per looked-up index; repeats
   * allowed) to `table`. Does not dispose `grads`.
   */
  applyGradients(table: tf.Variable, indices: ArrayLike<number>, grads: tf.Tensor): void;
  /** Releases the optimiser's state (e.g. Adam's moment tables). */
  dispose(): void;
}

const CONTEXT = "apply sparse gradients";

function checkGrads(table: tf.Variable, indices: ArrayLike<number>, grads: tf.Tensor): number {
  if (!(table instanceof tf.Variable) || table.rank !== 2) {
    raise("type", CONTEXT, "table must be a rank-2 tf.Variable");
  }
  const dim = table.shape[1] as number;
  if (grads.size !== indices.length * dim) {
    raise(
      "range",
      CONTEXT,
      `grads must have shape [${indices.length}, ${dim}], got [${grads.shape}]`,
    );
  }
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i];
    if (!Number.isInteger(index) || index < 0 || index >= (table.shape[0] as number)) {
      raise(
        "range",
        CONTEXT,
        `indices[${i}] must be an integer in [0, ${table.shape[0]}), got ${index}`,
      );
    }
  }
  return dim;
}

/**
 * Sparse stochastic gradient descent: for each distinct row $j$ in the batch,
 *
 * $$E_j \leftarrow E_j - \eta \sum_{i : \text{idx}_i = j} g_i$$
 *
 * which equals a dense SGD step on the table (untouched rows have zero gradient). The step is
 * one scatter-add (`tensorScatterAdd` from `lib/tf`), so repeated indices need no merging.
 *
 * @param options `learningRate` $\eta > 0$.
 * @returns A {@link SparseOptimizer}.
 * @throws {RangeError} If `learningRate` is not positive.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sparseSgd } from "@lib/embeddings/mod.ts";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const table = tf.tidy(() => tf.variable(tf.zeros([3, 2])));
 * const grads = tf.tensor2d([[1, 1], [2, 0], [1, 1]]);
 * sparseSgd({ learningRate: 0.5 }).applyGradients(table, [2, 0, 2], grads);
 * assert.deepEqual(table.arraySync(), [[-1, 0], [0, 0], [-1, -1]]);
 * tf.dispose([table, grads]);
 * ```
 */
export function sparseSgd(options: { learningRate: number }): SparseOptimizer {
  const { learningRate } = options;
  assertPositive(learningRate, "learningRate", "create a sparse SGD optimizer");
  return {
    applyGradients(table, indices, grads) {
      const dim = checkGrads(table, indices, grads);
      const n = indices.length;
      tf.tidy(() => {
        const at = tf.tensor2d(Int32Array.from(indices), [n, 1], "int32");
        const step = tf.mul(tf.reshape(grads, [n, dim]), -learningRate);
        table.assign(tensorScatterAdd(table, at, step));
      });
    },
    dispose() {},
  };
}

/** Options of {@link sparseAdam}. */
export interface SparseAdamOptions {
  /** Step size $\eta$. @default 0.001 */
  learningRate?: number;
  /** Decay of the first moment. @default 0.9 */
  beta1?: number;
  /** Decay of the second moment. @default 0.999 */
  beta2?: number;
  /** Added to $\sqrt{\hat v}$. @default 1e-7 (as tf.train.adam) */
  epsilon?: number;
}

interface AdamSlots {
  m: tf.Variable;
  v: tf.Variable;
  step: number;
}

/**
 * Lazy Adam (as TensorFlow's `LazyAdamOptimizer`): Adam's moments are kept for every row but
 * updated only for the rows in the batch, with step $t$ counted per table:
 *
 * $$m_j \leftarrow \beta_1 m_j + (1-\beta_1) g_j,\quad v_j \leftarrow \beta_2 v_j + (1-\beta_2) g_j^2,\quad
 * E_j \leftarrow E_j - \eta\,\frac{m_j / (1-\beta_1^t)}{\sqrt{v_j / (1-\beta_2^t)} + \epsilon}$$
 *
 * The first step equals dense `tf.train.adam`'s; later steps differ for rows that were skipped
 * (dense Adam keeps moving them by their old momentum).
 *
 * @param options See {@link SparseAdamOptions}.
 * @returns A {@link SparseOptimizer}; `dispose()` frees the moment tables.
 * @throws {RangeError} If a rate is out of range.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sparseAdam } from "@lib/embeddings/mod.ts";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const table = tf.tidy(() => tf.variable(tf.zeros([2, 1])));
 * const adam = sparseAdam({ learningRate: 0.1 });
 * const g = tf.tensor2d([[5]]);
 * adam.applyGradients(table, [1], g); // first Adam step moves by ≈ η·sign(g)
 * assert.ok(Math.abs(table.dataSync()[1] + 0.1) < 1e-6);
 * assert.equal(table.dataSync()[0], 0);
 * adam.dispose();
 * tf.dispose([table, g]);
 * ```
 */
export function sparseAdam(options: SparseAdamOptions = {}): SparseOptimizer {
  const context = "create a sparse Adam optimizer";
  const { learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7 } = options;
  assertPositive(learningRate, "learningRate", context);
  assertFiniteNumber(beta1, "beta1", context, { min: 0 });
  assertFiniteNumber(beta2, "beta2", context, { min: 0 });
  if (beta1 >= 1 || beta2 >= 1) {
    raise("range", context, `beta1 and beta2 must be below 1, got ${beta1} and ${beta2}`);
  }
  assertFiniteNumber(epsilon, "epsilon", context, { min: 0 });
  const slots = new Map<tf.Variable, AdamSlots>();
  return {
    applyGradients(table, indices, grads) {
      const dim = checkGrads(table, indices, grads);
      let s = slots.get(table);
      if (s === undefined) {
        const zeros = () => tf.tidy(() => tf.variable(tf.zerosLike(table), false));
        s = { m: zeros(), v: zeros(), step: 0 };
        slots.set(table, s);
      }
      s.step += 1;
      const { m, v, step } = s;
      const summed = sumDuplicateRows(indices, grads.dataSync(), dim);
      const u = summed.indices.length;
      const [w1, m1, v1] = tf.tidy(() => {
        const at = tf.tensor1d(summed.indices, "int32");
        const g = tf.tensor2d(summed.values, [u, dim]);
        const mNew = tf.add(tf.mul(tf.gather(m, at), beta1), tf.mul(g, 1 - beta1));
        const vNew = tf.add(tf.mul(tf.gather(v, at), beta2), tf.mul(tf.square(g), 1 - beta2));
        const mHat = tf.div(mNew, 1 - beta1 ** step);
        const vHat = tf.div(vNew, 1 - beta2 ** step);
        const delta = tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon)), learningRate);
        return [tf.sub(tf.gather(table, at), delta), mNew, vNew] as tf.Tensor2D[];
      });
      _writeRows(table, summed.indices, w1);
      _writeRows(m, summed.indices, m1);
      _writeRows(v, summed.indices, v1);
      tf.dispose([w1, m1, v1]);
    },
    dispose() {
      for (const { m, v } of slots.values()) tf.dispose([m, v]);
      slots.clear();
    },
  };
}
