/**
 * The one look every figure shares: size, font, margins, grid, palette, legend.
 *
 * @module
 */
import { _requireText } from "./_checks.ts";
import { raise } from "../_shared/validate.ts";
import { _headerLayout, _measureHeader, LEGEND_GAP } from "./_header.ts";
import type { AxisLayout, FigureLayout, Trace } from "./figure.ts";

/** Width of every single figure, in pixels. */
export const FIGURE_WIDTH = 720;
/** Height of a single figure, in pixels (more when the title wraps or the legend needs 2+ rows). */
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

/** Left and right margins of a single figure, in pixels. */
const SIDES = { l: 70, r: 30 };

/** Width of a single figure's plot area, in pixels (less when long tick labels widen a margin). */
export const _PLOT_WIDTH = FIGURE_WIDTH - SIDES.l - SIDES.r;

/**
 * The shared layout: size, font, margins, grid, legend (shown when more than one
 * entry). The title sits 12 px from the top and the legend below it; the top
 * margin holds every line of the title and every row of the legend (the figure
 * grows by each line or row beyond the first, so the plot keeps its size).
 */
export function _baseLayout(titles: TitleOptions, data: Trace[]): FigureLayout {
  const header = _measureHeader(titles.title, data, FIGURE_WIDTH, _PLOT_WIDTH);
  const top = header.bottom + (header.legendRows > 0 ? LEGEND_GAP : 18);
  const bottom = 60;
  const height = FIGURE_HEIGHT + header.extra;
  return {
    ..._headerLayout(header, height),
    width: FIGURE_WIDTH,
    height,
    font: { family: FONT_FAMILY, size: 13, color: "#222222" },
    margin: { ...SIDES, t: top, b: bottom },
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
    colorway: [...PALETTE],
    hovermode: "closest",
    xaxis: axis(titles.xTitle),
    yaxis: axis(titles.yTitle),
    shapes: [],
    annotations: [],
  };
}
