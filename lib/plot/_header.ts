/**
 * The band above the plot: the title, 12 px from the top and wrapped onto more
 * lines when wider than the figure, then the legend, with as many rows as its
 * entries need. Single figures and grids place their plot area below it.
 *
 * The number of legend rows depends on the width of the entry texts, hence on the
 * fonts of the browser that draws the figure, which differ between machines. The
 * estimate below sizes the figure; the placement does not depend on it: the
 * legend's top edge is fixed in pixels from the top of the figure
 * (`yref: "container"`), where nothing but the title (whose height does not depend
 * on the font) lies above it, and plotly.js reserves the room the legend really
 * takes below it, moving the plot area (for grids: the panels and their titles)
 * down when the legend has more rows than estimated.
 *
 * @module
 */
import { _legendHeight, _legendRows, _textWidth } from "./_legend.ts";
import type { FigureLayout, Trace } from "./figure.ts";

/** Pixels from the top of a figure to the top of its title. */
const TITLE_TOP = 12;
/** Title font size (plotly.js: 1.4 × the 13 px figure font) and line height, in pixels. */
const TITLE_FONT = 18;
const TITLE_LINE = 24;
/** plotly.js draws a title of several lines 0.7 em higher than one of one line. */
const MULTILINE_SHIFT = 0.7 * TITLE_FONT;
/** Pixels from the top of a figure to the top of the legend below a one-line title. */
const LEGEND_TOP = 42;

/**
 * Pixels between the legend and the plot area. plotly.js keeps at least the room
 * its axes ask for above the plot (12 px) between a legend placed as here and the
 * plot area, so a top margin this far below the legend is the one it draws.
 */
export const LEGEND_GAP = 12;

/** The size of the band above the plot. */
export interface Header {
  /** The title text, with `<br>` where it wraps. */
  text: string;
  /** Pixels from the top of the figure to the top of the legend (or the end of the title). */
  legendTop: number;
  /** Rows of the legend; 0 when there is no legend (fewer than two entries). */
  legendRows: number;
  /** Pixels from the top of the figure to the bottom of the legend (or of the title). */
  bottom: number;
  /** Pixels beyond a one-line title and a legend of at most one row. */
  extra: number;
}

/**
 * How much wider than Arial (the widths of {@link _textWidth}) a title may be drawn:
 * DejaVu Sans, the font Chromium falls back to on machines without Arial or
 * Liberation Sans, is 10–15 % wider on sentences and up to 21 % on narrow
 * letters (measured with canvas `measureText`).
 */
const WIDE_FONT = 1.2;

/**
 * Breaks `text` at spaces so that no line is wider than `maxWidth` pixels in the
 * title font, in Arial and in the wider fallback fonts.
 */
export function _wrapTitle(text: string, maxWidth: number): string {
  if (text.includes("<br")) return text;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line === "" ? word : `${line} ${word}`;
    if (line !== "" && WIDE_FONT * _textWidth(next, TITLE_FONT) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  lines.push(line);
  return lines.join("<br>");
}

/** The legend entries of `data`: traces shown in the legend, and whether they are grouped. */
function legendEntries(data: readonly Trace[]): { names: string[]; grouped: boolean } {
  const shown = data.filter((t) => t.showlegend !== false && t.type !== "heatmap");
  return {
    names: shown.map((t, i) => t.name ?? `trace ${i}`),
    grouped: shown.some((t) => t.legendgroup !== undefined),
  };
}

/**
 * Measures the band above the plot of a figure `width` pixels wide whose plot area
 * is `plotWidth` pixels wide, with the legend entries of `data`.
 */
export function _measureHeader(
  title: string,
  data: readonly Trace[],
  width: number,
  plotWidth: number,
): Header {
  const text = _wrapTitle(title, width - 40);
  const legendTop = LEGEND_TOP + (text.split("<br>").length - 1) * TITLE_LINE;
  const { names, grouped } = legendEntries(data);
  const legendRows = names.length > 1 ? _legendRows(names, plotWidth, grouped) : 0;
  const legendHeight = _legendHeight(legendRows);
  return {
    text,
    legendTop,
    legendRows,
    bottom: legendTop + legendHeight,
    extra: legendTop - LEGEND_TOP + legendHeight - _legendHeight(Math.min(legendRows, 1)),
  };
}

/**
 * The title, legend and `showlegend` of a figure `height` pixels high. The legend
 * is horizontal, its top edge `header.legendTop` pixels below the top of the
 * figure; plotly.js keeps the plot area below its last row.
 */
export function _headerLayout(
  header: Header,
  height: number,
): Pick<FigureLayout, "title" | "legend" | "showlegend"> {
  const shift = header.text.includes("<br>") ? MULTILINE_SHIFT : 0;
  return {
    title: {
      text: header.text,
      x: 0.5,
      xanchor: "center",
      y: 1 - (TITLE_TOP + shift) / height,
      yanchor: "top",
    },
    showlegend: header.legendRows > 0,
    legend: {
      orientation: "h",
      x: 0,
      xanchor: "left",
      yref: "container",
      y: 1 - header.legendTop / height,
      yanchor: "top",
      tracegroupgap: 0,
    },
  };
}
