/**
 * Conversion of columnar results (typed arrays) to a danfojs DataFrame, kept
 * out of `mod.ts` because loading danfojs takes about a second.
 *
 * @module
 */
import { DataFrame } from "danfojs";
import { raise } from "../_shared/validate.ts";

/** Equal-length columns: plain arrays or typed arrays. */
export type Columns = Record<string, ArrayLike<number | string | boolean>>;

/**
 * Turns columns (such as `users`, `logs` or `daily` from
 * `simulateExperiment`) into a danfojs `DataFrame`, one column per key
 * in key order. Typed arrays are copied into plain arrays, which danfojs needs;
 * this costs about 0.3 s per million cells (1.4 s for the million-row `logs` of
 * the default simulation), so prefer `daily` or `users` in notebooks.
 *
 * @param columns An object of equal-length arrays, at least one.
 * @returns A new DataFrame (the input is not changed).
 * @throws {TypeError} If a column is not an array; {RangeError} if there are no
 *   columns or their lengths differ.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { toDataFrame } from "@lib/experiment/frame.ts";
 * const df = toDataFrame({ day: new Int32Array([0, 1]), rate: [0.1, 0.12] });
 * assert.deepEqual(df.shape, [2, 2]);
 * assert.deepEqual(df.columns, ["day", "rate"]);
 * ```
 */
export function toDataFrame(columns: Columns): DataFrame {
  const context = "build a DataFrame";
  if (columns === null || typeof columns !== "object") {
    raise("type", context, `columns must be an object of arrays, got ${columns}`);
  }
  const names = Object.keys(columns);
  if (names.length === 0) raise("range", context, "columns must contain at least one column");
  const data: Record<string, unknown[]> = {};
  const length = columns[names[0]]?.length;
  for (const name of names) {
    const column = columns[name];
    if (!Array.isArray(column) && !(ArrayBuffer.isView(column) && !(column instanceof DataView))) {
      raise("type", context, `column ${JSON.stringify(name)} must be an array`);
    }
    if (column.length !== length) {
      raise(
        "range",
        context,
        `all columns must have the same length, got ${length} for ${
          JSON.stringify(names[0])
        } and ${column.length} for ${JSON.stringify(name)}`,
      );
    }
    data[name] = Array.from(column);
  }
  return new DataFrame(data);
}
