import { createInitializers, tf } from "../tf/mod.ts";
import { assertInteger } from "../_shared/validate.ts";
import { _compileFor, _l2Regularizer, type OptimizerName } from "./_compile.ts";

/** Options of {@link logisticRegression}. */
export interface LogisticRegressionOptions {
  /** Number of input features. */
  inputDim: number;
  /** Seed of the initial weights. */
  seed: number;
  /** L2 penalty $\lambda \sum_j w_j^2$ added to the loss (not on the bias). @default 0 */
  l2?: number;
  /** Optimiser. @default "adam" */
  optimizer?: OptimizerName;
  /** Learning rate. @default 0.01 */
  learningRate?: number;
}

/**
 * A compiled logistic regression: one dense unit with a sigmoid, trained on the mean binary
 * cross-entropy (log loss) plus an optional L2 penalty, with accuracy as metric.
 *
 * $$p(y = 1 \mid x) = \sigma(w^\top x + b),\qquad
 * L = -\frac{1}{n}\sum_i \big[y_i \log p_i + (1 - y_i)\log(1 - p_i)\big] + \lambda \lVert w \rVert^2$$
 *
 * Targets are 0/1 in a tensor of shape `[n, 1]`. Standardise the features (on the training
 * split) first: gradient descent on raw features of very different scales converges slowly.
 *
 * @param options See {@link LogisticRegressionOptions}.
 * @returns A compiled `tf.Sequential`; train it with `fit` from `lib/models`.
 * @throws {RangeError} If `inputDim` is not a positive integer, `l2` is negative or
 *   `learningRate` is not positive.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logisticRegression } from "@lib/models/mod.ts";
 * import { setupTf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const model = logisticRegression({ inputDim: 5, seed: 0, l2: 1e-3 });
 * assert.equal(model.countParams(), 6);
 * model.dispose();
 * ```
 */
export function logisticRegression(options: LogisticRegressionOptions): tf.Sequential {
  const context = "build a logistic regression";
  const { inputDim, seed, l2 = 0, optimizer = "adam", learningRate = 0.01 } = options;
  assertInteger(inputDim, "inputDim", context, { min: 1 });
  assertInteger(seed, "seed", context, { min: 0 });
  const kernelRegularizer = _l2Regularizer(l2, context);
  const model = tf.sequential();
  model.add(tf.layers.dense({
    units: 1,
    activation: "sigmoid",
    inputShape: [inputDim],
    kernelInitializer: createInitializers({ seed }).glorotUniform(),
    kernelRegularizer,
  }));
  _compileFor(model, "sigmoid", optimizer, learningRate, context);
  return model;
}
