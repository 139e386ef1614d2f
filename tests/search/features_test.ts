import assert from "node:assert/strict";
import {
  bm25Scores,
  createCorpus,
  RANKING_FEATURE_NAMES,
  rankingFeatures,
  tokenize,
} from "@lib/search/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

const corpus = createCorpus([
  { title: "Jimmy Carter", body: "The energy crisis is real; energy costs rise.", year: 1979 },
  { title: "Richard Nixon", body: "Supply of energy, then at last a crisis.", year: 1974 },
  { title: "Energy Crisis", body: "Nothing here.", year: 1980 },
  { title: "Gerald R Ford", body: "Inflation.", year: 1975 },
]);
const query = tokenize("energy crisis");
const x = rankingFeatures(corpus, query, [0, 1, 2, 3]);
const at = (name: string, row: number) =>
  x.values[row * x.numFeatures + RANKING_FEATURE_NAMES.indexOf(name)];

Deno.test("rankingFeatures() has one row per document and the documented columns", () => {
  assert.equal(x.numRows, 4);
  assert.equal(x.numFeatures, RANKING_FEATURE_NAMES.length);
  assert.deepEqual(x.names, RANKING_FEATURE_NAMES);
});

Deno.test("rankingFeatures() bm25 equals bm25Scores on title + body", () => {
  const scores = bm25Scores(corpus.index, query);
  for (let r = 0; r < 4; r++) assertClose(at("bm25", r), scores[r], { rel: 1e-6 });
});

Deno.test("rankingFeatures() separates body and title matches", () => {
  // Body terms: [energy, crisis, real, energy, cost, rise], [supply, energy, last, crisis],
  // [nothing], [inflation].
  assert.deepEqual([0, 1, 2, 3].map((r) => at("query_coverage", r)), [1, 1, 0, 0]);
  assert.deepEqual([0, 1, 2, 3].map((r) => at("title_coverage", r)), [0, 0, 1, 0]);
  assert.deepEqual([0, 1, 2, 3].map((r) => at("phrase_match", r)), [1, 0, 0, 0]);
  // Shortest window holding both terms: 2 terms in doc 0, "energy last crisis" = 3 in doc 1.
  assertClose([0, 1, 2, 3].map((r) => at("proximity", r)), [1, 2 / 3, 0, 0], { rel: 1e-6 });
  // First query term at body position 0 of 6, and 1 of 4.
  assertClose([0, 1, 2, 3].map((r) => at("first_position", r)), [1, 0.75, 0, 0], { rel: 1e-6 });
  assertClose(at("log_length", 0), Math.log1p(6), { rel: 1e-6 });
});

Deno.test("rankingFeatures() of a single-term query counts presence as proximity 1", () => {
  const y = rankingFeatures(corpus, tokenize("crisis"), [1]); // the stemmer makes it "crisi"
  const col = (name: string) => y.values[RANKING_FEATURE_NAMES.indexOf(name)];
  assert.equal(col("proximity"), 1);
  assert.equal(col("phrase_match"), 1);
});

Deno.test("rankingFeatures() counts unknown query terms in the coverage denominator", () => {
  const y = rankingFeatures(corpus, ["energy", "kiwi"], [0]);
  assert.equal(y.values[RANKING_FEATURE_NAMES.indexOf("query_coverage")], 0.5);
  assert.equal(y.values[RANKING_FEATURE_NAMES.indexOf("phrase_match")], 0);
});

Deno.test("rankingFeatures() of no documents is empty", () => {
  assert.equal(rankingFeatures(corpus, query, []).values.length, 0);
});

Deno.test("rankingFeatures() rejects bad document ids and query terms", () => {
  assert.throws(
    () => rankingFeatures(corpus, query, [4]),
    new RangeError("Cannot compute rankingFeatures: docIds[0] must be at most 3, got 4"),
  );
  assert.throws(
    () => rankingFeatures(corpus, "energy" as unknown as string[], [0]),
    new TypeError("Cannot compute rankingFeatures: queryTerms must be an array of terms"),
  );
});
