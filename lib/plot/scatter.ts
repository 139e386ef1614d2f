import { _coordinates, _optionalText, _requireArray, _sameLength, _values } from "./_checks.ts";
import { _applyAxisOptions, type ChartOptions } from "./_axis_options.ts";
import { _baseLayout, _colour, _titles } from "./_style.ts";
import { Figure, type Trace } from "./figure.ts";
import { assertFiniteNumber, raise } from "../_shared/validate.ts";

/** The points of a {@link scatterChart}. All arrays have one entry per point. */
export interface ScatterData {
  /** Horizontal positions: numbers, or strings (categories or ISO dates). */
  x: ArrayLike<number> | readonly string[];
  /** Vertical positions; `NaN` leaves the point out. */
  y: ArrayLike<number>;
  /** A group per point: one colour and legend entry per group. */
  group?: readonly (string | number)[];
  /** A label per point, written next to it (or shown on hover, see `showText`). */
  text?: readonly string[];
  /** A number per point, mapped to a continuous colour scale with a colour bar. */
  color?: ArrayLike<number>;
}

/** Options of {@link scatterChart}. */
export interface ScatterOptions extends ChartOptions {
  /** Title of the colour bar when `color` is given, with units. @default "" */
  colorTitle?: string;
  /** Write `text` next to the markers; `false` shows it on hover only. @default true */
  showText?: boolean;
  /** Marker diameter in pixels. @default 8 */
  markerSize?: number;
}

function groupOrder(groups: readonly (string | number)[]): (string | number)[] {
  const distinct = [...new Set(groups)];
  return distinct.every((g) => typeof g === "number")
    ? distinct.sort((a, b) => (a as number) - (b as number))
    : distinct;
}

/**
 * A scatter plot, optionally grouped (one colour and legend entry per group, numeric
 * groups in ascending order, string groups in order of appearance) or coloured by a
 * number (continuous scale with a colour bar), with optional text per point.
 *
 * @param points Coordinates and optional `group`, `text`, `color` per point.
 * @param options Titles (required), axes, reference lines, `showText`, `markerSize`.
 * @returns A {@link Figure}.
 * @throws {TypeError} If a title is missing or an array holds the wrong type.
 * @throws {RangeError} If lengths differ, arrays are empty, values are infinite, or
 * both `group` and `color` are given.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scatterChart } from "@lib/plot/mod.ts";
 * const fig = scatterChart(
 *   { x: [0.1, 0.4, 0.8], y: [0.2, 0.5, 0.7], group: ["ham", "spam", "ham"], text: ["a", "b", "c"] },
 *   { title: "Embedding projection", xTitle: "component 1", yTitle: "component 2" },
 * );
 * assert.deepEqual(fig.data.map((t) => t.name), ["ham", "spam"]);
 * assert.deepEqual(fig.data[0].text, ["a", "c"]);
 * ```
 */
export function scatterChart(points: ScatterData, options: ScatterOptions): Figure {
  const context = "build scatterChart";
  const titles = _titles(options, context);
  if (typeof points !== "object" || points === null) {
    raise("type", context, "points must be an object");
  }
  const { showText = true, markerSize = 8 } = options;
  assertFiniteNumber(markerSize, "markerSize", context, { min: 1 });
  const colorTitle = options.colorTitle === undefined
    ? undefined
    : _optionalText(options.colorTitle, "colorTitle", context);
  const x = _coordinates(points.x, "x", context);
  const y = _values(points.y, "y", context);
  _sameLength(x, y, ["x", "y"], context);
  const text = points.text === undefined
    ? undefined
    : Array.from(_requireArray(points.text, "text", context));
  if (text) {
    _sameLength(x, text, ["x", "text"], context);
    text.forEach((t, i) => {
      if (typeof t !== "string") raise("type", context, `text[${i}] must be a string`);
    });
  }
  if (points.group !== undefined && points.color !== undefined) {
    raise("range", context, "give either group or color, not both");
  }
  const mode = text && showText ? "markers+text" : "markers";
  const base = (indices: number[]): Record<string, unknown> => ({
    type: "scatter",
    mode,
    x: indices.map((i) => x[i]),
    y: indices.map((i) => y[i]),
    ...(text ? { text: indices.map((i) => text[i]), textposition: "top center" } : {}),
    ...(text && !showText ? { hoverinfo: "x+y+text" } : {}),
    textfont: { size: 11 },
  });
  let data: Trace[];
  const all = x.map((_, i) => i);
  if (points.group !== undefined) {
    const group = Array.from(_requireArray(points.group, "group", context)) as (string | number)[];
    _sameLength(x, group, ["x", "group"], context);
    group.forEach((g, i) => {
      if (typeof g !== "string" && typeof g !== "number") {
        raise("type", context, `group[${i}] must be a string or a number`);
      }
    });
    data = groupOrder(group).map((g, k) => ({
      ...base(all.filter((i) => group[i] === g)),
      type: "scatter",
      name: String(g),
      marker: { color: _colour(k), size: markerSize, opacity: 0.8 },
    }));
  } else if (points.color !== undefined) {
    const color = _values(points.color, "color", context);
    _sameLength(x, color, ["x", "color"], context);
    data = [{
      ...base(all),
      type: "scatter",
      marker: {
        color,
        size: markerSize,
        opacity: 0.85,
        colorscale: "Viridis",
        showscale: true,
        colorbar: { title: { text: colorTitle ?? "" }, thickness: 14 },
      },
    }];
  } else {
    data = [{
      ...base(all),
      type: "scatter",
      marker: { color: _colour(0), size: markerSize, opacity: 0.8 },
    }];
  }
  const layout = _baseLayout(titles, data);
  _applyAxisOptions(layout, options, context, data);
  return new Figure({ data, layout });
}
