import { _optionalText, _range, _requireArray, _sameLength, _values } from "./_checks.ts";
import { _formatValue } from "./_progress_format.ts";
import { _baseLayout, _titles, type TitleOptions } from "./_style.ts";
import { Figure, type Trace } from "./figure.ts";
import { assertFiniteNumber, assertOneOf, raise } from "../_shared/validate.ts";

/**
 * Colour scales from ColorBrewer (light → dark blue; dark red → white → dark blue)
 * and Plotly's Viridis. Plotly's own "Blues" runs dark → light, which reads wrongly
 * for counts, so the scales are written out.
 */
const SCALES = {
  Blues: [
    [0, "#f7fbff"],
    [0.125, "#deebf7"],
    [0.25, "#c6dbef"],
    [0.375, "#9ecae1"],
    [0.5, "#6baed6"],
    [0.625, "#4292c6"],
    [0.75, "#2171b5"],
    [0.875, "#08519c"],
    [1, "#08306b"],
  ],
  RdBu: [
    [0, "#67001f"],
    [0.1, "#b2182b"],
    [0.2, "#d6604d"],
    [0.3, "#f4a582"],
    [0.4, "#fddbc7"],
    [0.5, "#f7f7f7"],
    [0.6, "#d1e5f0"],
    [0.7, "#92c5de"],
    [0.8, "#4393c3"],
    [0.9, "#2166ac"],
    [1, "#053061"],
  ],
  Viridis: "Viridis",
} as const;

/** Options of {@link heatmapChart}. */
export interface HeatmapOptions extends TitleOptions {
  /** Column labels, left to right. @default the column indices 0 … m−1 */
  xLabels?: readonly (string | number)[];
  /** Row labels, top to bottom. @default the row indices 0 … n−1 */
  yLabels?: readonly (string | number)[];
  /**
   * Colour scale: `"Blues"` (counts, confusion matrices: light = few, dark = many),
   * `"Viridis"` (any magnitude) or `"RdBu"` (signed values such as correlations:
   * red negative, white 0, blue positive; symmetric around 0 unless `zRange` is given).
   * @default "Blues"
   */
  colorScale?: "Blues" | "Viridis" | "RdBu";
  /** Colour bar title, with units. @default "" */
  colorTitle?: string;
  /** Values mapped to the ends of the colour scale. @default the data's min and max */
  zRange?: [number, number];
  /** Write each value in its cell (integers as they are, others to 4 digits). @default false */
  annotate?: boolean;
  /**
   * Gap between neighbouring cells, in pixels: 1 separates the cells of a matrix
   * such as a confusion matrix; 0 draws an image (e.g. 28×28 digits) without a grid.
   * @default 1
   */
  cellGap?: number;
}

/**
 * A heatmap of a matrix with labelled rows and columns, drawn in matrix
 * orientation (row 0 at the top), e.g. a confusion matrix with true classes as
 * rows and predicted classes as columns.
 *
 * @param z The matrix as rows of equal length; `NaN` cells stay blank.
 * @param options Titles (required), labels, colour scale, `annotate`, `cellGap`.
 * @returns A {@link Figure}.
 * @throws {TypeError} If a title is missing, or a cell or `cellGap` is not a number.
 * @throws {RangeError} If rows differ in length, the labels do not match the matrix
 * shape, the matrix is empty, a value is infinite, or `cellGap` is negative.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { heatmapChart } from "@lib/plot/mod.ts";
 * const fig = heatmapChart([[50, 3], [7, 40]], {
 *   title: "Confusion matrix", xTitle: "predicted class", yTitle: "true class",
 *   xLabels: ["ham", "spam"], yLabels: ["ham", "spam"], annotate: true,
 * });
 * assert.deepEqual(fig.data[0].text, [["50", "3"], ["7", "40"]]);
 * assert.equal(fig.layout.yaxis.autorange, "reversed");
 *
 * // An image: no gaps between the pixels.
 * const image = heatmapChart([[0, 0.5], [1, 0]], {
 *   title: "Pixels", xTitle: "column", yTitle: "row", colorScale: "Viridis", cellGap: 0,
 * });
 * assert.equal(image.data[0].xgap, 0);
 * ```
 */
export function heatmapChart(z: readonly ArrayLike<number>[], options: HeatmapOptions): Figure {
  const context = "build heatmapChart";
  const titles = _titles(options, context);
  const { colorScale = "Blues", annotate = false, cellGap = 1 } = options;
  assertOneOf(colorScale, ["Blues", "Viridis", "RdBu"] as const, "colorScale", context);
  assertFiniteNumber(cellGap, "cellGap", context, { min: 0 });
  const colorTitle = options.colorTitle === undefined
    ? undefined
    : _optionalText(options.colorTitle, "colorTitle", context);
  const rows = Array.from(_requireArray(z, "z", context)).map((row, i) =>
    _values(row, `z[${i}]`, context)
  );
  rows.forEach((row, i) => _sameLength(rows[0], row, ["z[0]", `z[${i}]`], context));
  const labels = (given: unknown, n: number, name: string): string[] => {
    if (given === undefined) return Array.from({ length: n }, (_, i) => String(i));
    const arr = Array.from(_requireArray(given, name, context));
    if (arr.length !== n) {
      raise(
        "range",
        context,
        `${name} must have one label per ${
          name === "xLabels" ? "column" : "row"
        }, got ${arr.length} for ${n}`,
      );
    }
    return arr.map((v, i) => {
      if (typeof v !== "string" && typeof v !== "number") {
        raise("type", context, `${name}[${i}] must be a string or a number`);
      }
      return String(v);
    });
  };
  const x = labels(options.xLabels, rows[0].length, "xLabels");
  const y = labels(options.yLabels, rows.length, "yLabels");
  const finite = rows.flat().filter((v): v is number => v !== null);
  const given = _range(options.zRange, "zRange", context, false);
  const trace: Trace = {
    type: "heatmap",
    x,
    y,
    z: rows,
    colorscale: SCALES[colorScale],
    colorbar: { title: { text: colorTitle ?? "" }, thickness: 14 },
    hovertemplate: "%{y} / %{x}: %{z}<extra></extra>",
    xgap: cellGap,
    ygap: cellGap,
  };
  if (given) [trace.zmin, trace.zmax] = given;
  else if (colorScale === "RdBu" && finite.length > 0) {
    const m = Math.max(...finite.map(Math.abs)) || 1;
    [trace.zmin, trace.zmax] = [-m, m];
  }
  if (annotate) {
    trace.text = rows.map((row) => row.map((v) => (v === null ? "" : _formatValue(v))));
    trace.texttemplate = "%{text}";
    trace.textfont = { size: rows.length * x.length > 100 ? 10 : 13 };
  }
  const layout = _baseLayout(titles, [trace]);
  Object.assign(layout.xaxis, { type: "category", showgrid: false, showline: false, ticks: "" });
  Object.assign(layout.yaxis, {
    type: "category",
    showgrid: false,
    showline: false,
    ticks: "",
    autorange: "reversed",
  });
  layout.plot_bgcolor = "#ffffff";
  return new Figure({ data: [trace], layout });
}
