import { raise } from "../_shared/validate.ts";

/** Any typed array that `takeRows` can gather into a new array of the same type. */
export type TypedRows =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/**
 * Gathers `rows[indices[0]], rows[indices[1]], …` into a new array: the bridge
 * from the index arrays returned by the splits to data. A plain array gives a
 * plain array (so a matrix stored as an array of rows gives its selected rows,
 * shared, not copied), a typed array gives a typed array of the same type.
 * Indices may repeat (a bootstrap sample) and come in any order; the input is
 * not changed.
 *
 * @param rows The rows to select from.
 * @param indices Integer row indices in [0, rows.length).
 * @returns The selected rows in the order of `indices`.
 * @throws {RangeError} If an index is not an integer in range.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ratioSplit, takeRows } from "@lib/splits/mod.ts";
 * const x = [[1, 10], [2, 20], [3, 30], [4, 40]];
 * const y = new Float64Array([0.1, 0.2, 0.3, 0.4]);
 * assert.deepEqual(takeRows(x, [2, 0]), [[3, 30], [1, 10]]);
 * assert.deepEqual(takeRows(y, Int32Array.of(3, 1)), Float64Array.of(0.4, 0.2));
 * const { train } = ratioSplit(4, { ratios: { train: 0.5, test: 0.5 }, seed: 1 });
 * assert.equal(takeRows(x, train).length, 2);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function takeRows<A extends TypedRows>(rows: A, indices: ArrayLike<number>): A;
/**
 * Gathers rows of a plain array (rows of a matrix, labels, records) into a new
 * plain array; see the typed-array overload above for the rules.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { takeRows } from "@lib/splits/mod.ts";
 * assert.deepEqual(takeRows(["a", "b", "c"], [2, 2]), ["c", "c"]);
 * ```
 */
export function takeRows<T>(rows: readonly T[], indices: ArrayLike<number>): T[];
export function takeRows<T>(
  rows: readonly T[] | TypedRows,
  indices: ArrayLike<number>,
): T[] | TypedRows {
  const context = "take rows";
  const isTyped = ArrayBuffer.isView(rows) && !(rows instanceof DataView);
  if (!Array.isArray(rows) && !isTyped) raise("type", context, "rows must be an array");
  if (indices == null || typeof indices.length !== "number") {
    raise("type", context, "indices must be an array of integers");
  }
  const n = rows.length;
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j];
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      raise("range", context, `indices[${j}] must be an integer in [0, ${n}), got ${i}`);
    }
  }
  if (isTyped) {
    const typed = rows as TypedRows;
    const out = new (typed.constructor as new (length: number) => TypedRows)(indices.length);
    for (let j = 0; j < indices.length; j++) out[j] = typed[indices[j]];
    return out;
  }
  return Array.from(indices, (i) => (rows as readonly T[])[i]);
}
