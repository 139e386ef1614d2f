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
export * from "./progress.ts";
export * from "./figure.ts";
export * from "./line.ts";
export * from "./scatter.ts";
export * from "./bar.ts";
export * from "./histogram.ts";
export * from "./heatmap.ts";
export * from "./band.ts";
export * from "./grid.ts";
export * from "./bundle.ts";
export * from "./renderer.ts";
export * from "./show.ts";
export {
  type AxisOptions,
  type AxisType,
  type ChartOptions,
  type PointMarker,
  type ReferenceLine,
} from "./_axis_options.ts";
export { FIGURE_HEIGHT, FIGURE_WIDTH, FONT_FAMILY, PALETTE, type TitleOptions } from "./_style.ts";
export type { MimeBundle } from "./_jupyter.ts";
