import { assertFiniteNumber, assertInteger, assertOneOf, raise } from "../_shared/validate.ts";

/** Options of early stopping (see {@link createEarlyStopping}). */
export interface EarlyStoppingOptions {
  /**
   * What to watch: `"valLoss"`, `"loss"`, or a metric key of the history such as `"valAcc"`.
   * @default "valLoss"
   */
  monitor?: string;
  /** Epochs without improvement to wait before stopping. @default 5 */
  patience?: number;
  /** Smallest change that counts as an improvement. @default 0 */
  minDelta?: number;
  /** Put back the weights of the best epoch when training ends. @default true */
  restoreBest?: boolean;
  /**
   * Whether smaller (`"min"`) or larger (`"max"`) is better.
   * @default "max" when `monitor` names an accuracy (`acc`, `accuracy`), else "min"
   */
  mode?: "min" | "max";
}

/** The verdict of an {@link EarlyStopping} after one epoch. */
export interface EarlyStoppingStep {
  /** The value beat the best so far by more than `minDelta`. */
  improved: boolean;
  /** `patience` epochs have passed without improvement: stop now. */
  stop: boolean;
}

/** Tracks a monitored value epoch by epoch and says when to stop. */
export interface EarlyStopping {
  /** The resolved options. */
  readonly options: Required<EarlyStoppingOptions>;
  /** Records the value at `epoch` and returns whether it improved and whether to stop. */
  observe(epoch: number, value: number): EarlyStoppingStep;
  /** The epoch with the best value so far (0 before the first). */
  readonly bestEpoch: number;
  /** The best value so far (`NaN` before the first). */
  readonly bestValue: number;
}

/**
 * Creates the early-stopping rule of Keras' `EarlyStopping` callback: an epoch improves when its
 * value beats the best so far by more than `minDelta`,
 *
 * $$\text{improved} = \begin{cases} v < v^* - \delta & \text{mode min} \\
 *   v > v^* + \delta & \text{mode max} \end{cases}$$
 *
 * and training stops after `patience` epochs in a row without improvement. A `NaN` value never
 * improves.
 *
 * @param options See {@link EarlyStoppingOptions}.
 * @returns An {@link EarlyStopping} tracker.
 * @throws {RangeError} If `patience` is not a non-negative integer or `minDelta` is negative.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createEarlyStopping } from "@lib/models/mod.ts";
 * const stopper = createEarlyStopping({ patience: 2 });
 * const losses = [1.0, 0.8, 0.85, 0.9, 0.7];
 * const stops = losses.map((v, i) => stopper.observe(i + 1, v).stop);
 * assert.deepEqual(stops, [false, false, false, true, false]);
 * assert.equal(stopper.bestEpoch, 5);
 * ```
 */
export function createEarlyStopping(options: EarlyStoppingOptions = {}): EarlyStopping {
  const context = "set up early stopping";
  const { monitor = "valLoss", patience = 5, minDelta = 0, restoreBest = true } = options;
  if (typeof monitor !== "string" || monitor.length === 0) {
    raise("type", context, 'monitor must be a non-empty string such as "valLoss"');
  }
  assertInteger(patience, "patience", context, { min: 0 });
  assertFiniteNumber(minDelta, "minDelta", context, { min: 0 });
  if (typeof restoreBest !== "boolean") raise("type", context, "restoreBest must be a boolean");
  const mode = options.mode ?? (/acc(uracy)?$/i.test(monitor) ? "max" : "min");
  assertOneOf(mode, ["min", "max"], "mode", context);
  let bestEpoch = 0;
  let bestValue = NaN;
  let wait = 0;
  return {
    options: { monitor, patience, minDelta, restoreBest, mode },
    observe(epoch: number, value: number): EarlyStoppingStep {
      const improved = !Number.isNaN(value) && (Number.isNaN(bestValue) ||
        (mode === "min" ? value < bestValue - minDelta : value > bestValue + minDelta));
      if (improved) {
        bestEpoch = epoch;
        bestValue = value;
        wait = 0;
      } else {
        wait += 1;
      }
      return { improved, stop: !improved && wait >= patience };
    },
    get bestEpoch() {
      return bestEpoch;
    },
    get bestValue() {
      return bestValue;
    },
  };
}
