/**
 * Ranking metrics averaged over queries: mean DCG@k, NDCG@k, precision@k,
 * recall@k, MRR(@k) and MAP@k. Query q is `yTrue[q]` (relevance grades of its
 * documents) with `yScore[q]`; queries may have different lengths. With `k`
 * omitted, each query uses all its documents.
 *
 * A query without relevant documents has no recall, AP or reciprocal rank;
 * the option `noRelevant` says what the mean does with it: `"skip"` it (the
 * mean over queries with relevant documents, as when only judged queries are
 * evaluated), count it as `"zero"` (scikit-learn's `ndcg_score`; trec_eval
 * leaves such a query's measures at 0), or throw (`"error"`). Defaults:
 * `"error"` for recall, MAP and MRR (no silent convention), `"zero"` for NDCG
 * (scikit-learn) and precision (whose value, 0, is defined).
 *
 * @module
 */

import { assertInteger, raise } from "../_shared/validate.ts";
import { contextOf, type NumberArray, resolveK } from "./_validate.ts";
import {
  assertQuery,
  countRelevant,
  type DcgOptions,
  dcgSettings,
  gainsOf,
  ndcgOfQuery,
  tieAveragedAveragePrecision,
  tieAveragedDcg,
  tieAveragedHits,
  tieAveragedReciprocalRank,
} from "./_ranking_core.ts";
import {
  apDenominator,
  meanWithPolicy,
  type NoRelevantPolicy,
  noRelevantPolicy,
} from "./_ranking_conventions.ts";
import type { AtKOptions, AveragePrecisionAtKOptions } from "./ranking_hits.ts";

/** The `noRelevant` option of the means over queries. */
export interface NoRelevantOption {
  /**
   * A query without relevant documents is skipped, counted as 0, or an
   * error; see the module documentation. @default "error" (recall, MAP,
   * MRR) or "zero" (NDCG, precision)
   */
  noRelevant?: NoRelevantPolicy;
}

/** Options of {@link meanPrecisionAtK}, {@link meanRecallAtK} and {@link meanReciprocalRank}. */
export interface MeanAtKOptions extends AtKOptions, NoRelevantOption {}

/** Options of {@link meanNdcgAtK}. */
export interface MeanNdcgOptions extends DcgOptions, NoRelevantOption {}

/** Options of {@link meanAveragePrecisionAtK}. */
export interface MeanAveragePrecisionOptions extends AveragePrecisionAtKOptions, NoRelevantOption {}

type PerQuery = (yTrue: NumberArray, yScore: NumberArray, name: string, context: string) => number;

/**
 * Validates the queries and averages `perQuery` over them; a query without
 * relevant documents is handled by `policy` (none: every query counts).
 */
function meanOverQueries(
  yTrue: readonly NumberArray[],
  yScore: readonly NumberArray[],
  k: unknown,
  metric: string,
  perQuery: PerQuery,
  policy?: {
    noRelevant: unknown;
    fallback: NoRelevantPolicy;
    quantity: string;
    /** perQuery already returns 0 without relevant documents (NDCG, precision). */
    zeroWithout?: boolean;
  },
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
  const rule = policy && noRelevantPolicy(policy.noRelevant, policy.fallback, context);
  const values: (number | undefined)[] = [];
  for (let q = 0; q < yTrue.length; q++) {
    assertQuery(yTrue[q], yScore[q], [`yTrue[${q}]`, `yScore[${q}]`], context);
    values.push(
      rule !== undefined && !(rule === "zero" && policy!.zeroWithout) &&
        countRelevant(yTrue[q]) === 0
        ? undefined
        : perQuery(yTrue[q], yScore[q], `yTrue[${q}]`, context),
    );
  }
  if (rule === undefined) return values.reduce((a, b) => a! + b!, 0)! / values.length;
  return meanWithPolicy(values, rule, (q) => `yTrue[${q}]`, policy!.quantity, context);
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
 * Conventions as {@link ndcgAtK}: by default a query without relevant
 * documents counts as 0 (scikit-learn's `ndcg_score` on a batch of
 * queries); `noRelevant: "skip"` averages over the other queries only.
 *
 * @param yTrue One array of relevance grades (≥ 0) per query.
 * @param yScore One array of scores per query, matching `yTrue`.
 * @param options See {@link MeanNdcgOptions}.
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
 * const judged = meanNdcgAtK([[3, 1, 0], [0, 0, 0]], [[3, 2, 1], [3, 2, 1]], {
 *   k: 2,
 *   noRelevant: "skip",
 * });
 * assert.equal(judged, 1);
 * ```
 */
export function meanNdcgAtK(
  yTrue: readonly NumberArray[],
  yScore: readonly NumberArray[],
  options: MeanNdcgOptions = {},
): number {
  return meanOverQueries(
    yTrue,
    yScore,
    options.k,
    "meanNdcgAtK",
    (t, s, name, context) => {
      const { k, gain } = dcgSettings(options, t.length, context);
      return ndcgOfQuery(t, s, k, gain, name, context);
    },
    { noRelevant: options.noRelevant, fallback: "zero", quantity: "NDCG", zeroWithout: true },
  );
}

/**
 * Mean precision@k over queries: $$\frac{1}{|Q|}\sum_q P@k(q)$$
 * Conventions as {@link precisionAtK}; a query without relevant documents
 * has P@k = 0 and counts unless `noRelevant` is `"skip"` (or `"error"`).
 *
 * @param yTrue One array of relevance grades (≥ 0) per query.
 * @param yScore One array of scores per query, matching `yTrue`.
 * @param options See {@link MeanAtKOptions}.
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
  options: MeanAtKOptions = {},
): number {
  return meanOverQueries(
    yTrue,
    yScore,
    options.k,
    "meanPrecisionAtK",
    (t, s) => {
      const k = options.k ?? t.length;
      return tieAveragedHits(t, s, k).top / k;
    },
    {
      noRelevant: options.noRelevant,
      fallback: "zero",
      quantity: "precision",
      zeroWithout: true,
    },
  );
}

/**
 * Mean recall@k over queries: $$\frac{1}{|Q|}\sum_q R@k(q)$$
 * Conventions as {@link recallAtK}. A query without relevant documents has
 * no recall: by default an error; `noRelevant: "skip"` or `"zero"` chooses.
 *
 * @param yTrue One array of relevance grades (≥ 0) per query.
 * @param yScore One array of scores per query, matching `yTrue`.
 * @param options See {@link MeanAtKOptions}.
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@link meanDcgAtK}; for a query without relevant
 * documents under `noRelevant: "error"`, or when "skip" leaves no query.
 * @throws {TypeError} If an argument is not an array of numeric arrays.
 * @see notebooks/01_setup.ipynb
 *
 * @example R@1 of 1/2 and 1
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanRecallAtK } from "@lib/metrics/mod.ts";
 * assert.equal(meanRecallAtK([[1, 1, 0], [1, 0, 0]], [[3, 2, 1], [3, 2, 1]], { k: 1 }), 0.75);
 * // a third query without relevant documents must be given a policy
 * const yTrue = [[1, 1, 0], [1, 0, 0], [0, 0, 0]], yScore = [[3, 2, 1], [3, 2, 1], [3, 2, 1]];
 * assert.throws(() => meanRecallAtK(yTrue, yScore, { k: 1 }), /yTrue\[2\] has no relevant item/);
 * assert.equal(meanRecallAtK(yTrue, yScore, { k: 1, noRelevant: "skip" }), 0.75);
 * assert.equal(meanRecallAtK(yTrue, yScore, { k: 1, noRelevant: "zero" }), 0.5);
 * ```
 */
export function meanRecallAtK(
  yTrue: readonly NumberArray[],
  yScore: readonly NumberArray[],
  options: MeanAtKOptions = {},
): number {
  return meanOverQueries(
    yTrue,
    yScore,
    options.k,
    "meanRecallAtK",
    (t, s) => {
      const { top, total } = tieAveragedHits(t, s, options.k ?? t.length);
      return top / total;
    },
    { noRelevant: options.noRelevant, fallback: "error", quantity: "recall" },
  );
}

/**
 * Mean reciprocal rank (MRR, MRR@k):
 * $$\mathrm{MRR@}k = \frac{1}{|Q|}\sum_q \frac{[\mathrm{rank}_q \le k]}{\mathrm{rank}_q}$$
 * where rank_q is the rank of query q's first relevant document
 * ({@link reciprocalRank}: ties averaged; k omitted = no cut-off). A query
 * without relevant documents has no rank: by default an error;
 * `noRelevant: "skip"` or `"zero"` chooses.
 *
 * @param yTrue One array of relevance grades (≥ 0) per query.
 * @param yScore One array of scores per query, matching `yTrue`.
 * @param options See {@link MeanAtKOptions}.
 * @returns A number in [0, 1].
 * @throws {RangeError} If the query lists differ in length or are empty, a
 * query fails {@link reciprocalRank}'s checks, or as {@link meanRecallAtK}
 * for queries without relevant documents.
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
 * assert.equal(meanReciprocalRank([system1, system2], [score, score], { k: 1 }), 0.5); // MRR@1
 * ```
 */
export function meanReciprocalRank(
  yTrue: readonly NumberArray[],
  yScore: readonly NumberArray[],
  options: MeanAtKOptions = {},
): number {
  return meanOverQueries(
    yTrue,
    yScore,
    options.k,
    "meanReciprocalRank",
    (t, s, _name, context) =>
      tieAveragedReciprocalRank(t, s, resolveK(options.k, t.length, context)),
    { noRelevant: options.noRelevant, fallback: "error", quantity: "reciprocal rank" },
  );
}

/**
 * Mean average precision at k (MAP@k):
 * $$\mathrm{MAP@}k = \frac{1}{|Q|}\sum_q \mathrm{AP@}k(q)$$
 * Conventions as {@link averagePrecisionAtK} (`normalization`, default
 * min(R, k); ties averaged). With k omitted this is the MAP of Manning,
 * Raghavan & Schütze (IIR §8.4) for fully ranked lists. A query without
 * relevant documents has no AP: by default an error; `noRelevant: "skip"`
 * or `"zero"` chooses.
 *
 * @param yTrue One array of relevance grades (≥ 0) per query.
 * @param yScore One array of scores per query, matching `yTrue`.
 * @param options See {@link MeanAveragePrecisionOptions}.
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@link meanRecallAtK}, or on an unknown `normalization`.
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
  options: MeanAveragePrecisionOptions = {},
): number {
  return meanOverQueries(
    yTrue,
    yScore,
    options.k,
    "meanAveragePrecisionAtK",
    (t, s, _name, context) => {
      const k = options.k ?? t.length;
      const denominator = apDenominator(options.normalization, countRelevant(t), k, context);
      return tieAveragedAveragePrecision(t, s, k, denominator);
    },
    { noRelevant: options.noRelevant, fallback: "error", quantity: "average precision" },
  );
}
