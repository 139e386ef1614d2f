import { assertInteger, raise } from "../_shared/validate.ts";
import { _unitRows, assertDenseMatrix, type DenseMatrix } from "./dense_matrix.ts";

/** Options of {@link topKCosine}. */
export interface TopKOptions {
  /** How many items to return per query (at most `items.rows`). */
  k: number;
  /** Queries scored together (a `batchSize × items.rows` block of scores). @default 64 */
  batchSize?: number;
}

/** The `k` best items of each query, best first. */
export interface TopKResult {
  /** `queries.rows × k` item indices, row-major, best first. */
  indices: Int32Array;
  /** The cosine of each returned item, aligned with `indices`. */
  scores: Float32Array;
  /** Items per query. */
  k: number;
}

/**
 * Exact top-k retrieval by cosine similarity: for every query row, the `k` item rows with the
 * highest $\cos(q, x)$, found by scoring every item (brute force, $O(n_q \cdot n \cdot d)$).
 * Rows are normalised once, queries are scored in batches over one `Float32Array`, and each
 * query keeps its best `k` in a sorted buffer. Ties are broken by the lower item index.
 * Approximate indexes (HNSW, IVF) trade a little recall for sub-linear time at larger scale.
 *
 * @param queries The query vectors (`cols` must equal `items.cols`), none zero.
 * @param items The catalogue to search, none zero.
 * @param options `k` and `batchSize`.
 * @returns A {@link TopKResult}.
 * @throws {RangeError} On a dimension mismatch, a non-finite entry, a zero row, or `k` outside
 *   [1, items.rows].
 * @example The nearest of three directions
 * ```ts
 * import assert from "node:assert/strict";
 * import { fromRows, topKCosine } from "@lib/vectors/mod.ts";
 * const items = fromRows([[1, 0], [0, 1], [1, 1]]);
 * const { indices } = topKCosine(fromRows([[1, 0.1]]), items, { k: 2 });
 * assert.deepEqual([...indices], [0, 2]);
 * ```
 */
export function topKCosine(
  queries: DenseMatrix,
  items: DenseMatrix,
  options: TopKOptions,
): TopKResult {
  const context = "compute topKCosine";
  assertDenseMatrix(queries, "queries", context);
  assertDenseMatrix(items, "items", context);
  const { k, batchSize = 64 } = options ?? {};
  assertInteger(k, "k", context, { min: 1, max: items.rows });
  assertInteger(batchSize, "batchSize", context, { min: 1 });
  if (queries.cols !== items.cols) {
    raise(
      "range",
      context,
      `queries and items must have the same number of columns, got ${queries.cols} and ${items.cols}`,
    );
  }
  const d = items.cols, n = items.rows;
  const x = _unitRows(items, "items", context);
  const q = _unitRows(queries, "queries", context);
  const indices = new Int32Array(queries.rows * k);
  const scores = new Float32Array(queries.rows * k);
  const block = new Float32Array(Math.min(batchSize, queries.rows) * n);
  for (let start = 0; start < queries.rows; start += batchSize) {
    const b = Math.min(batchSize, queries.rows - start);
    for (let i = 0; i < n; i++) {
      const xo = i * d;
      for (let r = 0; r < b; r++) {
        const qo = (start + r) * d;
        let dot = 0;
        for (let j = 0; j < d; j++) dot += q[qo + j] * x[xo + j];
        block[r * n + i] = dot;
      }
    }
    for (let r = 0; r < b; r++) {
      selectTopK(block.subarray(r * n, (r + 1) * n), k, (start + r) * k, indices, scores);
    }
  }
  return { indices, scores, k };
}

/** Writes the `k` largest of `row` (ties: lower index first) into the outputs at `offset`. */
function selectTopK(
  row: Float32Array,
  k: number,
  offset: number,
  indices: Int32Array,
  scores: Float32Array,
): void {
  let size = 0;
  for (let i = 0; i < row.length; i++) {
    const s = row[i];
    if (size === k && s <= scores[offset + k - 1]) continue;
    let p = size === k ? k - 1 : size++;
    while (p > 0 && scores[offset + p - 1] < s) {
      scores[offset + p] = scores[offset + p - 1];
      indices[offset + p] = indices[offset + p - 1];
      p--;
    }
    scores[offset + p] = s;
    indices[offset + p] = i;
  }
}
