import { tf } from "../tf/mod.ts";
import { assertInteger, raise } from "../_shared/validate.ts";
import { mlp } from "../models/mod.ts";
import type { DenseMatrix } from "../vectors/mod.ts";

/**
 * The activations of one layer of a trained model for every row of `x`: the model's internal
 * representation as an embedding (an autoencoder's code, a classifier's penultimate layer).
 *
 * @param model A trained `tf.LayersModel`.
 * @param x `[n, inputDim]` inputs.
 * @param options `layer` (index in `model.layers`) and `batchSize` (@default 256).
 * @returns An `n × units` matrix (a copy; no tensor is left behind).
 * @throws {RangeError} If `layer` is not an index of `model.layers`, or its output is not 2-D.
 * @see notebooks/05_embeddings.ipynb
 * @example The first layer of an MLP gives one row of its width per input
 * ```ts
 * import assert from "node:assert/strict";
 * import { layerEmbedding } from "@lib/embeddings/mod.ts";
 * import { mlp } from "@lib/models/mod.ts";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const model = mlp({ inputDim: 3, hidden: [5, 2], outputDim: 1, seed: 1 });
 * const x = tf.ones([4, 3]);
 * const e = layerEmbedding(model, x, { layer: 1 });
 * assert.deepEqual([e.rows, e.cols], [4, 2]);
 * tf.dispose([x]);
 * model.dispose();
 * ```
 */
export function layerEmbedding(
  model: tf.LayersModel,
  x: tf.Tensor,
  options: { layer: number; batchSize?: number },
): DenseMatrix {
  const context = "compute a layer embedding";
  const { layer, batchSize = 256 } = options ?? {};
  assertInteger(layer, "layer", context, { min: 0, max: model.layers.length - 1 });
  assertInteger(batchSize, "batchSize", context, { min: 1 });
  const output = model.layers[layer].output as tf.SymbolicTensor;
  if (output.shape.length !== 2) {
    raise("range", context, `layer ${layer} must have a 2-D output, got shape [${output.shape}]`);
  }
  const sub = tf.model({ inputs: model.inputs, outputs: output });
  const data = tf.tidy(() =>
    (sub.predict(x, { batchSize }) as tf.Tensor).dataSync() as Float32Array
  );
  return { data: Float32Array.from(data), rows: x.shape[0], cols: output.shape[1] as number };
}

/** Options of {@link denseAutoencoder}. */
export interface AutoencoderOptions {
  /** Input width (784 for 28 × 28 digits). */
  inputDim: number;
  /** Encoder layer widths before the code, mirrored in the decoder. @default [128] */
  encoder?: number[];
  /** Width of the code (the embedding). */
  codeDim: number;
  /** Weight seed. */
  seed: number;
  /** Adam learning rate. @default 0.001 */
  learningRate?: number;
}

/**
 * A dense autoencoder for inputs in [0, 1]: encoder layers, a code of `codeDim` units, the mirrored
 * decoder and a sigmoid output trained with binary cross-entropy to reproduce its input
 * ($x \to z \to \hat x \approx x$). Train it with `fit(model, x, x, …)`; the code is
 * `layerEmbedding(model, x, { layer: codeLayer })`. All hidden layers use ReLU.
 *
 * @param options See {@link AutoencoderOptions}.
 * @returns The compiled model and the index of its code layer.
 * @throws {RangeError} If a width is not a positive integer.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { denseAutoencoder } from "@lib/embeddings/mod.ts";
 * import { setupTf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const { model, codeLayer } = denseAutoencoder({ inputDim: 6, encoder: [4], codeDim: 2, seed: 1 });
 * assert.equal(model.layers[codeLayer].outputShape[1], 2);
 * assert.deepEqual(model.outputs[0].shape, [null, 6]);
 * model.dispose();
 * ```
 */
export function denseAutoencoder(
  options: AutoencoderOptions,
): { model: tf.Sequential; codeLayer: number } {
  const context = "build a dense autoencoder";
  const { inputDim, encoder = [128], codeDim, seed, learningRate = 0.001 } = options ?? {};
  assertInteger(codeDim, "codeDim", context, { min: 1 });
  encoder.forEach((w, i) => assertInteger(w, `encoder[${i}]`, context, { min: 1 }));
  const model = mlp({
    inputDim,
    hidden: [...encoder, codeDim, ...[...encoder].reverse()],
    outputDim: inputDim,
    outputActivation: "sigmoid",
    seed,
    learningRate,
  });
  return { model, codeLayer: encoder.length };
}
