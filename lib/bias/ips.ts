import { assertFiniteArray, assertPositive, assertSameLength, raise } from "../_shared/validate.ts";

/** Options of {@link ipsEstimate}. */
export interface IpsOptions {
  /**
   * Probability $\pi(a_i \mid x_i)$ that the policy being evaluated takes the
   * logged action of each row, in [0, 1]; for a deterministic policy 1 where it
   * agrees with the log, else 0.
   */
  targetProbabilities: ArrayLike<number>;
  /**
   * Cluster of each row, e.g. the session: rows of one cluster share one
   * random draw, so the standard errors sum within clusters before squaring.
   * @default every row its own cluster
   */
  clusters?: ArrayLike<number>;
  /** Cap on the weights $w_i$ (clipping trades variance for bias). @default Infinity */
  maxWeight?: number;
}

/** The result of {@link ipsEstimate}. */
export interface IpsEstimate {
  /** Inverse-propensity estimate $\hat V_{\text{IPS}}$ of the mean reward per row. */
  ips: number;
  /** Standard error of `ips` (cluster-robust when clusters are given). */
  ipsStandardError: number;
  /** Self-normalised estimate $\hat V_{\text{SNIPS}}$ (`NaN` when every weight is 0). */
  snips: number;
  /** Standard error of `snips` (delta method, cluster-robust when clusters are given). */
  snipsStandardError: number;
  /** Number of rows. */
  n: number;
  /** Mean weight $\frac1n \sum_i w_i$; close to 1 when the propensities are right. */
  meanWeight: number;
  /** Kish's effective sample size $(\sum w)^2 / \sum w^2$. */
  effectiveSampleSize: number;
  /** The largest weight. */
  maxWeight: number;
  /** Rows with a positive weight: the rows that say anything about the evaluated policy. */
  supportRows: number;
}

/**
 * Estimates the mean reward a policy would get from rows logged by another
 * (randomised) policy, by inverse-propensity scoring. Row $i$ logged action
 * $a_i$ with known probability $p_i$ (its propensity) and saw reward $r_i$;
 * the evaluated policy takes $a_i$ with probability $\pi_i$. With weights
 * $w_i = \pi_i / p_i$,
 *
 * $$ \hat V_{\text{IPS}} = \frac{1}{n}\sum_i w_i r_i, \qquad
 *    \hat V_{\text{SNIPS}} = \frac{\sum_i w_i r_i}{\sum_i w_i}. $$
 *
 * IPS is unbiased whenever $p_i > 0$ for every action the evaluated policy
 * can take: $E[w r] = \sum_a p(a) \frac{\pi(a)}{p(a)} E[r \mid a] = \sum_a \pi(a) E[r \mid a]$.
 * SNIPS divides by $\sum w$ (whose expectation is $n$) instead of $n$: slightly
 * biased, much less variable when a few rows carry large weights (Swaminathan
 * & Joachims, 2015). For rewards per row of a feed (one row per position),
 * multiply by the feed length to get the value per session.
 *
 * Standard errors: with cluster totals $T_c = \sum_{i \in c} w_i r_i$ and $C$
 * clusters, $\text{SE}_{\text{IPS}}^2 = \frac{C}{C-1} \sum_c (T_c - n_c \hat V)^2 / n^2$;
 * SNIPS uses the residuals $w_i (r_i - \hat V_{\text{SNIPS}})$ over $\sum w$.
 *
 * @param rewards Reward of each logged row (e.g. 1 = engaged).
 * @param propensities Logging probability $p_i$ of each row's action, in (0, 1].
 * @param options Target probabilities (required), clusters and clipping.
 * @returns Both estimates with standard errors and weight diagnostics.
 * @throws {RangeError} On different lengths, an empty log, a propensity outside (0, 1],
 *   a target probability outside [0, 1], or a non-positive `maxWeight`.
 * @throws {TypeError} If `targetProbabilities` is missing.
 *
 * @example Two actions logged uniformly; the evaluated policy always takes action 1
 * ```ts
 * import assert from "node:assert/strict";
 * import { ipsEstimate } from "@lib/bias/mod.ts";
 * const action = [0, 1, 1, 0];
 * const reward = [0, 1, 1, 1];
 * const est = ipsEstimate(reward, [0.5, 0.5, 0.5, 0.5], {
 *   targetProbabilities: action.map((a) => (a === 1 ? 1 : 0)),
 * });
 * assert.equal(est.ips, 1); // (2 + 2) / 4
 * assert.equal(est.snips, 1); // (2 + 2) / (2 + 2)
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function ipsEstimate(
  rewards: ArrayLike<number>,
  propensities: ArrayLike<number>,
  options: IpsOptions,
): IpsEstimate {
  const context = "compute an IPS estimate";
  const { targetProbabilities, clusters, maxWeight: cap = Infinity } = options ?? {};
  assertFiniteArray(rewards, "rewards", context);
  assertFiniteArray(propensities, "propensities", context);
  assertSameLength(rewards, propensities, ["rewards", "propensities"], context);
  const n = rewards.length;
  for (let i = 0; i < n; i++) {
    if (!(propensities[i] > 0 && propensities[i] <= 1)) {
      raise("range", context, `propensities[${i}] must be in (0, 1], got ${propensities[i]}`);
    }
  }
  if (targetProbabilities === undefined) {
    raise("type", context, "options.targetProbabilities must be given (the evaluated policy)");
  }
  assertFiniteArray(targetProbabilities, "targetProbabilities", context);
  assertSameLength(rewards, targetProbabilities, ["rewards", "targetProbabilities"], context);
  for (let i = 0; i < n; i++) {
    const t = targetProbabilities[i];
    if (t < 0 || t > 1) {
      raise("range", context, `targetProbabilities[${i}] must be in [0, 1], got ${t}`);
    }
  }
  if (clusters !== undefined) {
    assertFiniteArray(clusters, "clusters", context);
    assertSameLength(rewards, clusters, ["rewards", "clusters"], context);
  }
  if (cap !== Infinity) {
    assertPositive(cap, "maxWeight", context);
  }
  const w = new Float64Array(n);
  let sumW = 0, sumW2 = 0, sumWR = 0, maxW = 0, support = 0;
  for (let i = 0; i < n; i++) {
    w[i] = Math.min(cap, targetProbabilities[i] / propensities[i]);
    sumW += w[i];
    sumW2 += w[i] * w[i];
    sumWR += w[i] * rewards[i];
    if (w[i] > maxW) maxW = w[i];
    if (w[i] > 0) support++;
  }
  const ips = sumWR / n;
  const snips = sumW > 0 ? sumWR / sumW : NaN;
  const ipsResidual = (i: number) => w[i] * rewards[i] - ips;
  const snipsResidual = (i: number) => w[i] * (rewards[i] - snips);
  const ipsStandardError = clusteredSe(ipsResidual, n, clusters) / n;
  const snipsStandardError = sumW > 0 ? clusteredSe(snipsResidual, n, clusters) / sumW : NaN;
  return {
    ips,
    ipsStandardError,
    snips,
    snipsStandardError,
    n,
    meanWeight: sumW / n,
    effectiveSampleSize: sumW2 > 0 ? (sumW * sumW) / sumW2 : 0,
    maxWeight: maxW,
    supportRows: support,
  };
}

/** $\sqrt{\frac{C}{C-1}\sum_c (\sum_{i \in c} e_i)^2}$ (0 for a single cluster). */
function clusteredSe(
  residual: (i: number) => number,
  n: number,
  clusters: ArrayLike<number> | undefined,
): number {
  const totals = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = clusters === undefined ? i : clusters[i];
    totals.set(key, (totals.get(key) ?? 0) + residual(i));
  }
  const c = totals.size;
  if (c < 2) return 0;
  let ss = 0;
  for (const t of totals.values()) ss += t * t;
  return Math.sqrt((c / (c - 1)) * ss);
}
