import {
  _coordinates,
  _optionalText,
  _requireArray,
  _sameLength,
  _seriesName,
  _values,
} from "./_checks.ts";
import { _applyAxisOptions, type ChartOptions } from "./_axis_options.ts";
import { _baseLayout, _colour, _titles } from "./_style.ts";
import { Figure, type Trace } from "./figure.ts";
import { raise } from "../_shared/validate.ts";

/** One line of a {@link lineChart}. */
export interface LineSeries {
  /** Legend entry; required when the chart has several series. */
  name?: string;
  /** Positions: numbers, or strings (categories or ISO dates). */
  x: ArrayLike<number> | readonly string[];
  /** Values; `NaN` leaves a gap in the line. */
  y: ArrayLike<number>;
  /** Line style. @default "solid" */
  dash?: "solid" | "dash" | "dot";
  /** Draw a marker at every point too. @default false */
  markers?: boolean;
  /**
   * Line and marker colour (any CSS colour, e.g. `PALETTE[0]`), to tie a series to
   * another of the same colour. @default the `i`-th colour of `PALETTE` for series `i`
   */
  colour?: string;
}

/**
 * A line chart of one or several named series, in the book's common look
 * (720×420, grid, legend when there is more than one series).
 *
 * @param series The lines; each `x` and `y` of equal length, `y` finite or NaN (gap).
 * @param options Titles (required), axis types and ranges, reference lines, markers.
 * @returns A {@link Figure}.
 * @throws {TypeError} If a title is missing, an array holds a non-number, or a
 * `colour` is not a string.
 * @throws {RangeError} If a title or `colour` is empty, lengths differ, an array is
 * empty or a value is infinite.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lineChart } from "@lib/plot/mod.ts";
 * const epochs = [1, 2, 3, 4];
 * const fig = lineChart(
 *   [
 *     { name: "train", x: epochs, y: [0.9, 0.5, 0.3, 0.2] },
 *     { name: "validation", x: epochs, y: [1.0, 0.7, 0.6, 0.65], dash: "dash" },
 *   ],
 *   { title: "Loss per epoch", xTitle: "epoch", yTitle: "loss (nats)", vLines: [{ at: 3, label: "early stop" }] },
 * );
 * assert.equal(fig.data.length, 2);
 * assert.equal(fig.layout.showlegend, true);
 * assert.throws(() => lineChart([{ x: [1, 2], y: [1] }], { title: "t", xTitle: "x", yTitle: "y" }), RangeError);
 * ```
 */
export function lineChart(series: readonly LineSeries[], options: ChartOptions): Figure {
  const context = "build lineChart";
  const titles = _titles(options, context);
  _requireArray(series, "series", context);
  const data: Trace[] = series.map((s, i) => {
    if (typeof s !== "object" || s === null) {
      raise("type", context, `series[${i}] must be an object`);
    }
    const name = _seriesName(s.name, i, series.length, context);
    const x = _coordinates(s.x, `series[${i}].x`, context);
    const y = _values(s.y, `series[${i}].y`, context);
    _sameLength(x, y, [`series[${i}].x`, `series[${i}].y`], context);
    const dash = s.dash ?? "solid";
    if (!["solid", "dash", "dot"].includes(dash)) {
      raise(
        "range",
        context,
        `series[${i}].dash must be "solid", "dash" or "dot", got ${JSON.stringify(dash)}`,
      );
    }
    const colour = _optionalText(s.colour, `series[${i}].colour`, context) ?? _colour(i);
    return {
      type: "scatter",
      mode: s.markers ? "lines+markers" : "lines",
      ...(name === undefined ? {} : { name }),
      x,
      y,
      line: { color: colour, width: 2, dash },
      marker: { color: colour, size: 6 },
    };
  });
  const layout = _baseLayout(titles, data);
  _applyAxisOptions(layout, options, context, data);
  return new Figure({ data, layout });
}
