import { assertFiniteNumber } from "../_shared/validate.ts";
import type { World } from "./types.ts";
import { assertLogColumns } from "./_validate_log.ts";

/**
 * Engagement counters accumulated from an impression log: what a production
 * system keeps in its feature store. Policies read the live history of a
 * simulation; {@link replayHistory} rebuilds it from a log.
 */
export interface History {
  /** Sessions per user. */
  readonly userSessions: Int32Array;
  /** Impressions per user. */
  readonly userImpressions: Int32Array;
  /** Engagements per user. */
  readonly userEngagements: Int32Array;
  /** Impressions per item. */
  readonly itemImpressions: Int32Array;
  /** Engagements per item. */
  readonly itemEngagements: Int32Array;
  /** Impressions per author. */
  readonly authorImpressions: Int32Array;
  /** Engagements per author. */
  readonly authorEngagements: Int32Array;
  /** Engagements per (user, author), `numUsers × numAuthors`, row-major. */
  readonly userAuthorEngagements: Int32Array;
  /** Impressions per (user, main topic of the item), `numUsers × numTopics`. */
  readonly userTopicImpressions: Int32Array;
  /** Engagements per (user, main topic of the item), `numUsers × numTopics`. */
  readonly userTopicEngagements: Int32Array;
  /** Impressions and engagements in total: `[impressions, engagements]`. */
  readonly totals: Float64Array;
}

/**
 * An empty {@link History} sized for `world`.
 *
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createHistory, createWorld } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 10, numItems: 50 }, { seed: 1 });
 * const history = createHistory(world);
 * assert.equal(history.itemImpressions.length, 50);
 * assert.equal(history.totals[0], 0);
 * ```
 */
export function createHistory(world: World): History {
  const { numUsers: U, numItems: I, numAuthors: A, numTopics: K } = world;
  return {
    userSessions: new Int32Array(U),
    userImpressions: new Int32Array(U),
    userEngagements: new Int32Array(U),
    itemImpressions: new Int32Array(I),
    itemEngagements: new Int32Array(I),
    authorImpressions: new Int32Array(A),
    authorEngagements: new Int32Array(A),
    userAuthorEngagements: new Int32Array(U * A),
    userTopicImpressions: new Int32Array(U * K),
    userTopicEngagements: new Int32Array(U * K),
    totals: new Float64Array(2),
  };
}

/**
 * Adds one impression to `history` (mutating it: the history is an
 * accumulator). An impression at position 0 opens a session.
 *
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createHistory, createWorld, recordImpression } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 10, numItems: 50 }, { seed: 1 });
 * const history = createHistory(world);
 * recordImpression(world, history, 3, 7, 0, 1);
 * assert.equal(history.itemEngagements[7], 1);
 * assert.equal(history.userSessions[3], 1);
 * ```
 */
export function recordImpression(
  world: World,
  history: History,
  userId: number,
  itemId: number,
  position: number,
  engaged: number,
): void {
  const author = world.items.author[itemId], topic = world.items.topic[itemId];
  const ut = userId * world.numTopics + topic;
  if (position === 0) history.userSessions[userId]++;
  history.userImpressions[userId]++;
  history.itemImpressions[itemId]++;
  history.authorImpressions[author]++;
  history.userTopicImpressions[ut]++;
  history.totals[0]++;
  if (engaged) {
    history.userEngagements[userId]++;
    history.itemEngagements[itemId]++;
    history.authorEngagements[author]++;
    history.userAuthorEngagements[userId * world.numAuthors + author]++;
    history.userTopicEngagements[ut]++;
    history.totals[1]++;
  }
}

/** The log columns that a history is built from. */
export interface HistoryLog {
  /** User of each impression. */
  readonly userId: ArrayLike<number>;
  /** Post of each impression. */
  readonly itemId: ArrayLike<number>;
  /** Feed position, 0 = top (position 0 opens a session). */
  readonly position: ArrayLike<number>;
  /** 1 if engaged, else 0. */
  readonly engaged: ArrayLike<number>;
  /** Hours since the start of day 0. */
  readonly time: ArrayLike<number>;
}

/**
 * Rebuilds the {@link History} of every log row with `time < until`, i.e. the
 * counters a system would have had at time `until`.
 *
 * @param world The world.
 * @param log Columns `userId`, `itemId`, `position`, `engaged`, `time`.
 * @param options `until` in hours since day 0. @default Infinity (the whole log)
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createPolicy, createWorld, replayHistory, simulateSessions } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 30, numItems: 200 }, { seed: 1 });
 * const log = simulateSessions(world, createPolicy("random"), {
 *   days: 2, sessionsPerDay: 20, feedSize: 5, numCandidates: 10, seed: 2,
 * });
 * assert.equal(replayHistory(world, log).totals[0], log.numRows);
 * assert.ok(replayHistory(world, log, { until: 24 }).totals[0] < log.numRows);
 * ```
 */
export function replayHistory(
  world: World,
  log: HistoryLog,
  { until = Infinity }: { until?: number } = {},
): History {
  const context = "replay a history";
  if (until !== Infinity) assertFiniteNumber(until, "until", context);
  assertLogColumns(world, log, ["userId", "itemId", "position", "engaged", "time"], context);
  const history = createHistory(world);
  for (let r = 0; r < log.userId.length; r++) {
    if (!(log.time[r] < until)) continue;
    recordImpression(world, history, log.userId[r], log.itemId[r], log.position[r], log.engaged[r]);
  }
  return history;
}
