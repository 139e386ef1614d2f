/**
 * Online experimentation (chapter 4): hypothesis tests for A/B tests, power and
 * sample size, multiple comparisons (and a simulation of their error rates),
 * variance reduction with CUPED, sequential monitoring, and a seeded traffic
 * simulator that serves as the chapter's running example, with helpers that turn
 * its logs into per-user samples (`windowMetrics`, `splitByArm`).
 *
 * Conventions, as in scipy and statsmodels: arguments come control first,
 * treatment second; every effect and statistic has the sign of
 * treatment − control; `alternative: "greater"` means treatment > control; a
 * two-sided p-value is 2·min(left tail, right tail); confidence intervals have
 * level 1 − alpha (one-sided for one-sided alternatives); a result is
 * `significant` when `pValue <= alpha`. Distributions come from `@stdlib`.
 * Undefined results throw rather than pass as numbers (a z-test whose pooled
 * variance is 0); the Mann–Whitney test is exact for small samples without
 * ties, as scipy. Sample sizes for proportions come in four formulas
 * (`method`: unpooled, pooled, continuity-corrected, arcsine); chapter 4
 * plans its experiment with `sampleSizeForMeans` (normal approximation).
 *
 * `toDataFrame` (simulator columns → danfojs DataFrame) lives in
 * `@lib/experiment/frame.ts` and is not re-exported here: loading danfojs
 * (and TensorFlow.js with it) takes about a second, which only code that
 * wants a DataFrame should pay.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleSizeForProportions, twoProportionZTest } from "@lib/experiment/mod.ts";
 * const n = sampleSizeForProportions(0.10, 0.12); // 3,839 users per arm
 * const r = twoProportionZTest(
 *   { conversions: 384, users: n.control },
 *   { conversions: 461, users: n.treatment },
 * );
 * assert.ok(r.significant && r.effect.estimate > 0);
 * ```
 *
 * @see notebooks/04_experimentation.ipynb
 * @module
 */
export * from "./types.ts";
export * from "./proportions.ts";
export * from "./t_test.ts";
export * from "./mann_whitney.ts";
export * from "./srm.ts";
export * from "./sample_size.ts";
export * from "./proportion_size.ts";
export * from "./power.ts";
export * from "./multiple.ts";
export * from "./multiple_simulation.ts";
export * from "./cuped.ts";
export * from "./sequential.ts";
export * from "./peeking.ts";
export * from "./simulation_types.ts";
export * from "./simulate.ts";
export * from "./split_arms.ts";
export * from "./window.ts";
export * from "./non_inferiority.ts";
export * from "./tost.ts";
export * from "./exposure.ts";
export * from "./delta_method.ts";
export * from "./winsorize.ts";
export * from "./msprt.ts";
export * from "./msprt_simulation.ts";
export * from "./interleaving.ts";
export * from "./interleaving_simulation.ts";
export * from "./cluster.ts";
export * from "./interference.ts";
export * from "./segments.ts";
export * from "./oec.ts";
