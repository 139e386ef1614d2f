import * as tf from "@tensorflow/tfjs";
import { raise } from "../_shared/validate.ts";
import { TENSOR_SCATTER_ADD } from "./kernel_scatter_update.ts";

const CONTEXT = "compute tensorScatterAdd";

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
 * @param indices int32 `[n, r]` with `1 ≤ r ≤ tensor.rank`: each row addresses a slice of
 *   `tensor` (its `r` leading axes).
 * @param updates `[n, ...tensor.shape.slice(r)]`, of `tensor`'s dtype.
 * @returns A new tensor of `tensor`'s shape.
 * @throws {TypeError} If an argument is not a tf.Tensor, `tensor` is a scalar or not float32 or int32,
 *   `indices` is not an int32 rank-2 tensor, or `updates` has another dtype than `tensor`.
 * @throws {RangeError} If `r` is outside `[1, tensor.rank]` or `updates` has the wrong shape.
 * @throws {Error} (from the kernel, on cpu and on wasm with the corrected kernels) If an index
 *   lies outside `tensor`.
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
  checkInputs(tensor, indices, updates);
  if (tf.getKernel(TENSOR_SCATTER_ADD, tf.getBackend()) !== undefined) {
    return tf.engine().runKernel(TENSOR_SCATTER_ADD, { tensor, indices, updates }, {}) as tf.Tensor;
  }
  return tf.tidy(() => tf.add(tensor, tf.scatterND(indices, updates, tensor.shape)));
}

function checkInputs(tensor: tf.Tensor, indices: tf.Tensor, updates: tf.Tensor): void {
  for (const [name, value] of Object.entries({ tensor, indices, updates })) {
    if (!(value instanceof tf.Tensor)) raise("type", CONTEXT, `${name} must be a tf.Tensor`);
  }
  if (tensor.dtype !== "float32" && tensor.dtype !== "int32") {
    raise("type", CONTEXT, `tensor must be float32 or int32, got ${tensor.dtype}`);
  }
  if (tensor.rank === 0) raise("type", CONTEXT, "tensor must have rank 1 or more, got a scalar");
  if (indices.dtype !== "int32") {
    raise("type", CONTEXT, `indices must be int32, got ${indices.dtype}`);
  }
  if (indices.rank !== 2) {
    raise("type", CONTEXT, `indices must be a rank-2 tensor [n, r], got shape [${indices.shape}]`);
  }
  if (updates.dtype !== tensor.dtype) {
    raise(
      "type",
      CONTEXT,
      `updates must have tensor's dtype ${tensor.dtype}, got ${updates.dtype}`,
    );
  }
  const [n, r] = indices.shape;
  if (r < 1 || r > tensor.rank) {
    raise(
      "range",
      CONTEXT,
      `indices must address 1 to ${tensor.rank} leading axes of tensor, got r = ${r}`,
    );
  }
  const expected = [n, ...tensor.shape.slice(r)];
  if (updates.rank !== expected.length || expected.some((d, i) => updates.shape[i] !== d)) {
    raise(
      "range",
      CONTEXT,
      `updates must have shape [${expected}] for indices [${indices.shape}] and tensor ` +
        `[${tensor.shape}], got [${updates.shape}]`,
    );
  }
}
