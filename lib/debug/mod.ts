/**
 * Model debugging (chapter 7): drift statistics between a reference and a live sample
 * (population stability index, two-sample Kolmogorov–Smirnov, Jensen–Shannon distance,
 * KL divergence) and a per-feature drift report with measured false-alarm rates.
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
