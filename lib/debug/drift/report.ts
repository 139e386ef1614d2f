import {
  assertFiniteNumber,
  assertInteger,
  assertOpenUnit,
  raise,
} from "../../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../../random/mod.ts";
import { barChart } from "../../plot/mod.ts";
import type { Figure } from "../../plot/mod.ts";
import { populationStabilityIndex } from "./psi.ts";
import { type KsMethod, ksTwoSample } from "./ks.ts";
import { binnedJensenShannon } from "./divergence.ts";

/** A table of numeric features: one array of values per feature name. */
export type FeatureColumns = Readonly<Record<string, ArrayLike<number>>>;

/** Alarm thresholds and binning of {@link driftReport}. */
export interface DriftOptions {
  /** Quantile bins of the reference for PSI and Jensen–Shannon. @default 10 */
  bins?: number;
  /** PSI above this raises an alarm (the usual "major shift" line). @default 0.2 */
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
  /** Jensen–Shannon distance (nats) on the PSI bins. */
  jsDistance: number;
  /** Alarms raised by each statistic. */
  alarms: { psi: boolean; ks: boolean; js: boolean };
}

function resolve(options: DriftOptions, context: string): Required<DriftOptions> {
  const { bins = 10, psiThreshold = 0.2, ksAlpha = 0.05, jsThreshold = 0.1, ksMethod = "auto" } =
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
 * @param options `liveSize` (required), `repeats`, `seed` or `rng`, thresholds.
 * @returns One {@link FalseAlarmRate} per feature.
 * @throws {RangeError} If `liveSize` or `repeats` is not a positive integer, a column
 *   is too short, or a threshold is out of range.
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
  const { liveSize, repeats = 200 } = options;
  assertInteger(liveSize, "liveSize", context, { min: 1 });
  assertInteger(repeats, "repeats", context, { min: 1 });
  const rng = resolveRng(options, context);
  const names = Object.keys(reference);
  if (names.length === 0) raise("range", context, "reference must have at least one feature");
  return names.map((f) => {
    const col = reference[f];
    if (col.length < liveSize + o.bins) {
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
    for (let r = 0; r < repeats; r++) {
      for (let i = values.length - 1; i > 0; i--) { // Fisher–Yates
        const j = rng.int(0, i + 1);
        [values[i], values[j]] = [values[j], values[i]];
      }
      const cut = values.length - liveSize;
      const d = featureDrift(f, values.subarray(0, cut), values.subarray(cut), o);
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

/**
 * A bar chart of a drift report: PSI, KS statistic and Jensen–Shannon distance per
 * feature, with the PSI alarm threshold as a reference line.
 *
 * @param report Rows of {@link driftReport} (non-empty).
 * @param options `title` (default "Drift per feature") and `psiThreshold` (default 0.2).
 * @returns A figure.
 * @throws {RangeError} If the report is empty.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { driftChart, driftReport } from "@lib/debug/mod.ts";
 * const x = Array.from({ length: 100 }, (_, i) => i);
 * const fig = driftChart(driftReport({ x }, { x: x.map((v) => v + 30) }));
 * assert.equal(fig.data.length, 3);
 * ```
 */
export function driftChart(
  report: readonly FeatureDrift[],
  options: { title?: string; psiThreshold?: number } = {},
): Figure {
  const context = "build driftChart";
  if (!Array.isArray(report) || report.length === 0) {
    raise("range", context, "report must be a non-empty array of driftReport rows");
  }
  const { title = "Drift per feature", psiThreshold = 0.2 } = options;
  return barChart(report.map((r) => r.feature), [
    { name: "PSI", values: report.map((r) => r.psi) },
    { name: "KS statistic D", values: report.map((r) => r.ksStatistic) },
    { name: "Jensen–Shannon distance (nats)", values: report.map((r) => r.jsDistance) },
  ], {
    title,
    xTitle: "feature",
    yTitle: "drift statistic (unitless)",
    hLines: [{ at: psiThreshold, label: `PSI alarm ${psiThreshold}` }],
  });
}
