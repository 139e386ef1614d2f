import { assertInteger, assertNumberArray, raise } from "../_shared/validate.ts";

/**
 * The chosen columns of a row-major feature matrix, in the given order: to
 * train and serve a model without a feature (an ablation) from the same rows.
 *
 * @param values `numRows × numFeatures` values, row-major.
 * @param numFeatures Columns per row.
 * @param columns Indices of the columns to keep, each in [0, numFeatures).
 * @returns `numRows × columns.length` values, row-major.
 * @throws {RangeError} If the length is not a multiple of `numFeatures` or a column is out of range.
 * @see notebooks/01_setup.ipynb
 * @example Drop the middle column of two rows
 * ```ts
 * import assert from "node:assert/strict";
 * import { selectColumns } from "@lib/models/mod.ts";
 * assert.deepEqual([...selectColumns([1, 2, 3, 4, 5, 6], 3, [0, 2])], [1, 3, 4, 6]);
 * ```
 */
export function selectColumns(
  values: ArrayLike<number>,
  numFeatures: number,
  columns: readonly number[],
): Float32Array {
  const context = "select columns";
  assertNumberArray(values, "values", context);
  assertInteger(numFeatures, "numFeatures", context, { min: 1 });
  if (values.length % numFeatures !== 0) {
    raise(
      "range",
      context,
      `values.length must be a multiple of numFeatures, got ${values.length} and ${numFeatures}`,
    );
  }
  if (!Array.isArray(columns)) raise("type", context, "columns must be an array of indices");
  columns.forEach((c, i) =>
    assertInteger(c, `columns[${i}]`, context, { min: 0, max: numFeatures - 1 })
  );
  const rows = values.length / numFeatures, out = new Float32Array(rows * columns.length);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < columns.length; j++) {
      out[r * columns.length + j] = values[r * numFeatures + columns[j]];
    }
  }
  return out;
}
