import { assertFiniteArray, raise } from "../_shared/validate.ts";
import { _rowNorms, assertDenseMatrix, type DenseMatrix } from "./dense_matrix.ts";

function checkPair(a: unknown, b: unknown, context: string): asserts a is ArrayLike<number> {
  assertFiniteArray(a, "a", context);
  assertFiniteArray(b, "b", context);
  if (a.length !== b.length) {
    raise("range", context, `a and b must have the same length, got ${a.length} and ${b.length}`);
  }
}

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/**
 * Cosine similarity, the cosine of the angle between two vectors:
 *
 * $$\cos(a, b) = \frac{a \cdot b}{\lVert a \rVert\,\lVert b \rVert} \in [-1, 1]$$
 *
 * A zero vector has no direction, so its cosine is undefined: it throws rather than return 0 or
 * NaN silently.
 *
 * @param a A non-empty vector of finite numbers.
 * @param b A vector of the same length.
 * @returns The cosine, clamped to [−1, 1] against rounding.
 * @throws {RangeError} If the lengths differ, an entry is not finite or a vector is zero.
 * @example Orthogonal, parallel and opposite vectors
 * ```ts
 * import assert from "node:assert/strict";
 * import { cosineSimilarity } from "@lib/vectors/mod.ts";
 * assert.equal(cosineSimilarity([1, 0], [0, 3]), 0);
 * assert.ok(Math.abs(cosineSimilarity([1, 2], [2, 4]) - 1) < 1e-12);
 * assert.ok(Math.abs(cosineSimilarity([1, 2], [-1, -2]) + 1) < 1e-12);
 * assert.throws(() => cosineSimilarity([0, 0], [1, 1]), /a is a zero vector/);
 * ```
 */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const context = "compute cosineSimilarity";
  checkPair(a, b, context);
  const na = norm(a), nb = norm(b);
  if (na === 0) raise("range", context, "a is a zero vector (its cosine is undefined)");
  if (nb === 0) raise("range", context, "b is a zero vector (its cosine is undefined)");
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
  return Math.max(-1, Math.min(1, dot / (na * nb)));
}

/**
 * Euclidean distance $\lVert a - b \rVert_2 = \sqrt{\sum_i (a_i - b_i)^2}$.
 *
 * @param a A non-empty vector of finite numbers.
 * @param b A vector of the same length.
 * @returns The distance (≥ 0).
 * @throws {RangeError} If the lengths differ or an entry is not finite.
 * @example The 3-4-5 triangle
 * ```ts
 * import assert from "node:assert/strict";
 * import { euclideanDistance } from "@lib/vectors/mod.ts";
 * assert.equal(euclideanDistance([0, 0], [3, 4]), 5);
 * ```
 */
export function euclideanDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkPair(a, b, "compute euclideanDistance");
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
}

function checkQuery(
  query: unknown,
  matrix: unknown,
  context: string,
): asserts query is ArrayLike<number> {
  assertFiniteArray(query, "query", context);
  assertDenseMatrix(matrix, "matrix", context);
  if (query.length !== matrix.cols) {
    raise(
      "range",
      context,
      `query and the rows of matrix must have the same length, got ${query.length} and ${matrix.cols}`,
    );
  }
}

/**
 * Cosine similarity of one vector with every row of a matrix.
 *
 * @param query A vector of length `matrix.cols`, not zero.
 * @param matrix The rows to compare with; none may be zero.
 * @returns `matrix.rows` cosines.
 * @throws {RangeError} On a length mismatch, a non-finite entry or a zero vector (named by row).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cosineToMany, fromRows } from "@lib/vectors/mod.ts";
 * const sims = cosineToMany([3, 4], fromRows([[6, 8], [-4, 3], [-3, -4]]));
 * assert.deepEqual([...sims].map((s) => Math.round(s * 1e9) / 1e9), [1, 0, -1]);
 * ```
 */
export function cosineToMany(query: ArrayLike<number>, matrix: DenseMatrix): Float64Array {
  const context = "compute cosineToMany";
  checkQuery(query, matrix, context);
  const nq = norm(query);
  if (nq === 0) raise("range", context, "query is a zero vector (its cosine is undefined)");
  const norms = _rowNorms(matrix);
  const out = new Float64Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) {
    if (norms[i] === 0) raise("range", context, `row ${i} of matrix is a zero vector`);
    let dot = 0;
    for (let j = 0, o = i * matrix.cols; j < matrix.cols; j++) dot += query[j] * matrix.data[o + j];
    out[i] = Math.max(-1, Math.min(1, dot / (nq * norms[i])));
  }
  return out;
}

/**
 * Euclidean distance of one vector to every row of a matrix.
 *
 * @param query A vector of length `matrix.cols`.
 * @param matrix The rows to measure to.
 * @returns `matrix.rows` distances.
 * @throws {RangeError} On a length mismatch or a non-finite entry.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { euclideanToMany, fromRows } from "@lib/vectors/mod.ts";
 * assert.deepEqual([...euclideanToMany([0, 0], fromRows([[3, 4], [0, 1]]))], [5, 1]);
 * ```
 */
export function euclideanToMany(query: ArrayLike<number>, matrix: DenseMatrix): Float64Array {
  checkQuery(query, matrix, "compute euclideanToMany");
  const out = new Float64Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) {
    let s = 0;
    for (let j = 0, o = i * matrix.cols; j < matrix.cols; j++) {
      s += (query[j] - matrix.data[o + j]) ** 2;
    }
    out[i] = Math.sqrt(s);
  }
  return out;
}
