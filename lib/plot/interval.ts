import { _requireArray, _sameLength, _seriesName, _values } from "./_checks.ts";
import { _applyAxisOptions, type ReferenceLine } from "./_axis_options.ts";
import { _baseLayout, _colour, _titles, type TitleOptions } from "./_style.ts";
import { Figure, type Trace } from "./figure.ts";
import { _textWidth } from "./_legend.ts";
import { raise } from "../_shared/validate.ts";

/** One set of estimates of an {@link intervalChart}: a point and an interval per category. */
export interface IntervalSeries {
  /** Legend entry; required when the chart has several series. */
  name?: string;
  /** Point estimate per category; `NaN` leaves it out. */
  estimate: ArrayLike<number>;
  /** Lower end of the interval per category (≤ estimate). */
  lower: ArrayLike<number>;
  /** Upper end of the interval per category (≥ estimate). */
  upper: ArrayLike<number>;
}

/** Options of {@link intervalChart}. */
export interface IntervalOptions extends TitleOptions {
  /** Vertical reference lines at values of the estimate axis, e.g. 0 or the truth. @default [] */
  vLines?: ReferenceLine[];
  /** Visible interval of the estimate axis. @default automatic */
  xRange?: [number, number];
}

/**
 * A dot plot of estimates with their intervals, one row per category (a forest
 * plot): the estimate axis is horizontal (`xTitle`), categories are listed top to
 * bottom in the given order (`yTitle`), several series are offset slightly within a
 * row. Unlike bars, nothing is drawn from 0, so estimates far from 0 with narrow
 * intervals read correctly.
 *
 * @param categories Row labels, top to bottom.
 * @param series One or more series with `estimate`, `lower`, `upper` per category.
 * @param options Titles (required), `vLines`, `xRange`.
 * @returns A {@link Figure}.
 * @throws {TypeError} If a title is missing or an array holds the wrong type.
 * @throws {RangeError} If lengths differ, an array is empty, or an interval does not contain its estimate.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { intervalChart } from "@lib/plot/mod.ts";
 * const fig = intervalChart(["raw", "CUPED"], [
 *   { estimate: [4.1, 3.8], lower: [1.2, 1.9], upper: [7.0, 5.7] },
 * ], { title: "Lift", xTitle: "lift (%)", yTitle: "analysis", vLines: [{ at: 0 }] });
 * assert.deepEqual(fig.data[0].error_x, {
 *   type: "data", symmetric: false, array: [2.9, 1.9], arrayminus: [2.9, 1.9], visible: true,
 * });
 * ```
 */
export function intervalChart(
  categories: readonly string[],
  series: readonly IntervalSeries[],
  options: IntervalOptions,
): Figure {
  const context = "build intervalChart";
  const titles = _titles(options, context);
  const cats = Array.from(_requireArray(categories, "categories", context)).map((c, i) => {
    if (typeof c !== "string") raise("type", context, `categories[${i}] must be a string`);
    return c;
  });
  _requireArray(series, "series", context);
  const round = (x: number) => Math.round(x * 1e12) / 1e12;
  const data: Trace[] = series.map((s, i) => {
    if (typeof s !== "object" || s === null) {
      raise("type", context, `series[${i}] must be an object`);
    }
    const name = _seriesName(s.name, i, series.length, context);
    const [est, lo, hi] = (["estimate", "lower", "upper"] as const).map((key) => {
      const v = _values(s[key], `series[${i}].${key}`, context);
      _sameLength(cats, v, ["categories", `series[${i}].${key}`], context);
      return v;
    });
    est.forEach((e, j) => {
      if (e !== null && !(lo[j]! <= e && e <= hi[j]!)) {
        raise(
          "range",
          context,
          `series[${i}]: lower ≤ estimate ≤ upper must hold at ${j}, got ${lo[j]}, ${e}, ${hi[j]}`,
        );
      }
    });
    return {
      type: "scatter",
      mode: "markers",
      ...(name === undefined ? {} : { name }),
      x: est,
      y: cats,
      marker: { color: _colour(i), size: 9 },
      error_x: {
        type: "data",
        symmetric: false,
        array: est.map((e, j) => (e === null ? null : round(hi[j]! - e))),
        arrayminus: est.map((e, j) => (e === null ? null : round(e - lo[j]!))),
        visible: true,
      },
      ...(series.length > 1 ? { offsetgroup: String(i) } : {}),
    } as Trace;
  });
  const layout = _baseLayout(titles, data);
  layout.yaxis.type = "category";
  layout.yaxis.autorange = "reversed";
  // Room on the left for the longest row label and, left of it, the axis title.
  const longest = Math.max(...cats.map((c) => _textWidth(c, 13)));
  layout.margin = { ...(layout.margin as Record<string, number>), l: Math.ceil(longest + 48) };
  (layout.yaxis.title as Record<string, unknown>).standoff = 10;
  if (series.length > 1) layout.scattermode = "group";
  _applyAxisOptions(layout, { vLines: options.vLines, xRange: options.xRange }, context, data);
  return new Figure({ data, layout });
}
