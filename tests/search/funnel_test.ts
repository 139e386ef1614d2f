import assert from "node:assert/strict";
import {
  bm25Search,
  createCorpus,
  funnelSearch,
  RANKING_FEATURE_NAMES,
  type RankingFeatures,
  tokenize,
} from "@lib/search/mod.ts";

const corpus = createCorpus([
  { title: "A", body: "tax tax tax", year: 1900 },
  { title: "B", body: "tax and a much longer passage about the tax", year: 2000 },
  { title: "C", body: "war", year: 2000 },
  { title: "D", body: "tax cut and tax relief for working families across the land", year: 2001 },
]);
const F = RANKING_FEATURE_NAMES.length;
const column = (name: string) => (x: RankingFeatures) =>
  Array.from(
    { length: x.numRows },
    (_, r) => x.values[r * F + RANKING_FEATURE_NAMES.indexOf(name)],
  );

Deno.test("funnelSearch() reranks only the selector's candidates", () => {
  const byLength = column("log_length");
  const top2 = bm25Search(corpus.index, tokenize("tax"), { k: 2 }).docIds;
  const hits = funnelSearch(corpus, tokenize("tax"), byLength, { candidates: 2, k: 2 });
  assert.deepEqual(new Set(hits.docIds), new Set(top2));
  assert.ok(hits.scores[0] >= hits.scores[1]);
});

Deno.test("funnelSearch() with candidates Infinity scores every document", () => {
  const hits = funnelSearch(corpus, tokenize("tax"), column("log_length"), {
    candidates: Infinity,
    k: 1,
  });
  assert.deepEqual([...hits.docIds], [3]); // the longest body, whatever BM25 says
});

Deno.test("funnelSearch() with the BM25 feature as ranker equals BM25", () => {
  const q = tokenize("tax relief");
  const hits = funnelSearch(corpus, q, column("bm25"), { candidates: 3, k: 3 });
  assert.deepEqual([...hits.docIds], [...bm25Search(corpus.index, q, { k: 3 }).docIds]);
});

Deno.test("funnelSearch() rejects bad sizes and a ranker with the wrong output length", () => {
  const q = tokenize("tax");
  assert.throws(
    () => funnelSearch(corpus, q, column("bm25"), { candidates: 0 }),
    new RangeError("Cannot run funnelSearch: candidates must be at least 1, got 0"),
  );
  assert.throws(
    () => funnelSearch(corpus, q, column("bm25"), { k: 0 }),
    new RangeError("Cannot run funnelSearch: k must be at least 1, got 0"),
  );
  assert.throws(
    () => funnelSearch(corpus, q, () => [1]),
    new RangeError("Cannot run funnelSearch: score must return 3 scores, got 1"),
  );
});
