/**
 * Binary-relevance ranking metrics for one query: precision@k, recall@k,
 * reciprocal rank and average precision@k. A document is relevant when its
 * grade is > 0; ties in `yScore` are averaged over all their orders.
 *
 * @module
 */

import { contextOf, type NumberArray, resolveK } from "./_validate.ts";
import {
  assertQuery,
  tieAveragedAveragePrecision,
  tieAveragedHits,
  tieAveragedReciprocalRank,
} from "./_ranking_core.ts";

/** Options of the @k metrics. */
export interface AtKOptions {
  /** Cut-off (integer ≥ 1; k > n means all). @default n (all documents) */
  k?: number;
}

/**
 * Precision at k: the fraction of the top k documents that are relevant.
 *
 * $$P@k = \frac{1}{k}\sum_{i=1}^{k} [\mathrm{rel}_{(i)} > 0]$$
 *
 * The denominator is k even when fewer than k documents exist (as
 * trec_eval). A tied group straddling position k contributes its share of
 * relevant documents (expected value over the orders of the ties).
 *
 * @param yTrue Relevance grades (≥ 0; relevant means > 0).
 * @param yScore Predicted scores of the same documents.
 * @param options See {@link AtKOptions}.
 * @returns A number in [0, 1].
 * @throws {RangeError} On empty or mismatched arrays, non-finite values,
 * negative grades or `k` not an integer ≥ 1.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example Manning et al., the IIR ch. 8 two-system exercise, system 1 (R N R N N …): P@3 = 2/3
 * ```ts
 * import assert from "node:assert/strict";
 * import { precisionAtK } from "@lib/metrics/mod.ts";
 * const relevance = [1, 0, 1, 0, 0, 0, 0, 0, 1, 1];
 * const score = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
 * assert.equal(precisionAtK(relevance, score, { k: 3 }), 2 / 3);
 * ```
 */
export function precisionAtK(
  yTrue: NumberArray,
  yScore: NumberArray,
  options: AtKOptions = {},
): number {
  const context = contextOf("precisionAtK");
  assertQuery(yTrue, yScore, ["yTrue", "yScore"], context);
  const k = resolveK(options.k, yTrue.length, context);
  return tieAveragedHits(yTrue, yScore, k).top / k;
}

/**
 * Recall at k: the fraction of the relevant documents found in the top k.
 *
 * $$R@k = \frac{\sum_{i=1}^{k} [\mathrm{rel}_{(i)} > 0]}{\sum_{i=1}^{n} [\mathrm{rel}_i > 0]}$$
 *
 * Only the documents passed in count as relevant. A query without relevant
 * documents scores 0 (as NDCG with IDCG = 0). Ties as {@link precisionAtK}.
 *
 * @param yTrue Relevance grades (≥ 0; relevant means > 0).
 * @param yScore Predicted scores of the same documents.
 * @param options See {@link AtKOptions}.
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@link precisionAtK}.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example the IIR ch. 8 two-system exercise, system 1: 2 of the 4 relevant documents in the top 3
 * ```ts
 * import assert from "node:assert/strict";
 * import { recallAtK } from "@lib/metrics/mod.ts";
 * const relevance = [1, 0, 1, 0, 0, 0, 0, 0, 1, 1];
 * const score = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
 * assert.equal(recallAtK(relevance, score, { k: 3 }), 0.5);
 * ```
 */
export function recallAtK(
  yTrue: NumberArray,
  yScore: NumberArray,
  options: AtKOptions = {},
): number {
  const context = contextOf("recallAtK");
  assertQuery(yTrue, yScore, ["yTrue", "yScore"], context);
  const k = resolveK(options.k, yTrue.length, context);
  const { top, total } = tieAveragedHits(yTrue, yScore, k);
  return total === 0 ? 0 : top / total;
}

/**
 * Reciprocal rank: 1 / the rank of the first relevant document.
 *
 * $$\mathrm{RR} = \frac{1}{\min\{i : \mathrm{rel}_{(i)} > 0\}}$$
 *
 * 0 when no document is relevant. When the first relevant document sits in
 * a tied group, RR is its expectation over the orders of the group.
 *
 * @param yTrue Relevance grades (≥ 0; relevant means > 0).
 * @param yScore Predicted scores of the same documents.
 * @returns A number in [0, 1].
 * @throws {RangeError} On empty or mismatched arrays, non-finite values or
 * negative grades.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example The first relevant document at rank 2
 * ```ts
 * import assert from "node:assert/strict";
 * import { reciprocalRank } from "@lib/metrics/mod.ts";
 * assert.equal(reciprocalRank([0, 1, 1], [0.9, 0.8, 0.1]), 0.5);
 * ```
 */
export function reciprocalRank(yTrue: NumberArray, yScore: NumberArray): number {
  const context = contextOf("reciprocalRank");
  assertQuery(yTrue, yScore, ["yTrue", "yScore"], context);
  return tieAveragedReciprocalRank(yTrue, yScore);
}

/**
 * Average precision at k: the mean of the precisions at the ranks of the
 * relevant documents within the top k.
 *
 * $$\mathrm{AP@}k = \frac{1}{\min(R, k)}\sum_{i=1}^{k} P@i \cdot [\mathrm{rel}_{(i)} > 0]$$
 *
 * R is the number of relevant documents passed in; min(R, k) makes a
 * perfect ranking score 1 at every k. With k ≥ n this is the average
 * precision of Manning, Raghavan & Schütze (IIR §8.4) and, without ties,
 * equals {@link averagePrecisionScore}. No relevant document: 0. Ties: the
 * expectation over the orders of tied documents (McSherry & Najork 2008).
 *
 * @param yTrue Relevance grades (≥ 0; relevant means > 0).
 * @param yScore Predicted scores of the same documents.
 * @param options See {@link AtKOptions}.
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@link precisionAtK}.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example the IIR ch. 8 two-system exercise, system 1: (1/1 + 2/3 + 3/9 + 4/10) / 4 = 0.6
 * ```ts
 * import assert from "node:assert/strict";
 * import { averagePrecisionAtK } from "@lib/metrics/mod.ts";
 * const relevance = [1, 0, 1, 0, 0, 0, 0, 0, 1, 1];
 * const score = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
 * assert.ok(Math.abs(averagePrecisionAtK(relevance, score) - 0.6) < 1e-15);
 * ```
 */
export function averagePrecisionAtK(
  yTrue: NumberArray,
  yScore: NumberArray,
  options: AtKOptions = {},
): number {
  const context = contextOf("averagePrecisionAtK");
  assertQuery(yTrue, yScore, ["yTrue", "yScore"], context);
  const k = resolveK(options.k, yTrue.length, context);
  return tieAveragedAveragePrecision(yTrue, yScore, k);
}
