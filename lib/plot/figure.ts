import type { MimeBundle } from "./_jupyter.ts";

/** One Plotly trace, as plain JSON. `type` says which kind. */
export interface Trace {
  type: "scatter" | "bar" | "histogram" | "heatmap";
  name?: string;
  /** Horizontal positions (categories for heatmaps); `null` is a gap. */
  x?: (number | string | null)[];
  /** Vertical positions (categories for heatmaps); `null` is a gap. */
  y?: (number | string | null)[];
  /** Heatmap cells, row by row. */
  z?: (number | null)[][];
  /** Text per point, or per cell for heatmaps. */
  text?: string[] | string[][];
  [key: string]: unknown;
}

/** One Plotly axis, as plain JSON. */
export interface AxisLayout {
  title: { text: string };
  type?: "linear" | "log" | "category" | "date";
  range?: [number, number];
  [key: string]: unknown;
}

/** A Plotly layout with the fields every builder sets. */
export interface FigureLayout {
  title: { text: string; [key: string]: unknown };
  width: number;
  height: number;
  xaxis: AxisLayout;
  yaxis: AxisLayout;
  showlegend: boolean;
  shapes: Record<string, unknown>[];
  annotations: Record<string, unknown>[];
  /** The axes of further panels in a grid (`xaxis2`, `yaxis2`, …). */
  [axis: `xaxis${number}`]: AxisLayout | undefined;
  [axis: `yaxis${number}`]: AxisLayout | undefined;
  [key: string]: unknown;
}

/** A Plotly figure as plain JSON: what `application/vnd.plotly.v1+json` carries. */
export interface FigureSpec {
  data: Trace[];
  layout: FigureLayout;
}

/** The title of a spec as one line of text (`<br>` line breaks become spaces). */
export function _plainTitle(spec: FigureSpec): string | undefined {
  return spec.layout?.title?.text?.replace(/<br\s*\/?>/gi, " ");
}

const DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/**
 * A figure: plain Plotly JSON (`data`, `layout`) that displays itself in the
 * Deno Jupyter kernel. Ending a cell with a figure shows it; the kernel awaits
 * the bundle, which holds `application/vnd.plotly.v1+json` (interactive in
 * VS Code and JupyterLab), `image/png` (rendered by a headless Chromium, when
 * one is found) and `text/plain` (the title).
 *
 * Builders (`lineChart`, `scatterChart`, …) return figures; `new Figure(spec)`
 * wraps any hand-written Plotly spec. `JSON.stringify(figure)` gives the spec.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Figure } from "@lib/plot/mod.ts";
 * const fig = new Figure({
 *   data: [{ type: "scatter", x: [1, 2], y: [3, 4] }],
 *   layout: {
 *     title: { text: "Raw spec" }, width: 720, height: 420, showlegend: false,
 *     xaxis: { title: { text: "x" } }, yaxis: { title: { text: "y" } },
 *     shapes: [], annotations: [],
 *   },
 * });
 * assert.equal(fig.title, "Raw spec");
 * assert.deepEqual(JSON.parse(JSON.stringify(fig)).data[0].y, [3, 4]);
 * ```
 */
export class Figure implements FigureSpec {
  /** The traces. */
  readonly data: Trace[];
  /** The layout (title, axes, size, legend, reference lines). */
  readonly layout: FigureLayout;

  /** Wraps a Plotly spec; the spec is used as given (not copied). */
  constructor(spec: FigureSpec) {
    this.data = spec.data;
    this.layout = spec.layout;
  }

  /** The figure's title text (a wrapped title as one line). */
  get title(): string {
    return _plainTitle(this) ?? "";
  }

  /** The plain `{ data, layout }` spec (used by `JSON.stringify`). */
  toJSON(): FigureSpec {
    return { data: this.data, layout: this.layout };
  }

  /**
   * The MIME bundle the Jupyter kernel shows when a cell ends with this figure.
   * The bundle's module (and with it the Deno-only PNG renderer) is loaded here,
   * on first display, so that importing a figure builder never loads it: the
   * builders run in a browser too.
   */
  async [DISPLAY](): Promise<MimeBundle> {
    const { figureBundle } = await import("./bundle.ts");
    return figureBundle(this.toJSON());
  }
}
