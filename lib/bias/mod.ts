/**
 * Learning from data that a running system collected (chapter 3): the system
 * chose what users saw, so its logs are biased towards its own choices.
 *
 * - Off-policy evaluation: {@link ipsEstimate} (inverse-propensity scoring and
 *   its self-normalised variant) estimates what another policy would achieve
 *   from logs with known propensities, e.g. those of `epsilonGreedyPolicy`;
 *   {@link shadowPolicy} records what a candidate policy would have shown in
 *   each logged session, and {@link shadowTargetProbabilities} turns that into
 *   the estimator's target probabilities.
 * - Position bias: {@link estimatePositionBias} from sessions served in random order.
 * - The popularity feedback loop: {@link dailyExposure} (Gini coefficient, top
 *   share and unseen share of impressions per day), built on {@link giniCoefficient}
 *   and {@link topShare}.
 * - Cold start: {@link coldStartBoost} reserves feed slots for new posts;
 *   {@link timeToFirstEngagement} and {@link shareWithin} measure how long new
 *   posts wait to be engaged with.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { ipsEstimate, giniCoefficient } from "@lib/bias/mod.ts";
 * // Logged with probability ½ each; the evaluated policy agrees with rows 1 and 2.
 * const est = ipsEstimate([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5], { targetProbabilities: [0, 1, 1, 0] });
 * assert.equal(est.ips, 0.5);
 * assert.equal(giniCoefficient([1, 1, 1, 1]), 0);
 * ```
 *
 * @see notebooks/03_data_collection.ipynb
 * @module
 */
export * from "./ips.ts";
export * from "./shadow.ts";
export * from "./position_bias.ts";
export * from "./concentration.ts";
export * from "./exposure.ts";
export * from "./cold_start.ts";
export * from "./first_engagement.ts";
export * from "./off_policy.ts";
export * from "./doubly_robust.ts";
export * from "./bandit.ts";
export * from "./downsampling.ts";
export * from "./delayed_feedback.ts";
