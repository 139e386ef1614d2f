import { assertOneOf, raise } from "../../_shared/validate.ts";
import {
  checkColumnNames,
  checkRowIndices,
  checkTable,
  type Columns,
  compareValues,
  isMissing,
  isNumericColumn,
  type Value,
  valueKey,
} from "./_table.ts";

/** How {@link fitImputer} fills missing cells. */
export type ImputeStrategy = "mean" | "median" | "mode" | "constant";

/** Options of {@link fitImputer}. */
export interface FitImputerOptions {
  /** How to compute the fill value of each column. */
  strategy: ImputeStrategy;
  /** Columns to impute. @default every column */
  columns?: readonly string[];
  /**
   * The rows the fill values are computed from – the training rows, so that
   * nothing about validation or test data leaks into training. @default every row
   */
  fitRows?: ArrayLike<number>;
  /** The fill value for `strategy: "constant"` (required there, ignored otherwise). */
  fillValue?: Value;
}

/** The result of applying an imputer. */
export interface ImputeResult {
  /** The table with missing cells filled (imputed columns are new arrays, others shared). */
  table: Columns;
  /** The rows filled in each imputed column. */
  imputed: Record<string, Int32Array>;
  /** Total number of cells filled. */
  count: number;
}

/** A fitted imputer: fill values learned from the fitting rows, applicable to any table. */
export interface Imputer {
  /** The strategy it was fitted with. */
  strategy: ImputeStrategy;
  /** The fill value of each imputed column. */
  values: Record<string, Value>;
  /** Number of rows it was fitted on. */
  fittedRows: number;
  /** Fills the missing cells of the imputed columns of `table` (which must have them). */
  transform(table: Columns): ImputeResult;
}

/**
 * Learns a fill value per column from the fitting rows only and returns an
 * imputer to apply to training, validation and test data alike – the
 * fit-on-train, apply-everywhere rule (fitting on all rows leaks the test
 * distribution into training). Over the observed (non-missing) values
 * $x_1 \le \dots \le x_m$ of a column:
 *
 * $$ \text{mean} = \frac{1}{m}\sum_j x_j, \qquad
 *    \text{median} = x_{(m+1)/2} \text{ (odd } m\text{)}, \ \tfrac12\big(x_{m/2} + x_{m/2+1}\big)
 *    \text{ (even } m\text{)} $$
 *
 * `mode` is the most frequent value (ties: the smallest – numbers numerically,
 * other values by their text – as scikit-learn's `SimpleImputer`), `constant`
 * uses `fillValue`.
 *
 * Edge cases: mean and median need a numeric column (TypeError otherwise);
 * a column with no observed value in the fitting rows is an error for mean,
 * median and mode.
 *
 * @param table The columns.
 * @param options Strategy, columns, fitting rows, fill value.
 * @returns The fitted {@link Imputer}.
 * @throws {TypeError} For mean/median on a non-numeric column, or constant without `fillValue`.
 * @throws {RangeError} For an unknown strategy or column, a bad row index, or a column
 *   with nothing observed in the fitting rows.
 *
 * @example Fit the median on the training rows, apply it to the test rows
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitImputer } from "@lib/data/mod.ts";
 * const table = { age: [20, NaN, 40, 90, NaN] };
 * const imputer = fitImputer(table, { strategy: "median", fitRows: [0, 1, 2] });
 * assert.deepEqual(imputer.values, { age: 30 }); // median of 20 and 40; 90 is a test row
 * const { table: filled, count } = imputer.transform(table);
 * assert.deepEqual(filled.age, [20, 30, 40, 90, 30]);
 * assert.equal(count, 2);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function fitImputer(table: Columns, options: FitImputerOptions): Imputer {
  const context = "fit an imputer";
  const { names, nRows } = checkTable(table, context);
  const strategy = options?.strategy;
  assertOneOf(strategy, ["mean", "median", "mode", "constant"], "strategy", context);
  const columns = checkColumnNames(options.columns, names, context);
  const rows = checkRowIndices(options.fitRows, nRows, "fitRows", context);
  if (strategy === "constant" && !("fillValue" in options)) {
    raise("type", context, 'strategy "constant" needs a fillValue');
  }
  const values: Record<string, Value> = {};
  for (const name of columns) {
    const col = table[name];
    if (strategy === "constant") {
      values[name] = options.fillValue;
      continue;
    }
    if ((strategy === "mean" || strategy === "median") && !isNumericColumn(col, rows)) {
      raise("type", context, `column "${name}" is not numeric; use strategy "mode" or "constant"`);
    }
    const observed: Value[] = [];
    for (const i of rows) if (!isMissing(col[i])) observed.push(col[i]);
    if (observed.length === 0) {
      raise(
        "range",
        context,
        `column "${name}" has no observed value in the ${rows.length} fitting rows`,
      );
    }
    values[name] = fillValue(strategy, observed);
  }
  return {
    strategy,
    values,
    fittedRows: rows.length,
    transform: (t: Columns) => applyImputer(t, values),
  };
}

function fillValue(strategy: "mean" | "median" | "mode", observed: Value[]): Value {
  if (strategy === "mean") {
    return (observed as number[]).reduce((s, v) => s + v, 0) / observed.length;
  }
  if (strategy === "median") {
    const sorted = (observed as number[]).slice().sort((a, b) => a - b);
    const h = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
  }
  const counts = new Map<string, { value: Value; count: number }>();
  for (const v of observed) {
    const key = valueKey(v);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { value: v, count: 1 });
  }
  let best: { value: Value; count: number } | undefined;
  for (const entry of counts.values()) {
    if (
      !best || entry.count > best.count ||
      (entry.count === best.count && compareValues(entry.value, best.value) < 0)
    ) best = entry;
  }
  return best!.value;
}

function applyImputer(table: Columns, values: Record<string, Value>): ImputeResult {
  const context = "apply an imputer";
  const { names, nRows } = checkTable(table, context);
  const out: Columns = { ...table };
  const imputed: Record<string, Int32Array> = {};
  let count = 0;
  for (const name of Object.keys(values)) {
    if (!names.includes(name)) {
      raise("range", context, `the table has no column "${name}", which the imputer was fitted on`);
    }
    const col = Array.from(table[name]);
    const filled: number[] = [];
    for (let i = 0; i < nRows; i++) {
      if (isMissing(col[i])) {
        col[i] = values[name];
        filled.push(i);
      }
    }
    out[name] = col;
    imputed[name] = Int32Array.from(filled);
    count += filled.length;
  }
  return { table: out, imputed, count };
}
