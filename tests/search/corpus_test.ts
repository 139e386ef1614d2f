import assert from "node:assert/strict";
import { createCorpus, postings, type SearchDocument } from "@lib/search/mod.ts";

Deno.test("createCorpus() indexes title then body and records the title lengths", () => {
  const corpus = createCorpus([
    { title: "Abraham Lincoln", body: "A house divided.", year: 1862 },
    { title: "Lincoln", body: "Lincoln's legacy.", year: 1900 },
  ]);
  assert.deepEqual([...corpus.titleLengths], [2, 1]);
  assert.deepEqual(postings(corpus.index, "lincoln"), { docs: [0, 1], tfs: [1, 2] });
  assert.deepEqual(
    Array.from(corpus.index.docTerms[0], (t) => corpus.index.terms[t]),
    ["abraham", "lincoln", "house", "divided"],
  );
});

Deno.test("createCorpus() passes its tokenize options on", () => {
  const corpus = createCorpus([{ title: "T", body: "Wars", year: 1 }], { stemmer: "none" });
  assert.deepEqual(corpus.index.terms, ["wars"]);
  assert.deepEqual(corpus.tokenizeOptions, { stemmer: "none" });
});

Deno.test("createCorpus() rejects documents without title, body or year", () => {
  assert.throws(
    () => createCorpus({} as unknown as SearchDocument[]),
    new TypeError("Cannot create a search corpus: docs must be an array of documents"),
  );
  assert.throws(
    () => createCorpus([{ title: "T", body: 3 } as unknown as SearchDocument]),
    new TypeError("Cannot create a search corpus: docs[0] must have a string title and body"),
  );
  assert.throws(
    () => createCorpus([{ title: "T", body: "b", year: "1900" } as unknown as SearchDocument]),
    new TypeError("Cannot create a search corpus: docs[0].year must be a number, got string"),
  );
});
