import { assertInteger, raise } from "../_shared/validate.ts";
import { _bm25Params, type Bm25Options, bm25Search } from "./bm25.ts";
import type { SearchCorpus } from "./corpus.ts";
import { type RankingFeatures, rankingFeatures } from "./features.ts";
import { topK } from "./top_k.ts";

/** Options of {@link funnelStages}. */
export interface FunnelStagesOptions extends Bm25Options {
  /** Candidates the selector (BM25) passes to the ranker. @default 100 */
  candidates?: number;
}

/** The two stages of {@link funnelSearch}, callable one at a time. */
export interface FunnelStages {
  /** The selector: the top `candidates` documents by BM25, best first. */
  select(queryTerms: readonly string[]): Int32Array;
  /** The ranker: the given candidates ordered by the learned score, best first (ties keep order). */
  rank(queryTerms: readonly string[], candidates: ArrayLike<number>): Int32Array;
}

/**
 * The selector and the ranker of {@link funnelSearch} as separate functions, so that each
 * stage can be inspected, replaced or debugged alone (chapter 7's component attribution):
 * `rank(q, select(q))` cut to k is what `funnelSearch` returns.
 *
 * @param corpus The corpus.
 * @param score The ranker: one score per feature row (e.g. a `denseScorer`).
 * @param options `candidates` and BM25's `k1`, `b`.
 * @returns `{ select, rank }`.
 * @throws {RangeError} If `candidates` is not a positive integer; `rank` throws if `score`
 *   returns the wrong number of scores.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createCorpus, funnelSearch, funnelStages, tokenize } from "@lib/search/mod.ts";
 * const corpus = createCorpus([
 *   { title: "A", body: "tax tax tax", year: 1900 },
 *   { title: "B", body: "tax and a much longer passage about the tax", year: 2000 },
 *   { title: "C", body: "war", year: 2000 },
 * ]);
 * const byBm25 = (x: { values: ArrayLike<number>; numRows: number }) =>
 *   Array.from({ length: x.numRows }, (_, r) => x.values[r * 7]);
 * const stages = funnelStages(corpus, byBm25, { candidates: 2 });
 * const q = tokenize("tax");
 * assert.deepEqual([...stages.rank(q, stages.select(q))], [
 *   ...funnelSearch(corpus, q, byBm25, { candidates: 2, k: 2 }).docIds,
 * ]);
 * ```
 */
export function funnelStages(
  corpus: SearchCorpus,
  score: (rows: RankingFeatures) => ArrayLike<number>,
  options: FunnelStagesOptions = {},
): FunnelStages {
  const context = "build funnelStages";
  const { candidates = 100 } = options;
  assertInteger(candidates, "candidates", context, { min: 1 });
  if (typeof score !== "function") raise("type", context, "score must be a function");
  const bm25 = _bm25Params(options, context);
  return {
    select: (queryTerms) => bm25Search(corpus.index, queryTerms, { k: candidates, ...bm25 }).docIds,
    rank: (queryTerms, pool) => {
      const s = score(rankingFeatures(corpus, queryTerms, pool, bm25));
      if (s?.length !== pool.length) {
        raise(
          "range",
          "rank with funnelStages",
          `score must return ${pool.length} scores, got ${s?.length}`,
        );
      }
      return Int32Array.from(topK(s, pool.length), (i) => pool[i]);
    },
  };
}
