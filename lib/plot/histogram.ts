import { _requireArray, _seriesName, _values } from "./_checks.ts";
import { _applyAxisOptions, type AxisOptions } from "./_axis_options.ts";
import { _baseLayout, _colour, _titles, type TitleOptions } from "./_style.ts";
import { Figure, type Trace } from "./figure.ts";
import { assertInteger, assertOneOf, raise } from "../_shared/validate.ts";

/** One distribution of a {@link histogramChart}. */
export interface HistogramSeries {
  /** Legend entry; required when the chart has several series. */
  name?: string;
  /** The observations; `NaN` entries are left out. */
  values: ArrayLike<number>;
}

/** Options of {@link histogramChart}. */
export interface HistogramOptions extends TitleOptions, Omit<AxisOptions, "xType" | "markers"> {
  /**
   * Number of equal-width bins over the range of all series (shared, so overlaid
   * series are comparable). @default Sturges' rule, ⌈log2 n⌉ + 1 for the largest series
   */
  bins?: number;
  /**
   * Bar height: `"count"`, `"probability"` (count / n, sums to 1 per series) or
   * `"density"` (count / (n · width), integrates to 1; use it to compare series of
   * different sizes). @default "count"
   */
  normalize?: "count" | "probability" | "density";
}

/** The bins and bar heights of one series (exported for tests). */
export interface HistogramBins {
  /** Left edge of the first bin. */
  start: number;
  /** Width of every bin. */
  size: number;
  /** Bar height per bin (count, probability or density). */
  heights: number[];
}

/**
 * Histograms of one or several distributions, overlaid with transparency on shared
 * bins. Bins are computed here (not by Plotly), so the figure stays small for large
 * samples and the bar heights can be read from `data[i].y`.
 *
 * A value equal to the overall maximum falls in the last bin; a sample whose values
 * are all equal gets bins of width 1 centred on that value.
 *
 * @param series One or more samples.
 * @param options Titles (required), `bins`, `normalize`, axis ranges, reference lines.
 * @returns A {@link Figure} whose traces are bars at the bin centres.
 * @throws {TypeError} If a title is missing or an array holds a non-number.
 * @throws {RangeError} If `bins` is not a positive integer, a series has no finite value,
 * or a value is infinite.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { histogramChart } from "@lib/plot/mod.ts";
 * const fig = histogramChart([{ values: [1, 2, 2, 3, 3, 3, 4] }], {
 *   title: "Scores", xTitle: "score", yTitle: "count", bins: 4,
 * });
 * assert.deepEqual(fig.data[0].y, [1, 2, 3, 1]);
 * ```
 */
export function histogramChart(
  series: readonly HistogramSeries[],
  options: HistogramOptions,
): Figure {
  const context = "build histogramChart";
  const titles = _titles(options, context);
  const { normalize = "count" } = options;
  assertOneOf(normalize, ["count", "probability", "density"] as const, "normalize", context);
  _requireArray(series, "series", context);
  const samples = series.map((s, i) => {
    if (typeof s !== "object" || s === null) {
      raise("type", context, `series[${i}] must be an object`);
    }
    const name = _seriesName(s.name, i, series.length, context);
    const values = _values(s.values, `series[${i}].values`, context).filter((v): v is number =>
      v !== null
    );
    if (values.length === 0) {
      raise("range", context, `series[${i}].values must hold a finite number`);
    }
    return { name, values };
  });
  const largest = Math.max(...samples.map((s) => s.values.length));
  const { bins = Math.ceil(Math.log2(largest)) + 1 } = options;
  assertInteger(bins, "bins", context, { min: 1 });
  let lo = Infinity, hi = -Infinity;
  for (const s of samples) for (const v of s.values) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const edges = lo === hi
    ? { start: lo - bins / 2, size: 1 }
    : { start: lo, size: (hi - lo) / bins };
  const data: Trace[] = samples.map((s, i) => {
    const { heights } = _binValues(s.values, edges.start, edges.size, bins, normalize);
    const centres = heights.map((_, k) => edges.start + (k + 0.5) * edges.size);
    return {
      type: "bar",
      ...(s.name === undefined ? {} : { name: s.name }),
      x: centres,
      y: heights,
      width: edges.size,
      customdata: centres.map((c) => [c - edges.size / 2, c + edges.size / 2]),
      hovertemplate: "[%{customdata[0]:.4g}, %{customdata[1]:.4g}): %{y:.4g}",
      marker: { color: _colour(i), opacity: samples.length > 1 ? 0.55 : 0.85, line: { width: 0 } },
    };
  });
  const layout = _baseLayout(titles, data);
  layout.barmode = "overlay";
  layout.bargap = 0;
  _applyAxisOptions(layout, { ...options, xType: undefined, markers: undefined }, context, data);
  return new Figure({ data, layout });
}

/** Counts `values` into `bins` bins of width `size` from `start`; the maximum goes in the last bin. */
export function _binValues(
  values: readonly number[],
  start: number,
  size: number,
  bins: number,
  normalize: "count" | "probability" | "density",
): HistogramBins {
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor((v - start) / size)))]++;
  const n = values.length;
  const scale = normalize === "count" ? 1 : normalize === "probability" ? 1 / n : 1 / (n * size);
  return { start, size, heights: counts.map((c) => c * scale) };
}
