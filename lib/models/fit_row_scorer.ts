import { tf } from "../tf/mod.ts";
import { assertFiniteArray, assertInteger, raise } from "../_shared/validate.ts";
import { fitStandardizer, standardize, type Standardizer } from "./standardizer.ts";
import { type DenseScorer, denseScorer, type ScoreRows } from "./dense_scorer.ts";
import { selectColumns } from "./select_columns.ts";
import { fit, type History } from "./train.ts";
import type { EarlyStoppingOptions } from "./early_stopping.ts";

/** Options of {@link fitRowScorer}. */
export interface RowScorerOptions {
  /** Builds the (untrained, compiled) model for the number of columns it reads. */
  model: (inputDim: number) => tf.LayersModel;
  /** Passes over the training rows (the cap when early stopping is on). */
  epochs: number;
  /** Seed of the batch order. */
  seed: number;
  /** Columns of the rows the model reads, in this order. @default every column */
  columns?: readonly number[];
  /** Rows per gradient step. @default 32 */
  batchSize?: number;
  /** Rows and targets evaluated after every epoch (e.g. the validation days). */
  validation?: { rows: ScoreRows; y: ArrayLike<number> };
  /** Stop when the validation loss stops improving; needs `validation`. */
  earlyStopping?: EarlyStoppingOptions;
  /** Show a progress bar. @default true */
  progress?: boolean;
  /** Label of the progress bar. @default "fit" */
  label?: string;
}

/** A model trained by {@link fitRowScorer}, with a scoring function for full feature rows. */
export interface RowScorer {
  /** The trained model (reads the standardised chosen columns); dispose it when done. */
  model: tf.LayersModel;
  /** Scores full, raw feature rows (all columns): picks the columns, standardises, predicts. */
  score: DenseScorer;
  /** Losses per epoch, the epoch kept and whether validation stopped training. */
  history: History;
  /** Mean and standard deviation of the chosen columns on the training rows. */
  standardizer: Standardizer;
  /** The columns read. */
  columns: readonly number[];
}

function rowWidth(rows: ScoreRows, name: string, context: string): number {
  if (rows === null || typeof rows !== "object") {
    raise("type", context, `${name} must be rows { values, numRows }`);
  }
  assertInteger(rows.numRows, `${name}.numRows`, context, { min: 1 });
  assertFiniteArray(rows.values, `${name}.values`, context);
  if (rows.values.length === 0 || rows.values.length % rows.numRows !== 0) {
    raise(
      "range",
      context,
      `${name}.values.length must be a positive multiple of ${name}.numRows, got ${rows.values.length} and ${rows.numRows}`,
    );
  }
  return rows.values.length / rows.numRows;
}

/**
 * Trains a model on chosen columns of row-major feature rows and returns it with
 * a plain scoring function of **full** rows: the columns are standardised with the
 * mean and standard deviation of the training rows
 * ($z = (x - \mu_\text{train}) / \sigma_\text{train}$), the model is trained with `fit`
 * (seeded batch order, optional validation and early stopping), and `score` is a
 * `denseScorer` with the standardisation folded into the first layer that picks
 * the same columns from any row of the full width. Serving and evaluation then
 * read the same rows the features were computed as, with or without a column
 * (an ablation).
 *
 * @param rows Training rows (`values` row-major, finite).
 * @param y One target per row (0/1, or a grade scaled to [0, 1], for a sigmoid output).
 * @param options The model factory, `epochs`, `seed`; `columns`, `batchSize`,
 *   `validation`, `earlyStopping`, `progress`, `label`.
 * @returns A {@link RowScorer}.
 * @throws {RangeError} If the rows are empty or ragged, `y` or the validation targets
 *   have the wrong length, a column is out of range, the validation rows have another
 *   width, or `epochs`/`seed` are invalid.
 * @throws {TypeError} If `model` is not a function, or `earlyStopping` is given without `validation`.
 * @see notebooks/01_setup.ipynb
 * @example A logistic regression on the first of two columns
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitRowScorer, logisticRegression } from "@lib/models/mod.ts";
 * import { setupTf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const values = Array.from({ length: 40 }, (_, i) => (i % 2 ? 7 : (i - 20) / 10));
 * const y = Array.from({ length: 20 }, (_, r) => (values[2 * r] > 0 ? 1 : 0));
 * const r = await fitRowScorer({ values, numRows: 20 }, y, {
 *   model: (inputDim) => logisticRegression({ inputDim, seed: 1, learningRate: 0.3 }),
 *   columns: [0], epochs: 60, seed: 2, batchSize: 20, progress: false,
 * });
 * const [low, high] = r.score({ values: [-1, 7, 1, 7], numRows: 2 });
 * assert.ok(low < 0.5 && high > 0.5);
 * r.model.dispose();
 * ```
 */
export async function fitRowScorer(
  rows: ScoreRows,
  y: ArrayLike<number>,
  options: RowScorerOptions,
): Promise<RowScorer> {
  const context = "fit a row scorer";
  const width = rowWidth(rows, "rows", context);
  assertFiniteArray(y, "y", context);
  if (y.length !== rows.numRows) {
    raise(
      "range",
      context,
      `rows and y must have the same length, got ${rows.numRows} and ${y.length}`,
    );
  }
  const { model: make, epochs, seed, batchSize, validation, earlyStopping, progress, label } =
    options ?? ({} as RowScorerOptions);
  if (typeof make !== "function") raise("type", context, "model must be a function of inputDim");
  const columns = options.columns ?? Array.from({ length: width }, (_, c) => c);
  assertInteger(epochs, "epochs", context, { min: 1 });
  assertInteger(seed, "seed", context, { min: 0 });
  if (earlyStopping !== undefined && validation === undefined) {
    raise("type", context, "earlyStopping needs validation rows");
  }
  const pick = (values: ArrayLike<number>) => selectColumns(values, width, columns);
  const x = pick(rows.values);
  if (columns.length === 0) raise("range", context, "columns must name at least one column");
  const standardizer = fitStandardizer(x, columns.length);
  const tensors = (values: Float32Array, t: ArrayLike<number>) =>
    [
      tf.tensor2d(standardize(values, standardizer), [t.length, columns.length]),
      tf.tensor2d(Float32Array.from(t), [t.length, 1]),
    ] as [tf.Tensor, tf.Tensor];
  let val: [tf.Tensor, tf.Tensor] | undefined;
  if (validation !== undefined) {
    if (rowWidth(validation.rows, "validation.rows", context) !== width) {
      raise("range", context, `validation rows must have ${width} columns like the training rows`);
    }
    assertFiniteArray(validation.y, "validation.y", context);
    if (validation.y.length !== validation.rows.numRows) {
      raise(
        "range",
        context,
        `validation.rows and validation.y must have the same length, got ${validation.rows.numRows} and ${validation.y.length}`,
      );
    }
    val = tensors(pick(validation.rows.values), validation.y);
  }
  const [xs, ys] = tensors(x, y);
  const model = make(columns.length);
  try {
    const history = await fit(model, xs, ys, {
      epochs,
      seed,
      ...(batchSize === undefined ? {} : { batchSize }),
      ...(val ? { validationData: val } : {}),
      ...(earlyStopping ? { earlyStopping } : {}),
      ...(progress === undefined ? {} : { progress }),
      ...(label === undefined ? {} : { label }),
    });
    const scorer = denseScorer(model, { standardizer });
    const all = columns.length === width && columns.every((c, i) => c === i);
    const score: DenseScorer = all
      ? scorer
      : (r) => scorer({ values: pick(r.values), numRows: r.numRows });
    return { model, score, history, standardizer, columns: [...columns] };
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    tf.dispose([xs, ys, ...(val ?? [])]);
  }
}
