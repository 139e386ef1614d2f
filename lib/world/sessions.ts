import { assertInteger, assertNumberArray, raise } from "../_shared/validate.ts";
import { CTR_PRIOR } from "./_feature_row.ts";
import type { FeatureMatrix } from "./features.ts";

/**
 * Splits per-impression values into one array per session, for logs whose
 * sessions all show `feedSize` posts in contiguous rows (as simulated logs do).
 * The arrays are views (`subarray`) of the input, not copies.
 *
 * @param values One value per impression.
 * @param feedSize Posts per session.
 * @returns `values.length / feedSize` arrays of `feedSize` values.
 * @throws {RangeError} If `feedSize` is not a positive integer or does not divide the length.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bySession } from "@lib/world/mod.ts";
 * const sessions = bySession(Float64Array.of(1, 2, 3, 4, 5, 6), 3);
 * assert.deepEqual(sessions.map((s) => [...s]), [[1, 2, 3], [4, 5, 6]]);
 * ```
 */
export function bySession<T extends Float32Array | Float64Array>(values: T, feedSize: number): T[] {
  const context = "split values by session";
  assertNumberArray(values, "values", context);
  assertInteger(feedSize, "feedSize", context, { min: 1 });
  if (values.length % feedSize !== 0) {
    raise(
      "range",
      context,
      `values.length must be a multiple of feedSize, got ${values.length} and ${feedSize}`,
    );
  }
  return Array.from(
    { length: values.length / feedSize },
    (_, s) => values.subarray(s * feedSize, (s + 1) * feedSize) as T,
  );
}

/**
 * The popularity ranker's score of logged impressions, recovered from their
 * feature rows: the post's engagements before the impression, undoing the
 * smoothing of `item_ctr` and the `log1p` of `item_log_impressions`,
 *
 * $$\text{engagements} = \widehat{\text{CTR}}\,(\text{impressions} + 20) - 1,
 * \qquad \text{impressions} = e^{\text{item\_log\_impressions}} - 1.$$
 *
 * @param features Feature rows from `logFeatures`.
 * @param options `from`, `to`: the rows to score. @default all rows
 * @returns One count per row in [from, to), rounded to an integer.
 * @throws {RangeError} If the rows are out of range or the features lack
 *   `item_ctr` or `item_log_impressions`.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pastItemEngagements } from "@lib/world/mod.ts";
 * // 3 engagements in 30 impressions: CTR (3 + 1) / (30 + 20) = 0.08.
 * const features = { values: Float32Array.of(Math.log1p(30), 0.08), numRows: 1, numFeatures: 2,
 *   names: ["item_log_impressions", "item_ctr"] };
 * assert.deepEqual([...pastItemEngagements(features)], [3]);
 * ```
 */
export function pastItemEngagements(
  features: FeatureMatrix,
  options: { from?: number; to?: number } = {},
): Float64Array {
  const context = "compute pastItemEngagements";
  const { from = 0, to = features?.numRows } = options;
  const [ctr, logImpressions] = ["item_ctr", "item_log_impressions"].map((name) => {
    const c = features?.names?.indexOf(name) ?? -1;
    if (c < 0) raise("range", context, `features must have a column ${name}`);
    return c;
  });
  assertInteger(from, "from", context, { min: 0, max: features.numRows });
  assertInteger(to, "to", context, { min: from, max: features.numRows });
  const F = features.numFeatures, v = features.values;
  return Float64Array.from({ length: to - from }, (_, j) => {
    const row = (from + j) * F;
    const impressions = Math.expm1(v[row + logImpressions]);
    const engagements = v[row + ctr] * (impressions + CTR_PRIOR.impressions) -
      CTR_PRIOR.engagements;
    return Math.max(0, Math.round(engagements)); // float32 features: round, and never −0
  });
}
