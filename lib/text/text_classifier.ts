import { tf } from "../tf/mod.ts";
import { assertInteger, raise } from "../_shared/validate.ts";
import { evaluate, fit, logisticRegression } from "../models/mod.ts";
import type { HashedFeatures } from "./hashed_bag_of_words.ts";

/** Options of {@link fitTextClassifier}. */
export interface FitTextClassifierOptions {
  /** Seed of the initial weights and of the training loop. */
  seed: number;
  /** Rows of `features` to train on, one label each. @default every row */
  rows?: ArrayLike<number>;
  /** Full-batch epochs. @default 40 */
  epochs?: number;
  /** Adam learning rate. @default 0.1 */
  learningRate?: number;
}

/** Options of {@link textClassifierAccuracy}. */
export interface TextClassifierAccuracyOptions {
  /** Rows of `features` to score, one label each. @default every row */
  rows?: ArrayLike<number>;
}

/** Checks features, rows and 0/1 labels; returns the rows (all rows when none are given). */
function checkedRows(
  features: HashedFeatures,
  labels: ArrayLike<number>,
  rows: ArrayLike<number> | undefined,
  context: string,
): ArrayLike<number> {
  if (!(features?.values instanceof Float32Array)) {
    raise("type", context, "features must be a HashedFeatures with Float32Array values");
  }
  const { numRows, numFeatures } = features;
  const size = numRows * numFeatures, got = features.values.length;
  if (got !== size) {
    raise(
      "range",
      context,
      `features.values must hold numRows × numFeatures = ${size}, got ${got}`,
    );
  }
  const used = rows ?? Array.from({ length: numRows }, (_, i) => i);
  if (used.length === 0) raise("range", context, "rows must not be empty");
  for (let j = 0; j < used.length; j++) {
    assertInteger(used[j], `rows[${j}]`, context, { min: 0, max: numRows - 1 });
  }
  if (labels?.length !== used.length) {
    raise(
      "range",
      context,
      `labels must have one entry per row, got ${labels?.length} labels for ${used.length} rows`,
    );
  }
  for (let j = 0; j < labels.length; j++) {
    if (labels[j] !== 0 && labels[j] !== 1) {
      raise("range", context, `labels must be 0 or 1, got labels[${j}] = ${labels[j]}`);
    }
  }
  return used;
}

/** The selected rows of a feature matrix as a `[rows, numFeatures]` tensor. */
function rowsTensor(features: HashedFeatures, rows: ArrayLike<number>): tf.Tensor2D {
  const width = features.numFeatures, out = new Float32Array(rows.length * width);
  for (let j = 0; j < rows.length; j++) {
    out.set(features.values.subarray(rows[j] * width, (rows[j] + 1) * width), j * width);
  }
  return tf.tensor2d(out, [rows.length, width]);
}

/**
 * Trains a logistic regression text classifier on hashed bag-of-words features (e.g. spam
 * against ham): one sigmoid unit on the log loss, full-batch Adam, seeded.
 *
 * $$p(y = 1 \mid x) = \sigma(w^\top x + b)$$
 *
 * The labels may be noisy (e.g. aggregated crowd labels): the model learns whatever it is given.
 *
 * @param features Row-major features from `hashedBagOfWords`.
 * @param labels One 0/1 label per training row, in the order of `options.rows`.
 * @param options Seed, training rows, epochs and learning rate; see
 *   {@link FitTextClassifierOptions}.
 * @returns The trained model; dispose it when done.
 * @throws {TypeError} If `features` has no Float32Array values.
 * @throws {RangeError} If the shape of `features` is inconsistent, a row index is out of range,
 *   there are no rows, the labels do not match the rows or are not 0/1, or `seed` or `epochs`
 *   is not a valid integer.
 * @see notebooks/03_data_collection.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitTextClassifier, hashedBagOfWords, textClassifierAccuracy } from "@lib/text/mod.ts";
 * import { setupTf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const docs = [["win", "money"], ["meeting", "notes"], ["free", "money"], ["lunch", "notes"]];
 * const features = hashedBagOfWords(docs, { dimensions: 64 });
 * const labels = [1, 0, 1, 0];
 * const model = await fitTextClassifier(features, labels, { seed: 0 });
 * assert.equal(textClassifierAccuracy(model, features, labels), 1);
 * model.dispose();
 * ```
 */
export async function fitTextClassifier(
  features: HashedFeatures,
  labels: ArrayLike<number>,
  options: FitTextClassifierOptions,
): Promise<tf.Sequential> {
  const context = "fit a text classifier";
  const { seed, rows, epochs = 40, learningRate = 0.1 } = options;
  const used = checkedRows(features, labels, rows, context);
  assertInteger(seed, "seed", context, { min: 0 });
  assertInteger(epochs, "epochs", context, { min: 1 });
  const model = logisticRegression({ inputDim: features.numFeatures, seed, learningRate });
  const x = rowsTensor(features, used);
  const y = tf.tensor2d(Float32Array.from(labels), [used.length, 1]);
  try {
    await fit(model, x, y, { epochs, batchSize: used.length, seed, progress: false });
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    tf.dispose([x, y]);
  }
  return model;
}

/**
 * Accuracy of a binary text classifier on the given rows: the share of rows whose predicted
 * probability, thresholded at 0.5, matches the label.
 *
 * $$\mathrm{accuracy} = \frac{1}{n}\sum_i \mathbf{1}\big[\mathbf{1}[p_i > 0.5] = y_i\big]$$
 *
 * @param model A model with one sigmoid output, e.g. from {@link fitTextClassifier}.
 * @param features Row-major features from `hashedBagOfWords`.
 * @param labels One true 0/1 label per scored row, in the order of `options.rows`.
 * @param options The rows to score; see {@link TextClassifierAccuracyOptions}.
 * @returns The accuracy, in [0, 1].
 * @throws {TypeError} If `features` has no Float32Array values.
 * @throws {RangeError} As {@link fitTextClassifier} for features, rows and labels.
 * @see notebooks/03_data_collection.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { hashedBagOfWords, textClassifierAccuracy } from "@lib/text/mod.ts";
 * import { logisticRegression } from "@lib/models/mod.ts";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const features = hashedBagOfWords([["a"], ["b"], ["c"]], { dimensions: 8 });
 * const model = logisticRegression({ inputDim: 8, seed: 0 });
 * const dense = model.layers[0];
 * tf.tidy(() => dense.setWeights(dense.getWeights().map((w) => tf.zerosLike(w)))); // p = 0.5
 * assert.equal(textClassifierAccuracy(model, features, [0, 1], { rows: [2, 0] }), 0.5);
 * model.dispose();
 * ```
 */
export function textClassifierAccuracy(
  model: tf.LayersModel,
  features: HashedFeatures,
  labels: ArrayLike<number>,
  options: TextClassifierAccuracyOptions = {},
): number {
  const context = "compute textClassifierAccuracy";
  const used = checkedRows(features, labels, options.rows, context);
  const x = rowsTensor(features, used);
  const y = tf.tensor2d(Float32Array.from(labels), [used.length, 1]);
  try {
    return evaluate(model, x, y).metrics.acc;
  } finally {
    tf.dispose([x, y]);
  }
}

/**
 * Predicted probability of class 1 for the given rows of a hashed feature
 * matrix, from a classifier trained by {@link fitTextClassifier}.
 *
 * @param model A model with one sigmoid output.
 * @param features Hashed features.
 * @param options The rows to predict; see {@link TextClassifierAccuracyOptions}.
 * @returns One probability per row, in row order.
 * @throws {TypeError} If `features` has no Float32Array values.
 * @throws {RangeError} If `features` is inconsistent or a row is out of range.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitTextClassifier, hashedBagOfWords, textClassifierProbabilities } from "@lib/text/mod.ts";
 * import { setupTf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const features = hashedBagOfWords([["win", "cash"], ["meeting", "notes"]], { dimensions: 16 });
 * const model = await fitTextClassifier(features, [1, 0], { seed: 1, epochs: 50 });
 * const p = textClassifierProbabilities(model, features, { rows: [0, 1] });
 * assert.ok(p[0] > 0.5 && p[1] < 0.5);
 * model.dispose();
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function textClassifierProbabilities(
  model: tf.LayersModel,
  features: HashedFeatures,
  options: TextClassifierAccuracyOptions = {},
): Float32Array {
  const context = "compute textClassifierProbabilities";
  const rows = options.rows ?? Array.from({ length: features?.numRows ?? 0 }, (_, i) => i);
  const used = checkedRows(features, Array.from(rows, () => 0), rows, context);
  const x = rowsTensor(features, used);
  try {
    return tf.tidy(() =>
      (model.predict(x, { batchSize: 1024 }) as tf.Tensor).dataSync() as Float32Array
    ).slice();
  } finally {
    x.dispose();
  }
}
