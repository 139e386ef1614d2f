import * as tf from "@tensorflow/tfjs";
import { TENSOR_SCATTER_ADD } from "./kernel_scatter_update.ts";

/**
 * TensorFlow's `tensor_scatter_nd_add`, which tfjs lacks: a copy of `tensor` with each slice of
 * `updates` added at the position given by the matching row of `indices`; repeated indices add
 * up. The input is not changed (copy-on-write).
 *
 * $$\text{out} = \text{tensor};\quad \text{out}[\text{indices}_i] \mathrel{+}= \text{updates}_i$$
 *
 * On wasm with the corrected kernels it runs as one pass in the wasm heap; elsewhere it is
 * `tensor + scatterND(indices, updates, tensor.shape)`. Not differentiable (use it for
 * optimiser updates, not inside a loss).
 *
 * @param tensor The tensor to add into (float32 or int32).
 * @param indices int32 `[n, r]`: each row addresses a slice of `tensor` (`r` leading axes).
 * @param updates `[n, ...tensor.shape.slice(r)]`.
 * @returns A new tensor of `tensor`'s shape.
 * @throws {Error} (from tfjs) If shapes do not fit or an index is outside `tensor`.
 * @example Repeated rows add up
 * ```ts
 * import assert from "node:assert/strict";
 * import { setupTf, tensorScatterAdd, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const out = tf.tidy(() =>
 *   tensorScatterAdd(tf.zeros([3, 2]), tf.tensor2d([[2], [0], [2]], [3, 1], "int32"), tf.ones([3, 2]))
 * );
 * assert.deepEqual(out.arraySync(), [[1, 1], [0, 0], [2, 2]]);
 * out.dispose();
 * ```
 */
export function tensorScatterAdd(
  tensor: tf.Tensor,
  indices: tf.Tensor,
  updates: tf.Tensor,
): tf.Tensor {
  if (tf.getKernel(TENSOR_SCATTER_ADD, tf.getBackend()) !== undefined) {
    return tf.engine().runKernel(TENSOR_SCATTER_ADD, { tensor, indices, updates }, {}) as tf.Tensor;
  }
  return tf.tidy(() => tf.add(tensor, tf.scatterND(indices, updates, tensor.shape)));
}
