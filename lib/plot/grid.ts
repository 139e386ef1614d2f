import { _requireArray, _requireText } from "./_checks.ts";
import { _headerLayout, _measureHeader, LEGEND_GAP } from "./_header.ts";
import { _baseLayout, FIGURE_WIDTH } from "./_style.ts";
import { _plainTitle, Figure, type FigureSpec, type Trace } from "./figure.ts";
import { assertInteger, raise } from "../_shared/validate.ts";

/** Options of {@link subplotGrid}. */
export interface GridOptions {
  /** The title over the whole grid. Required, non-empty. */
  title: string;
  /** Panels per row. @default 2 (1 for a single figure) */
  columns?: number;
}

/**
 * Panel size and gaps of a grid, in pixels; `titleSpace` is the room above a
 * panel for its title.
 */
const PANEL = {
  width: 400,
  height: 260,
  hGap: 90,
  vGap: 100,
  left: 70,
  right: 30,
  bottom: 60,
  titleSpace: 34,
};

const suffix = (k: number) => (k === 0 ? "" : String(k + 1));

function remapRef(ref: unknown, s: string): unknown {
  if (typeof ref !== "string") return ref;
  const m = /^([xy])\d*( domain)?$/.exec(ref);
  return m ? `${m[1]}${s}${m[2] ?? ""}` : ref;
}

/**
 * Combines figures into one figure with a grid of panels, filled row by row. Each
 * panel keeps its traces, axis titles, axis types and ranges, reference lines and
 * markers; its title becomes the panel title. Legend entries with the same name and
 * colour appear once (e.g. "train" and "validation" across panels). The grid title
 * sits at the top (wrapped onto more lines when wider than the grid), the shared
 * legend below it with as many rows as its entries need, then the panels, which
 * keep their size (400 × 260 px) whatever the number of columns.
 *
 * @param figures The panels (figures built by this module, not grids).
 * @param options The grid title (required) and the number of columns.
 * @returns A {@link Figure} of `columns × rows` panels.
 * @throws {TypeError} If the title is missing or an entry is not a figure.
 * @throws {RangeError} If `figures` is empty, `columns` is not a positive integer, or
 * an entry is itself a grid.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lineChart, subplotGrid } from "@lib/plot/mod.ts";
 * const a = lineChart([{ x: [1, 2], y: [1, 2] }], { title: "A", xTitle: "x", yTitle: "y" });
 * const b = lineChart([{ x: [1, 2], y: [2, 1] }], { title: "B", xTitle: "x", yTitle: "y" });
 * const grid = subplotGrid([a, b], { title: "Two panels" });
 * assert.equal(grid.data[1].xaxis, "x2");
 * assert.equal(grid.layout.xaxis2?.title.text, "x");
 * ```
 */
export function subplotGrid(
  figures: readonly FigureSpec[],
  options: GridOptions,
): Figure {
  const context = "build subplotGrid";
  if (typeof options !== "object" || options === null) {
    raise("type", context, "options with a title are required");
  }
  const title = _requireText(options.title, "title", context);
  const figs = Array.from(_requireArray(figures, "figures", context)) as FigureSpec[];
  const { columns = Math.min(2, figs.length) } = options;
  assertInteger(columns, "columns", context, { min: 1 });
  figs.forEach((f, k) => {
    if (
      typeof f !== "object" || f === null || !Array.isArray(f.data) || typeof f.layout !== "object"
    ) {
      raise("type", context, `figures[${k}] must be a figure`);
    }
    if ("xaxis2" in f.layout) {
      raise("range", context, `figures[${k}] is already a grid; combine single figures`);
    }
  });
  const cols = Math.min(columns, figs.length);
  const rows = Math.ceil(figs.length / cols);
  const barAt = figs.map((f) => f.data.some((t) => t.type === "heatmap" || hasScale(t)));
  const hasColourBar = barAt.some((b) => b);
  const hGap = PANEL.hGap + (hasColourBar ? 70 : 0);
  const plotW = cols * PANEL.width + (cols - 1) * hGap;
  // The plot area holds the panels and, above the first row, the room for its panel titles.
  const plotH = PANEL.titleSpace + rows * PANEL.height + (rows - 1) * PANEL.vGap;
  // Room on the right for the colour bar of a panel in the last column.
  const right = PANEL.right + (barAt.some((b, k) => b && k % cols === cols - 1) ? 70 : 0);

  const seen = new Set<string>();
  const data: Trace[] = [];
  const panels: { x: [number, number]; y: [number, number] }[] = [];
  figs.forEach((f, k) => {
    const s = suffix(k);
    const col = k % cols, row = Math.floor(k / cols);
    const x0 = (col * (PANEL.width + hGap)) / plotW;
    const y1 = 1 - (PANEL.titleSpace + row * (PANEL.height + PANEL.vGap)) / plotH;
    const domain = {
      x: [x0, x0 + PANEL.width / plotW] as [number, number],
      y: [y1 - PANEL.height / plotH, y1] as [number, number],
    };
    panels.push(domain);
    for (const t of f.data) {
      const trace: Trace = { ...t, xaxis: `x${s}`, yaxis: `y${s}` };
      const key = `${t.name}|${JSON.stringify(colourOf(t))}`;
      if (t.showlegend === false || t.name === undefined || t.type === "heatmap" || seen.has(key)) {
        trace.showlegend = false;
      } else {
        seen.add(key);
      }
      if (t.name !== undefined && trace.legendgroup === undefined) trace.legendgroup = t.name;
      if (t.type === "heatmap" || hasScale(t)) placeColourBar(trace, domain);
      data.push(trace);
    }
  });

  // The shared legend sits between the title and the panel titles, with room for all its rows.
  const width = Math.max(FIGURE_WIDTH, PANEL.left + plotW + right);
  const header = _measureHeader(title, data, width, width - PANEL.left - right);
  const top = header.bottom + (header.legendRows > 0 ? LEGEND_GAP : 0);
  const height = top + plotH + PANEL.bottom;
  const layout = _baseLayout({ title, xTitle: "", yTitle: "" }, []);
  Object.assign(layout, {
    ..._headerLayout(header, height),
    width,
    height,
    margin: { l: PANEL.left, r: right, t: top, b: PANEL.bottom },
  });
  figs.forEach((f, k) => {
    const s = suffix(k);
    const { x, y } = panels[k];
    const axes = layout as Record<string, unknown>;
    axes[`xaxis${s}`] = { ...f.layout.xaxis, domain: x, anchor: `y${s}` };
    axes[`yaxis${s}`] = { ...f.layout.yaxis, domain: y, anchor: `x${s}` };
    for (const shape of f.layout.shapes ?? []) {
      layout.shapes.push({
        ...shape,
        xref: remapRef(shape.xref, s),
        yref: remapRef(shape.yref, s),
      });
    }
    for (const note of f.layout.annotations ?? []) {
      layout.annotations.push({
        ...note,
        xref: remapRef(note.xref, s),
        yref: remapRef(note.yref, s),
      });
    }
    layout.annotations.push({
      text: `<b>${_plainTitle(f) ?? ""}</b>`,
      xref: "paper",
      yref: "paper",
      x: (x[0] + x[1]) / 2,
      y: y[1],
      xanchor: "center",
      yanchor: "bottom",
      yshift: 6,
      showarrow: false,
      font: { size: 14 },
    });
    for (const key of ["barmode", "bargap"]) {
      if (f.layout[key] !== undefined && layout[key] === undefined) layout[key] = f.layout[key];
    }
  });
  return new Figure({ data, layout });
}

function hasScale(t: Trace): boolean {
  return (t.marker as { showscale?: boolean } | undefined)?.showscale === true;
}

function colourOf(t: Trace): unknown {
  return (t.line as { color?: string } | undefined)?.color ??
    (t.marker as { color?: unknown } | undefined)?.color;
}

function placeColourBar(trace: Trace, domain: { x: [number, number]; y: [number, number] }): void {
  const bar = {
    x: domain.x[1] + 0.01,
    xanchor: "left",
    y: (domain.y[0] + domain.y[1]) / 2,
    yanchor: "middle",
    len: domain.y[1] - domain.y[0],
  };
  if (trace.type === "heatmap") trace.colorbar = { ...(trace.colorbar as object), ...bar };
  else {
    const marker = trace.marker as Record<string, unknown>;
    trace.marker = { ...marker, colorbar: { ...(marker.colorbar as object), ...bar } };
  }
}
