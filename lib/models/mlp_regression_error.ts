import { tf } from "../tf/mod.ts";
import { assertInteger, raise } from "../_shared/validate.ts";
import { meanAbsoluteError } from "../metrics/mod.ts";
import { fitStandardizer, standardize } from "./standardizer.ts";
import { mlp } from "./mlp.ts";
import { fit } from "./train.ts";
import { predictProba } from "./predict.ts";

/** Options of {@link mlpRegressionError}. */
export interface MlpRegressionErrorOptions {
  /** Rows of `x` and `y` to train on (the standardizer is fitted on these rows only). */
  trainRows: ArrayLike<number>;
  /** Rows of `x` and `y` to score. */
  testRows: ArrayLike<number>;
  /** Seed of the initial weights and of the training loop. */
  seed: number;
  /** Units of each hidden layer. @default [32] */
  hidden?: number[];
  /** Adam learning rate. @default 0.03 */
  learningRate?: number;
  /** Full-batch epochs. @default 150 */
  epochs?: number;
}

/** Held-out error of {@link mlpRegressionError}. */
export interface MlpRegressionError {
  /** Mean absolute error on the test rows, in the units of `y`. */
  meanAbsoluteError: number;
  /** Predictions for the test rows, in the order of `testRows`. */
  yPred: Float32Array;
}

/** Throws unless every entry of `rows` is an integer row index of a table with `n` rows. */
function assertRows(rows: ArrayLike<number>, name: string, n: number, context: string): void {
  if (rows === null || typeof rows !== "object" || typeof rows.length !== "number") {
    raise("type", context, `${name} must be an array of row indices`);
  }
  if (rows.length === 0) raise("range", context, `${name} must not be empty`);
  for (let j = 0; j < rows.length; j++) {
    assertInteger(rows[j], `${name}[${j}]`, context, { min: 0, max: n - 1 });
  }
}

/**
 * Trains a small multilayer perceptron regressor (ReLU hidden layers, linear output, mean squared
 * error, full-batch Adam) on rows `trainRows` of `x`, standardised with a standardizer fitted on
 * those rows only, and returns its mean absolute error on rows `testRows`:
 *
 * $$\mathrm{MAE} = \frac{1}{|T|}\sum_{i \in T} \lvert y_i - \hat y_i \rvert .$$
 *
 * The same `seed` gives the same weights, the same training and the same error. Rows outside
 * `trainRows` and `testRows` are never read, so they may hold missing values (`NaN`).
 *
 * @param x One feature row per example, all of the same width.
 * @param y One target per row of `x`.
 * @param options Train and test rows, seed and network size; see {@link MlpRegressionErrorOptions}.
 * @returns The test error and the test predictions.
 * @throws {TypeError} If `x` is not an array of rows or the row lists are not arrays.
 * @throws {RangeError} If `x` is empty, a row has another width, `y` has another length, a row
 *   list is empty or holds an index out of range, or a used feature or target is not finite.
 * @see notebooks/03_data_collection.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mlpRegressionError } from "@lib/models/mod.ts";
 * import { setupTf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const x = Array.from({ length: 40 }, (_, i) => [i / 4]);
 * const y = x.map(([v]) => 2 * v + 1); // a line: an easy target
 * const rows = Array.from({ length: 40 }, (_, i) => i);
 * const result = await mlpRegressionError(x, y, {
 *   trainRows: rows.filter((i) => i % 4 !== 0),
 *   testRows: rows.filter((i) => i % 4 === 0),
 *   seed: 0,
 * });
 * assert.equal(result.yPred.length, 10);
 * assert.ok(result.meanAbsoluteError < 1); // y spans 1 to 10.75
 * ```
 */
export async function mlpRegressionError(
  x: readonly (readonly number[])[],
  y: ArrayLike<number>,
  options: MlpRegressionErrorOptions,
): Promise<MlpRegressionError> {
  const context = "compute mlpRegressionError";
  const { trainRows, testRows, seed, hidden = [32], learningRate = 0.03, epochs = 150 } = options;
  if (!Array.isArray(x)) raise("type", context, "x must be an array of feature rows");
  if (x.length === 0) raise("range", context, "x must have at least one row");
  if (!Array.isArray(x[0])) raise("type", context, "x[0] must be an array of numbers");
  const width = x[0].length;
  if (width === 0) raise("range", context, "x rows must have at least one feature");
  if (y?.length !== x.length) {
    raise("range", context, `x and y must have the same length, got ${x.length} and ${y?.length}`);
  }
  assertInteger(seed, "seed", context, { min: 0 });
  assertInteger(epochs, "epochs", context, { min: 1 });
  assertRows(trainRows, "trainRows", x.length, context);
  assertRows(testRows, "testRows", x.length, context);
  for (const [name, rows] of [["trainRows", trainRows], ["testRows", testRows]] as const) {
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j];
      if (!Array.isArray(x[i]) || x[i].length !== width) {
        raise("range", context, `x[${i}] must have ${width} features like x[0]`);
      }
      if (!x[i].every(Number.isFinite)) {
        raise("range", context, `x[${i}] must be finite (it is in ${name})`);
      }
      if (!Number.isFinite(y[i])) {
        raise("range", context, `y[${i}] must be finite (it is in ${name}), got ${y[i]}`);
      }
    }
  }
  const pick = (rows: ArrayLike<number>) => Array.from(rows).flatMap((i) => x[i]);
  const scaler = fitStandardizer(pick(trainRows), width);
  const tensor = (rows: ArrayLike<number>) =>
    tf.tensor2d(standardize(pick(rows), scaler), [rows.length, width]);
  const [xTrain, xTest] = [tensor(trainRows), tensor(testRows)];
  const yTrain = tf.tensor2d(Float32Array.from(trainRows, (i) => y[i]), [trainRows.length, 1]);
  const model = mlp({
    inputDim: width,
    hidden,
    outputDim: 1,
    outputActivation: "linear",
    seed,
    learningRate,
  });
  try {
    await fit(model, xTrain, yTrain, {
      epochs,
      batchSize: trainRows.length,
      seed,
      progress: false,
    });
    const yPred = predictProba(model, xTest);
    return {
      meanAbsoluteError: meanAbsoluteError(Array.from(testRows, (i) => y[i]), yPred),
      yPred,
    };
  } finally {
    tf.dispose([xTrain, xTest, yTrain]);
    model.dispose();
  }
}
