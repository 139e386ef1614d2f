import { assertInteger, assertPositive, raise } from "../_shared/validate.ts";
import type { Policy } from "../world/mod.ts";

/** Options of {@link coldStartBoost}. */
export interface ColdStartBoostOptions {
  /** A post counts as new while it has fewer impressions than this. @default 20 */
  maxImpressions?: number;
  /** … and while it is younger than this many hours. @default Infinity */
  maxAgeHours?: number;
  /** Feed positions (0 = top) reserved for new posts, distinct non-negative integers. @default [2, 5] */
  positions?: readonly number[];
}

/**
 * Wraps a ranking policy so that new posts get seen: a post is *new* while it
 * has fewer than `maxImpressions` impressions (and is younger than
 * `maxAgeHours`), and the feed positions in `positions` go to the new
 * candidates the base policy ranks highest,
 *
 * $$ \text{feed}_p = \begin{cases} \text{best unused new candidate} & p \in P \text{ and one is left} \\
 *    \text{best unused candidate of the base ranking} & \text{otherwise.} \end{cases} $$
 *
 * This is an exploration bonus with a fixed budget: at most $|P|$ of the
 * feed's slots, and only until a post has collected `maxImpressions`
 * impressions – enough for its engagement counters to speak for it. A policy
 * that ranks by past engagement otherwise never shows a post without history,
 * so the post never gets one (the cold-start problem). New posts the base
 * ranks high anyway keep their place. The wrapper is deterministic given the
 * base ranking: it logs propensity 1 when the base did, else `NaN`.
 *
 * @param base The policy to wrap.
 * @param options Thresholds and reserved positions.
 * @returns A {@link Policy}.
 * @throws {TypeError} If `base` is not a function.
 * @throws {RangeError} On a threshold below 1 or a bad list of positions.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { coldStartBoost } from "@lib/bias/mod.ts";
 * import { createPolicy, createWorld, simulateSessions } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 100, numItems: 600 }, { seed: 1 });
 * const policy = coldStartBoost(createPolicy("popularity"), { positions: [1] });
 * const log = simulateSessions(world, policy, { days: 2, sessionsPerDay: 100, seed: 2 });
 * assert.ok(log.propensity.every((p) => p === 1));
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function coldStartBoost(base: Policy, options: ColdStartBoostOptions = {}): Policy {
  const context = "create a cold-start boost";
  if (typeof base !== "function") {
    raise("type", context, `base must be a policy function, got ${typeof base}`);
  }
  const { maxImpressions = 20, maxAgeHours = Infinity, positions = [2, 5] } = options;
  assertInteger(maxImpressions, "maxImpressions", context, { min: 1 });
  if (maxAgeHours !== Infinity) {
    assertPositive(maxAgeHours, "maxAgeHours", context);
  }
  if (!Array.isArray(positions)) raise("type", context, "positions must be an array of integers");
  positions.forEach((p, j) => assertInteger(p, `positions[${j}]`, context, { min: 0 }));
  if (new Set(positions).size !== positions.length) {
    raise("range", context, `positions must be distinct, got ${positions.join(", ")}`);
  }
  const reserved = new Set(positions);
  return (world, user, candidates, sessionContext, rng) => {
    const ranked = base(world, user, candidates, sessionContext, rng);
    const { history, time, propensity } = sessionContext;
    const createdAt = world.items.createdAt;
    const isNew = (i: number) =>
      history.itemImpressions[i] < maxImpressions && time - createdAt[i] < maxAgeHours;
    const fresh: number[] = [];
    for (let j = 0; j < ranked.length; j++) if (isNew(ranked[j])) fresh.push(ranked[j]);
    const used = new Set<number>();
    const out = new Int32Array(ranked.length);
    let nextBase = 0, nextFresh = 0;
    for (let p = 0; p < ranked.length; p++) {
      while (nextFresh < fresh.length && used.has(fresh[nextFresh])) nextFresh++;
      let item: number;
      if (reserved.has(p) && nextFresh < fresh.length) {
        item = fresh[nextFresh++];
      } else {
        while (used.has(ranked[nextBase])) nextBase++;
        item = ranked[nextBase++];
      }
      used.add(item);
      out[p] = item;
    }
    const deterministic = propensity.every((v) => v === 1);
    propensity.fill(deterministic ? 1 : NaN);
    return out;
  };
}
