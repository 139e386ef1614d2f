import { resolveRng } from "../random/mod.ts";
import {
  assertInteger,
  assertOpenUnit,
  assertProbabilityArray,
  assertSameLength,
  raise,
} from "../_shared/validate.ts";
import { calibrationCurve } from "../metrics/calibration.ts";
import type { RandomOptions } from "../random/mod.ts";
import { _percentileInterval, type BootstrapInterval } from "./bootstrap.ts";

/** Options of {@link eceDifferenceBootstrapCi}. */
export interface EceDifferenceOptions extends RandomOptions {
  /** Number of quantile bins of each set of probabilities. @default 10 */
  nBins?: number;
  /** Number of resamples. @default 2000 */
  resamples?: number;
  /** Confidence level. @default 0.95 */
  level?: number;
  /**
   * Cluster of each row (non-negative integers, e.g. user ids): whole clusters are
   * resampled, for rows that are correlated within a cluster. @default every row its own
   */
  groups?: ArrayLike<number>;
}

/** Bin of `p` among the inner edges, as `calibrationCurve` (a value on an edge goes down). */
function binOf(edges: number[], p: number): number {
  let lo = 0, hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid + 1] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Paired percentile bootstrap interval of ECE(a) − ECE(b), the difference of the expected
 * calibration errors (ten quantile bins by default, as `expectedCalibrationError` with
 * `strategy: "quantile"`) of two sets of probabilities for the same labelled rows, e.g. a
 * model before and after recalibration. Each resample draws the rows with replacement,
 * the same rows for both sets (the pairing), and recomputes both errors with each set's
 * bins **fixed** at the quantiles of the full sample:
 *
 * $$\mathrm{ECE}^\ast = \frac{1}{n}\sum_b \Big\lvert \sum_{i \in b} w_i\,(y_i - p_i) \Big\rvert,$$
 *
 * with $w_i$ the number of times row i was drawn and $n = \sum_i w_i$. Fixing the bins makes a
 * resample cost one pass over the rows instead of a sort (the quantile edges of a resample
 * move by about one row's share of a bin), and the estimate is exactly the difference of
 * the two full-sample errors. With `groups`, whole clusters (e.g. users, whose impressions
 * are correlated) are drawn with replacement and each row weighs as often as its cluster
 * was drawn (the cluster bootstrap, Davison & Hinkley 1997, §3.8).
 *
 * @param yTrue Labels, 0 or 1 (at least two rows).
 * @param a Probabilities in [0, 1], one per row.
 * @param b Probabilities in [0, 1] of the other set, one per row.
 * @param options `seed` or `rng`; `nBins`, `resamples`, `level`, `groups`.
 * @returns `{ estimate, low, high, level }` of ECE(a) − ECE(b).
 * @throws {RangeError} If the lengths differ, there are fewer than two rows, a label is not
 *   0 or 1, a probability is outside [0, 1], `groups` has another length or a value that
 *   is not a non-negative integer, `nBins` is not a positive integer,
 *   `resamples` is below 100 or `level` is not in (0, 1).
 * @throws {TypeError} If neither `seed` nor `rng` is given.
 * @see notebooks/01_setup.ipynb
 *
 * @example Two quantile bins: ECE(a) = (|0 − 0.3| + |2 − 1.4|) / 4 = 0.225, ECE(b) = 0.
 * ```ts
 * import assert from "node:assert/strict";
 * import { eceDifferenceBootstrapCi } from "@lib/claims/mod.ts";
 * const y = [0, 0, 1, 1];
 * const ci = eceDifferenceBootstrapCi(y, [0.1, 0.2, 0.6, 0.8], [0, 0, 1, 1], { seed: 1, nBins: 2 });
 * assert.ok(Math.abs(ci.estimate - 0.225) < 1e-12);
 * assert.ok(ci.low <= ci.estimate && ci.estimate <= ci.high);
 * ```
 */
export function eceDifferenceBootstrapCi(
  yTrue: ArrayLike<number>,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: EceDifferenceOptions,
): BootstrapInterval {
  const context = "compute eceDifferenceBootstrapCi";
  const { nBins = 10, resamples = 2000, level = 0.95, groups } = options ?? {};
  assertProbabilityArray(a, "a", context);
  assertProbabilityArray(b, "b", context);
  assertSameLength(yTrue, a, ["yTrue", "a"], context);
  assertSameLength(a, b, ["a", "b"], context);
  const n = a.length;
  if (n < 2) raise("range", context, `yTrue must have at least 2 rows, got ${n}`);
  for (let i = 0; i < n; i++) {
    if (yTrue[i] !== 0 && yTrue[i] !== 1) {
      raise("range", context, `yTrue must hold only 0 and 1, got ${yTrue[i]} at ${i}`);
    }
  }
  // Rows' cluster indices 0 … clusters − 1 (each row its own cluster without groups).
  let cluster = Int32Array.from({ length: n }, (_, i) => i), clusters = n;
  if (groups !== undefined) {
    assertSameLength(yTrue, groups, ["yTrue", "groups"], context);
    const index = new Map<number, number>();
    cluster = Int32Array.from({ length: n }, (_, i) => {
      const g = groups[i];
      if (!Number.isInteger(g) || g < 0) {
        raise("range", context, `groups must hold non-negative integers, got ${g} at ${i}`);
      }
      if (!index.has(g)) index.set(g, index.size);
      return index.get(g)!;
    });
    clusters = index.size;
  }
  assertInteger(nBins, "nBins", context, { min: 1 });
  assertInteger(resamples, "resamples", context, { min: 100 });
  assertOpenUnit(level, "level", context);
  const rng = resolveRng(options, context);
  // Per row and set: its fixed bin and its residual y − p.
  const sets = [a, b].map((p) => {
    const edges = calibrationCurve(yTrue, p, { nBins, strategy: "quantile" }).binEdges;
    return {
      bin: Int32Array.from(p, (v) => binOf(edges, v)),
      residual: Float64Array.from(p, (v, i) => yTrue[i] - v),
      sums: new Float64Array(nBins),
    };
  });
  const difference = (weightOf: (i: number) => number) => {
    let total = 0;
    for (let i = 0; i < n; i++) total += weightOf(i);
    const [ea, eb] = sets.map(({ bin, residual, sums }) => {
      sums.fill(0);
      for (let i = 0; i < n; i++) sums[bin[i]] += weightOf(i) * residual[i];
      return sums.reduce((s, v) => s + Math.abs(v), 0) / total;
    });
    return ea - eb;
  };
  const weights = new Float64Array(clusters);
  const stats = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    weights.fill(0);
    for (let c = 0; c < clusters; c++) weights[rng.int(0, clusters)]++;
    stats[r] = difference((i) => weights[cluster[i]]);
  }
  return _percentileInterval(stats, difference(() => 1), level);
}
