/**
 * The one look every figure shares: size, font, margins, grid, palette, legend.
 *
 * @module
 */
import { _requireText } from "./_checks.ts";
import { raise } from "../_shared/validate.ts";
import type { AxisLayout, FigureLayout, Trace } from "./figure.ts";

/** Width of every single figure, in pixels. */
export const FIGURE_WIDTH = 720;
/** Height of every single figure, in pixels. */
export const FIGURE_HEIGHT = 420;

/** Colours given to series in order (the Tableau 10 palette). */
export const PALETTE: readonly string[] = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

/** The font family of every figure. */
export const FONT_FAMILY = 'Arial, "Liberation Sans", "DejaVu Sans", sans-serif';

/** The colour of series `i`, cycling through {@link PALETTE}. */
export function _colour(i: number): string {
  return PALETTE[i % PALETTE.length];
}

/** `#rrggbb` → `rgba(r,g,b,alpha)`. */
export function _rgba(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/** Titles every figure must have. Axis titles carry units where they apply: `"latency (ms)"`. */
export interface TitleOptions {
  /** The figure title. Required, non-empty. */
  title: string;
  /** Horizontal axis title, with units where they apply, e.g. `"epoch"`, `"p99 latency (ms)"`. */
  xTitle: string;
  /** Vertical axis title, with units where they apply, e.g. `"loss (cross-entropy, nats)"`. */
  yTitle: string;
}

function axis(title: string): AxisLayout {
  return {
    title: { text: title },
    showgrid: true,
    gridcolor: "#e5e5e5",
    zeroline: false,
    showline: true,
    linecolor: "#444444",
    ticks: "outside",
    tickcolor: "#444444",
    automargin: true,
  };
}

/** Checks the three titles and returns them. */
export function _titles(options: TitleOptions, context: string): TitleOptions {
  if (typeof options !== "object" || options === null) {
    raise("type", context, "options with title, xTitle and yTitle are required");
  }
  return {
    title: _requireText(options.title, "title", context),
    xTitle: _requireText(options.xTitle, "xTitle", context),
    yTitle: _requireText(options.yTitle, "yTitle", context),
  };
}

/** The shared layout: size, font, margins, grid, legend (shown when more than one entry). */
export function _baseLayout(titles: TitleOptions, data: Trace[]): FigureLayout {
  const entries = data.filter((t) => t.showlegend !== false && t.type !== "heatmap").length;
  return {
    title: { text: titles.title, x: 0.5, xanchor: "center", y: 0.97, yanchor: "top" },
    width: FIGURE_WIDTH,
    height: FIGURE_HEIGHT,
    font: { family: FONT_FAMILY, size: 13, color: "#222222" },
    margin: { l: 70, r: 30, t: entries > 1 ? 90 : 60, b: 60 },
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
    colorway: [...PALETTE],
    hovermode: "closest",
    showlegend: entries > 1,
    legend: { orientation: "h", x: 0, xanchor: "left", y: 1.02, yanchor: "bottom" },
    xaxis: axis(titles.xTitle),
    yaxis: axis(titles.yTitle),
    shapes: [],
    annotations: [],
  };
}
