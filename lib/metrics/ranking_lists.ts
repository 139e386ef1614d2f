/**
 * Binary-relevance metrics of one ranked list of item ids against the full
 * set of relevant items, as trec_eval reads a run against its qrels: the
 * list may be a truncated candidate list (a retrieval stage's top N), and a
 * relevant item it never retrieved still counts in the denominator of recall
 * and AP. Item ids are numbers or strings; a list must not repeat an id.
 * With `k` omitted the whole list counts. Recall, AP and reciprocal rank of a
 * query without relevant items are undefined: NaN.
 *
 * @module
 */

import { contextOf } from "./_validate.ts";
import {
  averagePrecisionOfHits,
  type ItemId,
  precisionOfHits,
  rankingHits,
  type RelevantItems,
} from "./_id_lists.ts";
import type { AveragePrecisionAtKOptions } from "./ranking_hits.ts";

export type { ItemId, RelevantItems } from "./_id_lists.ts";

/** Options of the metrics on ranked id lists. */
export interface RankingAtKOptions {
  /** Cut-off: only the first k ids count (integer ≥ 1). @default the whole list */
  k?: number;
}

/** Options of {@link averagePrecisionOfRanking}. */
export type RankingAveragePrecisionOptions = AveragePrecisionAtKOptions;

/**
 * Precision at k of a ranked list: the share of its first k ids that are
 * relevant. The denominator is k even when the list is shorter (trec_eval's
 * `P_k`); with k omitted it is the list's length.
 * $$P@k = \frac{|\{\text{relevant among the first } k\}|}{k}$$
 *
 * @param relevant Every relevant item of the query (a Set, or an array without repeats).
 * @param ranked The retrieved ids, best first (no repeats; may be empty if k is given).
 * @param options See {@link RankingAtKOptions}.
 * @returns A number in [0, 1].
 * @throws {RangeError} On a repeated id, `k` not an integer ≥ 1, or an empty list without k.
 * @throws {TypeError} If an id is neither a finite number nor a string.
 * @see notebooks/01_setup.ipynb
 * @example 2 relevant among the first 3
 * ```ts
 * import assert from "node:assert/strict";
 * import { precisionOfRanking } from "@lib/metrics/mod.ts";
 * assert.equal(precisionOfRanking(new Set([4, 7, 9]), [4, 1, 9, 7], { k: 3 }), 2 / 3);
 * assert.equal(precisionOfRanking(["a"], ["a"], { k: 4 }), 0.25); // short list, k = 4
 * ```
 */
export function precisionOfRanking(
  relevant: RelevantItems,
  ranked: ArrayLike<ItemId>,
  options: RankingAtKOptions = {},
): number {
  const context = contextOf("precisionOfRanking");
  const hits = rankingHits(relevant, ranked, options.k, ["relevant", "ranked"], context);
  return precisionOfHits(hits, "ranked", context);
}

/**
 * Recall at k of a ranked list against the full relevant set: relevant items
 * the list never retrieved count as misses (trec_eval's `recall_k`).
 * $$R@k = \frac{|\{\text{relevant among the first } k\}|}{|\text{relevant}|}$$
 * NaN when there is no relevant item (0/0).
 *
 * @param relevant Every relevant item of the query (a Set, or an array without repeats).
 * @param ranked The retrieved ids, best first (no repeats).
 * @param options See {@link RankingAtKOptions}.
 * @returns A number in [0, 1], or NaN without relevant items.
 * @throws {RangeError} On a repeated id or `k` not an integer ≥ 1.
 * @throws {TypeError} If an id is neither a finite number nor a string.
 * @see notebooks/01_setup.ipynb
 * @example A candidate list of 3 that misses 2 of the 4 relevant items
 * ```ts
 * import assert from "node:assert/strict";
 * import { recallAtK, recallOfRanking } from "@lib/metrics/mod.ts";
 * assert.equal(recallOfRanking([1, 2, 3, 4], [1, 9, 3]), 0.5);
 * // the same list scored by recallAtK sees only the 2 relevant documents passed in
 * assert.equal(recallAtK([1, 0, 1], [3, 2, 1]), 1);
 * assert.ok(Number.isNaN(recallOfRanking([], [1, 2])));
 * ```
 */
export function recallOfRanking(
  relevant: RelevantItems,
  ranked: ArrayLike<ItemId>,
  options: RankingAtKOptions = {},
): number {
  const context = contextOf("recallOfRanking");
  const hits = rankingHits(relevant, ranked, options.k, ["relevant", "ranked"], context);
  return hits.relevant === 0 ? NaN : hits.ranks.length / hits.relevant;
}

/**
 * Average precision at k of a ranked list against the full relevant set:
 * $$\mathrm{AP@}k = \frac{1}{N}\sum_{j} \frac{j}{r_j}$$
 * where r_j ≤ k is the rank of the j-th relevant item retrieved and N the
 * `normalization`: |R| (`"relevant"`, trec_eval's `map`: unretrieved
 * relevant items lower AP), min(|R|, k) (`"capped"`, the default; Kaggle's
 * MAP@k, ml_metrics' `apk`), or the hits (`"hits"`, torchmetrics). With k
 * omitted (the whole list) the default is |R|, trec_eval's AP. NaN without
 * relevant items; 0 when none is retrieved.
 *
 * @param relevant Every relevant item of the query (a Set, or an array without repeats).
 * @param ranked The retrieved ids, best first (no repeats).
 * @param options `k` and `normalization` (see {@link AveragePrecisionAtKOptions}).
 * @returns A number in [0, 1], or NaN without relevant items.
 * @throws {RangeError} On a repeated id, `k` not an integer ≥ 1 or an unknown normalization.
 * @throws {TypeError} If an id is neither a finite number nor a string.
 * @see notebooks/01_setup.ipynb
 * @example Hits at ranks 1 and 3 of 3 retrieved; 4 relevant items in all
 * ```ts
 * import assert from "node:assert/strict";
 * import { averagePrecisionOfRanking } from "@lib/metrics/mod.ts";
 * const relevant = ["d1", "d3", "d5", "d8"], ranked = ["d1", "d2", "d3"];
 * // (1/1 + 2/3) / 4: the two relevant items never retrieved count
 * assert.ok(Math.abs(averagePrecisionOfRanking(relevant, ranked) - (5 / 3) / 4) < 1e-15);
 * const hits = averagePrecisionOfRanking(relevant, ranked, { normalization: "hits" });
 * assert.ok(Math.abs(hits - (5 / 3) / 2) < 1e-15);
 * ```
 */
export function averagePrecisionOfRanking(
  relevant: RelevantItems,
  ranked: ArrayLike<ItemId>,
  options: RankingAveragePrecisionOptions = {},
): number {
  const context = contextOf("averagePrecisionOfRanking");
  const hits = rankingHits(relevant, ranked, options.k, ["relevant", "ranked"], context);
  return averagePrecisionOfHits(hits, options.normalization, context);
}

/**
 * Reciprocal rank (RR@k) of a ranked list: 1 / the rank of its first
 * relevant id, 0 when none is among the first k (trec_eval's `recip_rank`).
 * NaN when the query has no relevant item.
 *
 * @param relevant Every relevant item of the query (a Set, or an array without repeats).
 * @param ranked The retrieved ids, best first (no repeats).
 * @param options See {@link RankingAtKOptions}.
 * @returns A number in [0, 1], or NaN without relevant items.
 * @throws {RangeError} On a repeated id or `k` not an integer ≥ 1.
 * @throws {TypeError} If an id is neither a finite number nor a string.
 * @see notebooks/01_setup.ipynb
 * @example First relevant at rank 2
 * ```ts
 * import assert from "node:assert/strict";
 * import { reciprocalRankOfRanking } from "@lib/metrics/mod.ts";
 * assert.equal(reciprocalRankOfRanking(new Set([5]), [3, 5, 8]), 0.5);
 * assert.equal(reciprocalRankOfRanking(new Set([5]), [3, 5, 8], { k: 1 }), 0);
 * ```
 */
export function reciprocalRankOfRanking(
  relevant: RelevantItems,
  ranked: ArrayLike<ItemId>,
  options: RankingAtKOptions = {},
): number {
  const context = contextOf("reciprocalRankOfRanking");
  const hits = rankingHits(relevant, ranked, options.k, ["relevant", "ranked"], context);
  if (hits.relevant === 0) return NaN;
  return hits.ranks.length === 0 ? 0 : 1 / hits.ranks[0];
}
