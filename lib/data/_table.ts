/**
 * Internal: formats cells and renders a truncated table as aligned text and as
 * HTML. Kept free of danfojs so that it can be tested on plain arrays.
 *
 * @module
 */

/** A table ready to render: header, body rows (already cut to what is shown). */
export interface TableModel {
  /** Column headers, without the index column. */
  columns: string[];
  /** Right-align each column (numbers) or not. */
  numeric: boolean[];
  /** Index labels of the shown rows; `null` marks the "…" row between head and tail. */
  index: (string | null)[];
  /** Formatted cells of the shown rows (the "…" row is an empty array). */
  rows: string[][];
  /** The line under the table, e.g. `100 rows × 3 columns`. */
  footer: string;
}

const ELLIPSIS = "…";

/** Positions to show out of `n`: all when `n ≤ max`, else the first and last halves with `-1` between. */
export function shownPositions(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const head = Math.ceil(max / 2), tail = Math.floor(max / 2);
  const out: number[] = [];
  for (let i = 0; i < head; i++) out.push(i);
  out.push(-1);
  for (let i = n - tail; i < n; i++) out.push(i);
  return out;
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/**
 * Formats a number for display: integers in full; otherwise at most 4 decimals
 * for |x| ≥ 1, 4 significant digits below 1, exponent notation below 1e-4 or
 * from 1e15; `NaN` as `NaN`.
 */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  const a = Math.abs(x);
  if (Number.isInteger(x) && a < 1e15) return String(x);
  if (a >= 1e15 || a < 1e-4) {
    const [mantissa, exponent] = x.toExponential(3).split("e");
    return `${trimZeros(mantissa)}e${exponent}`;
  }
  return trimZeros(a >= 1 ? x.toFixed(4) : x.toPrecision(4));
}

/** Formats any cell: numbers as {@link formatNumber}, dates as ISO (`NaT` if invalid), long text cut. */
export function formatCell(value: unknown, maxWidth: number): string {
  let text: string;
  if (typeof value === "number") return formatNumber(value);
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return "NaT";
    const iso = value.toISOString();
    text = iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
  } else if (value === null || value === undefined || typeof value !== "object") {
    text = String(value);
  } else {
    text = JSON.stringify(value) ?? String(value);
  }
  text = text.replace(/\s+/g, " ");
  return text.length > maxWidth ? text.slice(0, maxWidth - 1) + ELLIPSIS : text;
}

/** Renders the table as monospace text: numbers right-aligned, other columns left-aligned. */
export function renderText(table: TableModel): string {
  const header = ["", ...table.columns];
  const body = table.index.map((label, r) =>
    label === null ? header.map(() => ELLIPSIS) : [label, ...table.rows[r]]
  );
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((row) => row[j].length)));
  const right = [false, ...table.numeric];
  const line = (cells: string[]) =>
    cells.map((c, j) => right[j] ? c.padStart(widths[j]) : c.padEnd(widths[j])).join("  ")
      .trimEnd();
  return [line(header), ...body.map(line), "", table.footer].join("\n");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(
    /"/g,
    "&quot;",
  );
}

/** Renders the table as an HTML `<table class="dataframe">` followed by the footer. */
export function renderHtml(table: TableModel): string {
  const align = (j: number) => table.numeric[j] ? ' style="text-align: right;"' : "";
  const head = table.columns.map((c, j) => `<th${align(j)}>${escapeHtml(c)}</th>`).join("");
  const body = table.index.map((label, r) => {
    if (label === null) {
      return `<tr><th>${ELLIPSIS}</th>${
        table.columns.map(() => `<td>${ELLIPSIS}</td>`).join("")
      }</tr>`;
    }
    const cells = table.rows[r].map((c, j) => `<td${align(j)}>${escapeHtml(c)}</td>`).join("");
    return `<tr><th>${escapeHtml(label)}</th>${cells}</tr>`;
  });
  return [
    "<div>",
    '<table class="dataframe" border="1">',
    `<thead><tr><th></th>${head}</tr></thead>`,
    `<tbody>\n${body.join("\n")}\n</tbody>`,
    "</table>",
    `<p>${escapeHtml(table.footer)}</p>`,
    "</div>",
  ].join("\n");
}
