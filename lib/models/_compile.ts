import { tf } from "../tf/mod.ts";
import { assertFiniteNumber, assertOneOf, assertPositive } from "../_shared/validate.ts";

/** Output activations the model factories accept. */
export type OutputActivation = "sigmoid" | "softmax" | "linear";

/** Optimisers the model factories accept. */
export type OptimizerName = "adam" | "sgd";

/** Compiles `model` with the loss that matches its output activation and an optimiser. */
export function _compileFor(
  model: tf.LayersModel,
  outputActivation: OutputActivation,
  optimizer: OptimizerName,
  learningRate: number,
  context: string,
): void {
  assertOneOf(optimizer, ["adam", "sgd"], "optimizer", context);
  assertPositive(learningRate, "learningRate", context);
  const loss = outputActivation === "sigmoid"
    ? "binaryCrossentropy"
    : outputActivation === "softmax"
    ? "categoricalCrossentropy"
    : "meanSquaredError";
  // Compiling again (e.g. after freezing layers) replaces the optimiser; tfjs does not free the
  // old one, so free it here when this model owns it (its Adam moments would leak otherwise).
  const owned = model as unknown as { isOptimizerOwned?: boolean; optimizer?: tf.Optimizer };
  if (owned.isOptimizerOwned && owned.optimizer) owned.optimizer.dispose();
  model.compile({
    optimizer: optimizer === "adam" ? tf.train.adam(learningRate) : tf.train.sgd(learningRate),
    loss,
    metrics: outputActivation === "linear" ? [] : ["accuracy"],
  });
  // tfjs disposes an optimiser with the model only when it made it itself (compiled from a
  // name); this one was made here for the model alone, so hand it over: `model.dispose()`
  // then frees the optimiser's slots (e.g. Adam's moments) too.
  (model as unknown as { isOptimizerOwned: boolean }).isOptimizerOwned = true;
}

/** Validates an L2 penalty and returns a kernel regulariser for it (none for 0). */
export function _l2Regularizer(
  l2: number,
  context: string,
): ReturnType<typeof tf.regularizers.l2> | undefined {
  assertFiniteNumber(l2, "l2", context, { min: 0 });
  return l2 > 0 ? tf.regularizers.l2({ l2 }) : undefined;
}
