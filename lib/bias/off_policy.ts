import { raise } from "../_shared/validate.ts";
import { type IpsEstimate, ipsEstimate } from "./ips.ts";
import { type MatchLog, type ShadowPolicy, shadowTargetProbabilities } from "./shadow.ts";

/** The log columns that {@link offPolicyEstimate} reads. */
export interface OffPolicyLog extends MatchLog {
  /** Reward of each row (1 = engaged). */
  readonly engaged: ArrayLike<number>;
  /** Logging probability of each row's action, in (0, 1]. */
  readonly propensity: ArrayLike<number>;
}

/** Options of {@link offPolicyEstimate}. */
export interface OffPolicyOptions {
  /** Cap on the importance weights (clipping). @default Infinity */
  maxWeight?: number;
}

/**
 * Off-policy estimate of a shadow (candidate) policy's mean reward per row from
 * a log collected while it ran in the shadow of the logging policy: the
 * candidate's target probabilities come from its recorded feed
 * ({@link shadowTargetProbabilities}), the rewards and propensities from the
 * log, and the standard errors are clustered by session ({@link ipsEstimate}).
 * Multiply by the feed length for the value per session.
 *
 * @param log Columns `engaged`, `propensity`, `sessionId`, `position`, `itemId`.
 * @param shadow The shadow policy whose feed was recorded during the simulation.
 * @param options Optional weight clipping.
 * @returns IPS and SNIPS with standard errors and weight diagnostics.
 * @throws {TypeError} If `shadow` has no recorded feed.
 * @throws {RangeError} Whatever {@link ipsEstimate} or {@link shadowTargetProbabilities} reject.
 *
 * @example A uniform logging policy over two posts; the candidate shows post 9
 * ```ts
 * import assert from "node:assert/strict";
 * import { offPolicyEstimate } from "@lib/bias/mod.ts";
 * const feed = {
 *   numSessions: 2, feedSize: 1, sessionId: Int32Array.of(0, 1), position: Int32Array.of(0, 0),
 *   userId: Int32Array.of(3, 3), itemId: Int32Array.of(9, 9), time: Float64Array.of(1, 2),
 *   device: Uint8Array.of(0, 0),
 * };
 * const log = { sessionId: [0, 1], position: [0, 0], itemId: [9, 7], engaged: [1, 1], propensity: [0.5, 0.5] };
 * const est = offPolicyEstimate(log, { policy: undefined as never, feed: () => feed });
 * assert.equal(est.ips, 1); // (2 · 1 + 0) / 2
 * assert.equal(est.snips, 1);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function offPolicyEstimate(
  log: OffPolicyLog,
  shadow: ShadowPolicy,
  options: OffPolicyOptions = {},
): IpsEstimate {
  if (typeof shadow?.feed !== "function") {
    raise("type", "estimate a shadow policy off-policy", "shadow must have a feed() function");
  }
  return ipsEstimate(log.engaged, log.propensity, {
    targetProbabilities: shadowTargetProbabilities(log, shadow.feed()),
    clusters: log.sessionId,
    maxWeight: options.maxWeight ?? Infinity,
  });
}
