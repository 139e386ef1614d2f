/**
 * Options shared by charts with numeric axes: axis scales and ranges, reference
 * lines and labelled markers.
 *
 * @module
 */
import { _optionalText, _range, _requireText } from "./_checks.ts";
import type { TitleOptions } from "./_style.ts";
import { assertFiniteNumber, raise } from "../_shared/validate.ts";
import type { FigureLayout, Trace } from "./figure.ts";
import { _logTicks, _positiveExtent } from "./_log_axis.ts";

/** A reference line: vertical (`vLines`, at an x value) or horizontal (`hLines`, at a y value). */
export interface ReferenceLine {
  /** Position in data units of the axis it crosses. */
  at: number;
  /** Text written next to the line, e.g. `"SLA 200 ms"`, `"early stop"`. */
  label?: string;
}

/** A labelled arrow pointing at one data point, e.g. a chosen operating point. */
export interface PointMarker {
  x: number;
  y: number;
  label: string;
}

/**
 * Axis scale. Unset, Plotly infers it (linear for numbers, category or date for strings).
 * Log axes label their ticks with full values: 1, 2, 3, 5 × 10^k over up to 1.6
 * decades (`200 300 500 1000`), 1, 2, 5 × 10^k up to three (`20 50 100 200`), powers
 * of 10 beyond (`1 10 100 1k 10k`), with the other digits as unlabelled minor ticks.
 */
export type AxisType = "linear" | "log";

/** Axis and annotation options shared by the line, scatter and band charts. */
export interface AxisOptions {
  /** Horizontal axis scale. @default inferred from the data */
  xType?: AxisType;
  /** Vertical axis scale. @default inferred from the data */
  yType?: AxisType;
  /** Visible x interval `[low, high]` in data units (positive on log axes). @default automatic */
  xRange?: [number, number];
  /** Visible y interval `[low, high]` in data units (positive on log axes). @default automatic */
  yRange?: [number, number];
  /** Vertical reference lines, e.g. an SLA or an early-stopping epoch. @default [] */
  vLines?: ReferenceLine[];
  /** Horizontal reference lines, e.g. a threshold or a baseline. @default [] */
  hLines?: ReferenceLine[];
  /** Labelled arrows at data points. @default [] */
  markers?: PointMarker[];
}

/** All options of a chart with two numeric axes. */
export interface ChartOptions extends TitleOptions, AxisOptions {}

const toAxis = (v: number, log: boolean) => (log ? Math.log10(v) : v);

function position(value: unknown, name: string, context: string, log: boolean): number {
  assertFiniteNumber(value, name, context);
  if (log && value <= 0) {
    raise("range", context, `${name} must be positive on a log axis, got ${value}`);
  }
  return value;
}

/** Share of the span added on each side of a range widened to hold reference lines. */
const LINE_PADDING = 0.06;

/**
 * The range (data units) of a numeric axis that shows both the traces and the reference
 * lines at `at` with some room around them, or `undefined` when Plotly's automatic range
 * already does: no lines, every line strictly inside the traces' extent (which Plotly pads),
 * or an axis of categories or dates. Plotly's automatic range ignores shapes' padding, so
 * a line at or beyond the data's extreme would sit on the axis edge or outside it.
 */
export function _rangeHolding(
  data: readonly Trace[],
  axis: "x" | "y",
  at: readonly number[],
  log: boolean,
): [number, number] | undefined {
  if (at.length === 0) return undefined;
  let low = Infinity, high = -Infinity;
  for (const trace of data) {
    for (const v of (trace[axis] ?? []) as Iterable<unknown>) {
      if (typeof v === "string") return undefined;
      if (typeof v === "number" && Number.isFinite(v) && (!log || v > 0)) {
        low = Math.min(low, toAxis(v, log));
        high = Math.max(high, toAxis(v, log));
      }
    }
  }
  const lines = at.map((v) => toAxis(v, log));
  if (low <= high && lines.every((v) => v > low && v < high)) return undefined;
  const lo = Math.min(low, ...lines), hi = Math.max(high, ...lines);
  const span = hi - lo || Math.abs(hi) || 1;
  const ends = [lo - LINE_PADDING * span, hi + LINE_PADDING * span];
  return (log ? ends.map((v) => 10 ** v) : ends) as [number, number];
}

/**
 * Applies axis types, ranges, reference lines and markers to `layout` (mutates it);
 * log axes get ticks labelled in full for the values in `data` (see `_logTicks`).
 */
export function _applyAxisOptions(
  layout: FigureLayout,
  options: AxisOptions,
  context: string,
  data: readonly Trace[],
): void {
  const { xType, yType, vLines = [], hLines = [], markers = [] } = options;
  for (const [name, type] of [["xType", xType], ["yType", yType]] as const) {
    if (type !== undefined && type !== "linear" && type !== "log") {
      raise("range", context, `${name} must be "linear" or "log", got ${JSON.stringify(type)}`);
    }
  }
  const xLog = xType === "log", yLog = yType === "log";
  if (xType) layout.xaxis.type = xType;
  if (yType) layout.yaxis.type = yType;
  for (const [name, lines, log] of [["vLines", vLines, xLog], ["hLines", hLines, yLog]] as const) {
    if (!Array.isArray(lines)) raise("type", context, `${name} must be an array`);
    lines.forEach((l, i) => position(l?.at, `${name}[${i}].at`, context, log));
  }
  // Without a range of its own, an axis is widened to hold its reference lines.
  const xRange = _range(options.xRange, "xRange", context, xLog) ??
    _rangeHolding(data, "x", vLines.map((v) => v.at), xLog);
  const yRange = _range(options.yRange, "yRange", context, yLog) ??
    _rangeHolding(data, "y", hLines.map((h) => h.at), yLog);
  // Plotly takes ranges of log axes in log10 units.
  if (xRange) layout.xaxis.range = [toAxis(xRange[0], xLog), toAxis(xRange[1], xLog)];
  if (yRange) layout.yaxis.range = [toAxis(yRange[0], yLog), toAxis(yRange[1], yLog)];
  const line = { color: "#555555", width: 1.5, dash: "dash" };
  const note = { showarrow: false, font: { size: 11, color: "#555555" } };
  vLines.forEach((v, i) => {
    position(v?.at, `vLines[${i}].at`, context, xLog);
    const label = _optionalText(v.label, `vLines[${i}].label`, context);
    // Shapes take data values on log axes, annotations take log10 values.
    layout.shapes.push({
      type: "line",
      xref: "x",
      yref: "y domain",
      x0: v.at,
      x1: v.at,
      y0: 0,
      y1: 1,
      line,
    });
    if (label) {
      layout.annotations.push({
        ...note,
        text: label,
        xref: "x",
        yref: "y domain",
        x: toAxis(v.at, xLog),
        y: 1,
        xanchor: "left",
        yanchor: "top",
        xshift: 3,
      });
    }
  });
  hLines.forEach((h, i) => {
    position(h?.at, `hLines[${i}].at`, context, yLog);
    const label = _optionalText(h.label, `hLines[${i}].label`, context);
    layout.shapes.push({
      type: "line",
      xref: "x domain",
      yref: "y",
      x0: 0,
      x1: 1,
      y0: h.at,
      y1: h.at,
      line,
    });
    if (label) {
      layout.annotations.push({
        ...note,
        text: label,
        xref: "x domain",
        yref: "y",
        x: 1,
        y: toAxis(h.at, yLog),
        xanchor: "right",
        yanchor: "bottom",
      });
    }
  });
  markers.forEach((m, i) => {
    position(m?.x, `markers[${i}].x`, context, xLog);
    position(m.y, `markers[${i}].y`, context, yLog);
    const text = _requireText(m.label, `markers[${i}].label`, context);
    layout.annotations.push({
      text,
      xref: "x",
      yref: "y",
      x: toAxis(m.x, xLog),
      y: toAxis(m.y, yLog),
      showarrow: true,
      arrowhead: 2,
      arrowsize: 1,
      arrowwidth: 1.5,
      arrowcolor: "#333333",
      ax: 30,
      ay: -35,
      font: { size: 12, color: "#222222" },
      bgcolor: "rgba(255,255,255,0.85)",
    });
  });
  const logTicks = (range: [number, number] | undefined, axis: "x" | "y", at: number[]) => {
    const extent = range ?? _positiveExtent(data, axis, at);
    return extent ? _logTicks(extent[0], extent[1], range === undefined) : {};
  };
  if (xLog) {
    Object.assign(
      layout.xaxis,
      logTicks(xRange, "x", [...vLines.map((v) => v.at), ...markers.map((m) => m.x)]),
    );
  }
  if (yLog) {
    Object.assign(
      layout.yaxis,
      logTicks(yRange, "y", [...hLines.map((h) => h.at), ...markers.map((m) => m.y)]),
    );
  }
}
