import type { Rng } from "../random/mod.ts";
import { assertSameLength } from "../_shared/validate.ts";
import type { History } from "./history.ts";
import type { World } from "./types.ts";
import { argsortDescending } from "./_sort.ts";

/** What a policy knows about the session it ranks for. */
export interface SessionContext {
  /** Running number of the session in the simulation. */
  readonly sessionId: number;
  /** Day of the session. */
  readonly day: number;
  /** Hour of day, 0–23. */
  readonly hour: number;
  /** Day of the week, 0 = Monday. */
  readonly weekday: number;
  /** Hours since the start of day 0. */
  readonly time: number;
  /** Index into `DEVICES`. */
  readonly device: number;
  /** Number of positions that will be shown. */
  readonly feedSize: number;
  /** Live counters of every earlier session (read them, never write). */
  readonly history: History;
  /**
   * Optional output, length `feedSize`, `NaN` on entry: a policy that knows the
   * probability with which it put each shown item at its position writes it here
   * (1 for a deterministic policy); the simulation logs it as `propensity`.
   */
  readonly propensity: Float64Array;
}

/**
 * A ranking policy: returns the candidates' ids best first (at least
 * `context.feedSize` of them, each a candidate, no repeats). Draw randomness
 * only from `rng`. The candidates array is reused between sessions: copy it to keep it.
 *
 * @see notebooks/01_setup.ipynb
 * @example A hand-written policy: the newest posts first
 * ```ts
 * import assert from "node:assert/strict";
 * import { createWorld, type Policy, rankByScores, simulateSessions } from "@lib/world/mod.ts";
 * const newestFirst: Policy = (world, _user, candidates, context) => {
 *   context.propensity.fill(1); // deterministic
 *   const age = Array.from(candidates, (i) => context.time - world.items.createdAt[i]);
 *   return rankByScores(candidates, age.map((a) => -a));
 * };
 * const world = createWorld({ numUsers: 50, numItems: 300 }, { seed: 1 });
 * const log = simulateSessions(world, newestFirst, { days: 1, sessionsPerDay: 20, feedSize: 5, seed: 2 });
 * assert.ok(log.itemId[0] > log.itemId[1]); // item ids are in creation order
 * ```
 */
export type Policy = (
  world: World,
  userId: number,
  candidates: Int32Array,
  context: SessionContext,
  rng: Rng,
) => ArrayLike<number>;

/**
 * Candidates sorted by descending score, ties in candidate order (stable);
 * `NaN` scores go last.
 *
 * @param candidates Item ids.
 * @param scores One score per candidate; higher is better.
 * @returns A new `Int32Array` of item ids.
 * @throws {RangeError} If the lengths differ.
 *
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rankByScores } from "@lib/world/mod.ts";
 * assert.deepEqual([...rankByScores([10, 11, 12], [0.2, 0.9, 0.2])], [11, 10, 12]);
 * ```
 */
export function rankByScores(candidates: ArrayLike<number>, scores: ArrayLike<number>): Int32Array {
  assertSameLength(candidates, scores, ["candidates", "scores"], "rank by scores");
  const n = candidates.length;
  if (scratch.key.length < n) {
    scratch = { key: new Float64Array(n), order: new Int32Array(n), buffer: new Int32Array(n) };
  }
  const key = scratch.key.subarray(0, n), order = scratch.order.subarray(0, n);
  for (let j = 0; j < n; j++) {
    const s = scores[j];
    key[j] = s === s ? s : -Infinity; // NaN last
    order[j] = j;
  }
  argsortDescending(key, order, scratch.buffer);
  const ranked = new Int32Array(n);
  for (let j = 0; j < n; j++) ranked[j] = candidates[order[j]];
  return ranked;
}

// Reused sort buffers: rankByScores runs once per session, and allocating three
// typed arrays per call costs more than the sort itself.
let scratch = { key: new Float64Array(0), order: new Int32Array(0), buffer: new Int32Array(0) };
