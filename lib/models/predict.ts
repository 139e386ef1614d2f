import { tf } from "../tf/mod.ts";
import { assertInteger, raise } from "../_shared/validate.ts";

/** Options of {@link predictProba} and {@link evaluate}. */
export interface BatchOptions {
  /** Rows per forward pass. @default 1024 */
  batchSize?: number;
}

/** Loss and metrics of a model on a data set. */
export interface Evaluation {
  /** Mean loss plus regularisation penalties, as in the training loss. */
  loss: number;
  /** Metric values by the model's metric names, e.g. `{ acc: 0.93 }`. */
  metrics: Record<string, number>;
}

/** Throws unless `value` is a tf.Tensor with at least one dimension. */
export function _assertBatchTensor(
  value: unknown,
  name: string,
  context: string,
): asserts value is tf.Tensor {
  if (!(value instanceof tf.Tensor)) raise("type", context, `${name} must be a tf.Tensor`);
  if (value.rank < 1) {
    raise("range", context, `${name} must have at least one dimension, got a scalar`);
  }
}

/**
 * Runs `model` on `x` in batches of `batchSize` rows and returns the outputs as one
 * `Float32Array`, row-major: `n` values for one output unit (e.g. the probability of class 1 of
 * a logistic regression), `n·k` for `k` outputs (row `i` at `[i·k, (i+1)·k)`). Every batch runs
 * inside `tf.tidy`, so no tensor outlives the call.
 *
 * Pass a large batch for throughput: tfjs's own `predict` defaults to 32 rows per batch.
 *
 * @param model A model with one output.
 * @param x Inputs, first dimension = rows.
 * @param options See {@link BatchOptions}.
 * @returns The outputs.
 * @throws {TypeError} If `x` is not a tensor. @throws {RangeError} If `batchSize` < 1.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logisticRegression, predictProba } from "@lib/models/mod.ts";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const model = logisticRegression({ inputDim: 2, seed: 0 });
 * const x = tf.zeros([3, 2]);
 * const p = predictProba(model, x, { batchSize: 2 });
 * assert.deepEqual([...p], [0.5, 0.5, 0.5]); // zero input → σ(bias = 0)
 * x.dispose();
 * model.dispose();
 * ```
 */
export function predictProba(
  model: tf.LayersModel,
  x: tf.Tensor,
  options: BatchOptions = {},
): Float32Array {
  const context = "predict";
  const { batchSize = 1024 } = options;
  _assertBatchTensor(x, "x", context);
  assertInteger(batchSize, "batchSize", context, { min: 1 });
  const n = x.shape[0];
  const width = model.outputs[0].shape.slice(1).reduce((a: number, d) => a * (d ?? 1), 1);
  const out = new Float32Array(n * width);
  const size: number[] = x.shape.map((_, i) => (i === 0 ? 0 : -1));
  const begin = x.shape.map(() => 0);
  for (let start = 0; start < n; start += batchSize) {
    const rows = Math.min(batchSize, n - start);
    begin[0] = start;
    size[0] = rows;
    const values = tf.tidy(() => {
      const batch = rows === n ? x : tf.slice(x, begin, size);
      // `apply` skips `predict`'s input checks and re-slicing: ~30 % less time per small call.
      return (model.apply(batch, { training: false }) as tf.Tensor).dataSync();
    });
    out.set(values, start * width);
  }
  return out;
}

/**
 * The model's loss and compiled metrics on `(x, y)`, computed in batches of `batchSize` rows
 * (tfjs's `evaluate` with an explicit batch size; results are batch-size-weighted means). The
 * loss includes the weight penalties (e.g. L2) as the training loss does, so that training and
 * validation curves are comparable; tfjs's own `evaluate` leaves them out.
 *
 * @param model A compiled model.
 * @param x Inputs. @param y Targets (same number of rows).
 * @param options See {@link BatchOptions}.
 * @returns `{ loss, metrics }`.
 * @throws {RangeError} If `x` and `y` have different numbers of rows.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { evaluate, logisticRegression } from "@lib/models/mod.ts";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const model = logisticRegression({ inputDim: 2, seed: 0 });
 * const [x, y] = [tf.zeros([4, 2]), tf.zeros([4, 1])];
 * const { loss, metrics } = evaluate(model, x, y);
 * assert.ok(Math.abs(loss - Math.LN2) < 1e-6); // −log(1 − σ(0))
 * assert.equal(metrics.acc, 1); // p = 0.5 is not above the 0.5 threshold: class 0
 * tf.dispose([x, y]);
 * model.dispose();
 * ```
 */
export function evaluate(
  model: tf.LayersModel,
  x: tf.Tensor,
  y: tf.Tensor,
  options: BatchOptions = {},
): Evaluation {
  const context = "evaluate a model";
  const { batchSize = 1024 } = options;
  _assertBatchTensor(x, "x", context);
  _assertBatchTensor(y, "y", context);
  if (x.shape[0] !== y.shape[0]) {
    raise(
      "range",
      context,
      `x and y must have the same number of rows, got ${x.shape[0]} and ${y.shape[0]}`,
    );
  }
  assertInteger(batchSize, "batchSize", context, { min: 1 });
  const result = model.evaluate(x, y, { batchSize, verbose: 0 });
  const scalars = Array.isArray(result) ? result : [result];
  const values = scalars.map((s) => s.dataSync()[0]);
  tf.dispose(scalars);
  const penalties = tf.tidy(() => model.calculateLosses().map((p) => p.dataSync()[0]));
  for (const p of penalties) values[0] += p;
  const names = model.metricsNames;
  const metrics: Record<string, number> = {};
  for (let i = 1; i < values.length; i++) metrics[names[i]] = values[i];
  return { loss: values[0], metrics };
}
