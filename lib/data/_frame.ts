/**
 * Internal: typed columns → danfojs DataFrame. Shared by the CSV reader and the
 * JSON dataset loaders so that both apply the same rules: missing values are
 * `NaN` (a missing date is an invalid `Date`, the analogue of pandas' `NaT`),
 * never `null`, and dtypes are given explicitly instead of being guessed by
 * danfojs from its first 500 rows.
 *
 * @module
 */
import { DataFrame } from "danfojs";

/** A danfojs DataFrame as returned by its own operations (`head`, `groupby`, …). */
export type Frame = ReturnType<DataFrame["head"]>;

/** A danfojs Series as returned by column access. */
export type FrameSeries = ReturnType<DataFrame["column"]>;

/** One cell of a typed column. */
export type Cell = number | string | boolean | Date;

/** What a column holds; decides its danfojs dtype. */
export type ColumnKind = "number" | "string" | "date" | "boolean";

/** A named column of cells with its kind. */
export interface TypedColumn {
  name: string;
  kind: ColumnKind;
  values: Cell[];
}

const INT32_MAX = 2147483647;

/**
 * The danfojs dtype of a column: `int32` for whole numbers that fit (and no
 * missing value), `float32` for other numbers (danfojs' name for any JS number),
 * `string`, `datetime` or `boolean`.
 */
export function dtypeOf(column: TypedColumn): string {
  if (column.kind === "string") return "string";
  if (column.kind === "date") return "datetime";
  if (column.kind === "boolean") return "boolean";
  for (const v of column.values) {
    const x = v as number;
    if (!Number.isInteger(x) || Math.abs(x) > INT32_MAX) return "float32";
  }
  return "int32";
}

/** Builds a DataFrame from typed columns of equal length, with explicit dtypes. */
export function frameFromColumns(columns: TypedColumn[]): DataFrame {
  const n = columns.length === 0 ? 0 : columns[0].values.length;
  const rows: Cell[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Cell[] = new Array(columns.length);
    for (let j = 0; j < columns.length; j++) row[j] = columns[j].values[i];
    rows[i] = row;
  }
  return new DataFrame(rows, {
    columns: columns.map((c) => c.name),
    dtypes: columns.map(dtypeOf),
  });
}

/** Parses a date string to a `Date`; ISO dates (`2012-01-31`) are read as UTC midnight. */
export function parseDate(text: string): Date {
  return new Date(text.trim());
}

/** A missing date: an invalid `Date` (its time is `NaN`). */
export function missingDate(): Date {
  return new Date(NaN);
}

/**
 * Types JSON-like records (objects whose values are numbers, strings, booleans or
 * `null`) column by column: a column is numeric when every non-missing value is
 * a number, otherwise its values are kept as strings (numbers converted);
 * `null`/`undefined` become `NaN`. Columns named in `dateColumns` are parsed with
 * `parse` (default: {@link parseDate}).
 */
export function columnsFromRecords(
  records: ReadonlyArray<Record<string, unknown>>,
  names: readonly string[],
  { dateColumns = [], parse = parseDate }: {
    dateColumns?: readonly string[];
    parse?: (text: string) => Date;
  } = {},
): TypedColumn[] {
  return names.map((name) => {
    const raw = records.map((r) => r[name]);
    if (dateColumns.includes(name)) {
      const values = raw.map((v) => v == null ? missingDate() : parse(String(v)));
      return { name, kind: "date" as const, values };
    }
    const numeric = raw.every((v) => v == null || typeof v === "number");
    if (numeric) {
      return {
        name,
        kind: "number" as const,
        values: raw.map((v) => v == null ? NaN : v as number),
      };
    }
    const values = raw.map((v) => v == null ? NaN : String(v));
    return { name, kind: "string" as const, values };
  });
}
