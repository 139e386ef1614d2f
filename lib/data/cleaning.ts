/**
 * Data cleaning for chapter 3 (training data collection) and chapter 7
 * (debugging data problems): report missing values, impute them with values
 * fitted on the training rows only, remove exact and near duplicates (numeric
 * rows within a tolerance, texts by shingle Jaccard similarity), flag outliers
 * by IQR fences or z-scores, and drop constant or near-constant columns. Every
 * function says what it changed: rows removed and why, cells imputed, columns
 * dropped.
 *
 * Tables are plain columns, `Record<string, ArrayLike<Value>>`, rather than
 * danfojs DataFrames: the functions stay pure and fast on typed arrays, a
 * fitted imputer applies to any split without copying a frame, and results are
 * easy to check by hand. {@link columnsOf} converts a DataFrame
 * (`columnsOf(df)`), and `new DataFrame(table)` converts back. Missing cells are
 * `NaN` (the book's convention), `null`, `undefined` or an invalid `Date`.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { dropDuplicates, fitImputer, missingReport } from "@lib/data/mod.ts";
 * const table = { age: [30, NaN, 30, 50], city: ["Oslo", "Lima", "Oslo", "Lima"] };
 * assert.equal(missingReport(table).columns[0].missing, 1);
 * const { table: deduped } = dropDuplicates(table);
 * assert.deepEqual(deduped.age, [30, NaN, 50]);
 * const imputer = fitImputer(deduped, { strategy: "mean", columns: ["age"], fitRows: [0, 1] });
 * assert.deepEqual(imputer.transform(deduped).table.age, [30, 30, 50]);
 * ```
 *
 * @see notebooks/03_data_collection.ipynb
 * @module
 */
export * from "./_cleaning/table.ts";
export * from "./_cleaning/missing.ts";
export * from "./_cleaning/impute.ts";
export * from "./_cleaning/duplicates.ts";
export * from "./_cleaning/text_duplicates.ts";
export * from "./_cleaning/outliers.ts";
export * from "./_cleaning/flag_outliers.ts";
export * from "./_cleaning/constant_columns.ts";
