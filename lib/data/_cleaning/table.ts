import { raise } from "../../_shared/validate.ts";
import { checkRowIndices, checkTable, type Columns, keepRows, type Value } from "./_table.ts";

export type { Columns, Value };
export { isMissing } from "./_table.ts";

/** The part of a danfojs DataFrame that {@link columnsOf} reads. */
export interface FrameLike {
  /** Column names. */
  columns: string[];
  /** A column, whose `values` are its cells. */
  column(name: string): { values: ArrayLike<unknown> };
}

/**
 * Turns a danfojs DataFrame into the column table the cleaning functions take,
 * `{ name: cells }` in column order. The way back is `new DataFrame(table)`.
 * Cells are not copied.
 *
 * @param frame A danfojs DataFrame (anything with `columns` and `column(name).values`).
 * @returns The columns.
 * @throws {TypeError} If `frame` does not look like a DataFrame.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DataFrame } from "danfojs";
 * import { columnsOf } from "@lib/data/mod.ts";
 * const df = new DataFrame({ x: [1, 2], city: ["Oslo", "Lima"] });
 * assert.deepEqual(columnsOf(df), { x: [1, 2], city: ["Oslo", "Lima"] });
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function columnsOf(frame: FrameLike): Columns {
  if (frame == null || !Array.isArray(frame.columns) || typeof frame.column !== "function") {
    raise("type", "convert a DataFrame to columns", "frame must be a danfojs DataFrame");
  }
  const out: Columns = {};
  for (const name of frame.columns) out[name] = frame.column(name).values as ArrayLike<Value>;
  return out;
}

/**
 * Selects rows of every column (the table analogue of `takeRows` in
 * `lib/splits`): `selectRows(table, train)` gives the training table. Returns
 * new plain arrays; the input is not changed.
 *
 * @param table The columns.
 * @param rows Row indices in [0, number of rows), any order, repeats allowed.
 * @returns The selected rows of every column.
 * @throws {RangeError} If an index is out of range or the columns differ in length.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { selectRows } from "@lib/data/mod.ts";
 * const t = { x: [1, 2, 3], y: ["a", "b", "c"] };
 * assert.deepEqual(selectRows(t, [2, 0]), { x: [3, 1], y: ["c", "a"] });
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function selectRows(table: Columns, rows: ArrayLike<number>): Columns {
  const context = "select rows";
  const { nRows } = checkTable(table, context);
  if (rows === undefined) raise("type", context, "rows must be an array of row indices");
  return keepRows(table, checkRowIndices(rows, nRows, "rows", context));
}
