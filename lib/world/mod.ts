/**
 * The book's running example: a seeded simulated social feed. Users with
 * latent interests over K topics see feeds of posts ranked by a policy; a
 * hidden true model (`world.truth`) decides what they engage with,
 *
 * $$P(\text{engage} \mid u, i, \text{context}, p) = \theta_p \cdot
 *   \sigma(\text{affinity}(u, i) + \text{quality}_i + \text{author}_i + \text{context} + \text{user}_u + \varepsilon_{ui}).$$
 *
 * - Chapter 1 frames feed ranking ("rank a feed of posts by predicted probability
 *   of engagement") and evaluates learned scorers (`scorePolicy`) against the truth
 *   (`trueEngagementProbability`) and with online metrics (`sessionMetrics`).
 * - Chapter 3 collects biased logs (`simulateSessions`): position bias, the
 *   popularity feedback loop, exploration with propensities (`epsilonGreedyPolicy`),
 *   cold start (posts and users arrive every day).
 * - Chapter 4 runs experiments: two policies with one seed see the same traffic
 *   (common random numbers); `startDay` and `history` continue a log.
 * - Chapter 7 injects incidents: `shift` (interests or topic mix change from a day),
 *   `seasonality`, and train/serve skew (`logFeatures({ lagHours })` against live features).
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { createPolicy, createWorld, sessionMetrics, simulateSessions } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 200, numItems: 1000 }, { seed: 7 });
 * const log = simulateSessions(world, createPolicy("popularity"), { days: 3, sessionsPerDay: 200, seed: 8 });
 * const m = sessionMetrics(log);
 * assert.ok(m.engagedSessionRate > 0 && m.engagedSessionRate < 1);
 * ```
 *
 * @see notebooks/01_setup.ipynb
 * @module
 */
export type { RandomOptions, Rng } from "../random/mod.ts";
export * from "./types.ts";
export * from "./world_options.ts";
export * from "./world.ts";
export * from "./truth.ts";
export * from "./history.ts";
export * from "./features.ts";
export * from "./policy.ts";
export * from "./policies.ts";
export * from "./exploration.ts";
export type { ImpressionLog } from "./log.ts";
export * from "./simulate.ts";
export * from "./metrics.ts";
export * from "./dataframe.ts";
export * from "./user_metrics.ts";
export * from "./sessions.ts";
