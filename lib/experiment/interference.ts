import {
  assertFiniteNumber,
  assertInteger,
  assertOneOf,
  assertPositive,
} from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";

/** Options of {@link simulateNetworkExperiment}. */
export interface NetworkOptions {
  /** Clusters of friends (communities). @default 200 */
  clusters?: number;
  /** Users per cluster, m ≥ 2. @default 20 */
  clusterSize?: number;
  /** Mean engagements per user in the window. @default 2 */
  baseline?: number;
  /** Relative lift τ of a treated user's own engagement. @default 0.05 */
  directEffect?: number;
  /** Relative lift s when *all* of a user's friends are treated (network effect). @default 0.05 */
  spillover?: number;
  /** Standard deviation σ of the log cluster multiplier (users of a cluster are alike). @default 0.3 */
  clusterSd?: number;
  /** `"user"`: each user flips a coin; `"cluster"`: each cluster does. @default "user" */
  design?: "user" | "cluster";
}

/** Result of {@link simulateNetworkExperiment}: one row per user. */
export interface NetworkExperiment {
  /** Engagements of the user in the window. */
  value: Int32Array;
  /** 0 = control, 1 = treatment. */
  arm: Uint8Array;
  /** The user's cluster. */
  cluster: Int32Array;
  /**
   * The global effect τ + s: the relative lift of launching to everybody against
   * launching to nobody, the quantity a launch decision needs.
   */
  globalEffect: number;
}

/**
 * A seeded experiment with interference between users (a network effect): user i
 * in cluster k has engagements ~ Poisson(μ_i) with
 * $$\mu_i = b\, c_k\, g_i \left(1 + \tau T_i + s\, \frac{\sum_{j \in k,\, j \ne i} T_j}{m - 1}\right),$$
 * where c_k = exp(N(−σ²/2, σ²)) is the cluster's level, g_i ~ Gamma(2, ½) the
 * user's, T the treatment indicator, τ the direct effect and s the spillover from
 * treated friends. Under user randomisation about half of everybody's friends are
 * treated, in both arms, so the difference of arms estimates about
 * τ / (1 + s/2), not the global effect τ + s (SUTVA fails). Randomising whole
 * clusters makes a treated user's friends all treated and a control user's all
 * untreated, so the difference estimates τ + s — but with far fewer independent
 * units (analyse cluster means, {@link clusterMeans}).
 *
 * @param options See {@link NetworkOptions}.
 * @param random `{ seed }` or `{ rng }`.
 * @returns See {@link NetworkExperiment}.
 * @throws {RangeError} On out-of-range options.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateNetworkExperiment } from "@lib/experiment/mod.ts";
 * const r = simulateNetworkExperiment({ clusters: 10, design: "cluster" }, { seed: 1 });
 * assert.equal(r.value.length, 200);
 * assert.ok(Math.abs(r.globalEffect - 0.1) < 1e-12);
 * ```
 */
export function simulateNetworkExperiment(
  options: NetworkOptions,
  random: RandomOptions,
): NetworkExperiment {
  const context = "run simulateNetworkExperiment";
  const {
    clusters = 200,
    clusterSize: m = 20,
    baseline = 2,
    directEffect = 0.05,
    spillover = 0.05,
    clusterSd = 0.3,
    design = "user",
  } = options ?? {};
  assertInteger(clusters, "clusters", context, { min: 2 });
  assertInteger(m, "clusterSize", context, { min: 2 });
  assertPositive(baseline, "baseline", context);
  assertFiniteNumber(directEffect, "directEffect", context, { min: -1 });
  assertFiniteNumber(spillover, "spillover", context, { min: -1 });
  assertFiniteNumber(clusterSd, "clusterSd", context, { min: 0 });
  assertOneOf(design, ["user", "cluster"] as const, "design", context);
  const rng = resolveRng(random, context), n = clusters * m;
  const value = new Int32Array(n), arm = new Uint8Array(n), cluster = new Int32Array(n);
  for (let k = 0; k < clusters; k++) {
    const level = Math.exp(rng.normal(-clusterSd * clusterSd / 2, clusterSd));
    const coin = rng.random() < 0.5 ? 1 : 0;
    let treated = 0;
    for (let j = 0; j < m; j++) {
      const i = k * m + j;
      cluster[i] = k;
      arm[i] = design === "cluster" ? coin : rng.random() < 0.5 ? 1 : 0;
      treated += arm[i];
    }
    for (let j = 0; j < m; j++) {
      const i = k * m + j;
      const user = -0.5 * Math.log((1 - rng.random()) * (1 - rng.random())); // Gamma(2, ½)
      const friends = (treated - arm[i]) / (m - 1);
      const mu = baseline * level * user * (1 + directEffect * arm[i] + spillover * friends);
      value[i] = rng.poisson(mu);
    }
  }
  return { value, arm, cluster, globalEffect: directEffect + spillover };
}
