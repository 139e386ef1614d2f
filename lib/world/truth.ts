import { assertInteger } from "../_shared/validate.ts";
import { assertLogColumns } from "./_validate_log.ts";
import { truthKernel } from "./_kernel.ts";
import type { World } from "./types.ts";

/** The columns that identify an impression for the truth: who, what, when, on which device. */
export interface ImpressionKeys {
  /** User ids. */
  readonly userId: ArrayLike<number>;
  /** Item ids. */
  readonly itemId: ArrayLike<number>;
  /** Times in hours since the start of day 0. */
  readonly time: ArrayLike<number>;
  /** Device indices into `DEVICES`. */
  readonly device: ArrayLike<number>;
}

/**
 * The true, position-free engagement probability of each impression: what
 * the user would do if they looked at the item,
 *
 * $$r_{ui} = \sigma(\text{logit}(u, i, \text{context})),$$
 *
 * so that $P(\text{engage}) = \theta_{\text{position}} \cdot r_{ui}$. Use it as the
 * relevance for an ideal ranking or for NDCG against the truth. Reads
 * `world.truth`: evaluation only, never a learner's input.
 *
 * @param world The world.
 * @param impressions Columns `userId`, `itemId`, `time`, `device` (an impression log has them).
 * @returns A `Float64Array` of probabilities, one per impression.
 * @throws {RangeError} If the columns differ in length or an id is out of range.
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createWorld, trueEngagementProbability } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 20, numItems: 100 }, { seed: 2 });
 * const p = trueEngagementProbability(world, {
 *   userId: [0, 0], itemId: [5, 6], time: [12, 12], device: [0, 0],
 * });
 * assert.equal(p.length, 2);
 * assert.ok(p.every((x) => x > 0 && x < 1));
 * ```
 */
export function trueEngagementProbability(world: World, impressions: ImpressionKeys): Float64Array {
  const context = "compute trueEngagementProbability";
  assertLogColumns(world, impressions, ["userId", "itemId", "time", "device"], context);
  const { userId, itemId, time, device } = impressions;
  const kernel = truthKernel(world);
  const out = new Float64Array(userId.length);
  for (let r = 0; r < out.length; r++) {
    const u = userId[r], i = itemId[r], t = time[r], d = device[r];
    const day = Math.floor(t / 24), hour = Math.floor(t - day * 24);
    const weekday = ((day % 7) + 7) % 7;
    out[r] = 1 / (1 + Math.exp(-(kernel.context(u, hour, weekday, d) + kernel.item(u, i, t))));
  }
  return out;
}

/**
 * The true examination probability of each feed position (the position bias),
 *
 * $$\theta_p = (p + 1)^{-\eta}, \quad p = 0, 1, \dots,$$
 *
 * with η = `positionBiasPower` of the world; position 0 is always examined.
 *
 * @param world The world.
 * @param numPositions How many positions, at least 1.
 * @returns A `Float64Array` of length `numPositions`.
 * @throws {RangeError} If `numPositions` is not a positive integer.
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createWorld, examinationProbability } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 10, positionBiasPower: 1 }, { seed: 1 });
 * assert.deepEqual([...examinationProbability(world, 4)], [1, 1 / 2, 1 / 3, 1 / 4]);
 * ```
 */
export function examinationProbability(world: World, numPositions: number): Float64Array {
  assertInteger(numPositions, "numPositions", "compute examinationProbability", { min: 1 });
  const eta = world.truth.positionBiasPower;
  return Float64Array.from({ length: numPositions }, (_, p) => (p + 1) ** -eta);
}
