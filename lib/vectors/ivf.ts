import { assertInteger, raise } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";
import { _unitRows, assertDenseMatrix, type DenseMatrix } from "./dense_matrix.ts";
import type { TopKResult } from "./top_k.ts";

/** Options of {@link buildIvfIndex}. */
export interface IvfOptions extends RandomOptions {
  /** Buckets (k-means clusters) the items are split into, in [1, items.rows]. */
  lists: number;
  /** Rounds of k-means (assign, then re-centre). @default 10 */
  iterations?: number;
}

/** An inverted-file index: unit item vectors bucketed by their nearest k-means centroid. */
export interface IvfIndex {
  /** `lists × cols` unit centroids, row-major. */
  centroids: Float32Array;
  /** The item indices of each bucket, ascending. */
  buckets: Int32Array[];
  /** The items, scaled to unit length, row-major. */
  unitItems: Float32Array;
  /** Items and dimensions. */
  rows: number;
  cols: number;
}

function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += a[ao + j] * b[bo + j];
  return s;
}

/**
 * Builds an **inverted-file (IVF) index** for approximate cosine search: spherical k-means
 * splits the unit item vectors into `lists` buckets (start from `lists` distinct random items;
 * each round assigns every item to the centroid of highest cosine, then moves each centroid to
 * the normalised mean of its bucket; an empty bucket keeps its centroid). A query then scores
 * only the items of the few buckets whose centroids are nearest ({@link searchIvf}).
 *
 * @param items The catalogue, none zero.
 * @param options `lists`, `iterations` and the seed or rng.
 * @returns An {@link IvfIndex}.
 * @throws {RangeError} On a zero or non-finite row, `lists` outside [1, items.rows],
 *   `iterations < 1`, or a missing seed.
 * @see notebooks/02_capacity.ipynb
 *
 * @example Two clear directions, two buckets
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildIvfIndex, fromRows } from "@lib/vectors/mod.ts";
 * const items = fromRows([[1, 0.1], [1, -0.1], [0.1, 1], [-0.1, 1]]);
 * const index = buildIvfIndex(items, { lists: 2, seed: 1 });
 * assert.deepEqual(index.buckets.map((b) => [...b]).sort(), [[0, 1], [2, 3]]);
 * ```
 */
export function buildIvfIndex(items: DenseMatrix, options: IvfOptions): IvfIndex {
  const context = "build an IVF index";
  assertDenseMatrix(items, "items", context);
  const { lists, iterations = 10 } = options ?? {};
  assertInteger(lists, "lists", context, { min: 1, max: items.rows });
  assertInteger(iterations, "iterations", context, { min: 1 });
  const rng = resolveRng(options, context);
  const { rows: n, cols: d } = items;
  const x = _unitRows(items, "items", context);
  // Start from `lists` distinct items (a partial Fisher–Yates shuffle).
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const centroids = new Float32Array(lists * d);
  for (let c = 0; c < lists; c++) {
    const j = rng.int(c, n);
    [order[c], order[j]] = [order[j], order[c]];
    centroids.set(x.subarray(order[c] * d, (order[c] + 1) * d), c * d);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let best = 0, bestScore = -Infinity;
      for (let c = 0; c < lists; c++) {
        const s = dot(x, i * d, centroids, c * d, d);
        if (s > bestScore) (best = c), (bestScore = s);
      }
      assign[i] = best;
    }
    const sums = new Float64Array(lists * d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) sums[assign[i] * d + j] += x[i * d + j];
    }
    for (let c = 0; c < lists; c++) {
      let norm = 0;
      for (let j = 0; j < d; j++) norm += sums[c * d + j] ** 2;
      if (norm === 0) continue; // an empty bucket keeps its centroid
      norm = Math.sqrt(norm);
      for (let j = 0; j < d; j++) centroids[c * d + j] = sums[c * d + j] / norm;
    }
  }
  // The final buckets follow the final centroids.
  const members: number[][] = Array.from({ length: lists }, () => []);
  for (let i = 0; i < n; i++) {
    let best = 0, bestScore = -Infinity;
    for (let c = 0; c < lists; c++) {
      const s = dot(x, i * d, centroids, c * d, d);
      if (s > bestScore) (best = c), (bestScore = s);
    }
    members[best].push(i);
  }
  return {
    centroids,
    buckets: members.map((m) => Int32Array.from(m)),
    unitItems: x,
    rows: n,
    cols: d,
  };
}

/** What {@link searchIvf} returns: a {@link TopKResult} and the work it took. */
export interface IvfSearchResult extends TopKResult {
  /** Items scored per query (the members of the probed buckets). */
  scanned: Int32Array;
}

/**
 * Approximate top-k by cosine with an {@link IvfIndex}: each query scores the `probes` centroids
 * nearest to it, then only the items of those buckets, and keeps the best `k` of them (ties: the
 * lower item index first, as `topKCosine`). With `probes` equal to the number of buckets it is
 * exact; with fewer it scans a fraction of the catalogue and may miss a true neighbour that sits
 * in another bucket. A query whose probed buckets hold fewer than `k` items gets index −1 and
 * score −Infinity in the slots left over.
 *
 * @param index What {@link buildIvfIndex} returned.
 * @param queries Query vectors (`cols` as the index's), none zero.
 * @param options `k` (in [1, index.rows]) and `probes` (in [1, buckets]).
 * @returns An {@link IvfSearchResult}.
 * @throws {RangeError} On a dimension mismatch, a zero or non-finite query, or `k` or `probes`
 *   out of range.
 * @see notebooks/02_capacity.ipynb
 *
 * @example Probing the nearest bucket only
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildIvfIndex, fromRows, searchIvf } from "@lib/vectors/mod.ts";
 * const items = fromRows([[1, 0.1], [1, -0.1], [0.1, 1], [-0.1, 1]]);
 * const index = buildIvfIndex(items, { lists: 2, seed: 1 });
 * const found = searchIvf(index, fromRows([[1, 0.05]]), { k: 1, probes: 1 });
 * assert.deepEqual([...found.indices, ...found.scanned], [0, 2]);
 * ```
 */
export function searchIvf(
  index: IvfIndex,
  queries: DenseMatrix,
  options: { k: number; probes: number },
): IvfSearchResult {
  const context = "search an IVF index";
  assertDenseMatrix(queries, "queries", context);
  const { k, probes } = options ?? {};
  const lists = index?.buckets?.length;
  if (!Number.isInteger(lists) || lists < 1) raise("type", context, "index must be an IvfIndex");
  assertInteger(k, "k", context, { min: 1, max: index.rows });
  assertInteger(probes, "probes", context, { min: 1, max: lists });
  const d = index.cols;
  if (queries.cols !== d) {
    raise(
      "range",
      context,
      `queries and the index must have the same number of columns, got ${queries.cols} and ${d}`,
    );
  }
  const q = _unitRows(queries, "queries", context);
  const indices = new Int32Array(queries.rows * k).fill(-1);
  const scores = new Float32Array(queries.rows * k).fill(-Infinity);
  const scanned = new Int32Array(queries.rows);
  const centroidScore = new Float64Array(lists);
  const byScore = Int32Array.from({ length: lists }, (_, c) => c);
  for (let r = 0; r < queries.rows; r++) {
    for (let c = 0; c < lists; c++) centroidScore[c] = dot(q, r * d, index.centroids, c * d, d);
    byScore.sort((a, b) => centroidScore[b] - centroidScore[a] || a - b);
    const o = r * k;
    let size = 0;
    for (let p = 0; p < probes; p++) {
      const bucket = index.buckets[byScore[p]];
      scanned[r] += bucket.length;
      for (const i of bucket) {
        const s = Math.fround(dot(q, r * d, index.unitItems, i * d, d));
        const last = scores[o + k - 1];
        if (size === k && (s < last || (s === last && i > indices[o + k - 1]))) continue;
        let at = size === k ? k - 1 : size++;
        while (
          at > 0 &&
          (scores[o + at - 1] < s || (scores[o + at - 1] === s && indices[o + at - 1] > i))
        ) {
          scores[o + at] = scores[o + at - 1];
          indices[o + at] = indices[o + at - 1];
          at--;
        }
        scores[o + at] = s;
        indices[o + at] = i;
      }
    }
  }
  return { indices, scores, k, scanned };
}

/**
 * Recall@k of an approximate search against the exact one: per query, the share of the exact
 * top k that the approximate top k contains, averaged over the queries.
 *
 * @param exact `queries × k` indices of the exact search (e.g. `topKCosine`).
 * @param approx `queries × k` indices of the approximate one, same layout.
 * @param k Items per query.
 * @returns Mean recall in [0, 1].
 * @throws {RangeError} If the lengths differ or are not a positive multiple of k.
 * @see notebooks/02_capacity.ipynb
 *
 * @example Two queries: both found, then one of two
 * ```ts
 * import assert from "node:assert/strict";
 * import { recallAtK } from "@lib/vectors/mod.ts";
 * assert.equal(recallAtK([1, 2, 3, 4], [2, 1, 3, 9], 2), 0.75);
 * ```
 */
export function recallAtK(exact: ArrayLike<number>, approx: ArrayLike<number>, k: number): number {
  const context = "compute recall@k";
  assertInteger(k, "k", context, { min: 1 });
  if (exact.length !== approx.length) {
    raise(
      "range",
      context,
      `exact and approx must have the same length, got ${exact.length} and ${approx.length}`,
    );
  }
  if (exact.length === 0 || exact.length % k !== 0) {
    raise(
      "range",
      context,
      `the lengths must be a positive multiple of k = ${k}, got ${exact.length}`,
    );
  }
  const queries = exact.length / k;
  let found = 0;
  for (let r = 0; r < queries; r++) {
    const truth = new Set(Array.from({ length: k }, (_, j) => exact[r * k + j]));
    for (let j = 0; j < k; j++) if (truth.has(approx[r * k + j])) found++;
  }
  return found / (queries * k);
}
