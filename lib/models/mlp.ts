import { createInitializers, tf } from "../tf/mod.ts";
import { assertFiniteNumber, assertInteger, assertOneOf, raise } from "../_shared/validate.ts";
import {
  _compileFor,
  _l2Regularizer,
  type OptimizerName,
  type OutputActivation,
} from "./_compile.ts";
import { seededDropout } from "./seeded_dropout.ts";

/** Hidden-layer activations of {@link mlp}. */
export type HiddenActivation = "relu" | "tanh" | "sigmoid" | "elu";

/** Options of {@link mlp}. */
export interface MlpOptions {
  /** Number of input features. */
  inputDim: number;
  /** Units of each hidden layer, e.g. `[128, 64]`; `[]` gives a linear model. */
  hidden: number[];
  /** Number of outputs (1 for a binary or scalar target, k for k classes). */
  outputDim: number;
  /** Activation of the hidden layers. @default "relu" */
  activation?: HiddenActivation;
  /**
   * Output activation, which also picks the loss: `"sigmoid"` → binary cross-entropy,
   * `"softmax"` → categorical cross-entropy (one-hot targets), `"linear"` → mean squared error.
   * @default "sigmoid"
   */
  outputActivation?: OutputActivation;
  /** Seed of the initial weights and the dropout masks. */
  seed: number;
  /** Dropout rate after each hidden layer (seeded masks). @default 0 */
  dropout?: number;
  /** L2 penalty $\lambda \sum w^2$ on every kernel (not on biases). @default 0 */
  l2?: number;
  /** Optimiser. @default "adam" */
  optimizer?: OptimizerName;
  /** Learning rate. @default 0.001 */
  learningRate?: number;
}

/**
 * A compiled multilayer perceptron: dense hidden layers (He-normal weights for ReLU/ELU, Glorot
 * uniform otherwise), optional seeded dropout, and an output layer whose activation sets the
 * loss. Compiled with accuracy as metric for sigmoid and softmax outputs.
 *
 * $$h_0 = x,\quad h_{l} = \phi(W_l h_{l-1} + b_l),\quad \hat y = \sigma(W_{L+1} h_L + b_{L+1})$$
 *
 * @param options See {@link MlpOptions}.
 * @returns A compiled `tf.Sequential`; train it with `fit` from `lib/models`.
 * @throws {RangeError} If a size is not a positive integer or an option is out of range.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mlp } from "@lib/models/mod.ts";
 * import { setupTf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const model = mlp({ inputDim: 4, hidden: [8], outputDim: 3, outputActivation: "softmax", seed: 1 });
 * assert.deepEqual(model.outputs[0].shape, [null, 3]);
 * assert.equal(model.countParams(), 4 * 8 + 8 + 8 * 3 + 3);
 * model.dispose();
 * ```
 */
export function mlp(options: MlpOptions): tf.Sequential {
  const context = "build an MLP";
  const {
    inputDim,
    hidden,
    outputDim,
    activation = "relu",
    outputActivation = "sigmoid",
    seed,
    dropout = 0,
    l2 = 0,
    optimizer = "adam",
    learningRate = 0.001,
  } = options;
  assertInteger(inputDim, "inputDim", context, { min: 1 });
  assertInteger(outputDim, "outputDim", context, { min: 1 });
  if (!Array.isArray(hidden)) raise("type", context, "hidden must be an array of layer sizes");
  hidden.forEach((units, i) => assertInteger(units, `hidden[${i}]`, context, { min: 1 }));
  assertOneOf(activation, ["relu", "tanh", "sigmoid", "elu"], "activation", context);
  assertOneOf(outputActivation, ["sigmoid", "softmax", "linear"], "outputActivation", context);
  assertInteger(seed, "seed", context, { min: 0 });
  assertFiniteNumber(dropout, "dropout", context, { min: 0 });
  if (dropout >= 1) {
    raise("range", context, `dropout must be in [0, 1), got ${dropout}`);
  }
  const kernelRegularizer = _l2Regularizer(l2, context);
  const init = createInitializers({ seed });
  const hiddenInit = () =>
    activation === "relu" || activation === "elu" ? init.heNormal() : init.glorotUniform();
  const model = tf.sequential();
  hidden.forEach((units, i) => {
    model.add(tf.layers.dense({
      units,
      activation,
      kernelInitializer: hiddenInit(),
      kernelRegularizer,
      ...(i === 0 ? { inputShape: [inputDim] } : {}),
    }));
    if (dropout > 0) model.add(seededDropout({ rate: dropout, seed: init.nextSeed() }));
  });
  model.add(tf.layers.dense({
    units: outputDim,
    activation: outputActivation,
    kernelInitializer: init.glorotUniform(),
    kernelRegularizer,
    ...(hidden.length === 0 ? { inputShape: [inputDim] } : {}),
  }));
  _compileFor(model, outputActivation, optimizer, learningRate, context);
  return model;
}
