import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";
import type { InvertedIndex } from "./inverted_index.ts";
import { topK } from "./top_k.ts";

/** Parameters of BM25. */
export interface Bm25Options {
  /** Term-frequency saturation $k_1$ (0 = presence only). @default 1.2 */
  k1?: number;
  /** Length normalisation $b$ in [0, 1] (0 = none, 1 = full). @default 0.75 */
  b?: number;
}

/**
 * Inverse document frequency of BM25 in the form that stays positive (Lucene's):
 * $$\mathrm{IDF}(t) = \ln\Big(1 + \frac{N - n(t) + 0.5}{n(t) + 0.5}\Big).$$
 *
 * @param numDocs N, documents in the collection.
 * @param docFreq n(t), documents containing the term.
 * @returns The IDF (> 0).
 * @throws {RangeError} If `numDocs` is not a positive integer or `docFreq` is not an integer
 *   in [0, numDocs].
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bm25Idf } from "@lib/search/mod.ts";
 * assert.equal(bm25Idf(3, 1), Math.log(1 + 2.5 / 1.5));
 * ```
 */
export function bm25Idf(numDocs: number, docFreq: number): number {
  const context = "compute bm25Idf";
  assertInteger(numDocs, "numDocs", context, { min: 1 });
  assertInteger(docFreq, "docFreq", context, { min: 0, max: numDocs });
  return Math.log(1 + (numDocs - docFreq + 0.5) / (docFreq + 0.5));
}

/** One term's BM25 contribution to one document (`options` validated by the caller). */
export function _bm25Term(
  idf: number,
  tf: number,
  docLength: number,
  avgDocLength: number,
  k1: number,
  b: number,
): number {
  const norm = avgDocLength > 0 ? 1 - b + (b * docLength) / avgDocLength : 1;
  return (idf * tf * (k1 + 1)) / (tf + k1 * norm);
}

/** Validated BM25 parameters (shared with the ranking features). */
export function _bm25Params(options: Bm25Options, context: string): { k1: number; b: number } {
  const { k1 = 1.2, b = 0.75 } = options;
  assertFiniteNumber(k1, "k1", context, { min: 0 });
  assertFiniteNumber(b, "b", context, { min: 0, max: 1 });
  return { k1, b };
}

function distinctTermIds(index: InvertedIndex, queryTerms: readonly string[], context: string) {
  if (!Array.isArray(queryTerms)) raise("type", context, "queryTerms must be an array of terms");
  const ids = new Set<number>();
  for (const term of queryTerms) {
    if (typeof term !== "string") raise("type", context, "queryTerms must hold strings");
    const id = index.vocabulary.get(term);
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}

/**
 * BM25 scores of every document for a query (Robertson and Zaragoza, "The
 * Probabilistic Relevance Framework: BM25 and Beyond", 2009, eq. 3.26):
 *
 * $$\mathrm{BM25}(D, Q) = \sum_{t \in Q} \mathrm{IDF}(t)\,
 *   \frac{f(t, D)\,(k_1 + 1)}{f(t, D) + k_1\big(1 - b + b\,\frac{|D|}{\mathrm{avgdl}}\big)}$$
 *
 * with $f(t, D)$ the term's frequency in D, $|D|$ its length in terms, and
 * {@link bm25Idf}. Each distinct query term counts once; terms not in the index
 * add nothing. Walks only the query terms' postings lists.
 *
 * @param index The index.
 * @param queryTerms The tokenized query.
 * @param options `k1` and `b`, see {@link Bm25Options}.
 * @returns A `Float64Array` with one score per document (0 where no term occurs).
 * @throws {RangeError} If `k1` < 0 or `b` is outside [0, 1].
 * @throws {TypeError} If `queryTerms` is not an array of strings.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bm25Scores, buildIndex } from "@lib/search/mod.ts";
 * const index = buildIndex([["tax", "cut"], ["war"], ["war", "war"]]);
 * const s = bm25Scores(index, ["war"]);
 * assert.equal(s[0], 0);
 * assert.ok(s[2] > s[1]); // more occurrences, same relative length
 * ```
 */
export function bm25Scores(
  index: InvertedIndex,
  queryTerms: readonly string[],
  options: Bm25Options = {},
): Float64Array {
  const context = "compute bm25Scores";
  const { k1, b } = _bm25Params(options, context);
  const scores = new Float64Array(index.numDocs);
  for (const t of distinctTermIds(index, queryTerms, context)) {
    const idf = bm25Idf(index.numDocs, index.docFreq[t]);
    for (let p = index.postingStart[t]; p < index.postingStart[t + 1]; p++) {
      const d = index.postingDocs[p];
      scores[d] += _bm25Term(
        idf,
        index.postingTfs[p],
        index.docLengths[d],
        index.avgDocLength,
        k1,
        b,
      );
    }
  }
  return scores;
}

/** Options of {@link bm25Search}. */
export interface Bm25SearchOptions extends Bm25Options {
  /** Number of documents to return. @default 10 */
  k?: number;
}

/**
 * The `k` documents with the highest BM25 score for a query, best first (ties
 * by document id), among the documents that contain at least one query term:
 * the cheap selector (first stage) of a search funnel. Cost: the query terms'
 * postings lists plus $O(m \log k)$ for the m matching documents.
 *
 * @param index The index.
 * @param queryTerms The tokenized query.
 * @param options `k`, `k1`, `b`.
 * @returns `{ docIds, scores }`, at most k of each.
 * @throws {RangeError} If `k` is not a non-negative integer, or for bad `k1`, `b`.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bm25Search, buildIndex } from "@lib/search/mod.ts";
 * const index = buildIndex([["tax", "cut"], ["war"], ["war", "war"], ["peace"]]);
 * const hits = bm25Search(index, ["war", "tax"], { k: 10 });
 * assert.deepEqual([...hits.docIds], [0, 2, 1]); // "tax" is rarer than "war"; doc 3 matches nothing
 * ```
 */
export function bm25Search(
  index: InvertedIndex,
  queryTerms: readonly string[],
  options: Bm25SearchOptions = {},
): { docIds: Int32Array; scores: Float64Array } {
  const context = "run bm25Search";
  const { k = 10 } = options;
  assertInteger(k, "k", context, { min: 0 });
  const { k1, b } = _bm25Params(options, context);
  const scores = new Float64Array(index.numDocs);
  const touched: number[] = [];
  for (const t of distinctTermIds(index, queryTerms, context)) {
    const idf = bm25Idf(index.numDocs, index.docFreq[t]);
    for (let p = index.postingStart[t]; p < index.postingStart[t + 1]; p++) {
      const d = index.postingDocs[p];
      if (scores[d] === 0) touched.push(d);
      scores[d] += _bm25Term(
        idf,
        index.postingTfs[p],
        index.docLengths[d],
        index.avgDocLength,
        k1,
        b,
      );
    }
  }
  const docIds = topK(scores, k, { among: touched });
  return { docIds, scores: Float64Array.from(docIds, (d) => scores[d]) };
}
