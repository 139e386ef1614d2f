import { stringify } from "csv-stringify/sync";
import type { DataFrame } from "danfojs";
import { raise } from "../_shared/validate.ts";
import { type Cell, type Frame, frameFromColumns } from "./_frame.ts";
import { csvColumns, type CsvOptions } from "./_csv_columns.ts";

export { type CsvOptions, DEFAULT_NA_VALUES } from "./_csv_columns.ts";

/**
 * Parses CSV text into a danfojs DataFrame. The first row is the header.
 * Missing cells (see `naValues`) become `NaN`, never `null`. A column is numeric
 * when every non-missing cell is a decimal number; it is boolean when every
 * non-missing cell is `true` or `false`; otherwise its cells stay strings.
 * Empty lines are skipped; quoted fields may hold delimiters and line breaks.
 *
 * @param text The CSV text.
 * @param options Delimiter, column subset, missing-value markers, date columns.
 * @returns A DataFrame with one column per (selected) header field.
 * @throws {RangeError} If the text is empty, a row's field count differs from the
 *   header's (the message names the row and line), a header name repeats, a
 *   selected or date column does not exist, a date cell cannot be parsed, or the
 *   CSV is malformed (an unclosed quote).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseCsv } from "@lib/data/mod.ts";
 * const df = parseCsv("city,temp\nOslo,3.5\nLima,NA\n");
 * assert.deepEqual(df.columns, ["city", "temp"]);
 * assert.deepEqual(df.dtypes, ["string", "float32"]);
 * assert.ok(Number.isNaN(df.column("temp").values[1]));
 * ```
 */
export function parseCsv(text: string, options: CsvOptions = {}): DataFrame {
  if (typeof text !== "string") {
    raise("type", "parse CSV", `text must be a string, got ${typeof text}`);
  }
  return frameFromColumns(csvColumns(text, options, "parse CSV", "text"));
}

/**
 * Reads a CSV file into a danfojs DataFrame, as {@link parseCsv} does. A
 * relative path is resolved against the working directory (a notebook's own
 * folder in the kernel).
 *
 * @param path File path or `file:` URL.
 * @param options As for {@link parseCsv}.
 * @returns The DataFrame.
 * @throws {Deno.errors.NotFound} If there is no file at `path` (the message names
 *   the path and the working directory).
 * @throws {RangeError} As {@link parseCsv}, with the path in the message.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readCsv, writeCsv, parseCsv } from "@lib/data/mod.ts";
 * const path = Deno.makeTempFileSync({ suffix: ".csv" });
 * writeCsv(parseCsv("a,b\n1,x\n2,\n"), path);
 * const df = readCsv(path);
 * assert.deepEqual(df.shape, [2, 2]);
 * assert.throws(() => readCsv("no/such.csv"), /Cannot read CSV: no file at no\/such.csv/);
 * ```
 */
export function readCsv(path: string | URL, options: CsvOptions = {}): DataFrame {
  const context = "read CSV";
  const shown = path instanceof URL ? path.href : String(path);
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      const where = typeof path === "string" && !path.startsWith("/")
        ? ` (relative to ${Deno.cwd()})`
        : "";
      throw new Deno.errors.NotFound(`Cannot ${context}: no file at ${shown}${where}`, {
        cause: error,
      });
    }
    if (error instanceof Deno.errors.IsADirectory) {
      raise("range", context, `${shown} is a directory, not a file`);
    }
    throw new Error(`Cannot ${context}: ${shown}: ${(error as Error).message}`, { cause: error });
  }
  return frameFromColumns(csvColumns(text, options, `${context} ${shown}`, "file"));
}

/**
 * Writes a DataFrame as CSV text: a header row, then one row per record (the
 * index is not written). `NaN`, `null` and invalid dates are written as empty
 * cells; dates at UTC midnight as `YYYY-MM-DD`, other dates in ISO form.
 *
 * @param df A danfojs DataFrame (also the results of `head`, `groupby`, …).
 * @returns The CSV text, ending in a newline.
 * @throws {TypeError} If `df` is not a DataFrame.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseCsv, toCsv } from "@lib/data/mod.ts";
 * assert.equal(toCsv(parseCsv("a,b\n1,\n2,y\n")), "a,b\n1,\n2,y\n");
 * ```
 */
export function toCsv(df: Frame): string {
  const context = "write CSV";
  const frame = df as unknown as { columns?: unknown; values?: unknown; $isSeries?: boolean };
  if (
    frame == null || !Array.isArray(frame.columns) || !Array.isArray(frame.values) ||
    frame.$isSeries
  ) {
    raise("type", context, "df must be a danfojs DataFrame");
  }
  const rows = (frame.values as unknown[][]).map((row) => row.map(formatCell));
  return stringify([frame.columns as string[], ...rows]);
}

/**
 * Writes a DataFrame to a CSV file (see {@link toCsv} for the format).
 *
 * @param df The DataFrame.
 * @param path File path or `file:` URL; an existing file is replaced.
 * @throws {Deno.errors.NotFound} If the folder of `path` does not exist.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseCsv, writeCsv } from "@lib/data/mod.ts";
 * const path = Deno.makeTempFileSync({ suffix: ".csv" });
 * writeCsv(parseCsv("a\n1\n"), path);
 * assert.equal(Deno.readTextFileSync(path), "a\n1\n");
 * ```
 */
export function writeCsv(df: Frame, path: string | URL): void {
  const text = toCsv(df);
  try {
    Deno.writeTextFileSync(path, text);
  } catch (error) {
    const shown = path instanceof URL ? path.href : String(path);
    if (error instanceof Deno.errors.NotFound) {
      throw new Deno.errors.NotFound(`Cannot write CSV: the folder of ${shown} does not exist`, {
        cause: error,
      });
    }
    throw new Error(`Cannot write CSV: ${shown}: ${(error as Error).message}`, { cause: error });
  }
}

function formatCell(value: unknown): string {
  if (value == null) return "";
  if (typeof value === "number") return Number.isNaN(value) ? "" : String(value);
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return "";
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  return String(value as Cell);
}
