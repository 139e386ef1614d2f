import { recoverEngine, tf } from "../tf/mod.ts";
import { permutation, resolveRng, type Rng } from "../random/mod.ts";
import { createProgress } from "../plot/progress.ts";
import { assertInteger, raise } from "../_shared/validate.ts";
import { createEarlyStopping, type EarlyStoppingOptions } from "./early_stopping.ts";
import { _assertBatchTensor, evaluate } from "./predict.ts";

/** What {@link fit} returns: per-epoch values that curve plots consume. */
export interface History {
  /** Epoch numbers, starting at 1. */
  epoch: number[];
  /** Mean training loss of each epoch (batch-size weighted, in training mode). */
  loss: number[];
  /** Validation loss after each epoch, when `validationData` was given. */
  valLoss?: number[];
  /** Compiled metrics per epoch: training under the model's names (`acc`), validation as `valAcc`. */
  metrics: Record<string, number[]>;
  /** The epoch with the best monitored value (early stopping's, else lowest valLoss, else loss). */
  bestEpoch: number;
  /** Whether early stopping ended training before `epochs`. */
  stoppedEarly: boolean;
}

/** Values passed to `onEpochEnd`: `loss`, `valLoss` and every metric of the epoch. */
export type EpochLogs = Record<string, number>;

/** Options of {@link fit}. */
export interface FitOptions {
  /** Passes over the training data. */
  epochs: number;
  /** Rows per gradient step. @default 32 */
  batchSize?: number;
  /** Seed of the batch order (or pass `rng`); required unless `shuffle` is false. */
  seed?: number;
  /** Generator for the batch order (instead of `seed`). */
  rng?: Rng;
  /** Reshuffle the rows every epoch; `false` keeps the given order. @default true */
  shuffle?: boolean;
  /** `[x, y]` evaluated after every epoch. */
  validationData?: [tf.Tensor, tf.Tensor];
  /** Rows per forward pass when evaluating the validation data. @default 1024 */
  evalBatchSize?: number;
  /** Stop when the monitored value stops improving (see `createEarlyStopping`). */
  earlyStopping?: EarlyStoppingOptions;
  /** Show a progress bar (in the kernel, or on stderr). @default true */
  progress?: boolean;
  /** Label of the progress bar. @default "fit" */
  label?: string;
  /** Called after every epoch with its number (from 1) and values. */
  onEpochEnd?: (epoch: number, logs: EpochLogs) => void | Promise<void>;
}

const CONTEXT = "fit a model";

function camelVal(name: string): string {
  return `val${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

function validate(model: tf.LayersModel, x: unknown, y: unknown, options: FitOptions): void {
  if (!(model instanceof tf.LayersModel)) raise("type", CONTEXT, "model must be a tf.LayersModel");
  if (model.optimizer == null) {
    raise(
      "type",
      CONTEXT,
      "model must be compiled (the factories in lib/models return compiled models)",
    );
  }
  _assertBatchTensor(x, "x", CONTEXT);
  _assertBatchTensor(y, "y", CONTEXT);
  if (x.shape[0] !== y.shape[0]) {
    raise(
      "range",
      CONTEXT,
      `x and y must have the same number of rows, got ${x.shape[0]} and ${y.shape[0]}`,
    );
  }
  if (x.shape[0] === 0) raise("range", CONTEXT, "x must have at least one row");
  assertInteger(options.epochs, "epochs", CONTEXT, { min: 1 });
  assertInteger(options.batchSize ?? 32, "batchSize", CONTEXT, { min: 1 });
  assertInteger(options.evalBatchSize ?? 1024, "evalBatchSize", CONTEXT, { min: 1 });
  const v = options.validationData;
  if (v !== undefined) {
    if (!Array.isArray(v) || v.length !== 2) {
      raise("type", CONTEXT, "validationData must be a pair [x, y] of tensors");
    }
    _assertBatchTensor(v[0], "validationData[0]", CONTEXT);
    _assertBatchTensor(v[1], "validationData[1]", CONTEXT);
  }
  if (options.earlyStopping !== undefined) {
    const { monitor } = createEarlyStopping(options.earlyStopping).options; // validates too
    const names = ["loss", ...model.metricsNames.slice(1)];
    const known = v === undefined ? names : [...names, ...names.map(camelVal)];
    if (v === undefined && names.map(camelVal).includes(monitor)) {
      raise("range", CONTEXT, `early stopping monitors "${monitor}", which needs validationData`);
    }
    if (!known.includes(monitor)) {
      raise(
        "range",
        CONTEXT,
        `early stopping monitors "${monitor}", which is not one of ${known.join(", ")}`,
      );
    }
  }
}

/** One epoch of minibatch steps; returns the size-weighted means of loss and metrics. */
async function runEpoch(
  model: tf.LayersModel,
  x: tf.Tensor,
  y: tf.Tensor,
  order: Int32Array,
  batchSize: number,
): Promise<number[]> {
  const n = order.length;
  let sums: number[] = [];
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(start + batchSize, n);
    const idx = tf.tensor1d(order.subarray(start, end), "int32");
    const xb = tf.gather(x, idx);
    const yb = tf.gather(y, idx);
    try {
      const out = await model.trainOnBatch(xb, yb);
      const values = Array.isArray(out) ? out : [out];
      if (sums.length === 0) sums = values.map(() => 0);
      values.forEach((v, i) => (sums[i] += v * (end - start)));
    } finally {
      tf.dispose([idx, xb, yb]);
    }
  }
  return sums.map((s) => s / n);
}

/**
 * Trains a compiled model by minibatch gradient descent, reproducibly: the rows are shuffled
 * each epoch by a seeded permutation (never tfjs's `shuffle: true`, which uses `Math.random`),
 * each batch is gathered and passed to `trainOnBatch`, and every tensor made on the way is
 * disposed. Optionally evaluates validation data after each epoch, stops early on a monitored
 * value (restoring the best weights), and shows a progress bar.
 *
 * @param model A compiled `tf.LayersModel` (e.g. from `mlp` or `logisticRegression`).
 * @param x Training inputs, first dimension = rows.
 * @param y Training targets, same number of rows.
 * @param options See {@link FitOptions}; `epochs` and `seed` (or `rng`) are required (the seed
 *   only when shuffling).
 * @returns The {@link History}.
 * @throws {TypeError} If the model is not compiled, or `x`/`y` are not tensors, or no seed.
 * @throws {RangeError} If row counts differ or a size option is not a positive integer.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fit, logisticRegression } from "@lib/models/mod.ts";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const x = tf.tensor2d([[-2], [-1], [1], [2]]);
 * const y = tf.tensor2d([[0], [0], [1], [1]]);
 * const model = logisticRegression({ inputDim: 1, seed: 0, learningRate: 0.1 });
 * const history = await fit(model, x, y, { epochs: 20, batchSize: 2, seed: 1, progress: false });
 * assert.equal(history.epoch.length, 20);
 * assert.ok(history.loss[19] < history.loss[0]);
 * tf.dispose([x, y]);
 * model.dispose();
 * ```
 */
export async function fit(
  model: tf.LayersModel,
  x: tf.Tensor,
  y: tf.Tensor,
  options: FitOptions,
): Promise<History> {
  validate(model, x, y, options);
  // A training stopped by a kernel interrupt leaves the engine recording no gradients.
  recoverEngine();
  const { epochs, batchSize = 32, shuffle = true, validationData, evalBatchSize = 1024 } = options;
  const rng = shuffle ? resolveRng({ seed: options.seed, rng: options.rng }, CONTEXT) : undefined;
  const stopper = options.earlyStopping === undefined
    ? undefined
    : createEarlyStopping(options.earlyStopping);
  const names = model.metricsNames.slice(1);
  const history: History = { epoch: [], loss: [], metrics: {}, bestEpoch: 0, stoppedEarly: false };
  if (validationData !== undefined) history.valLoss = [];
  const bar = createProgress({
    total: epochs,
    label: options.label ?? "fit",
    mode: options.progress === false ? "silent" : "auto",
  });
  const n = x.shape[0];
  const inOrder = Int32Array.from({ length: n }, (_, i) => i);
  let best: tf.Tensor[] | undefined;
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const order = rng === undefined ? inOrder : permutation(n, { rng });
      const [loss, ...metricValues] = await runEpoch(model, x, y, order, batchSize);
      const logs: EpochLogs = { loss };
      names.forEach((name, i) => (logs[name] = metricValues[i]));
      if (validationData !== undefined) {
        const ev = evaluate(model, validationData[0], validationData[1], {
          batchSize: evalBatchSize,
        });
        logs.valLoss = ev.loss;
        for (const [name, value] of Object.entries(ev.metrics)) logs[camelVal(name)] = value;
      }
      history.epoch.push(epoch);
      history.loss.push(loss);
      if (logs.valLoss !== undefined) history.valLoss!.push(logs.valLoss);
      for (const [name, value] of Object.entries(logs)) {
        if (name !== "loss" && name !== "valLoss") (history.metrics[name] ??= []).push(value);
      }
      await options.onEpochEnd?.(epoch, logs);
      bar.update(epoch, {
        loss: Number(loss.toPrecision(4)),
        ...(logs.valLoss === undefined ? {} : { valLoss: Number(logs.valLoss.toPrecision(4)) }),
      });
      if (stopper !== undefined) {
        const monitored = logs[stopper.options.monitor];
        const step = stopper.observe(epoch, monitored);
        if (step.improved && stopper.options.restoreBest) {
          tf.dispose(best);
          best = model.getWeights().map((w) => tf.clone(w));
        }
        if (step.stop) {
          history.stoppedEarly = true;
          break;
        }
      }
    }
    if (stopper !== undefined) {
      history.bestEpoch = stopper.bestEpoch;
      if (best !== undefined && stopper.bestEpoch !== history.epoch.at(-1)) model.setWeights(best);
    } else {
      const curve = history.valLoss ?? history.loss;
      history.bestEpoch = history.epoch[curve.indexOf(Math.min(...curve))] ?? 0;
    }
  } finally {
    tf.dispose(best);
    bar.finish();
  }
  return history;
}
