/**
 * Figures and progress bars for every chapter (1–7): typed builders that return
 * plain Plotly `{ data, layout }` figures with one look (720×420, one font, grid,
 * legend when there is more than one series), their display in the Jupyter kernel
 * and in scripts, and a progress bar for long loops.
 *
 * - Builders: {@link lineChart}, {@link scatterChart}, {@link barChart},
 *   {@link histogramChart}, {@link heatmapChart}, {@link bandChart}, {@link subplotGrid}.
 *   Title and axis titles are required; axis titles carry units where they apply
 *   (`"latency (ms)"`, `"loss (nats)"`, `"epoch"`).
 * - Display: a cell that ends with a figure shows it (Plotly JSON, PNG, text): the
 *   figure's `Symbol.for("Jupyter.display")` method returns a promise of the bundle
 *   and the kernel awaits it. `await show(fig)` (or `await Deno.jupyter.display(fig)`)
 *   does the same anywhere in a cell. In `deno run`, `show` writes an offline HTML
 *   file and a PNG under `out/figures/` and prints where.
 * - PNG images come from plotly.js in a headless Chromium (`$WORKBOOK_BROWSER`, or
 *   `chromium` on the system; `WORKBOOK_BROWSER=none` turns them off). The first
 *   figure of a process takes about 2 s, later ones tens of milliseconds.
 * - {@link createProgress} shows a progress bar updated in place in the kernel, or a
 *   line on stderr in a terminal.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { lineChart } from "@lib/plot/mod.ts";
 * const fig = lineChart([{ x: [1, 2, 3], y: [0.9, 0.5, 0.4] }], {
 *   title: "Training loss", xTitle: "epoch", yTitle: "loss (nats)",
 * });
 * assert.equal(fig.layout.width, 720);
 * assert.throws(
 *   () => lineChart([{ x: [1], y: [1] }], { title: "", xTitle: "epoch", yTitle: "loss" }),
 *   { message: "Cannot build lineChart: title must be a non-empty string" },
 * );
 * ```
 *
 * @module
 */
export { createProgress } from "./progress.ts";
export type { Progress, ProgressInfo, ProgressOptions } from "./progress.ts";
export { Figure } from "./figure.ts";
export type { AxisLayout, FigureLayout, FigureSpec, Trace } from "./figure.ts";
export { lineChart } from "./line.ts";
export type { LineSeries } from "./line.ts";
export { scatterChart } from "./scatter.ts";
export type { ScatterData, ScatterOptions } from "./scatter.ts";
export { barChart } from "./bar.ts";
export type { BarOptions, BarSeries } from "./bar.ts";
export { histogramChart } from "./histogram.ts";
export type { HistogramBins, HistogramOptions, HistogramSeries } from "./histogram.ts";
export { heatmapChart } from "./heatmap.ts";
export type { HeatmapOptions } from "./heatmap.ts";
export { bandChart } from "./band.ts";
export type { BandSeries } from "./band.ts";
export { subplotGrid } from "./grid.ts";
export type { GridOptions } from "./grid.ts";
export { figureBundle, PLOTLY_MIME } from "./bundle.ts";
export { closeRenderer, findBrowser, renderPng } from "./renderer.ts";
export { figureHtml, show } from "./show.ts";
export { markdownTable } from "./markdown_table.ts";
export type { ShowOptions } from "./show.ts";
export type {
  AxisOptions,
  AxisType,
  ChartOptions,
  PointMarker,
  ReferenceLine,
} from "./_axis_options.ts";
export { FIGURE_HEIGHT, FIGURE_WIDTH, FONT_FAMILY, PALETTE } from "./_style.ts";
export type { TitleOptions } from "./_style.ts";
export type { MimeBundle } from "./_jupyter.ts";
export { intervalChart } from "./interval.ts";
export type { IntervalOptions, IntervalSeries } from "./interval.ts";
export { classifierCurvesChart } from "./classifier_curves.ts";
export type { ClassifierCurvesOptions } from "./classifier_curves.ts";
