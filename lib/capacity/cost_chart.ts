import { raise } from "../_shared/validate.ts";
import { type Figure, lineChart, type LineSeries, PALETTE } from "../plot/mod.ts";
import type { ReferenceLine } from "../plot/mod.ts";
import { type CostFit, predictCost } from "./cost_model.ts";
import type { CostObservation } from "./cost_forms.ts";

/** A size to put on an axis: a field of {@link CostObservation}, or `"layers"` for Σ w_l·w_{l+1}. */
export type CostAxis = "n" | "f" | "trees" | "depth" | "layers";

/** Options of {@link costChart}. */
export interface CostChartOptions {
  /** Figure title. */
  title: string;
  /** Horizontal axis title, with units. */
  xTitle: string;
  /** Vertical axis title. @default "time (ms)" */
  yTitle?: string;
  /** The size on the horizontal axis. */
  x: CostAxis;
  /** A size whose values get a measured and a fitted line each. @default one pair of lines */
  group?: CostAxis;
  /** Horizontal reference lines (e.g. an SLA). @default [] */
  hLines?: ReferenceLine[];
}

/** Colour of a fitted line shared by every group. */
const SHARED_FIT_COLOR = "#555555";

/** Whether two series draw the same points. */
function sameLine(a: LineSeries, b: LineSeries): boolean {
  const [ax, ay, bx, by] = [a.x, a.y, b.x, b.y] as ArrayLike<unknown>[];
  if (ax.length !== bx.length) return false;
  for (let i = 0; i < ax.length; i++) if (ax[i] !== bx[i] || ay[i] !== by[i]) return false;
  return true;
}

function valueOf(o: CostObservation, axis: CostAxis, context: string): number {
  if (axis === "layers") {
    if (!Array.isArray(o.layers)) raise("range", context, "observations need layers for this axis");
    let s = 0;
    for (let l = 0; l + 1 < o.layers.length; l++) s += o.layers[l] * o.layers[l + 1];
    return s;
  }
  const v = o[axis];
  if (typeof v !== "number") raise("range", context, `every observation needs ${axis}`);
  return v;
}

/**
 * Measured timings and a fitted cost model on log–log axes: one solid line
 * with markers for the measurements and one dashed line for the fit's
 * predictions at the same sizes, per value of `group` (the pair shares a
 * colour). When the fit does not depend on the group size (its form lacks it),
 * the fitted lines coincide and one grey dashed line is drawn instead, named
 * "fit (the same for every <group>)". On log–log axes a
 * power law $t = a n^b$ is a straight line of slope b, and a constant overhead
 * bends the fitted line flat at small sizes.
 *
 * @param observations Timings with sizes (as given to `compareCostModels`).
 * @param fit The fitted model to draw (e.g. `compareCostModels(...).best`).
 * @param options Titles, the size on the x axis and an optional grouping size.
 * @returns A line chart (log–log), legend entries "measured" / "fit" (with the group value:
 *   integers in full, others to three significant digits).
 * @throws {RangeError} If an observation lacks the x or group size, or there are none.
 * @see notebooks/02_capacity.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { costChart, fitCostModel } from "@lib/capacity/mod.ts";
 * const obs = [1000, 2000, 4000].flatMap((n) => [8, 64].map((f) => ({ n, f, timeMs: 1e-4 * n * f })));
 * const fit = fitCostModel(obs, "n*f");
 * const fig = costChart(obs, fit, { title: "Training time", xTitle: "rows n", x: "n", group: "f" });
 * assert.equal(fig.data.length, 4); // measured and fit, for f = 8 and f = 64
 * assert.equal(fig.data[1].name, "fit, f = 8");
 * assert.equal(fig.layout.xaxis.type, "log");
 * ```
 */
export function costChart(
  observations: readonly CostObservation[],
  fit: CostFit,
  options: CostChartOptions,
): Figure {
  const context = "build costChart";
  const { x, group, yTitle = "time (ms)", hLines = [] } = options ?? {};
  if (!Array.isArray(observations) || observations.length === 0) {
    raise("range", context, "observations must be a non-empty array");
  }
  const keys = observations.map((o) => (group === undefined ? 0 : valueOf(o, group, context)));
  const measured: LineSeries[] = [], fits: LineSeries[] = [];
  for (const key of [...new Set(keys)].sort((a, b) => a - b)) {
    const points = observations.filter((_, i) => keys[i] === key)
      .map((o) => ({ x: valueOf(o, x, context), t: o.timeMs, p: predictCost(fit, o) }))
      .sort((a, b) => a.x - b.x);
    const shown = Number.isInteger(key) ? key : Number(key.toPrecision(3));
    const label = group === undefined ? "" : `, ${group} = ${shown}`;
    const xs = points.map((p) => p.x);
    measured.push({ name: `measured${label}`, x: xs, y: points.map((p) => p.t), markers: true });
    fits.push({ name: `fit${label}`, x: xs, y: points.map((p) => p.p), dash: "dash" });
  }
  // A fit that ignores the group size draws the same line for every group: draw it once.
  const shared = fits.length > 1 && fits.every((s) => sameLine(s, fits[0]));
  const series = shared
    ? [...measured, { ...fits[0], name: `fit (the same for every ${group})` }]
    : measured.flatMap((m, k) => [m, fits[k]]);
  // A measurement and its fit share a colour: pair k gets the k-th colour of the palette.
  const colors = shared
    ? [...measured.map((_, k) => PALETTE[k % PALETTE.length]), SHARED_FIT_COLOR]
    : series.map((_, j) => PALETTE[Math.floor(j / 2) % PALETTE.length]);
  const fig = lineChart(series, {
    title: options.title,
    xTitle: options.xTitle,
    yTitle,
    xType: "log",
    yType: "log",
    hLines,
  });
  fig.data.forEach((trace, j) => {
    const color = colors[j];
    trace.line = { ...(trace.line as object), color };
    trace.marker = { ...(trace.marker as object), color };
  });
  return fig;
}
