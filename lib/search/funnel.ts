import { assertInteger, raise } from "../_shared/validate.ts";
import { _bm25Params, type Bm25Options, bm25Search } from "./bm25.ts";
import type { SearchCorpus } from "./corpus.ts";
import { type RankingFeatures, rankingFeatures } from "./features.ts";
import { topK } from "./top_k.ts";

/** Options of {@link funnelSearch}. */
export interface FunnelOptions extends Bm25Options {
  /**
   * Candidates the selector (BM25) passes to the ranker; `Infinity` skips the selector
   * and ranks every document of the corpus. @default 100
   */
  candidates?: number;
  /** Results returned. @default 10 */
  k?: number;
}

/**
 * A two-stage search: BM25 selects the top `candidates` documents of the whole
 * corpus, a learned ranker scores their {@link rankingFeatures}, and the `k` best
 * by that score are returned (ties by candidate order). The ranker's cost grows
 * with `candidates`; documents the selector drops can never be returned.
 *
 * @param corpus The corpus.
 * @param queryTerms The tokenized query.
 * @param score The ranker: one score per feature row (e.g. a `denseScorer`).
 * @param options `candidates`, `k`, and BM25's `k1`, `b` (for the selector and the
 *   `bm25` feature).
 * @returns `{ docIds, scores }`: at most k documents, best first, with the ranker's scores.
 * @throws {RangeError} If `candidates` is not a positive integer or `Infinity`, `k` is not a
 *   positive integer, or `score` returns the wrong number of scores.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createCorpus, funnelSearch, RANKING_FEATURE_NAMES, tokenize } from "@lib/search/mod.ts";
 * const corpus = createCorpus([
 *   { title: "A", body: "tax tax tax", year: 1900 },
 *   { title: "B", body: "tax and a much longer passage about the tax", year: 2000 },
 *   { title: "C", body: "war", year: 2000 },
 * ]);
 * // A toy ranker that prefers long passages.
 * const col = RANKING_FEATURE_NAMES.indexOf("log_length"), F = RANKING_FEATURE_NAMES.length;
 * const byLength = (x: { values: ArrayLike<number>; numRows: number }) =>
 *   Array.from({ length: x.numRows }, (_, r) => x.values[r * F + col]);
 * const hits = funnelSearch(corpus, tokenize("tax"), byLength, { candidates: 2, k: 1 });
 * assert.deepEqual([...hits.docIds], [1]);
 * ```
 */
export function funnelSearch(
  corpus: SearchCorpus,
  queryTerms: readonly string[],
  score: (rows: RankingFeatures) => ArrayLike<number>,
  options: FunnelOptions = {},
): { docIds: Int32Array; scores: Float64Array } {
  const context = "run funnelSearch";
  const { candidates = 100, k = 10 } = options;
  if (candidates !== Infinity) assertInteger(candidates, "candidates", context, { min: 1 });
  assertInteger(k, "k", context, { min: 1 });
  const bm25 = _bm25Params(options, context);
  const pool = candidates === Infinity
    ? Int32Array.from({ length: corpus.index.numDocs }, (_, d) => d)
    : bm25Search(corpus.index, queryTerms, { k: candidates, ...bm25 }).docIds;
  const scores = score(rankingFeatures(corpus, queryTerms, pool, bm25));
  if (scores?.length !== pool.length) {
    raise("range", context, `score must return ${pool.length} scores, got ${scores?.length}`);
  }
  const best = topK(scores, k);
  return {
    docIds: Int32Array.from(best, (j) => pool[j]),
    scores: Float64Array.from(best, (j) => scores[j]),
  };
}
