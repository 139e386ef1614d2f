import assert from "node:assert/strict";
import { bm25Idf, bm25Scores, bm25Search, buildIndex } from "@lib/search/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// Three documents, N = 3, avgdl = (3 + 2 + 4) / 3 = 3.
const DOCS = [
  ["apple", "banana", "apple"],
  ["banana", "cherry"],
  ["apple", "cherry", "cherry", "date"],
];

// Reference values computed by hand with k1 = 1.2, b = 0.75 (Robertson & Zaragoza 2009,
// eq. 3.26, with the IDF ln(1 + (N − n + 0.5) / (n + 0.5))):
//   IDF(apple) = IDF(cherry) = ln(1 + 1.5 / 2.5) = ln 1.6 = 0.47000362924573563
//   IDF(date) = ln(1 + 2.5 / 1.5) = 0.9808292530117263
//   doc 0, apple: tf 2, |D|/avgdl = 1 → IDF · 2 · 2.2 / (2 + 1.2 · 1) = 0.6462549902128865
//   doc 2, apple: tf 1, K = 1.2 (0.25 + 0.75 · 4/3) = 1.5 → IDF · 2.2 / 2.5 = 0.4136031937362474
//   doc 1, cherry: tf 1, K = 1.2 (0.25 + 0.75 · 2/3) = 0.9 → IDF · 2.2 / 1.9 = 0.5442147286003255
//   doc 2, cherry: tf 2, K = 1.5 → IDF · 4.4 / 3.5 = 0.5908617053374963
Deno.test("bm25Scores() matches a hand-computed score on a three-document corpus", () => {
  const index = buildIndex(DOCS);
  assertClose(bm25Idf(3, 2), 0.47000362924573563);
  assertClose(bm25Idf(3, 1), 0.9808292530117263);
  assertClose(bm25Scores(index, ["apple"]), [0.6462549902128865, 0, 0.4136031937362474]);
  assertClose(bm25Scores(index, ["apple", "cherry"]), [
    0.6462549902128865,
    0.5442147286003255,
    0.4136031937362474 + 0.5908617053374963,
  ]);
});

Deno.test("bm25Scores() counts a repeated query term once and ignores unknown terms", () => {
  const index = buildIndex(DOCS);
  assert.deepEqual(bm25Scores(index, ["apple", "apple", "kiwi"]), bm25Scores(index, ["apple"]));
  assert.deepEqual([...bm25Scores(index, [])], [0, 0, 0]);
});

Deno.test("bm25Scores() with b = 0 ignores length and with k1 = 0 only presence counts", () => {
  const index = buildIndex([["x", "y"], ["x", "y", "z", "w"]]);
  const noLength = bm25Scores(index, ["x"], { b: 0 });
  assert.equal(noLength[0], noLength[1]);
  const presence = bm25Scores(buildIndex([["x"], ["x", "x", "x"], ["y"]]), ["x"], { k1: 0 });
  assertClose(presence[0], presence[1]);
  assertClose(presence[0], bm25Idf(3, 2));
});

Deno.test("bm25Search() returns the top k matching documents, best first", () => {
  const index = buildIndex(DOCS);
  const hits = bm25Search(index, ["apple", "cherry"], { k: 2 });
  assert.deepEqual([...hits.docIds], [2, 0]);
  assertClose(hits.scores, [1.0044648990737437, 0.6462549902128865]);
  assert.deepEqual([...bm25Search(index, ["date"], { k: 5 }).docIds], [2]);
  assert.deepEqual([...bm25Search(index, ["kiwi"]).docIds], []);
});

Deno.test("bm25Search() agrees with sorting bm25Scores", () => {
  const index = buildIndex(DOCS);
  const scores = bm25Scores(index, ["banana", "cherry"]);
  const order = [0, 1, 2].filter((d) => scores[d] > 0).sort((a, b) =>
    scores[b] - scores[a] || a - b
  );
  assert.deepEqual([...bm25Search(index, ["banana", "cherry"], { k: 3 }).docIds], order);
});

Deno.test("bm25Scores() and bm25Search() reject bad parameters", () => {
  const index = buildIndex(DOCS);
  assert.throws(
    () => bm25Scores(index, ["apple"], { k1: -1 }),
    new RangeError("Cannot compute bm25Scores: k1 must be at least 0, got -1"),
  );
  assert.throws(
    () => bm25Scores(index, ["apple"], { b: 1.5 }),
    new RangeError("Cannot compute bm25Scores: b must be at most 1, got 1.5"),
  );
  assert.throws(
    () => bm25Scores(index, "apple" as unknown as string[]),
    new TypeError("Cannot compute bm25Scores: queryTerms must be an array of terms"),
  );
  assert.throws(
    () => bm25Scores(index, [1 as unknown as string]),
    new TypeError("Cannot compute bm25Scores: queryTerms must hold strings"),
  );
  assert.throws(
    () => bm25Search(index, ["apple"], { k: 1.5 }),
    new RangeError("Cannot run bm25Search: k must be an integer, got 1.5"),
  );
});

Deno.test("bm25Idf() rejects a document count below 1 and a document frequency outside it", () => {
  assert.throws(
    () => bm25Idf(0, 0),
    new RangeError("Cannot compute bm25Idf: numDocs must be at least 1, got 0"),
  );
  assert.throws(
    () => bm25Idf(3, 4),
    new RangeError("Cannot compute bm25Idf: docFreq must be at most 3, got 4"),
  );
  assert.throws(
    () => bm25Idf(3, -1),
    new RangeError("Cannot compute bm25Idf: docFreq must be at least 0, got -1"),
  );
  assert.throws(
    () => bm25Idf(3, 1.5),
    new RangeError("Cannot compute bm25Idf: docFreq must be an integer, got 1.5"),
  );
  assert.throws(
    () => bm25Idf(3, "1" as unknown as number),
    new TypeError('Cannot compute bm25Idf: docFreq must be a number, got "1"'),
  );
});
