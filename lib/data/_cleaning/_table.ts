import { raise } from "../../_shared/validate.ts";

/**
 * One cell: a number, string, boolean or `Date`. Missing is `NaN` (the book's
 * convention), `null`, `undefined` or an invalid `Date`.
 */
export type Value = number | string | boolean | Date | null | undefined;

/**
 * A table stored by column: `{ age: [31, NaN, 45], city: ["Oslo", "Lima", "Oslo"] }`.
 * Every column has the same length; columns may be plain or typed arrays.
 */
export type Columns = Record<string, ArrayLike<Value>>;

/** Whether a cell is missing: `NaN`, `null`, `undefined` or an invalid `Date`. */
export function isMissing(v: Value): boolean {
  return v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)) ||
    (v instanceof Date && Number.isNaN(v.getTime()));
}

/** A string key equal for equal cells (all missing cells share one key). */
export function valueKey(v: Value): string {
  if (isMissing(v)) return "missing";
  if (v instanceof Date) return `d${v.getTime()}`;
  if (typeof v === "number") return `n${v === 0 ? 0 : v}`;
  if (typeof v === "boolean") return `b${v}`;
  return `s${v}`;
}

/** Orders cells: numbers numerically, everything else by its text. */
export function compareValues(a: Value, b: Value): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const sa = a instanceof Date ? a.toISOString() : String(a);
  const sb = b instanceof Date ? b.toISOString() : String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Formats a cell for a message. */
export function showValue(v: Value): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (v instanceof Date) return isMissing(v) ? "Invalid Date" : v.toISOString();
  return String(v);
}

/** Validates a column table; returns its column names and number of rows. */
export function checkTable(table: unknown, context: string): { names: string[]; nRows: number } {
  if (table === null || typeof table !== "object" || Array.isArray(table)) {
    raise("type", context, 'table must be an object of columns, e.g. { x: [1, 2], y: ["a", "b"] }');
  }
  if (typeof (table as { column?: unknown }).column === "function") {
    raise(
      "type",
      context,
      "table must be an object of columns; convert a DataFrame with columnsOf(df)",
    );
  }
  const names = Object.keys(table);
  if (names.length === 0) raise("range", context, "table must have at least one column");
  let nRows = -1;
  for (const name of names) {
    const col = (table as Record<string, unknown>)[name];
    const ok = Array.isArray(col) || (ArrayBuffer.isView(col) && !(col instanceof DataView));
    if (!ok) raise("type", context, `column "${name}" must be an array`);
    const length = (col as ArrayLike<Value>).length;
    if (nRows === -1) nRows = length;
    else if (length !== nRows) {
      raise(
        "range",
        context,
        `every column must have the same length, got ${nRows} for "${
          names[0]
        }" and ${length} for "${name}"`,
      );
    }
  }
  return { names, nRows };
}

/** Validates a list of column names against the table (default: every column). */
export function checkColumnNames(
  columns: unknown,
  names: readonly string[],
  context: string,
): string[] {
  if (columns === undefined) return [...names];
  if (!Array.isArray(columns)) raise("type", context, "columns must be an array of column names");
  for (const c of columns) {
    if (!names.includes(c)) {
      raise(
        "range",
        context,
        `no column named ${JSON.stringify(c)}; the table has ${names.join(", ")}`,
      );
    }
  }
  return columns as string[];
}

/** Validates row indices (e.g. training rows); default: every row. */
export function checkRowIndices(
  rows: unknown,
  nRows: number,
  name: string,
  context: string,
): Int32Array {
  if (rows === undefined) return Int32Array.from({ length: nRows }, (_, i) => i);
  if (
    rows === null || typeof (rows as ArrayLike<number>).length !== "number" ||
    typeof rows === "string"
  ) {
    raise("type", context, `${name} must be an array of row indices`);
  }
  const list = rows as ArrayLike<number>;
  for (let j = 0; j < list.length; j++) {
    if (!Number.isInteger(list[j]) || list[j] < 0 || list[j] >= nRows) {
      raise("range", context, `${name}[${j}] must be an integer in [0, ${nRows}), got ${list[j]}`);
    }
  }
  return Int32Array.from(list);
}

/** Whether every non-missing cell of the column (at `rows`) is a number. */
export function isNumericColumn(col: ArrayLike<Value>, rows?: ArrayLike<number>): boolean {
  const n = rows ? rows.length : col.length;
  for (let j = 0; j < n; j++) {
    const v = col[rows ? rows[j] : j];
    if (!isMissing(v) && typeof v !== "number") return false;
  }
  return true;
}

/** The rows `kept` of every column, as plain arrays. */
export function keepRows(table: Columns, kept: ArrayLike<number>): Columns {
  const out: Columns = {};
  for (const name of Object.keys(table)) out[name] = Array.from(kept, (i) => table[name][i]);
  return out;
}
