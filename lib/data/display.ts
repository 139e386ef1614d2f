import { NDframe } from "danfojs";
import { assertInteger, raise } from "../_shared/validate.ts";
import type { Frame, FrameSeries } from "./_frame.ts";
import { formatCell, renderHtml, renderText, shownPositions, type TableModel } from "./_table.ts";

/** The MIME bundle a DataFrame or Series shows in Jupyter. */
export interface TableBundle {
  "text/html": string;
  "text/plain": string;
}

/** Options of {@link displayBundle}. */
export interface DisplayOptions {
  /** Rows shown; longer tables show the first and last halves around a "…" row. @default 20 */
  maxRows?: number;
  /** Columns shown; wider tables show the first and last halves around a "…" column. @default 20 */
  maxColumns?: number;
  /** Characters shown of a cell before it is cut with "…". @default 50 */
  maxCellWidth?: number;
}

const NUMERIC_DTYPES = new Set(["int32", "float32"]);

/**
 * The Jupyter MIME bundle of a danfojs DataFrame or Series: an HTML table and
 * an aligned text table, each followed by its size (`1461 rows × 6 columns`).
 * Long tables show their head and tail; numbers show at most 4 decimals (4
 * significant digits below 1); `NaN` shows as `NaN` and an invalid date as `NaT`.
 *
 * Importing `@lib/data/mod.ts` makes every DataFrame and Series (including the
 * results of `head`, `groupby(...).mean()` and column access) display this way.
 *
 * @param frame A DataFrame or Series.
 * @param options Row, column and cell-width limits.
 * @returns `{ "text/html", "text/plain" }`.
 * @throws {TypeError} If `frame` is not a danfojs DataFrame or Series.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { displayBundle, parseCsv } from "@lib/data/mod.ts";
 * const bundle = displayBundle(parseCsv("x,y\na,0.123456\nb,NA\n"));
 * assert.match(bundle["text/html"], /<td style="text-align: right;">0.1235<\/td>/);
 * assert.match(bundle["text/plain"], /NaN/);
 * assert.match(bundle["text/plain"], /2 rows × 2 columns$/);
 * ```
 */
export function displayBundle(
  frame: Frame | FrameSeries,
  options: DisplayOptions = {},
): TableBundle {
  const context = "display a table";
  const { maxRows = 20, maxColumns = 20, maxCellWidth = 50 } = options;
  assertInteger(maxRows, "maxRows", context, { min: 2 });
  assertInteger(maxColumns, "maxColumns", context, { min: 2 });
  assertInteger(maxCellWidth, "maxCellWidth", context, { min: 2 });
  if (!(frame instanceof NDframe)) {
    raise("type", context, "frame must be a danfojs DataFrame or Series");
  }
  const table = tableModel(frame as unknown as RawFrame, maxRows, maxColumns, maxCellWidth);
  return { "text/html": renderHtml(table), "text/plain": renderText(table) };
}

interface RawFrame {
  $isSeries: boolean;
  columns: string[];
  index: (string | number)[];
  values: unknown[] | unknown[][];
  dtypes: string[];
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}

function tableModel(
  frame: RawFrame,
  maxRows: number,
  maxColumns: number,
  width: number,
): TableModel {
  const isSeries = frame.$isSeries;
  const names = frame.columns.map(String);
  const n = frame.index.length;
  const rowsAt = shownPositions(n, maxRows);
  const colsAt = shownPositions(names.length, maxColumns);
  const cell = (i: number, j: number): unknown =>
    isSeries ? (frame.values as unknown[])[i] : (frame.values as unknown[][])[i][j];
  const index = rowsAt.map((i) => i < 0 ? null : formatCell(frame.index[i], width));
  const rows = rowsAt.map((i) =>
    i < 0 ? [] : colsAt.map((j) => j < 0 ? "…" : formatCell(cell(i, j), width))
  );
  const footer = isSeries
    ? `${plural(n, "row")}, name: ${names[0]}, dtype: ${frame.dtypes[0]}`
    : `${plural(n, "row")} × ${plural(names.length, "column")}`;
  return {
    columns: colsAt.map((j) => j < 0 ? "…" : names[j]),
    numeric: colsAt.map((j) => j >= 0 && NUMERIC_DTYPES.has(frame.dtypes[j])),
    index,
    rows,
    footer,
  };
}

const DISPLAY = Symbol.for("Jupyter.display");

/**
 * Makes every danfojs DataFrame and Series display as a table in Jupyter, by
 * defining `[Symbol.for("Jupyter.display")]` on their shared base class
 * (`NDframe`), so that base-class results of `groupby`, `head` and column
 * access display too. Called when `@lib/data/mod.ts` is imported; calling it
 * again changes nothing.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { installDataFrameDisplay, parseCsv } from "@lib/data/mod.ts";
 * installDataFrameDisplay();
 * const df = parseCsv("x\n1\n");
 * const show = (df as unknown as Record<symbol, () => { "text/plain": string }>)[
 *   Symbol.for("Jupyter.display")
 * ];
 * assert.match(show.call(df)["text/plain"], /1 row × 1 column/);
 * ```
 */
export function installDataFrameDisplay(): void {
  Object.defineProperty(NDframe.prototype, DISPLAY, {
    value: function (this: Frame | FrameSeries): TableBundle {
      return displayBundle(this);
    },
    configurable: true,
    writable: true,
    enumerable: false,
  });
}
