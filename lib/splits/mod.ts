/**
 * Train/validation/test splits and cross-validation folds (chapters 3 and 7):
 * ratio, stratified, time-based and group splits; k-fold, stratified k-fold and
 * group k-fold. Every function returns row indices as `Int32Array`s in named
 * objects (`{ train, validation, test }`, `{ folds, foldOf }`); {@link takeRows}
 * turns them into data. Random splits are seeded (`{ seed }` or `{ rng }`).
 *
 * Sizes follow one rounding rule everywhere: the largest-remainder rounding of
 * $n \cdot r_p$ ({@link splitSizes}), so every part has $\lfloor n r_p \rfloor$ or
 * $\lceil n r_p \rceil$ rows; group and time splits move the cut to the nearest
 * group or time boundary.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { ratioSplit, takeRows } from "@lib/splits/mod.ts";
 * const y = [0, 1, 0, 1, 1, 0, 0, 1, 0, 1];
 * const { train, test } = ratioSplit(y.length, { ratios: { train: 0.8, test: 0.2 }, seed: 42 });
 * assert.equal(takeRows(y, train).length, 8);
 * assert.equal(takeRows(y, test).length, 2);
 * ```
 *
 * @see notebooks/03_data_collection.ipynb
 * @module
 */
export type { Ratios, Split } from "./_ratios.ts";
export * from "./split_sizes.ts";
export * from "./ratio_split.ts";
export * from "./stratified_split.ts";
export * from "./time_split.ts";
export * from "./group_split.ts";
export * from "./k_fold.ts";
export * from "./group_k_fold.ts";
export * from "./take_rows.ts";
