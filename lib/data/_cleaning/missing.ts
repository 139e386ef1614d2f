import { checkTable, type Columns, isMissing } from "./_table.ts";

/** Missing cells of one column. */
export interface MissingColumn {
  /** Column name. */
  column: string;
  /** Number of missing cells. */
  missing: number;
  /** `missing / nRows` (0 for an empty table). */
  fraction: number;
}

/** The result of {@link missingReport}. */
export interface MissingReport {
  /** Number of rows. */
  nRows: number;
  /** One entry per column, in column order. */
  columns: MissingColumn[];
  /** Rows with at least one missing cell. */
  rowsWithMissing: number;
  /** Rows without any missing cell. */
  completeRows: number;
}

/**
 * Counts missing cells per column and rows with any missing cell. A cell is
 * missing when it is `NaN`, `null`, `undefined` or an invalid `Date`; an empty
 * string is a value (map it to `NaN` first if it means "unknown").
 *
 * $$ \text{fraction}_c = \frac{\#\{i : x_{ic} \text{ missing}\}}{n} $$
 *
 * @param table The columns.
 * @returns Counts and fractions per column, and row counts.
 * @throws {TypeError} If `table` is not an object of arrays.
 * @throws {RangeError} If the columns differ in length or there are none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { missingReport } from "@lib/data/mod.ts";
 * const report = missingReport({ age: [31, NaN, 45, NaN], city: ["Oslo", "Lima", null, "Oslo"] });
 * assert.deepEqual(report.columns, [
 *   { column: "age", missing: 2, fraction: 0.5 },
 *   { column: "city", missing: 1, fraction: 0.25 },
 * ]);
 * assert.equal(report.rowsWithMissing, 3);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function missingReport(table: Columns): MissingReport {
  const { names, nRows } = checkTable(table, "report missing values");
  const rowHasMissing = new Uint8Array(nRows);
  const columns = names.map((column) => {
    const col = table[column];
    let missing = 0;
    for (let i = 0; i < nRows; i++) {
      if (isMissing(col[i])) {
        missing++;
        rowHasMissing[i] = 1;
      }
    }
    return { column, missing, fraction: nRows === 0 ? 0 : missing / nRows };
  });
  const rowsWithMissing = rowHasMissing.reduce((s, v) => s + v, 0);
  return { nRows, columns, rowsWithMissing, completeRows: nRows - rowsWithMissing };
}
