import { assertOneOf, raise } from "../../_shared/validate.ts";
import {
  checkColumnNames,
  checkRowIndices,
  checkTable,
  type Columns,
  isMissing,
  isNumericColumn,
} from "./_table.ts";
import { iqrOutliers, zScoreOutliers } from "./outliers.ts";

/** Options of {@link flagOutliers}. */
export interface FlagOutliersOptions {
  /** `"iqr"` (Tukey's fences) or `"zscore"`. @default "iqr" */
  method?: "iqr" | "zscore";
  /** Numeric columns to check. @default every numeric column */
  columns?: readonly string[];
  /** Fence multiplier for `"iqr"`. @default 1.5 */
  k?: number;
  /** |z| threshold for `"zscore"`. @default 3 */
  threshold?: number;
  /**
   * Rows the quartiles or mean and sd are computed from (the training rows);
   * every row is checked against the resulting bounds. @default every row
   */
  fitRows?: ArrayLike<number>;
}

/** One flagged cell. */
export interface OutlierFlag {
  /** Row index. */
  row: number;
  /** Column name. */
  column: string;
  /** The value. */
  value: number;
  /** Why, e.g. `"above the upper IQR fence 14.5"`. */
  reason: string;
}

/** The result of {@link flagOutliers}. Nothing is removed; drop `rows` if you decide to. */
export interface FlaggedOutliers {
  /** Rows with at least one flagged cell, ascending. */
  rows: Int32Array;
  /** Every flagged cell with its reason, by row then column. */
  flags: OutlierFlag[];
  /** The bounds used per column: values outside [lower, upper] are flagged. */
  bounds: Record<string, { lower: number; upper: number }>;
}

/**
 * Flags outlying cells in the numeric columns of a table, by IQR fences
 * ({@link iqrOutliers}) or z-scores ({@link zScoreOutliers}, whose bounds are
 * $\bar x \pm t \cdot s$), with bounds computed from `fitRows` and applied to
 * every row. It reports and does not remove: an outlier may be an error to drop,
 * a rare but real case to keep, or the very thing to detect.
 *
 * @param table The columns.
 * @param options Method, columns, k or threshold, fitting rows.
 * @returns Flagged rows, cells with reasons, and the bounds per column.
 * @throws {TypeError} If a chosen column is not numeric.
 * @throws {RangeError} As {@link iqrOutliers} / {@link zScoreOutliers}, or for an unknown column.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { flagOutliers } from "@lib/data/mod.ts";
 * const t = { price: [1, 2, 3, 4, 5, 6, 7, 8, 9, 100], city: Array(10).fill("Oslo") };
 * const { rows, flags } = flagOutliers(t);
 * assert.deepEqual([...rows], [9]);
 * assert.equal(flags[0].reason, "above the upper IQR fence 14.5 (k = 1.5)");
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function flagOutliers(table: Columns, options: FlagOutliersOptions = {}): FlaggedOutliers {
  const context = "flag outliers";
  const { names, nRows } = checkTable(table, context);
  const { method = "iqr", k = 1.5, threshold = 3 } = options;
  assertOneOf(method, ["iqr", "zscore"], "method", context);
  const columns = options.columns === undefined
    ? names.filter((n) => isNumericColumn(table[n]))
    : checkColumnNames(options.columns, names, context);
  const fitRows = checkRowIndices(options.fitRows, nRows, "fitRows", context);
  const bounds: Record<string, { lower: number; upper: number }> = {};
  const flags: OutlierFlag[] = [];
  for (const column of columns) {
    const col = table[column];
    if (!isNumericColumn(col)) raise("type", context, `column "${column}" is not numeric`);
    const fit = Array.from(fitRows, (i) => (isMissing(col[i]) ? NaN : (col[i] as number)));
    let lower: number, upper: number, label: string;
    if (method === "iqr") {
      ({ lower, upper } = iqrOutliers(fit, { k }));
      label = `IQR fence`;
    } else {
      const { mean, std } = zScoreOutliers(fit, { threshold });
      [lower, upper] = [mean - threshold * std, mean + threshold * std];
      label = "z-score bound";
    }
    bounds[column] = { lower, upper };
    const param = method === "iqr" ? `k = ${k}` : `|z| > ${threshold}`;
    for (let i = 0; i < nRows; i++) {
      const v = col[i] as number;
      if (isMissing(v)) continue;
      if (v < lower) {
        flags.push({
          row: i,
          column,
          value: v,
          reason: `below the lower ${label} ${lower} (${param})`,
        });
      }
      if (v > upper) {
        flags.push({
          row: i,
          column,
          value: v,
          reason: `above the upper ${label} ${upper} (${param})`,
        });
      }
    }
  }
  flags.sort((a, b) => a.row - b.row || columns.indexOf(a.column) - columns.indexOf(b.column));
  const rows = Int32Array.from(new Set(flags.map((f) => f.row)));
  return { rows, flags, bounds };
}
