/**
 * Binary-relevance ranking metrics for one query: precision@k, recall@k,
 * reciprocal rank (@k) and average precision@k. A document is relevant when
 * its grade is > 0; ties in `yScore` are averaged over all their orders.
 * Only the documents passed in count: for a candidate list that may miss
 * relevant items, use the id-list metrics of `ranking_lists.ts` with the full
 * relevant set. Recall, AP and RR of a query without relevant documents are
 * undefined and returned as NaN.
 *
 * @module
 */

import { contextOf, type NumberArray, resolveK } from "./_validate.ts";
import {
  assertQuery,
  countRelevant,
  tieAveragedAveragePrecision,
  tieAveragedHits,
  tieAveragedReciprocalRank,
} from "./_ranking_core.ts";
import { apDenominator, type ApNormalization } from "./_ranking_conventions.ts";

export type { ApNormalization, NoRelevantPolicy } from "./_ranking_conventions.ts";
export { AP_NORMALIZATIONS, NO_RELEVANT_POLICIES } from "./_ranking_conventions.ts";

/** Options of the @k metrics. */
export interface AtKOptions {
  /** Cut-off (integer ≥ 1; k > n means all). @default n (all documents) */
  k?: number;
}

/** Options of {@link averagePrecisionAtK}. */
export interface AveragePrecisionAtKOptions extends AtKOptions {
  /**
   * The denominator of AP@k: `"relevant"` R (trec_eval's `map`; Manning,
   * Raghavan & Schütze, IIR §8.4), `"capped"` min(R, k) (Kaggle's MAP@k, the
   * `apk` of ml_metrics; a perfect top k scores 1 at every k), or `"hits"`
   * the relevant documents in the top k (torchmetrics'
   * `retrieval_average_precision` with `top_k`; ignores what the top k
   * misses). With k ≥ R, `"relevant"` and `"capped"` agree.
   * @default "capped"
   */
  normalization?: ApNormalization;
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
 * Only the documents passed in count as relevant: if they are a candidate
 * list that misses relevant documents, recall is overstated — use
 * {@link recallOfRanking} with the full relevant set. A query without
 * relevant documents has no recall (0/0): NaN, as scikit-learn's
 * `recall_score(zero_division=np.nan)`. Ties as {@link precisionAtK}.
 *
 * @param yTrue Relevance grades (≥ 0; relevant means > 0).
 * @param yScore Predicted scores of the same documents.
 * @param options See {@link AtKOptions}.
 * @returns A number in [0, 1], or NaN without relevant documents.
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
 * assert.ok(Number.isNaN(recallAtK([0, 0], [2, 1]))); // no relevant document
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
  return total === 0 ? NaN : top / total;
}

/**
 * Reciprocal rank (RR@k): 1 / the rank of the first relevant document, 0
 * when it ranks below k (as trec_eval's `recip_rank` on a run cut at k).
 *
 * $$\mathrm{RR@}k = \frac{[r \le k]}{r},\qquad r = \min\{i : \mathrm{rel}_{(i)} > 0\}$$
 *
 * NaN when no document is relevant (there is no first relevant rank). When
 * the first relevant document sits in a tied group, RR is its expectation
 * over the orders of the group.
 *
 * @param yTrue Relevance grades (≥ 0; relevant means > 0).
 * @param yScore Predicted scores of the same documents.
 * @param options See {@link AtKOptions}.
 * @returns A number in [0, 1], or NaN without relevant documents.
 * @throws {RangeError} On empty or mismatched arrays, non-finite values,
 * negative grades or `k` not an integer ≥ 1.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example The first relevant document at rank 2
 * ```ts
 * import assert from "node:assert/strict";
 * import { reciprocalRank } from "@lib/metrics/mod.ts";
 * assert.equal(reciprocalRank([0, 1, 1], [0.9, 0.8, 0.1]), 0.5);
 * assert.equal(reciprocalRank([0, 1, 1], [0.9, 0.8, 0.1], { k: 1 }), 0); // RR@1
 * ```
 */
export function reciprocalRank(
  yTrue: NumberArray,
  yScore: NumberArray,
  options: AtKOptions = {},
): number {
  const context = contextOf("reciprocalRank");
  assertQuery(yTrue, yScore, ["yTrue", "yScore"], context);
  const k = resolveK(options.k, yTrue.length, context);
  return countRelevant(yTrue) === 0 ? NaN : tieAveragedReciprocalRank(yTrue, yScore, k);
}

/**
 * Average precision at k: the precisions at the ranks of the relevant
 * documents within the top k, summed and divided by a normaliser N.
 *
 * $$\mathrm{AP@}k = \frac{1}{N}\sum_{i=1}^{k} P@i \cdot [\mathrm{rel}_{(i)} > 0],
 *   \qquad N = R,\ \min(R, k)\ \text{or}\ \textstyle\sum_{i \le k} [\mathrm{rel}_{(i)} > 0]$$
 *
 * R is the number of relevant documents passed in; `normalization` picks N
 * (see {@link AveragePrecisionAtKOptions}; default min(R, k)). With k ≥ n every
 * choice but `"hits"` is the average precision of Manning, Raghavan &
 * Schütze (IIR §8.4) and, without ties, equals {@link averagePrecisionScore}.
 * No relevant document: NaN (AP is undefined); relevant documents but none
 * in the top k: 0. Ties: the expectation over the orders of tied documents
 * (McSherry & Najork 2008), also for `"hits"`, whose denominator then varies.
 *
 * @param yTrue Relevance grades (≥ 0; relevant means > 0).
 * @param yScore Predicted scores of the same documents.
 * @param options See {@link AveragePrecisionAtKOptions}.
 * @returns A number in [0, 1], or NaN without relevant documents.
 * @throws {RangeError} As {@link precisionAtK}, or on an unknown `normalization`.
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
 * // AP@3: hits at ranks 1 and 3 give 1 + 2/3, over R = 4, min(4, 3) = 3 or 2 hits
 * const at3 = (normalization: "relevant" | "capped" | "hits") =>
 *   averagePrecisionAtK(relevance, score, { k: 3, normalization });
 * assert.ok(Math.abs(at3("relevant") - (5 / 3) / 4) < 1e-15);
 * assert.ok(Math.abs(at3("capped") - (5 / 3) / 3) < 1e-15);
 * assert.ok(Math.abs(at3("hits") - (5 / 3) / 2) < 1e-15);
 * ```
 */
export function averagePrecisionAtK(
  yTrue: NumberArray,
  yScore: NumberArray,
  options: AveragePrecisionAtKOptions = {},
): number {
  const context = contextOf("averagePrecisionAtK");
  assertQuery(yTrue, yScore, ["yTrue", "yScore"], context);
  const k = resolveK(options.k, yTrue.length, context);
  const relevant = countRelevant(yTrue);
  const denominator = apDenominator(options.normalization, relevant, k, context);
  return relevant === 0 ? NaN : tieAveragedAveragePrecision(yTrue, yScore, k, denominator);
}
