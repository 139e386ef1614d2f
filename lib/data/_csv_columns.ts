/**
 * Internal: CSV text → typed columns, with the checks and messages of
 * `parseCsv`/`readCsv`. Also used by dataset loaders that read CSV files.
 *
 * @module
 */
import { parse } from "csv-parse/sync";
import { raise } from "../_shared/validate.ts";
import { missingDate, parseDate, type TypedColumn } from "./_frame.ts";

/** Cell texts read as missing by default (compared after trimming spaces). */
export const DEFAULT_NA_VALUES: readonly string[] = ["", "NA", "NaN", "null"];

/** Options of {@link parseCsv} and {@link readCsv}. */
export interface CsvOptions {
  /** Field separator, a single character. @default "," */
  delimiter?: string;
  /** Keep only these columns, in this order. @default every column */
  columns?: readonly string[];
  /**
   * Cell texts (after trimming spaces) that mean "missing"; they become `NaN`.
   * This list replaces the default: extend it with `[...DEFAULT_NA_VALUES, "-"]`.
   * @default DEFAULT_NA_VALUES (`""`, `"NA"`, `"NaN"`, `"null"`)
   */
  naValues?: readonly string[];
  /**
   * Columns parsed into `Date` objects (ISO dates such as `2012-01-31` are UTC
   * midnight; a missing cell becomes an invalid `Date`, shown as `NaT`).
   * @default []
   */
  dateColumns?: readonly string[];
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?Infinity$/;

/** Parses CSV text into typed columns (see `parseCsv` for the rules and errors). */
export function csvColumns(
  text: string,
  options: CsvOptions,
  context: string,
  subject: "text" | "file",
): TypedColumn[] {
  const { delimiter = ",", columns, naValues = DEFAULT_NA_VALUES, dateColumns = [] } = options;
  if (typeof delimiter !== "string" || delimiter.length !== 1) {
    raise(
      "range",
      context,
      `delimiter must be a single character, got ${JSON.stringify(delimiter)}`,
    );
  }
  if (text.replace(/^\ufeff/, "").trim() === "") {
    raise("range", context, `the ${subject} is empty (no header row)`);
  }
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    raise("range", context, (error as Error).message);
  }
  const header = parsed[0].record.map((name, i) => name.trim() === "" ? `column_${i + 1}` : name);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      raise("range", context, `the header names the column ${JSON.stringify(name)} twice`);
    }
    seen.add(name);
  }
  for (let r = 1; r < parsed.length; r++) {
    const { record, info } = parsed[r];
    if (record.length !== header.length) {
      raise(
        "range",
        context,
        `row ${r} (line ${info.lines}) has ${record.length} field${
          record.length === 1 ? "" : "s"
        }, ` +
          `expected ${header.length} as in the header`,
      );
    }
  }
  const available = `available: ${header.join(", ")}`;
  const selected = columns ?? header;
  for (const name of [...selected, ...dateColumns]) {
    if (!seen.has(name)) raise("range", context, `no column ${JSON.stringify(name)}; ${available}`);
  }
  const na = new Set(naValues);
  const typed = selected.map((name) => {
    const j = header.indexOf(name);
    const cells = parsed.slice(1).map((p) => p.record[j]);
    return typeColumn(name, cells, na, dateColumns.includes(name), context);
  });
  return typed;
}

function typeColumn(
  name: string,
  cells: string[],
  na: Set<string>,
  isDate: boolean,
  context: string,
): TypedColumn {
  const missing = cells.map((c) => na.has(c.trim()));
  if (isDate) {
    const values = cells.map((c, i) => {
      if (missing[i]) return missingDate();
      const d = parseDate(c);
      if (Number.isNaN(d.getTime())) {
        raise(
          "range",
          context,
          `column ${JSON.stringify(name)}, row ${i + 1}: ${JSON.stringify(c)} is not a date`,
        );
      }
      return d;
    });
    return { name, kind: "date", values };
  }
  if (cells.every((c, i) => missing[i] || NUMBER.test(c.trim()))) {
    return {
      name,
      kind: "number",
      values: cells.map((c, i) => missing[i] ? NaN : Number(c.trim())),
    };
  }
  const present = cells.filter((_, i) => !missing[i]).map((c) => c.trim());
  if (present.every((c) => c === "true" || c === "false")) {
    return {
      name,
      kind: "boolean",
      values: cells.map((c, i) => missing[i] ? NaN : c.trim() === "true"),
    };
  }
  return { name, kind: "string", values: cells.map((c, i) => missing[i] ? NaN : c) };
}
