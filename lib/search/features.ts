import { assertInteger, raise } from "../_shared/validate.ts";
import { _bm25Params, _bm25Term, bm25Idf, type Bm25Options } from "./bm25.ts";
import type { SearchCorpus } from "./corpus.ts";

/**
 * Column names of {@link rankingFeatures}, in order:
 *
 * - `bm25`: the BM25 score (title + body);
 * - `query_coverage`: share of the distinct query terms that occur in the body;
 * - `title_coverage`: share of the distinct query terms that occur in the title;
 * - `phrase_match`: 1 if the query's terms occur in the body consecutively and in order;
 * - `proximity`: $p / w$, p the distinct query terms present in the body and w the
 *   shortest body window (in terms) that contains all of them (1 = adjacent, 0 = none);
 * - `first_position`: $1 - j/|B|$, j the position of the first query term in the body B
 *   (0 when none occurs);
 * - `log_length`: $\ln(1 + |B|)$.
 *
 * The document's year is deliberately not a feature: with few training queries, a
 * flexible ranker uses it to memorise the era of each training query's answers, which
 * does not carry over to new queries.
 *
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { RANKING_FEATURE_NAMES } from "@lib/search/mod.ts";
 * assert.equal(RANKING_FEATURE_NAMES[0], "bm25");
 * ```
 */
export const RANKING_FEATURE_NAMES: readonly string[] = Object.freeze([
  "bm25",
  "query_coverage",
  "title_coverage",
  "phrase_match",
  "proximity",
  "first_position",
  "log_length",
]);

/** Feature rows of query–document pairs: row-major values and column names. */
export interface RankingFeatures {
  /** `numRows × numFeatures` values, row-major. */
  readonly values: Float32Array;
  /** Number of rows (documents). */
  readonly numRows: number;
  /** Number of columns. */
  readonly numFeatures: number;
  /** {@link RANKING_FEATURE_NAMES}. */
  readonly names: readonly string[];
}

/** Writes one document's features; `slot[t]` is the query slot of term id t, or −1. */
function writeRow(
  corpus: SearchCorpus,
  d: number,
  q: { ids: number[]; sequence: number[]; idf: number[]; slot: Int32Array; distinct: number },
  k1: number,
  b: number,
  out: Float32Array,
  o: number,
): void {
  const { index, titleLengths } = corpus;
  const terms = index.docTerms[d], start = titleLengths[d], m = q.ids.length;
  const tf = new Int32Array(m), inTitle = new Uint8Array(m), inBody = new Int32Array(m);
  let first = -1;
  for (let j = 0; j < terms.length; j++) {
    const s = terms[j] < q.slot.length ? q.slot[terms[j]] : -1;
    if (s < 0) continue;
    tf[s]++;
    if (j < start) inTitle[s] = 1;
    else {
      inBody[s]++;
      if (first < 0) first = j - start;
    }
  }
  let bm25 = 0, present = 0, titled = 0;
  for (let s = 0; s < m; s++) {
    if (tf[s] > 0) bm25 += _bm25Term(q.idf[s], tf[s], terms.length, index.avgDocLength, k1, b);
    if (inBody[s] > 0) present++;
    titled += inTitle[s];
  }
  const bodyLength = terms.length - start;
  const distinct = q.distinct;
  // Shortest window holding every present query term, and the in-order phrase.
  let window = Infinity, phrase = 0;
  if (present > 0) {
    const last = new Int32Array(m).fill(-1);
    let seen = 0;
    for (let j = start; j < terms.length; j++) {
      const s = terms[j] < q.slot.length ? q.slot[terms[j]] : -1;
      if (s < 0) continue;
      if (last[s] < 0) seen++;
      last[s] = j;
      if (seen === present) {
        let min = j;
        for (let r = 0; r < m; r++) if (last[r] >= 0 && last[r] < min) min = last[r];
        window = Math.min(window, j - min + 1);
      }
      const L = q.sequence.length;
      if (phrase === 0 && L > 0 && j - L + 1 >= start) {
        let match = 1;
        for (let r = 0; r < L && match; r++) if (terms[j - L + 1 + r] !== q.sequence[r]) match = 0;
        phrase = match;
      }
    }
  }
  out[o] = bm25;
  out[o + 1] = present / distinct;
  out[o + 2] = titled / distinct;
  out[o + 3] = phrase;
  out[o + 4] = present === 0 ? 0 : present / window;
  out[o + 5] = first < 0 ? 0 : 1 - first / bodyLength;
  out[o + 6] = Math.log1p(bodyLength);
}

/**
 * Query–document features for a learned ranker (the second stage of a search
 * funnel): the columns of {@link RANKING_FEATURE_NAMES}, computed by reading each
 * document's terms, so the cost grows with the number and length of the documents
 * scored — the reason a funnel computes them for a few candidates only.
 *
 * @param corpus The corpus.
 * @param queryTerms The tokenized query (tokenized like the corpus).
 * @param docIds The documents to describe.
 * @param options BM25's `k1` and `b`.
 * @returns {@link RankingFeatures} with one row per document id.
 * @throws {RangeError} If a document id is out of range, or for bad `k1`, `b`.
 * @throws {TypeError} If `queryTerms` is not an array of strings.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createCorpus, rankingFeatures, tokenize } from "@lib/search/mod.ts";
 * const corpus = createCorpus([
 *   { title: "Jimmy Carter", body: "The energy crisis is real; energy costs rise.", year: 1979 },
 *   { title: "Richard Nixon", body: "A crisis of energy supply.", year: 1974 },
 * ]);
 * const x = rankingFeatures(corpus, tokenize("energy crisis"), [0, 1]);
 * const col = (name: string, row: number) => x.values[row * x.numFeatures + x.names.indexOf(name)];
 * assert.equal(col("phrase_match", 0), 1);
 * assert.equal(col("phrase_match", 1), 0); // "crisis of energy": wrong order
 * assert.equal(col("proximity", 1), 2 / 2); // "crisis" and "energy" adjacent after stop words
 * assert.equal(col("title_coverage", 0), 0);
 * ```
 */
export function rankingFeatures(
  corpus: SearchCorpus,
  queryTerms: readonly string[],
  docIds: ArrayLike<number>,
  options: Bm25Options = {},
): RankingFeatures {
  const context = "compute rankingFeatures";
  const { k1, b } = _bm25Params(options, context);
  if (!Array.isArray(queryTerms)) raise("type", context, "queryTerms must be an array of terms");
  const { index } = corpus;
  const sequence = queryTerms.map((t) => index.vocabulary.get(t) ?? -1);
  const ids = [...new Set(sequence.filter((t) => t >= 0))];
  const slot = new Int32Array(index.terms.length).fill(-1);
  ids.forEach((t, s) => (slot[t] = s));
  const idf = ids.map((t) => bm25Idf(index.numDocs, index.docFreq[t]));
  const q = { ids, sequence, idf, slot, distinct: Math.max(new Set(queryTerms).size, 1) };
  const F = RANKING_FEATURE_NAMES.length;
  const values = new Float32Array(docIds.length * F);
  for (let r = 0; r < docIds.length; r++) {
    assertInteger(docIds[r], `docIds[${r}]`, context, { min: 0, max: index.numDocs - 1 });
    writeRow(corpus, docIds[r], q, k1, b, values, r * F);
  }
  return { values, numRows: docIds.length, numFeatures: F, names: RANKING_FEATURE_NAMES };
}
