import { assertFiniteArray, assertFiniteNumber, assertInteger } from "../_shared/validate.ts";

/** Options of {@link earlyStoppingPoint}. */
export interface EarlyStoppingOptions {
  /** Epochs without improvement after which training stops (≥ 1). @default 1 */
  patience?: number;
  /** An epoch improves only if its loss is below the best so far minus this (≥ 0). @default 0 */
  minDelta?: number;
}

/** The result of {@link earlyStoppingPoint}. */
export interface EarlyStoppingPoint {
  /** The epoch (0-based) of the best loss: the weights to restore. */
  index: number;
  /** The validation loss at `index`. */
  value: number;
  /** Whether the rule stopped training before the last epoch given. */
  stopped: boolean;
  /** The epoch at which training stops, or `undefined` when it ran to the end. */
  stopIndex: number | undefined;
}

/**
 * Where early stopping ends training, given the validation loss of each epoch
 * (the rule of Keras's `EarlyStopping` with `restore_best_weights`). Epoch $e$
 * improves when
 *
 * $$ L_e < L_{\text{best}} - \delta_{\min} $$
 *
 * (epoch 0 always does), and training stops at the first epoch that ends a run
 * of `patience` epochs without improvement. The answer is the last improving
 * epoch before the stop – where validation loss stops falling and starts to
 * rise – and its loss.
 *
 * Edge cases: with `minDelta` > 0 a later, slightly lower loss that does not
 * beat the best by `minDelta` is not an improvement, so `index` need not be the
 * arg-min; if the loss keeps improving, `stopped` is `false` and `index` is the
 * last improving epoch. For a score to maximise (accuracy), pass its negation.
 *
 * @param valLoss Validation loss per epoch (finite, non-empty).
 * @param options Patience and minimum improvement.
 * @returns The best epoch, its loss, and where training stops.
 * @throws {RangeError} On an empty or non-finite loss, patience < 1 or minDelta < 0.
 *
 * @example A U-shaped validation loss with its minimum at epoch 10
 * ```ts
 * import assert from "node:assert/strict";
 * import { earlyStoppingPoint } from "@lib/curves/mod.ts";
 * const loss = Array.from({ length: 30 }, (_, e) => 0.5 + (e - 10) ** 2 / 100);
 * assert.deepEqual(earlyStoppingPoint(loss, { patience: 3 }), {
 *   index: 10,
 *   value: 0.5,
 *   stopped: true,
 *   stopIndex: 13,
 * });
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function earlyStoppingPoint(
  valLoss: ArrayLike<number>,
  options: EarlyStoppingOptions = {},
): EarlyStoppingPoint {
  const context = "find the early stopping point";
  const { patience = 1, minDelta = 0 } = options;
  assertFiniteArray(valLoss, "valLoss", context);
  assertInteger(patience, "patience", context, { min: 1 });
  assertFiniteNumber(minDelta, "minDelta", context, { min: 0 });
  let best = 0;
  let wait = 0;
  for (let e = 1; e < valLoss.length; e++) {
    if (valLoss[e] < valLoss[best] - minDelta) {
      best = e;
      wait = 0;
    } else if (++wait >= patience) {
      return { index: best, value: valLoss[best], stopped: true, stopIndex: e };
    }
  }
  return { index: best, value: valLoss[best], stopped: false, stopIndex: undefined };
}
