import { assertInteger, raise } from "../_shared/validate.ts";
import { assertDenseMatrix, type DenseMatrix } from "./dense_matrix.ts";

/** Options of {@link knnClassify}. */
export interface KnnOptions {
  /** Neighbours that vote. @default 5 */
  k?: number;
}

/**
 * k-nearest-neighbour classification by Euclidean distance: each query row takes the most common
 * label among its `k` nearest training rows (exact search). A tie between labels goes to the
 * label of the nearest neighbour among the tied ones. How well k-NN does on a representation is a
 * direct test of whether the representation puts same-class items close together.
 *
 * @param train Training rows.
 * @param trainLabels Integer label of each training row.
 * @param queries Rows to classify (same number of columns).
 * @param options `k`.
 * @returns The predicted label of each query row.
 * @throws {RangeError} On mismatched sizes, non-integer labels or `k` outside [1, train.rows].
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fromRows, knnClassify } from "@lib/vectors/mod.ts";
 * const train = fromRows([[0, 0], [0, 1], [5, 5], [6, 5]]);
 * const pred = knnClassify(train, [0, 0, 1, 1], fromRows([[0.2, 0.4], [5, 6]]), { k: 2 });
 * assert.deepEqual([...pred], [0, 1]);
 * ```
 */
export function knnClassify(
  train: DenseMatrix,
  trainLabels: ArrayLike<number>,
  queries: DenseMatrix,
  options: KnnOptions = {},
): Int32Array {
  const context = "classify by k nearest neighbours";
  assertDenseMatrix(train, "train", context);
  assertDenseMatrix(queries, "queries", context);
  const { k = 5 } = options;
  assertInteger(k, "k", context, { min: 1, max: train.rows });
  if (trainLabels.length !== train.rows) {
    raise(
      "range",
      context,
      `trainLabels must have one label per row of train, got ${trainLabels.length} and ${train.rows}`,
    );
  }
  if (queries.cols !== train.cols) {
    raise(
      "range",
      context,
      `train and queries must have the same number of columns, got ${train.cols} and ${queries.cols}`,
    );
  }
  let maxLabel = 0;
  for (let i = 0; i < trainLabels.length; i++) {
    const y = trainLabels[i];
    if (!Number.isInteger(y) || y < 0) {
      raise("range", context, `trainLabels[${i}] must be a non-negative integer, got ${y}`);
    }
    maxLabel = Math.max(maxLabel, y);
  }
  const d = train.cols, n = train.rows, x = train.data, q = queries.data;
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i * d; j < (i + 1) * d; j++) sq[i] += x[j] * x[j];
  }
  const out = new Int32Array(queries.rows);
  const bestD = new Float64Array(k), bestI = new Int32Array(k);
  const votes = new Float64Array(maxLabel + 1), first = new Int32Array(maxLabel + 1);
  for (let r = 0; r < queries.rows; r++) {
    let size = 0;
    const qo = r * d;
    for (let i = 0; i < n; i++) {
      // ‖q − x‖² − ‖q‖²: the query's own norm does not change the order.
      let dot = 0;
      for (let j = 0, o = i * d; j < d; j++) dot += q[qo + j] * x[o + j];
      const dist = sq[i] - 2 * dot;
      if (size === k && dist >= bestD[k - 1]) continue;
      let p = size === k ? k - 1 : size++;
      while (p > 0 && bestD[p - 1] > dist) {
        bestD[p] = bestD[p - 1];
        bestI[p] = bestI[p - 1];
        p--;
      }
      bestD[p] = dist;
      bestI[p] = i;
    }
    votes.fill(0);
    first.fill(k);
    for (let t = 0; t < k; t++) {
      const y = trainLabels[bestI[t]];
      votes[y]++;
      if (first[y] === k) first[y] = t;
    }
    let best = 0;
    for (let y = 1; y <= maxLabel; y++) {
      if (votes[y] > votes[best] || (votes[y] === votes[best] && first[y] < first[best])) best = y;
    }
    out[r] = best;
  }
  return out;
}
