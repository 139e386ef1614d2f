import { assertInteger, raise } from "../_shared/validate.ts";

/**
 * A row-major matrix of `rows` vectors of length `cols` in one typed array: vector `i` is
 * `data.subarray(i * cols, (i + 1) * cols)`. Every function of `lib/vectors` takes its vectors
 * this way, so that 10⁵ word vectors are one allocation, not 10⁵ arrays.
 */
export interface DenseMatrix {
  /** `rows × cols` entries, row-major. */
  data: Float32Array | Float64Array;
  /** Number of vectors. */
  rows: number;
  /** Length of each vector (the dimension). */
  cols: number;
}

/**
 * Packs equal-length vectors into a {@link DenseMatrix} (a `Float32Array`, copied).
 *
 * @param vectors At least one vector; all of the same length.
 * @returns The matrix.
 * @throws {RangeError} If there is no vector, a vector is empty or the lengths differ.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fromRows } from "@lib/vectors/mod.ts";
 * const m = fromRows([[1, 2], [3, 4], [5, 6]]);
 * assert.deepEqual([m.rows, m.cols, m.data[3]], [3, 2, 4]);
 * ```
 */
export function fromRows(vectors: readonly ArrayLike<number>[]): DenseMatrix {
  const context = "build a matrix from rows";
  if (!Array.isArray(vectors)) raise("type", context, "vectors must be an array of vectors");
  if (vectors.length === 0) raise("range", context, "vectors must not be empty");
  const cols = vectors[0].length;
  if (cols === 0) raise("range", context, "vectors must not be empty arrays");
  const data = new Float32Array(vectors.length * cols);
  vectors.forEach((v, i) => {
    if (v.length !== cols) {
      raise("range", context, `every vector must have length ${cols}, vector ${i} has ${v.length}`);
    }
    data.set(v, i * cols);
  });
  return { data, rows: vectors.length, cols };
}

/** Throws unless `m` is a well-formed {@link DenseMatrix} with finite entries. */
export function assertDenseMatrix(
  m: unknown,
  name: string,
  context: string,
): asserts m is DenseMatrix {
  const x = m as DenseMatrix;
  if (
    x == null || !(x.data instanceof Float32Array || x.data instanceof Float64Array)
  ) {
    raise("type", context, `${name} must be { data: Float32Array | Float64Array, rows, cols }`);
  }
  assertInteger(x.rows, `${name}.rows`, context, { min: 1 });
  assertInteger(x.cols, `${name}.cols`, context, { min: 1 });
  if (x.data.length !== x.rows * x.cols) {
    raise(
      "range",
      context,
      `${name}.data must have rows × cols = ${x.rows * x.cols} entries, got ${x.data.length}`,
    );
  }
  for (let i = 0; i < x.data.length; i++) {
    if (!Number.isFinite(x.data[i])) {
      raise(
        "range",
        context,
        `${name} must be finite, got ${x.data[i]} at row ${Math.floor(i / x.cols)}, column ${
          i % x.cols
        }`,
      );
    }
  }
}

/** The Euclidean norm of each row. */
export function _rowNorms(m: DenseMatrix): Float64Array {
  const norms = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    for (let j = i * m.cols, end = j + m.cols; j < end; j++) s += m.data[j] * m.data[j];
    norms[i] = Math.sqrt(s);
  }
  return norms;
}

/** Each row scaled to unit length; a zero row fails, naming `name`, as its cosine is undefined. */
export function _unitRows(m: DenseMatrix, name: string, context: string): Float32Array {
  const norms = _rowNorms(m);
  const out = new Float32Array(m.rows * m.cols);
  for (let i = 0; i < m.rows; i++) {
    if (norms[i] === 0) {
      raise("range", context, `row ${i} of ${name} is a zero vector (its cosine is undefined)`);
    }
    for (let j = 0, o = i * m.cols; j < m.cols; j++) out[o + j] = m.data[o + j] / norms[i];
  }
  return out;
}
