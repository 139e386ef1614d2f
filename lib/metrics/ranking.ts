/**
 * Graded-relevance ranking metrics for one query: DCG@k and NDCG@k.
 *
 * @module
 */

import { contextOf, type NumberArray } from "./_validate.ts";
import {
  assertQuery,
  type DcgOptions,
  dcgSettings,
  gainsOf,
  ndcgOfQuery,
  tieAveragedDcg,
} from "./_ranking_core.ts";

export type { DcgOptions, Gain } from "./_ranking_core.ts";

/**
 * Discounted cumulative gain of one ranked list: the gains of the documents
 * in the order of decreasing score, discounted by log₂ of the rank.
 *
 * $$\mathrm{DCG@}k = \sum_{i=1}^{k} \frac{g(\mathrm{rel}_{(i)})}{\log_2(i + 1)},\qquad
 *   g(r) = r \text{ or } 2^r - 1$$
 *
 * Conventions (scikit-learn's `dcg_score`, `log_base=2`): documents with equal
 * scores share the mean gain of their tied group (`ignore_ties=False`, the
 * expected DCG over all orders of the ties), so the value does not depend on
 * the input order. Relevance grades must be ≥ 0.
 *
 * @param yTrue Relevance grades of the documents (≥ 0).
 * @param yScore Predicted scores of the same documents.
 * @param options See {@link DcgOptions}.
 * @returns A number ≥ 0.
 * @throws {RangeError} On empty or mismatched arrays, non-finite values,
 * negative grades, `k` not an integer ≥ 1, an unknown `gain` or an
 * exponential gain that overflows.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example scikit-learn's `dcg_score` docstring: ties at the top average 10 and 5
 * ```ts
 * import assert from "node:assert/strict";
 * import { dcgAtK } from "@lib/metrics/mod.ts";
 * assert.equal(dcgAtK([10, 0, 0, 1, 5], [1, 0, 0, 0, 1], { k: 1 }), 7.5);
 * ```
 */
export function dcgAtK(yTrue: NumberArray, yScore: NumberArray, options: DcgOptions = {}): number {
  const context = contextOf("dcgAtK");
  assertQuery(yTrue, yScore, ["yTrue", "yScore"], context);
  const { k, gain } = dcgSettings(options, yTrue.length, context);
  return tieAveragedDcg(yTrue, yScore, k, gainsOf(yTrue, gain, "yTrue", context));
}

/**
 * Normalised DCG of one ranked list: DCG@k divided by the DCG@k of the ideal
 * order (documents sorted by relevance).
 *
 * $$\mathrm{NDCG@}k = \frac{\mathrm{DCG@}k}{\mathrm{IDCG@}k}$$
 *
 * Conventions as {@link dcgAtK} (ties averaged, linear gain by default);
 * a query without any relevant document (IDCG = 0) scores 0, as
 * scikit-learn. A single document is allowed (scikit-learn rejects it): it
 * scores 1 if relevant, else 0.
 *
 * @param yTrue Relevance grades of the documents (≥ 0).
 * @param yScore Predicted scores of the same documents.
 * @param options See {@link DcgOptions}.
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@link dcgAtK}.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example scikit-learn's `ndcg_score` docstring
 * ```ts
 * import assert from "node:assert/strict";
 * import { ndcgAtK } from "@lib/metrics/mod.ts";
 * const ndcg = ndcgAtK([10, 0, 0, 1, 5], [0.1, 0.2, 0.3, 4, 70]);
 * assert.ok(Math.abs(ndcg - 0.6956940443813076) < 1e-15);
 * ```
 */
export function ndcgAtK(yTrue: NumberArray, yScore: NumberArray, options: DcgOptions = {}): number {
  const context = contextOf("ndcgAtK");
  assertQuery(yTrue, yScore, ["yTrue", "yScore"], context);
  const { k, gain } = dcgSettings(options, yTrue.length, context);
  return ndcgOfQuery(yTrue, yScore, k, gain, "yTrue", context);
}
