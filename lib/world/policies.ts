import { assertFiniteNumber, assertOneOf, raise } from "../_shared/validate.ts";
import { assertKnownOptions } from "./_options.ts";
import { candidateFeatures, type FeatureMatrix } from "./features.ts";
import { type Policy, rankByScores } from "./policy.ts";
import { truthKernel } from "./_kernel.ts";
import type { World } from "./types.ts";

/** The built-in policies. */
export type PolicyKind = "random" | "popularity" | "recencyFollowers" | "oracle";

const KINDS: readonly PolicyKind[] = ["random", "popularity", "recencyFollowers", "oracle"];

/** Options of {@link createPolicy}. */
export interface PolicyOptions {
  /** For `"recencyFollowers"`: hours after which a post's score halves. @default 24 */
  halfLifeHours?: number;
}

/**
 * A built-in ranking policy:
 *
 * - `"random"`: a uniformly random order (propensity $1/n$ per shown position);
 * - `"popularity"`: most past engagements first, the existing system whose
 *   feedback loop makes popular posts more popular;
 * - `"recencyFollowers"`: the rule $\log(1 + \text{followers}) \cdot 2^{-\text{age}/h}$;
 * - `"oracle"`: by the true engagement probability (reads `world.truth`; an
 *   upper bound for evaluation, not a deployable system).
 *
 * The deterministic ones log propensity 1.
 *
 * @param kind Which policy.
 * @param options See {@link PolicyOptions}.
 * @returns A {@link Policy}.
 * @throws {RangeError} For an unknown kind or option.
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createPolicy, createWorld, sessionMetrics, simulateSessions } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 100, numItems: 400 }, { seed: 1 });
 * const run = (kind: "random" | "oracle") =>
 *   sessionMetrics(simulateSessions(world, createPolicy(kind), { days: 3, sessionsPerDay: 200, seed: 2 }));
 * assert.ok(run("oracle").engagementsPerSession > run("random").engagementsPerSession);
 * ```
 */
export function createPolicy(kind: PolicyKind, options: PolicyOptions = {}): Policy {
  const context = "create a policy";
  assertOneOf(kind, KINDS, "kind", context);
  assertKnownOptions(options, kind === "recencyFollowers" ? ["halfLifeHours"] : [], context);
  const { halfLifeHours = 24 } = options;
  assertFiniteNumber(halfLifeHours, "halfLifeHours", context, { min: Number.MIN_VALUE });
  let scores = new Float64Array(0);
  const scoresFor = (n: number) => scores.length === n ? scores : (scores = new Float64Array(n));
  if (kind === "random") {
    return (_world, _user, candidates, context, rng) => {
      const order = Int32Array.from(candidates);
      for (let j = order.length - 1; j > 0; j--) {
        const k = Math.floor(rng.random() * (j + 1));
        const t = order[j];
        order[j] = order[k];
        order[k] = t;
      }
      context.propensity.fill(1 / candidates.length);
      return order;
    };
  }
  let kernel: ReturnType<typeof truthKernel> | undefined, kernelWorld: World | undefined;
  return (world, user, candidates, context) => {
    const s = scoresFor(candidates.length);
    if (kind === "popularity") {
      for (let j = 0; j < s.length; j++) s[j] = context.history.itemEngagements[candidates[j]];
    } else if (kind === "recencyFollowers") {
      const { author, createdAt } = world.items;
      for (let j = 0; j < s.length; j++) {
        const i = candidates[j], age = context.time - createdAt[i];
        s[j] = Math.log1p(world.authors.followers[author[i]]) * 2 ** (-age / halfLifeHours);
      }
    } else {
      if (kernelWorld !== world) [kernel, kernelWorld] = [truthKernel(world), world];
      for (let j = 0; j < s.length; j++) s[j] = kernel!.item(user, candidates[j], context.time);
    }
    context.propensity.fill(1);
    return rankByScores(candidates, s);
  };
}

/**
 * Wraps a learned scoring function as a policy: each session's candidates
 * become feature rows ({@link candidateFeatures}, from the live history), the
 * model scores them, the feed shows the highest scores first.
 *
 * @param score Maps a {@link FeatureMatrix} to one score per row (e.g. a predicted probability).
 * @returns A deterministic {@link Policy} (propensity 1).
 * @throws {RangeError} When the simulation runs, if `score` returns the wrong number of scores.
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createWorld, scorePolicy, sessionMetrics, simulateSessions } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 100, numItems: 400 }, { seed: 1 });
 * // A hand-made scorer: the item's smoothed past CTR.
 * const byItemCtr = scorePolicy((x) => {
 *   const col = x.names.indexOf("item_ctr");
 *   return Float32Array.from({ length: x.numRows }, (_, r) => x.values[r * x.numFeatures + col]);
 * });
 * const log = simulateSessions(world, byItemCtr, { days: 2, sessionsPerDay: 100, seed: 3 });
 * assert.ok(sessionMetrics(log).engagedSessionRate > 0);
 * ```
 */
export function scorePolicy(score: (features: FeatureMatrix) => ArrayLike<number>): Policy {
  if (typeof score !== "function") {
    raise("type", "create a score policy", `score must be a function, got ${typeof score}`);
  }
  return (world, user, candidates, context) => {
    const features = candidateFeatures(world, context.history, user, candidates, context);
    const scores = score(features);
    if (scores == null || scores.length !== candidates.length) {
      raise(
        "range",
        "rank with a score policy",
        `score must return one score per row, got ${scores?.length} for ${candidates.length} rows`,
      );
    }
    context.propensity.fill(1);
    return rankByScores(candidates, scores);
  };
}
