/**
 * Ranking metrics averaged over queries: mean DCG@k, NDCG@k, precision@k,
 * recall@k, MRR and MAP@k. Query q is `yTrue[q]` (relevance grades of its
 * documents) with `yScore[q]`; queries may have different lengths. With `k`
 * omitted, each query uses all its documents.
 *
 * @module
 */

import { assertInteger, raise } from "../_shared/validate.ts";
import { contextOf, type NumberArray } from "./_validate.ts";
import {
  assertQuery,
  type DcgOptions,
  dcgSettings,
  gainsOf,
  ndcgOfQuery,
  tieAveragedAveragePrecision,
  tieAveragedDcg,
  tieAveragedHits,
  tieAveragedReciprocalRank,
} from "./_ranking_core.ts";
import type { AtKOptions } from "./ranking_hits.ts";

type PerQuery = (yTrue: NumberArray, yScore: NumberArray, name: string, context: string) => number;

/** Validates the queries and averages `perQuery` over them. */
function meanOverQueries(
  yTrue: readonly NumberArray[],
  yScore: readonly NumberArray[],
  k: unknown,
  metric: string,
  perQuery: PerQuery,
): number {
  const context = contextOf(metric);
  if (!Array.isArray(yTrue)) raise("type", context, "yTrue must be an array of queries");
  if (!Array.isArray(yScore)) raise("type", context, "yScore must be an array of queries");
  if (yTrue.length !== yScore.length) {
    raise(
      "range",
      context,
      `yTrue and yScore must have the same number of queries, got ${yTrue.length} and ${yScore.length}`,
    );
  }
  if (yTrue.length === 0) raise("range", context, "yTrue must hold at least one query");
  if (k !== undefined) assertInteger(k, "k", context, { min: 1 });
  let sum = 0;
  for (let q = 0; q < yTrue.length; q++) {
    assertQuery(yTrue[q], yScore[q], [`yTrue[${q}]`, `yScore[${q}]`], context);
    sum += perQuery(yTrue[q], yScore[q], `yTrue[${q}]`, context);
  }
  return sum / yTrue.length;
}

/**
 * Mean DCG@k over queries: $$\frac{1}{|Q|}\sum_{q} \mathrm{DCG@}k(q)$$
 * Conventions as {@link dcgAtK}.
 *
 * @param yTrue One array of relevance grades (≥ 0) per query.
 * @param yScore One array of scores per query, matching `yTrue`.
 * @param options See {@link DcgOptions}.
 * @returns A number ≥ 0.
 * @throws {RangeError} If the query lists differ in length or are empty, or
 * a query fails {@link dcgAtK}'s checks (the message names `yTrue[q]`).
 * @throws {TypeError} If an argument is not an array of numeric arrays.
 * @see notebooks/01_setup.ipynb
 *
 * @example Two queries: 1 + 1/log₂3 and 0
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanDcgAtK } from "@lib/metrics/mod.ts";
 * const dcg = meanDcgAtK([[1, 1], [0, 0]], [[2, 1], [2, 1]]);
 * assert.ok(Math.abs(dcg - (1 + 1 / Math.log2(3)) / 2) < 1e-15);
 * ```
 */
export function meanDcgAtK(
  yTrue: readonly NumberArray[],
  yScore: readonly NumberArray[],
  options: DcgOptions = {},
): number {
  return meanOverQueries(yTrue, yScore, options.k, "meanDcgAtK", (t, s, name, context) => {
    const { k, gain } = dcgSettings(options, t.length, context);
    return tieAveragedDcg(t, s, k, gainsOf(t, gain, name, context));
  });
}

/**
 * Mean NDCG@k over queries: $$\frac{1}{|Q|}\sum_{q} \mathrm{NDCG@}k(q)$$
 * Conventions as {@link ndcgAtK}: a query without relevant documents
 * counts as 0 (scikit-learn's `ndcg_score` on a batch of queries).
 *
 * @param yTrue One array of relevance grades (≥ 0) per query.
 * @param yScore One array of scores per query, matching `yTrue`.
 * @param options See {@link DcgOptions}.
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@link meanDcgAtK}.
 * @throws {TypeError} If an argument is not an array of numeric arrays.
 * @see notebooks/01_setup.ipynb
 *
 * @example A perfect query and one without relevant documents
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanNdcgAtK } from "@lib/metrics/mod.ts";
 * assert.equal(meanNdcgAtK([[3, 1, 0], [0, 0, 0]], [[3, 2, 1], [3, 2, 1]], { k: 2 }), 0.5);
 * ```
 */
export function meanNdcgAtK(
  yTrue: readonly NumberArray[],
  yScore: readonly NumberArray[],
  options: DcgOptions = {},
): number {
  return meanOverQueries(yTrue, yScore, options.k, "meanNdcgAtK", (t, s, name, context) => {
    const { k, gain } = dcgSettings(options, t.length, context);
    return ndcgOfQuery(t, s, k, gain, name, context);
  });
}

/**
 * Mean precision@k over queries: $$\frac{1}{|Q|}\sum_q P@k(q)$$
 * Conventions as {@link precisionAtK}.
 *
 * @param yTrue One array of relevance grades (≥ 0) per query.
 * @param yScore One array of scores per query, matching `yTrue`.
 * @param options See {@link AtKOptions}.
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@link meanDcgAtK}.
 * @throws {TypeError} If an argument is not an array of numeric arrays.
 * @see notebooks/01_setup.ipynb
 *
 * @example P@2 of 1 and 1/2
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanPrecisionAtK } from "@lib/metrics/mod.ts";
 * assert.equal(meanPrecisionAtK([[1, 1, 0], [0, 1, 0]], [[3, 2, 1], [3, 2, 1]], { k: 2 }), 0.75);
 * ```
 */
export function meanPrecisionAtK(
  yTrue: readonly NumberArray[],
  yScore: readonly NumberArray[],
  options: AtKOptions = {},
): number {
  return meanOverQueries(yTrue, yScore, options.k, "meanPrecisionAtK", (t, s) => {
    const k = options.k ?? t.length;
    return tieAveragedHits(t, s, k).top / k;
  });
}

/**
 * Mean recall@k over queries: $$\frac{1}{|Q|}\sum_q R@k(q)$$
 * Conventions as {@link recallAtK} (a query without relevant documents
 * counts as 0).
 *
 * @param yTrue One array of relevance grades (≥ 0) per query.
 * @param yScore One array of scores per query, matching `yTrue`.
 * @param options See {@link AtKOptions}.
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@link meanDcgAtK}.
 * @throws {TypeError} If an argument is not an array of numeric arrays.
 * @see notebooks/01_setup.ipynb
 *
 * @example R@1 of 1/2 and 1
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanRecallAtK } from "@lib/metrics/mod.ts";
 * assert.equal(meanRecallAtK([[1, 1, 0], [1, 0, 0]], [[3, 2, 1], [3, 2, 1]], { k: 1 }), 0.75);
 * ```
 */
export function meanRecallAtK(
  yTrue: readonly NumberArray[],
  yScore: readonly NumberArray[],
  options: AtKOptions = {},
): number {
  return meanOverQueries(yTrue, yScore, options.k, "meanRecallAtK", (t, s) => {
    const { top, total } = tieAveragedHits(t, s, options.k ?? t.length);
    return total === 0 ? 0 : top / total;
  });
}

/**
 * Mean reciprocal rank (MRR): $$\mathrm{MRR} = \frac{1}{|Q|}\sum_q \frac{1}{\mathrm{rank}_q}$$
 * where rank_q is the rank of query q's first relevant document
 * ({@link reciprocalRank}: 0 without relevant documents, ties averaged).
 *
 * @param yTrue One array of relevance grades (≥ 0) per query.
 * @param yScore One array of scores per query, matching `yTrue`.
 * @returns A number in [0, 1].
 * @throws {RangeError} If the query lists differ in length or are empty, or
 * a query fails {@link reciprocalRank}'s checks.
 * @throws {TypeError} If an argument is not an array of numeric arrays.
 * @see notebooks/01_setup.ipynb
 *
 * @example the IIR ch. 8 two-system exercise: first relevant at rank 1 (system 1) and 2 (system 2)
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanReciprocalRank } from "@lib/metrics/mod.ts";
 * const score = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
 * const system1 = [1, 0, 1, 0, 0, 0, 0, 0, 1, 1];
 * const system2 = [0, 1, 0, 0, 1, 1, 1, 0, 0, 0];
 * assert.equal(meanReciprocalRank([system1, system2], [score, score]), 0.75);
 * ```
 */
export function meanReciprocalRank(
  yTrue: readonly NumberArray[],
  yScore: readonly NumberArray[],
): number {
  return meanOverQueries(yTrue, yScore, undefined, "meanReciprocalRank", tieAveragedReciprocalRank);
}

/**
 * Mean average precision at k (MAP@k):
 * $$\mathrm{MAP@}k = \frac{1}{|Q|}\sum_q \mathrm{AP@}k(q)$$
 * Conventions as {@link averagePrecisionAtK} (normaliser min(R, k), 0
 * without relevant documents, ties averaged). With k omitted this is the
 * MAP of Manning, Raghavan & Schütze (IIR §8.4) for fully ranked
 * lists.
 *
 * @param yTrue One array of relevance grades (≥ 0) per query.
 * @param yScore One array of scores per query, matching `yTrue`.
 * @param options See {@link AtKOptions}.
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@link meanDcgAtK}.
 * @throws {TypeError} If an argument is not an array of numeric arrays.
 * @see notebooks/01_setup.ipynb
 *
 * @example the IIR ch. 8 two-system exercise: AP 0.6 and 0.4929, MAP 0.5464
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanAveragePrecisionAtK } from "@lib/metrics/mod.ts";
 * const score = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
 * const system1 = [1, 0, 1, 0, 0, 0, 0, 0, 1, 1];
 * const system2 = [0, 1, 0, 0, 1, 1, 1, 0, 0, 0];
 * const map = meanAveragePrecisionAtK([system1, system2], [score, score]);
 * assert.ok(Math.abs(map - (0.6 + (1 / 2 + 2 / 5 + 3 / 6 + 4 / 7) / 4) / 2) < 1e-15);
 * ```
 */
export function meanAveragePrecisionAtK(
  yTrue: readonly NumberArray[],
  yScore: readonly NumberArray[],
  options: AtKOptions = {},
): number {
  return meanOverQueries(yTrue, yScore, options.k, "meanAveragePrecisionAtK", (t, s) => {
    return tieAveragedAveragePrecision(t, s, options.k ?? t.length);
  });
}
