import { tf } from "../tf/mod.ts";
import { assertFiniteArray, assertInteger, raise } from "../_shared/validate.ts";
import { fitStandardizer, standardize, type Standardizer } from "./standardizer.ts";
import { mlp } from "./mlp.ts";
import { fit } from "./train.ts";
import { predictProba } from "./predict.ts";

/** Options of {@link fitTabular}. */
export interface FitTabularOptions {
  /** Seed of the initial weights and of the batch order. */
  seed: number;
  /** `"sigmoid"`: a 0/1 target (cross-entropy); `"linear"`: a numeric target (squared error). */
  output: "sigmoid" | "linear";
  /** Units of each hidden layer; `[]` gives a linear or logistic model. @default [] */
  hidden?: number[];
  /** Hidden activation. @default "relu" */
  activation?: "relu" | "tanh";
  /** Passes over the data. @default 100 */
  epochs?: number;
  /** Rows per step; `Infinity` for full batch. @default Infinity */
  batchSize?: number;
  /** Adam learning rate. @default 0.03 */
  learningRate?: number;
  /** L2 penalty on the kernels (of the standardised problem). @default 0 */
  l2?: number;
  /** Rows `[x, y]` whose loss is recorded after every epoch (a learning curve). */
  validation?: [readonly (readonly number[])[], ArrayLike<number>];
}

/** A model fitted by {@link fitTabular}: predictions on plain rows and the loss curves. */
export interface TabularModel {
  /** Probability (sigmoid) or value (linear) for each row. */
  predict(x: readonly (readonly number[])[]): Float64Array;
  /** Training loss per epoch (mean squared error in the target's units for `"linear"`). */
  loss: number[];
  /** Validation loss per epoch, same units (empty without `validation`). */
  valLoss: number[];
  /** Frees the network's weights; `predict` fails afterwards. */
  dispose(): void;
}

function matrix(
  x: readonly (readonly number[])[],
  width: number | undefined,
  name: string,
  context: string,
): { values: Float32Array; width: number } {
  if (!Array.isArray(x) || x.length === 0) {
    raise("range", context, `${name} must be a non-empty array of rows`);
  }
  const w = width ?? x[0].length;
  const values = new Float32Array(x.length * w);
  x.forEach((row, i) => {
    assertFiniteArray(row, `${name}[${i}]`, context);
    if (row.length !== w) {
      raise("range", context, `${name}[${i}] must have ${w} values, got ${row.length}`);
    }
    values.set(row, i * w);
  });
  return { values, width: w };
}

/**
 * Fits a small tabular model (logistic or linear regression, or an MLP) on rows of numeric
 * features: the features (and a numeric target) are standardised with statistics of the
 * training rows, the
 * network is trained with Adam, and the model returned predicts on raw rows and keeps its
 * training (and validation) loss per epoch. Only the network's weights stay in memory,
 * until `dispose()`.
 *
 * @param x Training rows, all of one width, finite.
 * @param y One target per row (0/1 for `"sigmoid"`).
 * @param options Seed, output, architecture, epochs, learning rate, optional validation rows.
 * @returns A {@link TabularModel}.
 * @throws {RangeError} If `x` is empty, rows differ in width or are not finite, or lengths differ.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitTabular } from "@lib/models/mod.ts";
 * import { setupTf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const x = Array.from({ length: 40 }, (_, i) => [i / 10]);
 * const model = await fitTabular(x, x.map(([v]) => 3 * v - 1), { seed: 1, output: "linear", epochs: 300, learningRate: 0.1 });
 * assert.ok(Math.abs(model.predict([[2]])[0] - 5) < 0.1);
 * assert.equal(model.loss.length, 300);
 * model.dispose();
 * ```
 */
export async function fitTabular(
  x: readonly (readonly number[])[],
  y: ArrayLike<number>,
  options: FitTabularOptions,
): Promise<TabularModel> {
  const context = "fit a tabular model";
  const {
    seed,
    output,
    hidden = [],
    activation = "relu",
    epochs = 100,
    batchSize = Infinity,
    learningRate = 0.03,
    l2 = 0,
    validation,
  } = options;
  assertInteger(seed, "seed", context, { min: 0 });
  if (output !== "sigmoid" && output !== "linear") {
    raise("range", context, `output must be "sigmoid" or "linear", got ${JSON.stringify(output)}`);
  }
  const train = matrix(x, undefined, "x", context);
  assertFiniteArray(y, "y", context);
  if (y.length !== x.length) {
    raise("range", context, `x and y must have the same length, got ${x.length} and ${y.length}`);
  }
  const standardizer: Standardizer = fitStandardizer(train.values, train.width);
  // A numeric target is standardised too, so that the learning rate does not depend on its units.
  const yMean = output === "linear" ? Array.from(y).reduce((a, b) => a + b, 0) / y.length : 0;
  const yVar = output === "linear"
    ? Array.from(y).reduce((a, b) => a + (b - yMean) ** 2, 0) / y.length
    : 1;
  const yScale = yVar > 0 ? Math.sqrt(yVar) : 1;
  const model = mlp({
    inputDim: train.width,
    hidden,
    outputDim: 1,
    activation,
    outputActivation: output,
    seed,
    l2,
    learningRate,
  });
  const tensors = (v: Float32Array, t: ArrayLike<number>) =>
    [
      tf.tensor2d(standardize(v, standardizer), [t.length, train.width]),
      tf.tensor2d(Float32Array.from(t, (v) => (v - yMean) / yScale), [t.length, 1]),
    ] as [tf.Tensor, tf.Tensor];
  const [xt, yt] = tensors(train.values, y);
  const val = validation
    ? tensors(matrix(validation[0], train.width, "validation x", context).values, validation[1])
    : undefined;
  try {
    const history = await fit(model, xt, yt, {
      epochs,
      batchSize: Number.isFinite(batchSize) ? batchSize : x.length,
      seed,
      progress: false,
      validationData: val,
    });
    const predict = (rows: readonly (readonly number[])[]) => {
      const m = matrix(rows, train.width, "rows", "predict with a tabular model");
      const t = tf.tensor2d(standardize(m.values, standardizer), [rows.length, train.width]);
      try {
        return Float64Array.from(predictProba(model, t), (v) => v * yScale + yMean);
      } finally {
        t.dispose();
      }
    };
    return {
      predict,
      loss: history.loss.map((l) => l * yScale ** 2),
      valLoss: (history.valLoss ?? []).map((l) => l * yScale ** 2),
      dispose: () => model.dispose(),
    };
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    tf.dispose([xt, yt, ...(val ?? [])]);
  }
}
