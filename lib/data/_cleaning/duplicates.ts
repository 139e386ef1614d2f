import { assertFiniteNumber, raise } from "../../_shared/validate.ts";
import {
  checkColumnNames,
  checkTable,
  type Columns,
  isMissing,
  isNumericColumn,
  keepRows,
  valueKey,
} from "./_table.ts";

/** A row removed as a duplicate. */
export interface RemovedRow {
  /** The removed row (index in the input table). */
  row: number;
  /** The kept row it duplicates. */
  duplicateOf: number;
  /** Why, with the numbers, e.g. `"exact duplicate of row 0"`. */
  reason: string;
}

/** The result of the duplicate removers. */
export interface DropRowsResult {
  /** The table without the removed rows (new arrays). */
  table: Columns;
  /** Input rows kept, ascending. */
  kept: Int32Array;
  /** Rows removed, ascending, each with the row it duplicates and why. */
  removed: RemovedRow[];
}

/** Options of {@link dropDuplicates}. */
export interface DropDuplicatesOptions {
  /** Columns compared. @default every column */
  columns?: readonly string[];
}

/**
 * Removes exact duplicate rows, keeping the first occurrence (pandas'
 * `drop_duplicates(keep="first")`). Two rows are equal when every compared
 * cell is equal: numbers by value (`0` equals `-0`), strings exactly,
 * `Date`s by time, and missing equals missing (as pandas does).
 *
 * @param table The columns.
 * @param options The columns to compare.
 * @returns The table without duplicates, the kept rows, and each removed row.
 * @throws {RangeError} On a column name not in the table or columns of different lengths.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { dropDuplicates } from "@lib/data/mod.ts";
 * const t = { x: [1, 2, 1, NaN, NaN], y: ["a", "b", "a", "c", "c"] };
 * const { table, removed } = dropDuplicates(t);
 * assert.deepEqual(table, { x: [1, 2, NaN], y: ["a", "b", "c"] });
 * assert.deepEqual(removed.map((r) => [r.row, r.duplicateOf]), [[2, 0], [4, 3]]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function dropDuplicates(
  table: Columns,
  options: DropDuplicatesOptions = {},
): DropRowsResult {
  const context = "drop duplicate rows";
  const { names, nRows } = checkTable(table, context);
  const columns = checkColumnNames(options.columns, names, context);
  const first = new Map<string, number>();
  const kept: number[] = [];
  const removed: RemovedRow[] = [];
  for (let i = 0; i < nRows; i++) {
    const key = JSON.stringify(columns.map((c) => valueKey(table[c][i])));
    const j = first.get(key);
    if (j === undefined) {
      first.set(key, i);
      kept.push(i);
    } else removed.push({ row: i, duplicateOf: j, reason: `exact duplicate of row ${j}` });
  }
  return { table: keepRows(table, kept), kept: Int32Array.from(kept), removed };
}

/** Options of {@link dropNearDuplicates}. */
export interface DropNearDuplicatesOptions {
  /** Numeric columns compared. @default every numeric column */
  columns?: readonly string[];
  /** Largest absolute difference per column that still counts as the same (≥ 0). */
  tolerance: number;
}

/**
 * Removes numeric near duplicates: row $i$ duplicates an earlier kept row $j$
 * when every compared column differs by at most the tolerance,
 *
 * $$ \max_c |x_{ic} - x_{jc}| \le \text{tolerance} $$
 *
 * (the Chebyshev distance; a missing cell matches only a missing cell). Rows
 * are scanned in order and compared with the rows kept so far, so a chain
 * a ≈ b ≈ c with a and c far apart keeps a and c. Candidate rows are found
 * through a grid on the first compared column, so the cost is close to linear
 * when few rows share a grid cell.
 *
 * @param table The columns.
 * @param options Columns and tolerance.
 * @returns The table without near duplicates, the kept rows, and each removed row.
 * @throws {TypeError} If a compared column is not numeric.
 * @throws {RangeError} On a negative or non-finite tolerance, an unknown column, or no
 *   numeric column to compare.
 *
 * @example Sensor readings repeated with rounding noise
 * ```ts
 * import assert from "node:assert/strict";
 * import { dropNearDuplicates } from "@lib/data/mod.ts";
 * const t = { x: [1.0, 1.004, 2.0, 1.02], y: [5, 5.003, 5, 5] };
 * const { kept, removed } = dropNearDuplicates(t, { tolerance: 0.01 });
 * assert.deepEqual([...kept], [0, 2, 3]);
 * assert.equal(removed[0].reason, "near duplicate of row 0: max |difference| 0.004 ≤ 0.01 over x, y");
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function dropNearDuplicates(
  table: Columns,
  options: DropNearDuplicatesOptions,
): DropRowsResult {
  const context = "drop near-duplicate rows";
  const { names, nRows } = checkTable(table, context);
  const tolerance = options?.tolerance;
  assertFiniteNumber(tolerance, "tolerance", context, { min: 0 });
  const columns = options.columns === undefined
    ? names.filter((n) => isNumericColumn(table[n]))
    : checkColumnNames(options.columns, names, context);
  if (columns.length === 0) raise("range", context, "the table has no numeric column to compare");
  for (const c of columns) {
    if (!isNumericColumn(table[c])) raise("type", context, `column "${c}" is not numeric`);
  }
  const cols = columns.map((c) => table[c] as ArrayLike<number>);
  const cell = (v: number) =>
    isMissing(v) ? "missing" : tolerance === 0 ? `${v === 0 ? 0 : v}` : Math.floor(v / tolerance);
  const grid = new Map<string | number, number[]>();
  const kept: number[] = [];
  const removed: RemovedRow[] = [];
  for (let i = 0; i < nRows; i++) {
    const c0 = cell(cols[0][i]);
    const near = typeof c0 === "number" ? [c0 - 1, c0, c0 + 1] : [c0];
    let match = -1, distance = 0;
    for (const g of near) {
      for (const j of grid.get(g) ?? []) {
        if (match !== -1 && j > match) break;
        const d = chebyshev(cols, i, j);
        if (d <= tolerance) {
          match = j;
          distance = d;
          break;
        }
      }
    }
    if (match === -1) {
      kept.push(i);
      const list = grid.get(c0);
      if (list) list.push(i);
      else grid.set(c0, [i]);
    } else {
      removed.push({
        row: i,
        duplicateOf: match,
        reason: `near duplicate of row ${match}: max |difference| ${+distance.toPrecision(6)} ≤ ` +
          `${tolerance} over ${columns.join(", ")}`,
      });
    }
  }
  return { table: keepRows(table, kept), kept: Int32Array.from(kept), removed };
}

function chebyshev(cols: ArrayLike<number>[], i: number, j: number): number {
  let d = 0;
  for (const col of cols) {
    const a = col[i], b = col[j];
    const ma = isMissing(a), mb = isMissing(b);
    if (ma || mb) {
      if (ma !== mb) return Infinity;
      continue;
    }
    d = Math.max(d, Math.abs(a - b));
  }
  return d;
}
