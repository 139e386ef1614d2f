/**
 * Learning curves, validation curves, plateaus and early stopping (chapters 3
 * and 7): how much data is enough, which hyperparameter value generalises best,
 * and when to stop training. The model stays outside: the curves call a
 * `fitAndScore` function supplied by the caller, so they work with any model.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { earlyStoppingPoint, findPlateau } from "@lib/curves/mod.ts";
 * assert.equal(findPlateau([100, 200, 400], [0.7, 0.8, 0.805], { tolerance: 0.01 }).size, 200);
 * assert.equal(earlyStoppingPoint([1.0, 0.8, 0.7, 0.75, 0.9]).index, 2);
 * ```
 *
 * @see notebooks/03_data_collection.ipynb
 * @module
 */
export type { CurveScores, ScorePair } from "./_summary.ts";
export * from "./learning_curve.ts";
export * from "./validation_curve.ts";
export * from "./find_plateau.ts";
export * from "./early_stopping.ts";
