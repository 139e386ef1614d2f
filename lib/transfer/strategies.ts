import { createInitializers, tf } from "../tf/mod.ts";
import { fit } from "../models/mod.ts";
import { assertInteger, assertOneOf, assertPositive, raise } from "../_shared/validate.ts";
import { cloneModel } from "./clone.ts";
import { compileForTransfer, freezeLayers, replaceHead, weightedLayers } from "./layers.ts";

/** Options of {@link smallCnn}. */
export interface SmallCnnOptions {
  /** Image rows, columns and channels, e.g. `[14, 14, 1]`. */
  inputShape: [number, number, number];
  /** Output classes. */
  classes: number;
  /** Seed of the initial weights. */
  seed: number;
  /** Filters of the two convolutional layers. @default [8, 16] */
  filters?: [number, number];
  /** Units of the dense layer before the head. @default 64 */
  dense?: number;
}

/**
 * The chapter's small convolutional network: conv 5×5 → max-pool 2 → conv 3×3 →
 * max-pool 2 → flatten → dense (ReLU) → softmax head, convolutions padded to keep
 * the image size (14 × 14 → 7 × 7 → 3 × 3 × 16 = 144 features after flattening). Four weighted layers:
 * two "feature" layers (edges, strokes), one dense layer, one head. Not compiled.
 *
 * @throws {RangeError} If a size is not a positive integer, or the images are
 *   smaller than 4 × 4 (two poolings halve them twice).
 */
export function smallCnn(options: SmallCnnOptions): tf.LayersModel {
  const context = "build a small CNN";
  const { inputShape, classes, seed, filters = [8, 16], dense = 64 } = options ?? {};
  if (!Array.isArray(inputShape) || inputShape.length !== 3) {
    raise("type", context, "inputShape must be [rows, columns, channels]");
  }
  // Two 2 × 2 poolings: 4 pixels is the least that leaves one.
  inputShape.forEach((d, i) =>
    assertInteger(d, `inputShape[${i}]`, context, { min: i < 2 ? 4 : 1 })
  );
  assertInteger(classes, "classes", context, { min: 2 });
  filters.forEach((f, i) => assertInteger(f, `filters[${i}]`, context, { min: 1 }));
  assertInteger(dense, "dense", context, { min: 1 });
  const init = createInitializers({ seed });
  return tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape,
        filters: filters[0],
        kernelSize: 5,
        padding: "same",
        activation: "relu",
        kernelInitializer: init.heNormal(),
      }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({
        filters: filters[1],
        kernelSize: 3,
        padding: "same",
        activation: "relu",
        kernelInitializer: init.heNormal(),
      }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: dense, activation: "relu", kernelInitializer: init.heNormal() }),
      tf.layers.dense({
        units: classes,
        activation: "softmax",
        kernelInitializer: init.glorotUniform(),
      }),
    ],
  });
}

/** How a pretrained network is reused for a new task. */
export type TransferStrategy = "scratch" | "features" | "fine-tune top" | "fine-tune all";

/** Every {@link TransferStrategy}: from none of the pretrained weights to all of them. */
export const TRANSFER_STRATEGIES: readonly TransferStrategy[] = [
  "scratch",
  "features",
  "fine-tune top",
  "fine-tune all",
];

/** Options of {@link trainTransfer}. */
export interface TransferTrainOptions {
  /** Classes of the new task. */
  outputDim: number;
  /** Seed of the new weights and of the batch order. */
  seed: number;
  /** Gradient steps in all (the same for every strategy). */
  steps: number;
  /** Rows per step. @default 32 */
  batchSize?: number;
  /** Learning rate of new weights. @default 0.003 */
  learningRate?: number;
  /** Learning rate when pretrained weights are fine-tuned. @default 0.001 */
  fineTuneLearningRate?: number;
  /** Builds the untrained network for `"scratch"` (same architecture as the base). */
  scratch: (seed: number) => tf.LayersModel;
  /**
   * The layer whose output `"features"` feeds to its linear head, by name or position
   * (`-3` in {@link smallCnn}: the flattened convolutional features). @default -2
   */
  featureLayer?: string | number;
}

/** Whole epochs over `n` rows in batches of `b = min(batchSize, n)` closest to `steps` steps. */
export function _epochsFor(steps: number, n: number, batchSize: number): number {
  const perEpoch = Math.ceil(n / Math.min(batchSize, n));
  return Math.max(1, Math.round(steps / perEpoch));
}

async function trainSteps(
  model: tf.LayersModel,
  x: tf.Tensor,
  y: tf.Tensor,
  steps: number,
  batchSize: number,
  seed: number,
): Promise<void> {
  const n = x.shape[0];
  const epochs = _epochsFor(steps, n, batchSize);
  await fit(model, x, y, { epochs, batchSize: Math.min(batchSize, n), seed, progress: false });
}

/**
 * Trains a model for a new task with one {@link TransferStrategy}, from a
 * pretrained `base` (left unchanged: the strategies work on copies):
 *
 * - `"scratch"`: the same architecture from random weights, every layer trained;
 * - `"features"`: the base's layers up to `featureLayer` frozen, a new linear
 *   head trained on their output (feature extraction: a linear model on the
 *   pretrained features);
 * - `"fine-tune top"`: the convolutional layers frozen, the dense layer and a new
 *   head trained;
 * - `"fine-tune all"`: a new head trained for half the steps on the frozen body,
 *   then every layer for the other half with the smaller `fineTuneLearningRate`
 *   (so that large gradients from a random head do not wreck the pretrained weights).
 *
 * Every strategy takes about the same number of gradient steps: whole epochs
 * over `x` in batches of `min(batchSize, n)`, as many as come closest to `steps`
 * (at least one epoch).
 *
 * @returns The trained model (the caller disposes it).
 * @throws {RangeError} If the strategy is unknown or an option is out of range.
 */
export async function trainTransfer(
  base: tf.LayersModel,
  strategy: TransferStrategy,
  x: tf.Tensor,
  y: tf.Tensor,
  options: TransferTrainOptions,
): Promise<tf.LayersModel> {
  const context = "train with a transfer strategy";
  assertOneOf(strategy, TRANSFER_STRATEGIES, "strategy", context);
  const {
    outputDim,
    seed,
    steps,
    batchSize = 32,
    learningRate = 0.003,
    fineTuneLearningRate = 0.001,
    scratch,
    featureLayer = -2,
  } = options ?? {};
  assertInteger(steps, "steps", context, { min: 2 });
  assertInteger(batchSize, "batchSize", context, { min: 1 });
  assertPositive(learningRate, "learningRate", context);
  assertPositive(fineTuneLearningRate, "fineTuneLearningRate", context);
  if (typeof scratch !== "function") raise("type", context, "scratch must build a model");
  if (strategy === "scratch") {
    const model = compileForTransfer(scratch(seed), { learningRate });
    await trainSteps(model, x, y, steps, batchSize, seed);
    return model;
  }
  const keepUpTo = strategy === "features" ? featureLayer : -2;
  const copy = await cloneModel(base);
  const model = replaceHead(copy, { keepUpTo, outputDim, seed });
  // The copy's layers above the cut (its old head) belong to no model now: free their weights.
  for (const layer of copy.layers) if (!model.layers.includes(layer)) layer.dispose();
  const weighted = weightedLayers(model).length;
  const frozen = strategy === "fine-tune top" ? weighted - 2 : weighted - 1;
  freezeLayers(model, frozen);
  compileForTransfer(model, { learningRate });
  if (strategy !== "fine-tune all") {
    await trainSteps(model, x, y, steps, batchSize, seed);
    return model;
  }
  await trainSteps(model, x, y, Math.floor(steps / 2), batchSize, seed);
  freezeLayers(model, 0);
  compileForTransfer(model, { learningRate: fineTuneLearningRate });
  await trainSteps(model, x, y, steps - Math.floor(steps / 2), batchSize, seed + 1);
  return model;
}
