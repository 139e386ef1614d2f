import { raise } from "../_shared/validate.ts";
import { createRng } from "../random/mod.ts";
import type { Policy } from "../world/mod.ts";

/** The feeds a shadow policy would have served: one row per session and position. */
export interface ShadowFeed {
  /** Number of sessions recorded. */
  readonly numSessions: number;
  /** Positions per session. */
  readonly feedSize: number;
  /** Session of each row (the simulation's session id). */
  readonly sessionId: Int32Array;
  /** Feed position, 0 = top. */
  readonly position: Int32Array;
  /** The user of the session. */
  readonly userId: Int32Array;
  /** The post the shadow policy would have shown here. */
  readonly itemId: Int32Array;
  /** Hours since the start of day 0. */
  readonly time: Float64Array;
  /** Index into `DEVICES`. */
  readonly device: Uint8Array;
}

/** A logging policy with a second, deterministic policy running in its shadow. */
export interface ShadowPolicy {
  /** The policy to simulate: it serves exactly what the logging policy serves. */
  readonly policy: Policy;
  /** The shadow policy's feeds of the sessions served so far. */
  feed(): ShadowFeed;
}

/** Options of {@link shadowPolicy}. */
export interface ShadowPolicyOptions {
  /** Seed of the generator handed to the shadow policy. @default 0 */
  seed?: number;
}

/**
 * Runs a candidate policy "in the shadow" of the logging policy: in every
 * session the candidate ranks the same candidates with the same history and
 * its feed is recorded, but users only see the logging policy's feed. The
 * log is therefore the same as without the shadow (the candidate gets a
 * generator of its own), and the recorded feeds tell, for each logged row,
 * whether the candidate would have put that post at that position
 * ({@link shadowTargetProbabilities}) – what off-policy estimators need.
 *
 * The candidate must be deterministic given its inputs (propensity 1, or not
 * stated). Use one shadow per simulation: a second simulation restarts the
 * session ids and overwrites the recorded feeds.
 *
 * @param logging The policy that serves users (e.g. an epsilon-greedy policy).
 * @param candidate The deterministic policy to evaluate.
 * @param options Seed of the candidate's generator.
 * @returns The policy to simulate and a function returning the recorded feeds.
 * @throws {TypeError} If a policy is not a function.
 * @throws {RangeError} While simulating, if the candidate states a propensity other than 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { shadowPolicy } from "@lib/bias/mod.ts";
 * import { createPolicy, createWorld, simulateSessions } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 50, numItems: 400 }, { seed: 1 });
 * const shadow = shadowPolicy(createPolicy("popularity"), createPolicy("recencyFollowers"));
 * const options = { days: 1, sessionsPerDay: 30, feedSize: 5, numCandidates: 20, seed: 2 };
 * const log = simulateSessions(world, shadow.policy, options);
 * assert.deepEqual(log.itemId, simulateSessions(world, createPolicy("popularity"), options).itemId);
 * assert.equal(shadow.feed().itemId.length, 30 * 5);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function shadowPolicy(
  logging: Policy,
  candidate: Policy,
  options: ShadowPolicyOptions = {},
): ShadowPolicy {
  const context = "create a shadow policy";
  if (typeof logging !== "function") {
    raise("type", context, `logging must be a policy function, got ${typeof logging}`);
  }
  if (typeof candidate !== "function") {
    raise("type", context, `candidate must be a policy function, got ${typeof candidate}`);
  }
  const rng = createRng(options.seed ?? 0);
  const rows = new Map<number, { user: number; time: number; device: number; items: number[] }>();
  let feedSize = 0;
  const policy: Policy = (world, user, candidates, sessionContext, policyRng) => {
    const ranked = candidate(world, user, candidates, sessionContext, rng);
    const stated = sessionContext.propensity;
    for (let p = 0; p < stated.length; p++) {
      if (!Number.isNaN(stated[p]) && stated[p] !== 1) {
        raise(
          "range",
          "run a shadow policy",
          `the candidate policy must be deterministic, but it stated propensity ${stated[p]}`,
        );
      }
    }
    feedSize = sessionContext.feedSize;
    rows.set(sessionContext.sessionId, {
      user,
      time: sessionContext.time,
      device: sessionContext.device,
      items: Array.from({ length: feedSize }, (_, p) => ranked[p]),
    });
    stated.fill(NaN);
    return logging(world, user, candidates, sessionContext, policyRng);
  };
  const feed = (): ShadowFeed => {
    const sessions = [...rows.keys()].sort((a, b) => a - b);
    const n = sessions.length * feedSize;
    const out = {
      numSessions: sessions.length,
      feedSize,
      sessionId: new Int32Array(n),
      position: new Int32Array(n),
      userId: new Int32Array(n),
      itemId: new Int32Array(n),
      time: new Float64Array(n),
      device: new Uint8Array(n),
    };
    sessions.forEach((s, j) => {
      const row = rows.get(s)!;
      for (let p = 0; p < feedSize; p++) {
        const r = j * feedSize + p;
        out.sessionId[r] = s;
        out.position[r] = p;
        out.userId[r] = row.user;
        out.itemId[r] = row.items[p];
        out.time[r] = row.time;
        out.device[r] = row.device;
      }
    });
    return out;
  };
  return { policy, feed };
}

/** The log columns that {@link shadowTargetProbabilities} compares with a shadow feed. */
export interface MatchLog {
  /** Session of each row. */
  readonly sessionId: ArrayLike<number>;
  /** Feed position of each row. */
  readonly position: ArrayLike<number>;
  /** Post shown. */
  readonly itemId: ArrayLike<number>;
}

/**
 * The probability that the shadow (candidate) policy takes each logged action:
 * 1 where it would have shown the logged post at the logged position of that
 * session, else 0 – the `targetProbabilities` of {@link ipsEstimate} for a
 * deterministic candidate.
 *
 * @param log Columns `sessionId`, `position`, `itemId` of the impression log.
 * @param feed The shadow feeds recorded during the same simulation.
 * @returns A `Float64Array` of 0s and 1s, one per log row.
 * @throws {RangeError} If a logged session or position is missing from the feed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { shadowTargetProbabilities } from "@lib/bias/mod.ts";
 * const feed = {
 *   numSessions: 1, feedSize: 2, sessionId: Int32Array.of(0, 0), position: Int32Array.of(0, 1),
 *   userId: Int32Array.of(3, 3), itemId: Int32Array.of(7, 9), time: Float64Array.of(1, 1),
 *   device: Uint8Array.of(0, 0),
 * };
 * const log = { sessionId: [0, 0], position: [0, 1], itemId: [9, 9] };
 * assert.deepEqual([...shadowTargetProbabilities(log, feed)], [0, 1]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function shadowTargetProbabilities(log: MatchLog, feed: ShadowFeed): Float64Array {
  const context = "match a log with a shadow feed";
  const n = log.sessionId.length;
  if (log.position.length !== n || log.itemId.length !== n) {
    raise("range", context, "the log's sessionId, position and itemId must have the same length");
  }
  const firstRow = new Map<number, number>();
  for (let r = 0; r < feed.sessionId.length; r += feed.feedSize) {
    firstRow.set(feed.sessionId[r], r);
  }
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const start = firstRow.get(log.sessionId[r]);
    const p = log.position[r];
    if (start === undefined || !(p >= 0 && p < feed.feedSize)) {
      raise(
        "range",
        context,
        `log row ${r} (session ${log.sessionId[r]}, position ${p}) has no shadow feed row`,
      );
    }
    out[r] = feed.itemId[start + p] === log.itemId[r] ? 1 : 0;
  }
  return out;
}
