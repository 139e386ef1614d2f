/**
 * Models and training for chapters 1–3, 6 and 7: small model factories (logistic regression,
 * multilayer perceptron, seeded dropout), a reproducible training loop with validation, early
 * stopping and a {@link History} for learning curves, and batched prediction and evaluation;
 * for serving, a standardizer fitted on training rows and `denseScorer`, which compiles a trained
 * dense model into a plain JavaScript scoring function. Chapters 2 and 3 also use the
 * histogram-based decision trees and random forests of `./forest/` (no TensorFlow.js).
 *
 * The neural models run on TensorFlow.js as set up by `setupTf()` from `lib/tf`.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { fit, mlp, predictProba } from "@lib/models/mod.ts";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const x = tf.tensor2d([[0, 0], [0, 1], [1, 0], [1, 1]]);
 * const y = tf.tensor2d([[0], [1], [1], [0]]);
 * const model = mlp({ inputDim: 2, hidden: [8], outputDim: 1, seed: 3, learningRate: 0.05 });
 * const history = await fit(model, x, y, { epochs: 150, batchSize: 4, seed: 0, progress: false });
 * const p = predictProba(model, x);
 * assert.deepEqual([...p].map((v) => (v > 0.5 ? 1 : 0)), [0, 1, 1, 0]); // XOR
 * assert.ok(history.loss.at(-1)! < 0.3);
 * tf.dispose([x, y]);
 * model.dispose();
 * ```
 *
 * @module
 */
export * from "./logistic_regression.ts";
export * from "./mlp.ts";
export * from "./seeded_dropout.ts";
export * from "./early_stopping.ts";
export * from "./train.ts";
export { evaluate, predictProba } from "./predict.ts";
export type { BatchOptions, Evaluation } from "./predict.ts";
export type { OptimizerName, OutputActivation } from "./_compile.ts";
export * from "./standardizer.ts";
export * from "./dense_scorer.ts";
export * from "./forest/mod.ts";
export * from "./mlp_regression_error.ts";
export * from "./fit_tabular.ts";
export * from "./target_encoder.ts";
export * from "./platt_scaling.ts";
export * from "./select_columns.ts";
export * from "./fit_row_scorer.ts";
export * from "./isotonic_calibration.ts";
