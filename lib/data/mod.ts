/**
 * Data for every chapter: CSV files to and from danfojs DataFrames, the
 * registry of real datasets that ship in npm packages (`loadDataset`), and the
 * display of DataFrames and Series as tables in the Jupyter kernel.
 *
 * Importing this module (once per process is enough; again changes nothing):
 * - makes every DataFrame and Series display as an HTML and text table
 *   ({@link installDataFrameDisplay}), including results of `groupby`, `head`
 *   and column access;
 * - makes danfojs' `describe()` skip date columns (it throws on them otherwise).
 *
 * Conventions: missing values are `NaN`, never `null` (danfojs counts `null` as
 * 0 in `groupby().mean()` and `describe()` throws on it); a missing date is an
 * invalid `Date` (`NaT`). Dataset sources and licences are listed in
 * `data/README.md`.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadDataset, parseCsv, toCsv } from "@lib/data/mod.ts";
 * const weather = loadDataset("seattle-weather");
 * assert.deepEqual(weather.shape, [1461, 6]);
 * const df = parseCsv("x,y\n1,\n2,b\n");
 * assert.equal(toCsv(df), "x,y\n1,\n2,b\n");
 * ```
 *
 * @module
 */
import { fixDescribe } from "./_describe_fix.ts";
import { installDataFrameDisplay } from "./display.ts";

export { DataFrame, Series } from "danfojs";
export type { Frame, FrameSeries } from "./_frame.ts";
export * from "./csv.ts";
export * from "./datasets.ts";
export * from "./display.ts";
export * from "./cleaning.ts";
export * from "./feature_filter.ts";

installDataFrameDisplay();
fixDescribe();
