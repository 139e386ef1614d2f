import { assertInteger, raise } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng, sample } from "../random/mod.ts";

/** What one round of {@link activeLearningCurve} reports back: the score and the pool's probabilities. */
export interface ActiveLearningStep {
  /** Score of the model trained on the labelled rows (e.g. validation accuracy). */
  score: number;
  /** Predicted probability of class 1 for each unlabelled row, in the order given. */
  probabilities: ArrayLike<number>;
}

/** Options of {@link activeLearningCurve}. */
export interface ActiveLearningOptions extends RandomOptions {
  /** Rows that may be labelled (row ids of the caller's data). */
  pool: ArrayLike<number>;
  /** Rows labelled at random before the first round (≥ 1). */
  initialSize: number;
  /** Rows labelled per round (≥ 1). */
  batchSize: number;
  /** Rounds of labelling after the initial rows (≥ 0). */
  rounds: number;
  /** `"uncertainty"`: the rows whose probability is nearest 0.5; `"random"`: a random batch. */
  strategy: "uncertainty" | "random";
  /** Trains on the labelled rows and predicts the unlabelled ones. */
  step: (
    labelled: Int32Array,
    unlabelled: Int32Array,
  ) => ActiveLearningStep | Promise<ActiveLearningStep>;
}

/**
 * A learning curve under a labelling strategy. Starting from `initialSize`
 * random rows of the pool, each round trains a model on the labelled rows
 * (`step`), records its score, and labels `batchSize` more rows: with
 * **uncertainty sampling** the rows whose predicted probability is closest to
 * ½, $\arg\min_i |\hat p_i - \tfrac12|$ (those the model is least sure of), or
 * a random batch. The last round trains once more and only scores.
 *
 * @param options Pool, sizes, strategy, the `step` callback, and `seed` or `rng`.
 * @returns The number of labelled rows at each score, the scores, and the order in
 *   which rows were labelled.
 * @throws {RangeError} If the sizes do not fit in the pool, or `step` returns the wrong
 *   number of probabilities.
 * @throws {TypeError} On an unknown strategy or a missing `step`.
 *
 * @example A threshold model on points 0 … 9 (class 1 from 6 on); uncertainty sampling asks about the boundary
 * ```ts
 * import assert from "node:assert/strict";
 * import { activeLearningCurve } from "@lib/labels/mod.ts";
 * const curve = await activeLearningCurve({
 *   pool: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], initialSize: 2, batchSize: 1, rounds: 2,
 *   strategy: "uncertainty", seed: 1,
 *   step: async (labelled, unlabelled) => ({
 *     score: labelled.length,
 *     probabilities: Array.from(unlabelled, (x) => 1 / (1 + Math.exp(-(x - 5.5)))),
 *   }),
 * });
 * assert.deepEqual(curve.sizes, [2, 3, 4]);
 * assert.deepEqual(curve.labelled.slice(2).sort(), [5, 6]); // nearest the boundary 5.5
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export async function activeLearningCurve(
  options: ActiveLearningOptions,
): Promise<{ sizes: number[]; scores: number[]; labelled: number[] }> {
  const context = "run an active-learning curve";
  const { pool, initialSize, batchSize, rounds, strategy, step } = options ?? {};
  if (!pool || typeof pool.length !== "number") {
    raise("type", context, "pool must be an array of row ids");
  }
  assertInteger(initialSize, "initialSize", context, { min: 1 });
  assertInteger(batchSize, "batchSize", context, { min: 1 });
  assertInteger(rounds, "rounds", context, { min: 0 });
  if (initialSize + rounds * batchSize > pool.length) {
    raise(
      "range",
      context,
      `initialSize + rounds × batchSize must not exceed the pool of ${pool.length} rows, got ${
        initialSize + rounds * batchSize
      }`,
    );
  }
  if (strategy !== "uncertainty" && strategy !== "random") {
    raise("type", context, `strategy must be "uncertainty" or "random", got ${String(strategy)}`);
  }
  if (typeof step !== "function") raise("type", context, "step must be a function");
  const rng = resolveRng(options, context);
  const labelled = sample(Array.from(pool), initialSize, { rng });
  const sizes: number[] = [], scores: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    const taken = new Set(labelled);
    const unlabelled = Int32Array.from(Array.from(pool).filter((i) => !taken.has(i)));
    const { score, probabilities } = await step(Int32Array.from(labelled), unlabelled);
    sizes.push(labelled.length);
    scores.push(score);
    if (round === rounds) break;
    if (probabilities?.length !== unlabelled.length) {
      raise(
        "range",
        context,
        `step must return one probability per unlabelled row, got ${probabilities?.length} for ${unlabelled.length}`,
      );
    }
    const order = strategy === "random"
      ? sample(Array.from(unlabelled.keys()), batchSize, { rng })
      : Array.from(unlabelled.keys()).sort((a, b) =>
        Math.abs(probabilities[a] - 0.5) - Math.abs(probabilities[b] - 0.5) || a - b
      ).slice(0, batchSize);
    for (const k of order) labelled.push(unlabelled[k]);
  }
  return { sizes, scores, labelled };
}
