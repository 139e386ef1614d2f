/**
 * Markdown tables, for results whose cells hold long text (a DataFrame display cuts
 * such cells short).
 *
 * @module
 */
import { raise } from "../_shared/validate.ts";

function cellText(value: unknown, name: string, context: string): string {
  if (typeof value !== "string" && typeof value !== "number") {
    raise("type", context, `${name} must be a string or a number, got ${typeof value}`);
  }
  return String(value).replaceAll("|", "\\|").replace(/\s*\n\s*/g, " ");
}

/**
 * A GitHub-flavoured Markdown table: a header row, a separator row and one row per
 * entry of `rows`, cells separated by ` | `. A `|` inside a cell is escaped as `\|`
 * and a line break becomes a space, so a cell never breaks the table. Numbers are
 * written with `String(x)`: round them first.
 *
 * Display it in a notebook with `Deno.jupyter.md`.
 *
 * @param header Column titles (at least one).
 * @param rows Rows of cells, each as long as `header`; none gives a header-only table.
 * @returns The table as Markdown text, lines joined by `\n`.
 * @throws {TypeError} If `header` or a row is not an array, or a cell is neither a
 *   string nor a number.
 * @throws {RangeError} If `header` is empty or a row's length differs from it.
 * @see notebooks/02_capacity.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { markdownTable } from "@lib/plot/mod.ts";
 * const table = markdownTable(["model", "time"], [["linear", 1.5], ["a | b", 2]]);
 * assert.equal(table, "| model | time |\n| --- | --- |\n| linear | 1.5 |\n| a \\| b | 2 |");
 * assert.throws(() => markdownTable(["a", "b"], [["x"]]), {
 *   message: "Cannot build markdownTable: rows[0] must have 2 cells like header, got 1",
 * });
 * ```
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const context = "build markdownTable";
  if (!Array.isArray(header)) raise("type", context, "header must be an array");
  if (header.length === 0) raise("range", context, "header must not be empty");
  if (!Array.isArray(rows)) raise("type", context, "rows must be an array");
  const head = header.map((h, j) => cellText(h, `header[${j}]`, context));
  const body = rows.map((row, i) => {
    if (!Array.isArray(row)) raise("type", context, `rows[${i}] must be an array`);
    if (row.length !== header.length) {
      raise(
        "range",
        context,
        `rows[${i}] must have ${header.length} cells like header, got ${row.length}`,
      );
    }
    return row.map((cell, j) => cellText(cell, `rows[${i}][${j}]`, context));
  });
  return [head, head.map(() => "---"), ...body].map((row) => `| ${row.join(" | ")} |`).join("\n");
}
