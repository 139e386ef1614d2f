import { createInitializers, tf } from "../tf/mod.ts";
import { assertInteger, raise } from "../_shared/validate.ts";
import { _compileFor, type OptimizerName, type OutputActivation } from "../models/_compile.ts";

function assertModel(model: unknown, context: string): asserts model is tf.LayersModel {
  if (!(model instanceof tf.LayersModel)) raise("type", context, "model must be a tf.LayersModel");
}

/** Layers that hold weights, in order: the ones that can be frozen or fine-tuned. */
export function weightedLayers(model: tf.LayersModel): tf.layers.Layer[] {
  assertModel(model, "list weighted layers");
  return model.layers.filter((layer) => layer.getWeights().length > 0);
}

/** Index of a layer given by name or by position (negative counts from the end). */
function layerIndex(model: tf.LayersModel, layer: string | number, context: string): number {
  if (typeof layer === "string") {
    const i = model.layers.findIndex((l) => l.name === layer);
    if (i < 0) {
      raise(
        "range",
        context,
        `layer "${layer}" is not in the model (layers: ${
          model.layers.map((l) => l.name).join(", ")
        })`,
      );
    }
    return i;
  }
  assertInteger(layer, "layer", context);
  const n = model.layers.length;
  const i = layer < 0 ? n + layer : layer;
  if (i < 0 || i >= n) raise("range", context, `layer must be in [${-n}, ${n - 1}], got ${layer}`);
  return i;
}

/**
 * Freezes the first `count` weighted layers (their weights stop changing in
 * training) and unfreezes the others: fine-tuning "the last k layers" is
 * `freezeLayers(model, weightedLayers(model).length - k)`. TensorFlow.js reads
 * `trainable` when a model is compiled, so compile it afterwards (as
 * {@link compileForTransfer} does).
 *
 * @param model The model (changed in place).
 * @param count Weighted layers to freeze, from the input side.
 * @returns The number of trainable parameters left.
 * @throws {RangeError} If `count` is not an integer in [0, number of weighted layers].
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * import { freezeLayers } from "@lib/transfer/mod.ts";
 * await setupTf();
 * const m = tf.sequential({ layers: [
 *   tf.layers.dense({ units: 4, inputShape: [3] }), tf.layers.dense({ units: 2 }),
 * ] });
 * assert.equal(freezeLayers(m, 1), 4 * 2 + 2); // only the last layer trains
 * m.dispose();
 * ```
 */
export function freezeLayers(model: tf.LayersModel, count: number): number {
  const context = "freeze layers";
  assertModel(model, context);
  const layers = weightedLayers(model);
  assertInteger(count, "count", context, { min: 0, max: layers.length });
  layers.forEach((layer, i) => (layer.trainable = i >= count));
  return model.trainableWeights.reduce(
    (sum, w) => sum + w.shape.reduce((a: number, b) => a * (b ?? 1), 1),
    0,
  );
}

/** Options of {@link compileForTransfer}. */
export interface TransferCompileOptions {
  /** Output activation, which picks the loss. @default "softmax" */
  outputActivation?: OutputActivation;
  /** Optimiser. @default "adam" */
  optimizer?: OptimizerName;
  /** Learning rate; fine-tuning usually takes a smaller one than training from scratch. @default 0.001 */
  learningRate?: number;
}

/**
 * Compiles a model (after {@link freezeLayers} or {@link replaceHead}) with the
 * loss of its output activation and an optimiser, so that `fit` from
 * `lib/models` can train it.
 */
export function compileForTransfer(
  model: tf.LayersModel,
  { outputActivation = "softmax", optimizer = "adam", learningRate = 0.001 }:
    TransferCompileOptions = {},
): tf.LayersModel {
  const context = "compile a model for transfer";
  assertModel(model, context);
  _compileFor(model, outputActivation, optimizer, learningRate, context);
  return model;
}

/**
 * A model that maps the inputs of `model` to the output of one of its layers:
 * the pretrained network as a feature extractor. It shares the weights of
 * `model` (nothing is copied), so do not dispose it separately.
 *
 * @param model The pretrained model.
 * @param layer The layer whose output is the feature vector, by name or position
 *   (`-2`: the penultimate layer).
 * @throws {RangeError} If the layer is not in the model.
 */
export function featureExtractor(model: tf.LayersModel, layer: string | number): tf.LayersModel {
  const context = "make a feature extractor";
  assertModel(model, context);
  const i = layerIndex(model, layer, context);
  return tf.model({ inputs: model.inputs, outputs: model.layers[i].output as tf.SymbolicTensor });
}

/**
 * The features of `x` at a layer of `model` (see {@link featureExtractor}), as
 * a 2-D tensor (rows × features; higher-rank outputs are flattened). The caller
 * disposes it.
 */
export function extractFeatures(
  model: tf.LayersModel,
  layer: string | number,
  x: tf.Tensor,
  { batchSize = 256 }: { batchSize?: number } = {},
): tf.Tensor2D {
  const context = "extract features";
  const extractor = featureExtractor(model, layer);
  if (!(x instanceof tf.Tensor)) raise("type", context, "x must be a tensor");
  assertInteger(batchSize, "batchSize", context, { min: 1 });
  return tf.tidy(() => {
    const out = extractor.predict(x, { batchSize }) as tf.Tensor;
    return out.reshape([out.shape[0], -1]) as tf.Tensor2D;
  });
}

/** Options of {@link replaceHead}. */
export interface ReplaceHeadOptions {
  /** The last layer kept, by name or position (`-2`: everything but the old head). */
  keepUpTo: string | number;
  /** Units of the new output layer (the new task's classes). */
  outputDim: number;
  /** Activation of the new output layer. @default "softmax" */
  outputActivation?: OutputActivation;
  /** Seed of the new layer's initial weights. */
  seed: number;
}

/**
 * A new model: the layers of `base` up to `keepUpTo`, with their weights, and a
 * new dense output layer for another task. `base` is used as given (its layers
 * are shared): pass a copy from `cloneModel` to keep the original intact. Not
 * compiled; freeze layers, then {@link compileForTransfer}.
 *
 * @throws {RangeError} If the layer is not in `base` or `outputDim` is not a positive integer.
 */
export function replaceHead(base: tf.LayersModel, options: ReplaceHeadOptions): tf.LayersModel {
  const context = "replace the head of a model";
  assertModel(base, context);
  const { keepUpTo, outputDim, outputActivation = "softmax", seed } = options ?? {};
  assertInteger(outputDim, "outputDim", context, { min: 1 });
  assertInteger(seed, "seed", context);
  const i = layerIndex(base, keepUpTo, context);
  let features = base.layers[i].output as tf.SymbolicTensor;
  if (features.shape.length > 2) {
    features = tf.layers.flatten().apply(features) as tf.SymbolicTensor;
  }
  const head = tf.layers.dense({
    units: outputDim,
    activation: outputActivation,
    kernelInitializer: createInitializers({ seed }).glorotUniform(),
  });
  return tf.model({ inputs: base.inputs, outputs: head.apply(features) as tf.SymbolicTensor });
}
