/**
 * A small search engine for chapter 1 ("Setting up an ML system"): tokenizer,
 * inverted index and BM25 as the cheap first stage (selector) over a whole
 * collection; query–document features, constructed graded relevance and NDCG of a
 * result list for a learned second stage (ranker), and the funnel that joins
 * them (the ranker is typically a `denseScorer` of `lib/models`); {@link timePerQuery}
 * times a search system per query, {@link timeQueriesInterleaved} several of them in one
 * interleaved run. The State of the Union addresses (`loadDataset("sotu")` of
 * `lib/data`) become passage documents with {@link sotuDocuments}, and
 * {@link SOTU_QUERIES} holds queries with their judging guidelines.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { bm25Search, createCorpus, tokenize } from "@lib/search/mod.ts";
 * const corpus = createCorpus([
 *   { title: "Richard Nixon", body: "We ended the war in Vietnam.", year: 1973 },
 *   { title: "Jimmy Carter", body: "The energy crisis is a war we must win.", year: 1979 },
 *   { title: "Gerald R Ford", body: "Inflation is public enemy number one.", year: 1975 },
 * ]);
 * const hits = bm25Search(corpus.index, tokenize("Richard Nixon"), { k: 2 });
 * assert.deepEqual([...hits.docIds], [0]);
 * ```
 *
 * @see notebooks/01_setup.ipynb
 * @module
 */
export * from "./tokenize.ts";
export * from "./inverted_index.ts";
export { bm25Idf, bm25Scores, bm25Search } from "./bm25.ts";
export type { Bm25Options, Bm25SearchOptions } from "./bm25.ts";
export * from "./top_k.ts";
export * from "./passages.ts";
export * from "./corpus.ts";
export * from "./features.ts";
export * from "./funnel.ts";
export * from "./relevance.ts";
export * from "./sotu.ts";
export * from "./ndcg.ts";
export * from "./timing.ts";
export * from "./funnel_stages.ts";
