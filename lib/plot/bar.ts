import { _requireArray, _sameLength, _seriesName, _values } from "./_checks.ts";
import { _applyAxisOptions, type AxisType, type ReferenceLine } from "./_axis_options.ts";
import { _baseLayout, _colour, _PLOT_WIDTH, _titles, type TitleOptions } from "./_style.ts";
import { _textWidth } from "./_legend.ts";
import { Figure, type Trace } from "./figure.ts";
import { raise } from "../_shared/validate.ts";

/** Font size of reference-line labels (as `_applyAxisOptions` writes them), in pixels. */
const LINE_LABEL_FONT = 11;

/** One set of bars of a {@link barChart}: a value per category. */
export interface BarSeries {
  /** Legend entry; required when the chart has several series. */
  name?: string;
  /** One value per category; `NaN` leaves the bar out. */
  values: ArrayLike<number>;
  /**
   * Length of the error bar per category, ≥ 0: both halves (e.g. a standard error), or only the
   * upper half when `errorMinus` is given.
   */
  error?: ArrayLike<number>;
  /**
   * Length of the lower half of each error bar, ≥ 0, for asymmetric bars (e.g. a bootstrap
   * interval: `error = high − estimate`, `errorMinus = estimate − low`); needs `error`.
   */
  errorMinus?: ArrayLike<number>;
}

/** Options of {@link barChart}. */
export interface BarOptions extends TitleOptions {
  /** Stack the series instead of placing them side by side. @default false */
  stacked?: boolean;
  /** Value axis scale. @default "linear" */
  yType?: AxisType;
  /** Visible value interval `[low, high]`. @default automatic */
  yRange?: [number, number];
  /**
   * Horizontal reference lines, e.g. a baseline or a target. A label is written at the
   * right end of its line, in an empty band that the category axis keeps right of the
   * last bars for it (sized for a single figure). @default []
   */
  hLines?: ReferenceLine[];
}

/**
 * A bar chart of values per category; several series are grouped side by side
 * (or stacked), each with optional error bars, symmetric (`error`) or asymmetric (`error` above,
 * `errorMinus` below).
 *
 * @param categories The category names, in display order.
 * @param series One or more value series, each with one value per category.
 * @param options Titles (required), `stacked`, value-axis options, `hLines`.
 * @returns A {@link Figure}.
 * @throws {TypeError} If a title is missing, an array holds the wrong type, or `errorMinus` comes
 * without `error`.
 * @throws {RangeError} If a series length differs from the number of categories,
 * an error is negative, or an array is empty.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { barChart } from "@lib/plot/mod.ts";
 * const fig = barChart(["precision", "recall"], [
 *   { name: "baseline", values: [0.61, 0.55] },
 *   { name: "model", values: [0.72, 0.69], error: [0.02, 0.03] },
 * ], { title: "Metrics by model", xTitle: "metric", yTitle: "score (0–1)" });
 * assert.equal(fig.layout.barmode, "group");
 * assert.deepEqual(fig.data[1].error_y, { type: "data", array: [0.02, 0.03], visible: true });
 * ```
 * @example Asymmetric bars from an interval: estimate 0.5 with interval 0.3 to 0.9
 * ```ts
 * import assert from "node:assert/strict";
 * import { barChart } from "@lib/plot/mod.ts";
 * const [estimate, low, high] = [0.5, 0.3, 0.9];
 * const fig = barChart(["model"], [{ values: [estimate], error: [high - estimate], errorMinus: [estimate - low] }], {
 *   title: "Score with its interval", xTitle: "model", yTitle: "score (0–1)",
 * });
 * assert.deepEqual(fig.data[0].error_y, {
 *   type: "data", symmetric: false, array: [high - estimate], arrayminus: [estimate - low], visible: true,
 * });
 * ```
 */
export function barChart(
  categories: readonly (string | number)[],
  series: readonly BarSeries[],
  options: BarOptions,
): Figure {
  const context = "build barChart";
  const titles = _titles(options, context);
  const cats = Array.from(_requireArray(categories, "categories", context)).map((c, i) => {
    if (typeof c !== "string" && typeof c !== "number") {
      raise("type", context, `categories[${i}] must be a string or a number`);
    }
    return String(c);
  });
  _requireArray(series, "series", context);
  const data: Trace[] = series.map((s, i) => {
    if (typeof s !== "object" || s === null) {
      raise("type", context, `series[${i}] must be an object`);
    }
    const name = _seriesName(s.name, i, series.length, context);
    const values = _values(s.values, `series[${i}].values`, context);
    _sameLength(cats, values, ["categories", `series[${i}].values`], context);
    const trace: Trace = {
      type: "bar",
      ...(name === undefined ? {} : { name }),
      x: cats,
      y: values,
      marker: { color: _colour(i) },
    };
    if (s.errorMinus !== undefined && s.error === undefined) {
      raise("type", context, `series[${i}].errorMinus needs series[${i}].error (the upper half)`);
    }
    const lengths = (key: "error" | "errorMinus") => {
      const error = _values(s[key]!, `series[${i}].${key}`, context);
      _sameLength(cats, error, ["categories", `series[${i}].${key}`], context);
      error.forEach((e, j) => {
        if (e !== null && e < 0) {
          raise("range", context, `series[${i}].${key}[${j}] must be ≥ 0, got ${e}`);
        }
      });
      return error;
    };
    if (s.error !== undefined) {
      trace.error_y = s.errorMinus === undefined
        ? { type: "data", array: lengths("error"), visible: true }
        : {
          type: "data",
          symmetric: false,
          array: lengths("error"),
          arrayminus: lengths("errorMinus"),
          visible: true,
        };
    }
    return trace;
  });
  const layout = _baseLayout(titles, data);
  layout.barmode = options.stacked ? "stack" : "group";
  layout.bargap = 0.2;
  layout.xaxis.type = "category";
  layout.xaxis.showgrid = false;
  _applyAxisOptions(
    layout,
    {
      yType: options.yType,
      yRange: options.yRange,
      hLines: options.hLines,
    },
    context,
    data,
  );
  const labels = (options.hLines ?? []).flatMap((h) => (h.label ? [h.label] : []));
  if (labels.length > 0) {
    // n categories span n axis units; `pad` more units leave a band of `band` pixels.
    const band = Math.max(...labels.map((l) => _textWidth(l, LINE_LABEL_FONT))) + 8;
    const plot = 0.9 * _PLOT_WIDTH; // room for tick labels that widen the left margin
    const pad = cats.length * band / Math.max(plot - band, band);
    layout.xaxis.range = [-0.5, cats.length - 0.5 + pad];
  }
  return new Figure({ data, layout });
}
