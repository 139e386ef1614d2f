import { assertFiniteNumber, raise } from "../_shared/validate.ts";
import { assertKnownOptions } from "./_options.ts";
import type { Policy } from "./policy.ts";

/** Options of {@link epsilonGreedyPolicy}. */
export interface EpsilonGreedyOptions {
  /** Share of sessions that get a uniformly random feed. @default 0.1 */
  epsilon?: number;
}

/**
 * Exploration on top of a deterministic policy: with probability ε a session
 * gets a uniformly random order of its candidates, otherwise the base ranking.
 * Every logged impression carries its propensity, the probability that this
 * item landed at this position,
 *
 * $$\pi(i, p) = (1 - \varepsilon)\,[\text{base puts } i \text{ at } p] + \varepsilon / n,$$
 *
 * with $n$ candidates, which is what inverse-propensity estimators need.
 * New posts get impressions, so exploration also eases cold start.
 *
 * @param base A deterministic policy (the formula assumes it).
 * @param options See {@link EpsilonGreedyOptions}.
 * @returns A {@link Policy}.
 * @throws {RangeError} If ε is outside [0, 1] or an option is unknown.
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createPolicy, createWorld, epsilonGreedyPolicy, simulateSessions } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 50, numItems: 300 }, { seed: 1 });
 * const policy = epsilonGreedyPolicy(createPolicy("popularity"), { epsilon: 0.2 });
 * const log = simulateSessions(world, policy, { days: 1, sessionsPerDay: 50, seed: 2 });
 * assert.ok(log.propensity.every((p) => p >= 0.2 / 100 && p <= 1));
 * ```
 */
export function epsilonGreedyPolicy(base: Policy, options: EpsilonGreedyOptions = {}): Policy {
  const context = "create an epsilon-greedy policy";
  if (typeof base !== "function") {
    raise("type", context, `base must be a policy function, got ${typeof base}`);
  }
  assertKnownOptions(options, ["epsilon"], context);
  const { epsilon = 0.1 } = options;
  assertFiniteNumber(epsilon, "epsilon", context, { min: 0, max: 1 });
  return (world, user, candidates, sessionContext, rng) => {
    const greedy = base(world, user, candidates, sessionContext, rng);
    let shown: ArrayLike<number> = greedy;
    if (rng.random() < epsilon) {
      const order = Int32Array.from(candidates);
      for (let j = order.length - 1; j > 0; j--) {
        const k = Math.floor(rng.random() * (j + 1));
        const t = order[j];
        order[j] = order[k];
        order[k] = t;
      }
      shown = order;
    }
    const n = candidates.length, propensity = sessionContext.propensity;
    for (let p = 0; p < propensity.length; p++) {
      propensity[p] = (greedy[p] === shown[p] ? 1 - epsilon : 0) + epsilon / n;
    }
    return shown;
  };
}
