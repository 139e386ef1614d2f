/**
 * Model debugging (chapter 7): what broke, in which component, and why.
 *
 * - Drift between a reference and a live sample: {@link populationStabilityIndex},
 *   {@link ksTwoSample} (exact and asymptotic p-values as SciPy's `ks_2samp`),
 *   {@link jensenShannonDistance}, {@link klDivergence}; a per-feature
 *   {@link driftReport} with {@link driftChart} and the false-alarm rate of each
 *   statistic on no-drift samples ({@link driftFalseAlarmRates}).
 * - Train/serve skew: {@link findSkew} compares offline and online features of the
 *   same events and names the pattern (unit change, default value, window, stale).
 * - {@link diagnoseFit}: under-, over- or good fit from training and validation curves.
 * - {@link sliceMetrics}: a metric per slice with intervals, worst slices after a
 *   multiple-testing correction; {@link sliceRegressions}: the slices a change made worse
 *   (exact sign test, Benjamini–Hochberg); {@link reviewFailures}: where the worst examples
 *   cluster.
 * - {@link attributeFunnel} and {@link traceQuery}: which stage of a selector + ranker
 *   loses the relevant items (per-stage recall, oracle substitution, single-query trace).
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { ksTwoSample, populationStabilityIndex } from "@lib/debug/mod.ts";
 * const reference = Array.from({ length: 200 }, (_, i) => i / 200);
 * const live = reference.map((v) => v + 0.3);
 * assert.ok(populationStabilityIndex(reference, live).psi > 0.2);
 * assert.ok(ksTwoSample(reference, live).pValue < 1e-6);
 * ```
 *
 * @see notebooks/07_debugging.ipynb
 * @module
 */
export * from "./drift/psi.ts";
export * from "./drift/ks.ts";
export * from "./drift/divergence.ts";
export * from "./drift/report.ts";
export * from "./skew.ts";
export * from "./fit_diagnosis.ts";
export * from "./slices.ts";
export * from "./slice_regressions.ts";
export * from "./failure_review.ts";
export * from "./attribution.ts";
