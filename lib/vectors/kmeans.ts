import { assertInteger, raise } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";
import { assertDenseMatrix, type DenseMatrix } from "./dense_matrix.ts";

/** Options of {@link kMeans}. */
export interface KMeansOptions extends RandomOptions {
  /** Number of clusters, at most the number of vectors. */
  k: number;
  /** Most assignment passes; stops earlier when a pass changes no assignment. @default 100 */
  maxIterations?: number;
}

/** Result of {@link kMeans}. */
export interface KMeansResult {
  /** The cluster (0 … k − 1) of each vector. */
  labels: Int32Array;
  /** The `k` cluster means. */
  centroids: DenseMatrix;
  /** Sum of squared distances of the vectors to their centroids. */
  inertia: number;
  /**
   * Assignment passes run, the last included: it changes nothing unless `maxIterations`
   * stopped the loop, and the centroids are those it assigned to.
   */
  iterations: number;
}

function squaredDistance(a: DenseMatrix, i: number, b: Float64Array, j: number): number {
  let s = 0;
  for (let c = 0; c < a.cols; c++) {
    const d = a.data[i * a.cols + c] - b[j * a.cols + c];
    s += d * d;
  }
  return s;
}

/**
 * k-means clustering (Lloyd's algorithm) with k-means++ seeding: the first centre is a
 * random vector, each next one a vector drawn with probability proportional to its
 * squared distance to the nearest centre so far (Arthur & Vassilvitskii, 2007). Then,
 * until no assignment changes, every vector joins its nearest centre and every centre
 * moves to the mean of its vectors, minimising
 *
 * $$\sum_i \lVert x_i - \mu_{c(i)} \rVert^2 .$$
 *
 * A cluster left empty keeps its centre. The result is a local optimum that depends
 * on the seed.
 *
 * @param matrix The vectors, one per row, finite.
 * @param options `k`, `maxIterations`, and `seed` or `rng`.
 * @returns Labels, centroids, inertia and the iterations run.
 * @throws {RangeError} If `k` is not an integer in [1, rows] or `maxIterations` < 1.
 * @throws {TypeError} If the matrix is malformed or neither `seed` nor `rng` is given.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fromRows, kMeans } from "@lib/vectors/mod.ts";
 * const m = fromRows([[0, 0], [0, 1], [10, 10], [10, 11]]);
 * const { labels, inertia } = kMeans(m, { k: 2, seed: 1 });
 * assert.equal(labels[0], labels[1]);
 * assert.notEqual(labels[0], labels[2]);
 * assert.equal(inertia, 1); // four points, each 0.5 from its centre
 * ```
 */
export function kMeans(matrix: DenseMatrix, options: KMeansOptions): KMeansResult {
  const context = "run kMeans";
  assertDenseMatrix(matrix, "matrix", context);
  if (typeof options !== "object" || options === null) {
    raise("type", context, "options with k and a seed are required");
  }
  const { k, maxIterations = 100 } = options;
  const { rows: n, cols } = matrix;
  assertInteger(k, "k", context, { min: 1, max: n });
  assertInteger(maxIterations, "maxIterations", context, { min: 1 });
  const rng = resolveRng(options, context);
  const centres = new Float64Array(k * cols);
  const setCentre = (j: number, i: number) => {
    for (let c = 0; c < cols; c++) centres[j * cols + c] = matrix.data[i * cols + c];
  };
  setCentre(0, rng.int(0, n));
  const nearest = new Float64Array(n).fill(Infinity);
  for (let j = 1; j < k; j++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i], squaredDistance(matrix, i, centres, j - 1));
      total += nearest[i];
    }
    let pick = n - 1;
    if (total > 0) {
      let u = rng.uniform(0, total);
      for (let i = 0; i < n; i++) {
        u -= nearest[i];
        if (u < 0) {
          pick = i;
          break;
        }
      }
    } else pick = rng.int(0, n); // every vector already sits on a centre
    setCentre(j, pick);
  }
  const labels = new Int32Array(n).fill(-1);
  let iterations = 0, inertia = 0;
  // Each pass assigns, then (unless it changed nothing or was the last allowed) moves the
  // centres: the labels returned always belong to the centroids returned.
  for (;;) {
    iterations++;
    let changed = false;
    for (let i = 0; i < n; i++) {
      let best = 0, bestD = Infinity;
      for (let j = 0; j < k; j++) {
        const d = squaredDistance(matrix, i, centres, j);
        if (d < bestD) [best, bestD] = [j, d];
      }
      if (labels[i] !== best) [labels[i], changed] = [best, true];
    }
    if (!changed || iterations >= maxIterations) break;
    const sums = new Float64Array(k * cols), counts = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      counts[labels[i]]++;
      for (let c = 0; c < cols; c++) sums[labels[i] * cols + c] += matrix.data[i * cols + c];
    }
    for (let j = 0; j < k; j++) {
      if (counts[j] === 0) continue;
      for (let c = 0; c < cols; c++) centres[j * cols + c] = sums[j * cols + c] / counts[j];
    }
  }
  inertia = 0;
  for (let i = 0; i < n; i++) inertia += squaredDistance(matrix, i, centres, labels[i]);
  return { labels, centroids: { data: centres, rows: k, cols }, inertia, iterations };
}
