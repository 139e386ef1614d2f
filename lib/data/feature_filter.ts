import { assertFiniteArray, assertFiniteNumber, raise } from "../_shared/validate.ts";

/**
 * Univariate filter for feature selection: the columns of `x` whose absolute Pearson correlation
 * with the target `y` is at least `threshold`. A feature unrelated to the target has a
 * correlation near 0, within about $\pm 2/\sqrt{n}$ over $n$ rows; a constant column counts as
 * correlation 0. The filter sees one feature at a time, so it can drop a feature that helps only
 * together with another; compute it on training rows and choose the threshold on validation.
 *
 * @param x Rows of features (all of the same length).
 * @param y Target of each row (numbers; 0/1 for a class).
 * @param threshold Smallest kept |correlation|, in [0, 1].
 * @returns The kept column indices, ascending, and the absolute correlation of every column.
 * @throws {RangeError} On fewer than 2 rows, rows of different lengths, mismatched lengths,
 *   non-finite values or a threshold outside [0, 1].
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { correlationFilter } from "@lib/data/mod.ts";
 * const x = [[1, 5], [2, 3], [3, 5], [4, 3]]; // column 0 follows y, column 1 does not
 * assert.deepEqual(Array.from(correlationFilter(x, [1, 2, 3, 4], 0.5).kept), [0]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function correlationFilter(
  x: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  threshold: number,
): { kept: Int32Array; correlation: Float64Array } {
  const context = "filter features by correlation";
  if (!Array.isArray(x) || x.length < 2) {
    raise("range", context, "x must be an array of at least 2 rows");
  }
  if (x.length !== y.length) {
    raise("range", context, `x and y must have the same length, got ${x.length} and ${y.length}`);
  }
  assertFiniteArray(y, "y", context);
  assertFiniteNumber(threshold, "threshold", context, { min: 0, max: 1 });
  const cols = x[0].length;
  x.forEach((row, i) => {
    assertFiniteArray(row, `x[${i}]`, context);
    if (row.length !== cols) {
      raise("range", context, `every row must have length ${cols}, row ${i} has ${row.length}`);
    }
  });
  const n = x.length;
  const meanY = Array.from(y).reduce((a, b) => a + b, 0) / n;
  const correlation = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    const meanX = x.reduce((a, row) => a + row[j], 0) / n;
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < n; i++) {
      const [dx, dy] = [x[i][j] - meanX, y[i] - meanY];
      sxy += dx * dy, sxx += dx * dx, syy += dy * dy;
    }
    correlation[j] = sxx > 0 && syy > 0 ? Math.abs(sxy) / Math.sqrt(sxx * syy) : 0;
  }
  const kept = Int32Array.from(correlation.keys()).filter((j) => correlation[j] >= threshold);
  return { kept, correlation };
}
