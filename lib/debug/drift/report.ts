import {
  assertFiniteNumber,
  assertInteger,
  assertOneOf,
  assertOpenUnit,
  raise,
} from "../../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../../random/mod.ts";
import { barChart, subplotGrid } from "../../plot/mod.ts";
import type { Figure, Trace } from "../../plot/mod.ts";
import { populationStabilityIndex } from "./psi.ts";
import { type KsMethod, ksTwoSample } from "./ks.ts";
import { binnedJensenShannon } from "./divergence.ts";

/** A table of numeric features: one array of values per feature name. */
export type FeatureColumns = Readonly<Record<string, ArrayLike<number>>>;

/** Alarm thresholds and binning of {@link driftReport}. */
export interface DriftOptions {
  /** Quantile bins of the reference for PSI and Jensen–Shannon. @default 10 */
  bins?: number;
  /** PSI above this raises an alarm (the usual "major shift" line). @default 0.25 */
  psiThreshold?: number;
  /** A KS p-value below this raises an alarm. @default 0.05 */
  ksAlpha?: number;
  /** A Jensen–Shannon distance (nats) above this raises an alarm. @default 0.1 */
  jsThreshold?: number;
  /** KS p-value method. @default "auto" */
  ksMethod?: KsMethod;
}

/** One row of {@link driftReport}. */
export interface FeatureDrift {
  feature: string;
  /** Population stability index (quantile bins of the reference, ε = 1e-4). */
  psi: number;
  /** Two-sample KS statistic D. */
  ksStatistic: number;
  /** Two-sided KS p-value. */
  ksPValue: number;
  /**
   * The asymptotic critical D at `ksAlpha` for these sample sizes,
   * $c(\alpha)\sqrt{(n+m)/(nm)}$ with $c(\alpha) = \sqrt{-\ln(\alpha/2)/2}$: D above it
   * alarms (the alarm itself uses the p-value, so near the line the two can differ).
   */
  ksCritical: number;
  /** Jensen–Shannon distance (nats) on the PSI bins. */
  jsDistance: number;
  /** Alarms raised by each statistic. */
  alarms: { psi: boolean; ks: boolean; js: boolean };
}

function resolve(options: DriftOptions, context: string): Required<DriftOptions> {
  const { bins = 10, psiThreshold = 0.25, ksAlpha = 0.05, jsThreshold = 0.1, ksMethod = "auto" } =
    options;
  assertInteger(bins, "bins", context, { min: 2 });
  assertFiniteNumber(psiThreshold, "psiThreshold", context, { min: 0 });
  assertOpenUnit(ksAlpha, "ksAlpha", context);
  assertFiniteNumber(jsThreshold, "jsThreshold", context, { min: 0 });
  return { bins, psiThreshold, ksAlpha, jsThreshold, ksMethod };
}

function featureDrift(
  feature: string,
  ref: ArrayLike<number>,
  live: ArrayLike<number>,
  o: Required<DriftOptions>,
): FeatureDrift {
  const psi = populationStabilityIndex(ref, live, { bins: o.bins }).psi;
  const ks = ksTwoSample(ref, live, { method: o.ksMethod });
  const jsDistance = binnedJensenShannon(ref, live, { bins: o.bins });
  return {
    feature,
    psi,
    ksStatistic: ks.statistic,
    ksPValue: ks.pValue,
    ksCritical: Math.sqrt(-Math.log(o.ksAlpha / 2) / 2) *
      Math.sqrt((ref.length + live.length) / (ref.length * live.length)),
    jsDistance,
    alarms: {
      psi: psi > o.psiThreshold,
      ks: ks.pValue < o.ksAlpha,
      js: jsDistance > o.jsThreshold,
    },
  };
}

/**
 * Per-feature drift between a reference sample (the training data) and a live sample:
 * PSI, the two-sample KS test and the Jensen–Shannon distance of every feature the
 * reference has, each with its alarm (PSI > `psiThreshold`, KS p < `ksAlpha`,
 * JS > `jsThreshold`). The KS alarms are per feature, not corrected for the number of
 * features; {@link driftFalseAlarmRates} measures how often each alarm fires without drift.
 *
 * @param reference Feature columns of the reference (each at least `bins` values).
 * @param live Feature columns of the live sample (every reference feature present).
 * @param options Binning, thresholds and KS method.
 * @returns One {@link FeatureDrift} per feature, in the reference's order.
 * @throws {RangeError} If a feature is missing from `live`, a column is empty or not
 *   finite, or an option is out of range.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { driftReport } from "@lib/debug/mod.ts";
 * const ref = Array.from({ length: 400 }, (_, i) => (i * 0.618) % 1);
 * const report = driftReport({ x: ref, y: ref }, { x: ref.map((v) => v * 0.5), y: ref });
 * assert.deepEqual(report.map((r) => r.alarms.ks), [true, false]);
 * ```
 */
export function driftReport(
  reference: FeatureColumns,
  live: FeatureColumns,
  options: DriftOptions = {},
): FeatureDrift[] {
  const context = "compute driftReport";
  const o = resolve(options, context);
  const names = Object.keys(reference);
  if (names.length === 0) raise("range", context, "reference must have at least one feature");
  return names.map((f) => {
    if (!(f in live)) raise("range", context, `live must have the feature ${JSON.stringify(f)}`);
    return featureDrift(f, reference[f], live[f], o);
  });
}

/** Options of {@link driftFalseAlarmRates}. */
export interface FalseAlarmOptions extends DriftOptions, RandomOptions {
  /** Size of each no-drift live sample, taken out of the reference. */
  liveSize: number;
  /**
   * `"split"`: the reference is shuffled and cut into a live sample and a reference of
   * the rest; `"bootstrap"`: both samples are drawn with replacement from the reference,
   * so they can have the real check's sizes even when the live sample is larger than
   * the reference (repeated values make KS slightly conservative). @default "split"
   */
  sampling?: "split" | "bootstrap";
  /** Size of each bootstrap reference (`"bootstrap"` only). @default the column's length */
  referenceSize?: number;
  /** Random splits. @default 200 */
  repeats?: number;
}

/** One row of {@link driftFalseAlarmRates}: the share of no-drift splits that alarmed. */
export interface FalseAlarmRate {
  feature: string;
  psi: number;
  ks: number;
  js: number;
}

/**
 * False-alarm rate of each drift statistic, measured without drift: the reference is
 * split at random, `repeats` times, into a live sample of `liveSize` values and a
 * reference of the rest (both from one distribution), and each alarm's share of
 * firing is counted. KS should alarm at about `ksAlpha` (less with ties); PSI and JS
 * have fixed thresholds, so their rates grow as samples shrink.
 *
 * @param reference Feature columns; each needs more than `liveSize + bins` values.
 * With `sampling: "bootstrap"` both samples are drawn with replacement instead, at
 * `referenceSize` and `liveSize`: the rates at the sizes of the real check.
 *
 * @param options `liveSize` (required), `repeats`, `sampling`, `referenceSize`, `seed`
 *   or `rng`, thresholds and KS method.
 * @returns One {@link FalseAlarmRate} per feature.
 * @throws {RangeError} If `liveSize` or `repeats` is not a positive integer, a column
 *   is too short for a split (or empty), `referenceSize` is given without bootstrap or
 *   is below `bins`, or a threshold is out of range.
 * @throws {TypeError} Without `seed` or `rng`.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { driftFalseAlarmRates } from "@lib/debug/mod.ts";
 * const x = Array.from({ length: 300 }, (_, i) => (i * 0.618) % 1);
 * const [r] = driftFalseAlarmRates({ x }, { liveSize: 100, repeats: 100, seed: 1 });
 * assert.ok(r.ks <= 0.1); // about ksAlpha = 0.05
 * assert.ok(r.psi > r.ks); // PSI's fixed threshold is crossed by noise in small samples
 * ```
 */
export function driftFalseAlarmRates(
  reference: FeatureColumns,
  options: FalseAlarmOptions,
): FalseAlarmRate[] {
  const context = "compute driftFalseAlarmRates";
  const o = resolve(options, context);
  const { liveSize, repeats = 200, sampling = "split", referenceSize } = options;
  assertInteger(liveSize, "liveSize", context, { min: 1 });
  assertInteger(repeats, "repeats", context, { min: 1 });
  assertOneOf(sampling, ["split", "bootstrap"], "sampling", context);
  if (referenceSize !== undefined) {
    if (sampling !== "bootstrap") {
      raise("range", context, 'referenceSize needs sampling: "bootstrap"');
    }
    assertInteger(referenceSize, "referenceSize", context, { min: o.bins });
  }
  const rng = resolveRng(options, context);
  const names = Object.keys(reference);
  if (names.length === 0) raise("range", context, "reference must have at least one feature");
  return names.map((f) => {
    const col = reference[f];
    if (sampling === "split" && col.length < liveSize + o.bins) {
      raise(
        "range",
        context,
        `reference ${JSON.stringify(f)} must have at least liveSize + bins = ${
          liveSize + o.bins
        } values, got ${col.length}`,
      );
    }
    const counts = { psi: 0, ks: 0, js: 0 };
    const values = Float64Array.from(col);
    if (values.length === 0) raise("range", context, `reference ${JSON.stringify(f)} is empty`);
    const refSize = referenceSize ?? values.length;
    const draw = (n: number) =>
      Float64Array.from({ length: n }, () => values[rng.int(0, values.length)]);
    for (let r = 0; r < repeats; r++) {
      let d: FeatureDrift;
      if (sampling === "bootstrap") {
        d = featureDrift(f, draw(refSize), draw(liveSize), o);
      } else {
        for (let i = values.length - 1; i > 0; i--) { // Fisher–Yates
          const j = rng.int(0, i + 1);
          [values[i], values[j]] = [values[j], values[i]];
        }
        const cut = values.length - liveSize;
        d = featureDrift(f, values.subarray(0, cut), values.subarray(cut), o);
      }
      if (d.alarms.psi) counts.psi++;
      if (d.alarms.ks) counts.ks++;
      if (d.alarms.js) counts.js++;
    }
    return {
      feature: f,
      psi: counts.psi / repeats,
      ks: counts.ks / repeats,
      js: counts.js / repeats,
    };
  });
}

/** Options of {@link driftChart}: the title and the thresholds the report used. */
export interface DriftChartOptions {
  /** Figure title. @default "Drift per feature" */
  title?: string;
  /** PSI alarm ("major shift") line. @default 0.25 */
  psiThreshold?: number;
  /** PSI "moderate shift" line. @default 0.1 */
  psiModerate?: number;
  /** Jensen–Shannon alarm line. @default 0.1 */
  jsThreshold?: number;
}

/**
 * Three panels of a drift report, one per statistic, each with its own thresholds drawn
 * as ticks across every bar and named in the legend: PSI with the moderate (0.1) and
 * alarm (0.25) lines, the KS statistic D with each feature's critical D (it depends on
 * the sample sizes), and the Jensen–Shannon distance with its alarm line.
 *
 * @param report Rows of {@link driftReport} (non-empty).
 * @param options Title and the thresholds the report used.
 * @returns A figure of three panels.
 * @throws {RangeError} If the report is empty or a threshold is negative.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { driftChart, driftReport } from "@lib/debug/mod.ts";
 * const x = Array.from({ length: 100 }, (_, i) => i);
 * const fig = driftChart(driftReport({ x }, { x: x.map((v) => v + 30) }));
 * assert.deepEqual(fig.data.map((t) => t.name), [
 *   "PSI", "PSI moderate shift (0.1)", "PSI alarm (0.25)",
 *   "KS statistic D", "KS critical D (alarm)", "Jensen–Shannon distance", "JS alarm (0.1)",
 * ]);
 * ```
 */
export function driftChart(
  report: readonly FeatureDrift[],
  options: DriftChartOptions = {},
): Figure {
  const context = "build driftChart";
  if (!Array.isArray(report) || report.length === 0) {
    raise("range", context, "report must be a non-empty array of driftReport rows");
  }
  const {
    title = "Drift per feature",
    psiThreshold = 0.25,
    psiModerate = 0.1,
    jsThreshold = 0.1,
  } = options;
  assertFiniteNumber(psiThreshold, "psiThreshold", context, { min: 0 });
  assertFiniteNumber(psiModerate, "psiModerate", context, { min: 0 });
  assertFiniteNumber(jsThreshold, "jsThreshold", context, { min: 0 });
  const features = report.map((r) => r.feature);
  // Thresholds are ticks over each bar, named in the legend: a label on the plot would sit on
  // a bar, and KS's critical D differs between features of different sample sizes.
  const ticks = (name: string, values: number[], color: string): Trace => ({
    type: "scatter",
    mode: "markers",
    name,
    x: features,
    y: values,
    marker: { symbol: "line-ew-open", size: 40, color, line: { width: 3, color } },
  });
  const panel = (name: string, values: number[], yTitle: string, thresholds: Trace[]) => {
    const fig = barChart(features, [{ name, values }], { title: name, xTitle: "feature", yTitle });
    fig.data[0].showlegend = false; // the panel title names the bars
    fig.data.push(...thresholds);
    return fig;
  };
  const psiFig = panel("PSI", report.map((r) => r.psi), "PSI (unitless)", [
    ticks(`PSI moderate shift (${psiModerate})`, features.map(() => psiModerate), "#999999"),
    ticks(`PSI alarm (${psiThreshold})`, features.map(() => psiThreshold), "#222222"),
  ]);
  const ksFig = panel("KS statistic D", report.map((r) => r.ksStatistic), "D (CDF gap, 0–1)", [
    ticks("KS critical D (alarm)", report.map((r) => r.ksCritical), "#d62728"),
  ]);
  const jsFig = panel(
    "Jensen–Shannon distance",
    report.map((r) => r.jsDistance),
    "distance (√nat)",
    [
      ticks(`JS alarm (${jsThreshold})`, features.map(() => jsThreshold), "#9467bd"),
    ],
  );
  return subplotGrid([psiFig, ksFig, jsFig], { title, columns: 3 });
}
