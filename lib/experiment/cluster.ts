import { assertFiniteArray, assertSameLength, raise } from "../_shared/validate.ts";

/** Per-cluster means and arms, one row per cluster, in order of first appearance. */
export interface ClusterMeans {
  /** Cluster identifiers. */
  cluster: number[];
  /** Mean of the values of the cluster's users. */
  mean: Float64Array;
  /** Users per cluster. */
  size: Int32Array;
  /** The cluster's arm (0 = control, 1 = treatment). */
  arm: Uint8Array;
}

/**
 * Aggregates a per-user metric to its randomisation unit, the cluster, for the
 * analysis of a cluster-randomised experiment: users of one cluster share the arm
 * and are correlated (friends, one household, one city), so the independent
 * observations are the clusters. A two-sample test on the cluster means (e.g.
 * `welchTTest`) then has the right variance; a test on the users understates it
 * by the design effect 1 + (m − 1)·ICC for clusters of size m.
 *
 * @param values One value per user (finite).
 * @param cluster One cluster id per user (finite).
 * @param arm One arm per user, 0 or 1, constant within a cluster.
 * @returns See {@link ClusterMeans}.
 * @throws {RangeError} If lengths differ, a value is not finite, an arm is not 0/1,
 *   or a cluster has users in both arms.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { clusterMeans } from "@lib/experiment/mod.ts";
 * const r = clusterMeans([1, 3, 5, 2], [7, 7, 8, 8], [1, 1, 0, 0]);
 * assert.deepEqual(Array.from(r.mean), [2, 3.5]);
 * assert.deepEqual(Array.from(r.arm), [1, 0]);
 * ```
 */
export function clusterMeans(
  values: ArrayLike<number>,
  cluster: ArrayLike<number>,
  arm: ArrayLike<number>,
): ClusterMeans {
  const context = "compute clusterMeans";
  assertFiniteArray(values, "values", context);
  assertFiniteArray(cluster, "cluster", context);
  assertFiniteArray(arm, "arm", context);
  assertSameLength(values, cluster, ["values", "cluster"], context);
  assertSameLength(values, arm, ["values", "arm"], context);
  const index = new Map<number, number>(), sums: number[] = [], sizes: number[] = [];
  const arms: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (arm[i] !== 0 && arm[i] !== 1) {
      raise("range", context, `arm[${i}] must be 0 or 1, got ${arm[i]}`);
    }
    let k = index.get(cluster[i]);
    if (k === undefined) {
      k = sums.length;
      index.set(cluster[i], k), sums.push(0), sizes.push(0), arms.push(arm[i]);
    } else if (arms[k] !== arm[i]) {
      raise("range", context, `cluster ${cluster[i]} has users in both arms`);
    }
    sums[k] += values[i], sizes[k]++;
  }
  return {
    cluster: [...index.keys()],
    mean: Float64Array.from(sums, (s, k) => s / sizes[k]),
    size: Int32Array.from(sizes),
    arm: Uint8Array.from(arms),
  };
}
