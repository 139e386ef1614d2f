/**
 * The id-list metrics of `ranking_lists.ts` averaged over queries: query q is
 * `relevant[q]` (its full relevant set) with `ranked[q]` (its retrieved ids).
 * `noRelevant` decides what a query without relevant items does (as the
 * means of `ranking_mean.ts`): default `"error"` for recall, MAP and MRR,
 * `"zero"` for precision.
 *
 * @module
 */

import { raise } from "../_shared/validate.ts";
import { contextOf } from "./_validate.ts";
import {
  averagePrecisionOfHits,
  type ItemId,
  precisionOfHits,
  rankingHits,
  type RelevantItems,
} from "./_id_lists.ts";
import { meanWithPolicy, type NoRelevantPolicy, noRelevantPolicy } from "./_ranking_conventions.ts";
import type { NoRelevantOption } from "./ranking_mean.ts";
import type { RankingAtKOptions, RankingAveragePrecisionOptions } from "./ranking_lists.ts";

/** Options of the means over ranked id lists. */
export interface MeanRankingOptions extends RankingAtKOptions, NoRelevantOption {}

/** Options of {@link meanAveragePrecisionOfRankings}. */
export interface MeanRankingAveragePrecisionOptions
  extends RankingAveragePrecisionOptions, NoRelevantOption {}

type Hits = ReturnType<typeof rankingHits>;

function meanOfRankings(
  relevant: readonly RelevantItems[],
  ranked: readonly ArrayLike<ItemId>[],
  options: MeanRankingOptions,
  metric: string,
  quantity: string,
  fallback: NoRelevantPolicy,
  perQuery: (hits: Hits, name: string, context: string) => number,
): number {
  const context = contextOf(metric);
  if (!Array.isArray(relevant)) raise("type", context, "relevant must be an array of queries");
  if (!Array.isArray(ranked)) raise("type", context, "ranked must be an array of queries");
  if (relevant.length !== ranked.length) {
    raise(
      "range",
      context,
      `relevant and ranked must have the same number of queries, got ${relevant.length} and ${ranked.length}`,
    );
  }
  if (relevant.length === 0) raise("range", context, "relevant must hold at least one query");
  const policy = noRelevantPolicy(options.noRelevant, fallback, context);
  const values = relevant.map((r, q) => {
    const hits = rankingHits(r, ranked[q], options.k, [`relevant[${q}]`, `ranked[${q}]`], context);
    return hits.relevant === 0 ? undefined : perQuery(hits, `ranked[${q}]`, context);
  });
  return meanWithPolicy(values, policy, (q) => `relevant[${q}]`, quantity, context);
}

/**
 * Mean precision@k over queries of ranked id lists ({@link precisionOfRanking});
 * a query without relevant items has P@k = 0 and counts unless `noRelevant`
 * is `"skip"` (or `"error"`).
 *
 * @param relevant One relevant set per query.
 * @param ranked One ranked id list per query.
 * @param options `k`, `noRelevant` (default "zero").
 * @returns A number in [0, 1].
 * @throws {RangeError} If the query lists differ in length or are empty, or a
 * query fails {@link precisionOfRanking}'s checks (the message names the query).
 * @throws {TypeError} If an argument is not an array of queries or an id is invalid.
 * @see notebooks/01_setup.ipynb
 * @example P@2 of 1/2 and 1
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanPrecisionOfRankings } from "@lib/metrics/mod.ts";
 * assert.equal(meanPrecisionOfRankings([[1], [2, 3]], [[1, 5], [3, 2]], { k: 2 }), 0.75);
 * ```
 */
export function meanPrecisionOfRankings(
  relevant: readonly RelevantItems[],
  ranked: readonly ArrayLike<ItemId>[],
  options: MeanRankingOptions = {},
): number {
  return meanOfRankings(
    relevant,
    ranked,
    options,
    "meanPrecisionOfRankings",
    "precision",
    "zero",
    precisionOfHits,
  );
}

/**
 * Mean recall@k over queries of ranked id lists against their full relevant
 * sets ({@link recallOfRanking}): the recall of a selector that passes the
 * first k candidates on. A query without relevant items has no recall: by
 * default an error; `noRelevant: "skip"` or `"zero"` chooses.
 *
 * @param relevant One relevant set per query.
 * @param ranked One ranked id list per query.
 * @param options `k`, `noRelevant` (default "error").
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@link meanPrecisionOfRankings}; for a query without
 * relevant items under `"error"`, or when `"skip"` leaves no query.
 * @throws {TypeError} If an argument is not an array of queries or an id is invalid.
 * @see notebooks/01_setup.ipynb
 * @example Recall@2 of 1/2 and 1; a third query without relevant items skipped
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanRecallOfRankings } from "@lib/metrics/mod.ts";
 * const relevant = [[1, 4], [3], []], ranked = [[1, 2, 4], [3, 9], [5, 6]];
 * assert.equal(meanRecallOfRankings(relevant, ranked, { k: 2, noRelevant: "skip" }), 0.75);
 * assert.throws(() => meanRecallOfRankings(relevant, ranked, { k: 2 }), /relevant\[2\]/);
 * ```
 */
export function meanRecallOfRankings(
  relevant: readonly RelevantItems[],
  ranked: readonly ArrayLike<ItemId>[],
  options: MeanRankingOptions = {},
): number {
  return meanOfRankings(
    relevant,
    ranked,
    options,
    "meanRecallOfRankings",
    "recall",
    "error",
    (hits) => hits.ranks.length / hits.relevant,
  );
}

/**
 * Mean average precision at k (MAP@k) over queries of ranked id lists
 * ({@link averagePrecisionOfRanking}: `normalization` default min(|R|, k);
 * with k omitted, trec_eval's MAP). A query without relevant items: by
 * default an error; `noRelevant: "skip"` or `"zero"` chooses.
 *
 * @param relevant One relevant set per query.
 * @param ranked One ranked id list per query.
 * @param options `k`, `normalization`, `noRelevant` (default "error").
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@link meanRecallOfRankings}, or on an unknown normalization.
 * @throws {TypeError} If an argument is not an array of queries or an id is invalid.
 * @see notebooks/01_setup.ipynb
 * @example The IIR ch. 8 exercise as id lists: AP 0.6 and 0.4929
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanAveragePrecisionOfRankings } from "@lib/metrics/mod.ts";
 * const ranked = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
 * const relevant = [[0, 2, 8, 9], [1, 4, 5, 6]];
 * const map = meanAveragePrecisionOfRankings(relevant, [ranked, ranked]);
 * assert.ok(Math.abs(map - (0.6 + (1 / 2 + 2 / 5 + 3 / 6 + 4 / 7) / 4) / 2) < 1e-15);
 * ```
 */
export function meanAveragePrecisionOfRankings(
  relevant: readonly RelevantItems[],
  ranked: readonly ArrayLike<ItemId>[],
  options: MeanRankingAveragePrecisionOptions = {},
): number {
  return meanOfRankings(
    relevant,
    ranked,
    options,
    "meanAveragePrecisionOfRankings",
    "average precision",
    "error",
    (hits, _name, context) => averagePrecisionOfHits(hits, options.normalization, context),
  );
}

/**
 * Mean reciprocal rank (MRR, MRR@k) over queries of ranked id lists
 * ({@link reciprocalRankOfRanking}: 0 when the first relevant id is below k).
 * A query without relevant items: by default an error; `noRelevant: "skip"`
 * or `"zero"` chooses.
 *
 * @param relevant One relevant set per query.
 * @param ranked One ranked id list per query.
 * @param options `k`, `noRelevant` (default "error").
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@link meanRecallOfRankings}.
 * @throws {TypeError} If an argument is not an array of queries or an id is invalid.
 * @see notebooks/01_setup.ipynb
 * @example First relevant at ranks 1 and 3: MRR = 2/3, MRR@2 = 1/2
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanReciprocalRankOfRankings } from "@lib/metrics/mod.ts";
 * const relevant = [["a"], ["c"]], ranked = [["a", "b"], ["a", "b", "c"]];
 * assert.equal(meanReciprocalRankOfRankings(relevant, ranked), (1 + 1 / 3) / 2);
 * assert.equal(meanReciprocalRankOfRankings(relevant, ranked, { k: 2 }), 0.5);
 * ```
 */
export function meanReciprocalRankOfRankings(
  relevant: readonly RelevantItems[],
  ranked: readonly ArrayLike<ItemId>[],
  options: MeanRankingOptions = {},
): number {
  return meanOfRankings(
    relevant,
    ranked,
    options,
    "meanReciprocalRankOfRankings",
    "reciprocal rank",
    "error",
    (hits) => (hits.ranks.length === 0 ? 0 : 1 / hits.ranks[0]),
  );
}
