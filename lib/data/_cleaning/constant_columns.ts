import { assertFiniteNumber, raise } from "../../_shared/validate.ts";
import {
  checkRowIndices,
  checkTable,
  type Columns,
  compareValues,
  isMissing,
  showValue,
  type Value,
  valueKey,
} from "./_table.ts";

/** Options of {@link dropConstantColumns}. */
export interface DropConstantColumnsOptions {
  /**
   * Also drop a column whose most frequent observed value fills at least this
   * share of its observed cells (near-constant), in (0, 1]. The default 1 drops
   * only columns with a single observed value. @default 1
   */
  nearConstant?: number;
  /** Rows to decide on (the training rows); the columns are dropped from the whole table. @default every row */
  fitRows?: ArrayLike<number>;
}

/** A dropped column and why. */
export interface DroppedColumn {
  /** Column name. */
  column: string;
  /** Number of distinct observed values in the fitting rows. */
  uniqueValues: number;
  /** Share of observed cells holding the most frequent value (0 when nothing is observed). */
  dominantFraction: number;
  /** Why, e.g. `'constant: every observed value is "US"'`. */
  reason: string;
}

/** The result of {@link dropConstantColumns}. */
export interface DropColumnsResult {
  /** The table without the dropped columns (the other columns are shared, not copied). */
  table: Columns;
  /** The dropped columns, in column order. */
  dropped: DroppedColumn[];
}

/**
 * Drops columns that carry no information: constant columns (one distinct
 * observed value, or none – all missing) and, with `nearConstant` < 1, columns
 * dominated by one value,
 *
 * $$ \frac{\max_v \#\{i : x_i = v\}}{\#\{i : x_i \text{ observed}\}} \ge \text{nearConstant}. $$
 *
 * Missing cells are not counted as a value (like pandas' `nunique()`); if
 * missingness itself is informative, add an indicator column first. Decide on
 * the training rows (`fitRows`) and drop the same columns everywhere.
 *
 * @param table The columns.
 * @param options Near-constant share and fitting rows.
 * @returns The reduced table and the dropped columns with reasons.
 * @throws {RangeError} If `nearConstant` is outside (0, 1] or a row index is bad.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { dropConstantColumns } from "@lib/data/mod.ts";
 * const t = { x: [1, 2, 3, 4], country: ["US", "US", NaN, "US"], flag: [0, 0, 0, 1] };
 * const { table, dropped } = dropConstantColumns(t);
 * assert.deepEqual(Object.keys(table), ["x", "flag"]);
 * assert.equal(dropped[0].reason, 'constant: every observed value is "US"');
 * assert.deepEqual(Object.keys(dropConstantColumns(t, { nearConstant: 0.75 }).table), ["x"]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function dropConstantColumns(
  table: Columns,
  options: DropConstantColumnsOptions = {},
): DropColumnsResult {
  const context = "drop constant columns";
  const { names, nRows } = checkTable(table, context);
  const { nearConstant = 1 } = options;
  assertFiniteNumber(nearConstant, "nearConstant", context);
  if (nearConstant <= 0 || nearConstant > 1) {
    raise("range", context, `nearConstant must be in (0, 1], got ${nearConstant}`);
  }
  const rows = checkRowIndices(options.fitRows, nRows, "fitRows", context);
  const out: Columns = {};
  const dropped: DroppedColumn[] = [];
  for (const column of names) {
    const col = table[column];
    const counts = new Map<string, { value: Value; count: number }>();
    let observed = 0;
    for (const i of rows) {
      if (isMissing(col[i])) continue;
      observed++;
      const key = valueKey(col[i]);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { value: col[i], count: 1 });
    }
    let top: { value: Value; count: number } | undefined;
    for (const e of counts.values()) {
      if (
        !top || e.count > top.count ||
        (e.count === top.count && compareValues(e.value, top.value) < 0)
      ) top = e;
    }
    const dominantFraction = top ? top.count / observed : 0;
    let reason: string | undefined;
    if (counts.size === 0) reason = `all ${rows.length} values missing`;
    else if (counts.size === 1) {
      reason = `constant: every observed value is ${showValue(top!.value)}`;
    } else if (dominantFraction >= nearConstant) {
      reason =
        `near-constant: ${showValue(top!.value)} fills ${+(100 * dominantFraction).toFixed(2)} % ` +
        `of observed values (≥ ${100 * nearConstant} %)`;
    }
    if (reason === undefined) out[column] = col;
    else dropped.push({ column, uniqueValues: counts.size, dominantFraction, reason });
  }
  return { table: out, dropped };
}
