import { _coordinates, _requireArray, _sameLength, _seriesName, _values } from "./_checks.ts";
import { _applyAxisOptions, type ChartOptions } from "./_axis_options.ts";
import { _baseLayout, _colour, _rgba, _titles } from "./_style.ts";
import { Figure, type Trace } from "./figure.ts";
import { raise } from "../_shared/validate.ts";

interface BandBase {
  /** Legend entry; required when the chart has several series. */
  name?: string;
  /** Positions: numbers, or strings (categories or ISO dates). */
  x: ArrayLike<number> | readonly string[];
  /** The centre line (e.g. the mean over folds); `NaN` leaves a gap. */
  y: ArrayLike<number>;
}

/**
 * One line with its shaded band for {@link bandChart}: either a symmetric `spread`
 * (band `y ± spread`, e.g. one standard deviation) or explicit `lower` and `upper`
 * bounds (e.g. a bootstrap interval).
 */
export type BandSeries =
  | (BandBase & { spread: ArrayLike<number>; lower?: never; upper?: never })
  | (BandBase & { lower: ArrayLike<number>; upper: ArrayLike<number>; spread?: never });

/**
 * Lines with shaded bands, one band per line in the line's colour: learning curves
 * (mean ± standard deviation over folds), forecasts with intervals. Points where
 * the line or a bound is NaN are left out of the band.
 *
 * $$\text{band}_i = [\,y_i - s_i,\; y_i + s_i\,] \quad\text{or}\quad [\,\ell_i,\; u_i\,]$$
 *
 * @param series The lines and their bands; all arrays of a series have equal length.
 * @param options Titles (required), axis types and ranges, reference lines, markers.
 * @returns A {@link Figure}: all band traces (`fill: "toself"`, no legend entry) first,
 * then the lines on top.
 * @throws {TypeError} If a title is missing or an array holds a non-number.
 * @throws {RangeError} If lengths differ, a spread is negative, a lower bound exceeds
 * the upper one, or neither (or both) of `spread` and `lower`/`upper` is given.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bandChart } from "@lib/plot/mod.ts";
 * const sizes = [100, 200, 400];
 * const fig = bandChart([
 *   { name: "train", x: sizes, y: [0.95, 0.93, 0.92], spread: [0.01, 0.01, 0.005] },
 *   { name: "validation", x: sizes, y: [0.80, 0.85, 0.88], spread: [0.04, 0.03, 0.02] },
 * ], { title: "Learning curve", xTitle: "training examples", yTitle: "accuracy (0–1)", xType: "log" });
 * assert.equal(fig.data.length, 4);
 * assert.equal(fig.data[0].fill, "toself");
 * assert.equal(fig.data[2].name, "train");
 * assert.equal(fig.data[0].y?.length, 6); // upper edge left to right, lower edge back
 * ```
 */
export function bandChart(series: readonly BandSeries[], options: ChartOptions): Figure {
  const context = "build bandChart";
  const titles = _titles(options, context);
  _requireArray(series, "series", context);
  const bands: Trace[] = [];
  const lines: Trace[] = [];
  series.forEach((s, i) => {
    if (typeof s !== "object" || s === null) {
      raise("type", context, `series[${i}] must be an object`);
    }
    const p = `series[${i}]`;
    const name = _seriesName(s.name, i, series.length, context);
    const x = _coordinates(s.x, `${p}.x`, context);
    const y = _values(s.y, `${p}.y`, context);
    _sameLength(x, y, [`${p}.x`, `${p}.y`], context);
    const { lower, upper } = bounds(s, y, p, context);
    const keep = x.map((_, j) => j).filter((j) =>
      y[j] !== null && lower[j] !== null && upper[j] !== null
    );
    const back = [...keep].reverse();
    const colour = _colour(i);
    bands.push({
      type: "scatter",
      mode: "lines",
      name: `${name ?? "series"} band`,
      x: [...keep.map((j) => x[j]), ...back.map((j) => x[j])],
      y: [...keep.map((j) => upper[j]), ...back.map((j) => lower[j])],
      fill: "toself",
      fillcolor: _rgba(colour, 0.2),
      line: { width: 0, color: colour },
      hoverinfo: "skip",
      showlegend: false,
      ...(name === undefined ? {} : { legendgroup: name }),
    });
    lines.push({
      type: "scatter",
      mode: "lines+markers",
      ...(name === undefined ? {} : { name, legendgroup: name }),
      x,
      y,
      line: { color: colour, width: 2 },
      marker: { color: colour, size: 5 },
    });
  });
  const data = [...bands, ...lines];
  const layout = _baseLayout(titles, data);
  _applyAxisOptions(layout, options, context, data);
  return new Figure({ data, layout });
}

function bounds(
  s: BandSeries,
  y: (number | null)[],
  p: string,
  context: string,
): { lower: (number | null)[]; upper: (number | null)[] } {
  const hasSpread = s.spread !== undefined;
  const hasBounds = s.lower !== undefined || s.upper !== undefined;
  if (hasSpread === hasBounds) {
    raise("type", context, `${p} must have either spread or both lower and upper`);
  }
  if (hasSpread) {
    const spread = _values(s.spread, `${p}.spread`, context);
    _sameLength(y, spread, [`${p}.y`, `${p}.spread`], context);
    spread.forEach((v, j) => {
      if (v !== null && v < 0) raise("range", context, `${p}.spread[${j}] must be ≥ 0, got ${v}`);
    });
    const at = (j: number, sign: number) =>
      y[j] === null || spread[j] === null ? null : y[j]! + sign * spread[j]!;
    return { lower: y.map((_, j) => at(j, -1)), upper: y.map((_, j) => at(j, 1)) };
  }
  const lower = _values(s.lower, `${p}.lower`, context);
  const upper = _values(s.upper, `${p}.upper`, context);
  _sameLength(y, lower, [`${p}.y`, `${p}.lower`], context);
  _sameLength(y, upper, [`${p}.y`, `${p}.upper`], context);
  lower.forEach((v, j) => {
    const u = upper[j];
    if (v !== null && u !== null && v > u) {
      raise("range", context, `${p}.lower[${j}] must not exceed ${p}.upper[${j}], got ${v} > ${u}`);
    }
  });
  return { lower, upper };
}
