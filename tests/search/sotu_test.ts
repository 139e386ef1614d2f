import assert from "node:assert/strict";
import { loadDataset } from "@lib/data/mod.ts";
import {
  createCorpus,
  relevanceGrades,
  SOTU_QUERIES,
  type SotuAddressLike,
  sotuDocuments,
} from "@lib/search/mod.ts";

Deno.test("sotuDocuments() splits each address into titled passages", () => {
  const docs = sotuDocuments([
    {
      year: 1801,
      name: "Thomas Jefferson",
      party: "Democratic-Republican",
      text: "One two. Three four.",
    },
    { year: 1802, name: "Thomas Jefferson", party: "Democratic-Republican", text: "Five six." },
  ], { minWords: 2 });
  assert.deepEqual(docs.map((d) => [d.address, d.title, d.year, d.body]), [
    [0, "Thomas Jefferson", 1801, "One two."],
    [0, "Thomas Jefferson", 1801, "Three four."],
    [1, "Thomas Jefferson", 1802, "Five six."],
  ]);
});

Deno.test("sotuDocuments() rejects addresses without text, name or year", () => {
  assert.throws(
    () => sotuDocuments("x" as unknown as SotuAddressLike[]),
    new TypeError("Cannot make State of the Union documents: addresses must be an array"),
  );
  assert.throws(
    () => sotuDocuments([{ year: 1790, name: "G", party: "none" } as unknown as SotuAddressLike]),
    new TypeError(
      "Cannot make State of the Union documents: addresses[0] must have a string text and name and a year",
    ),
  );
});

Deno.test("SOTU_QUERIES are distinct, name real speakers and each has relevant passages", () => {
  const addresses = loadDataset("sotu");
  const names = new Set(addresses.map((a) => a.name));
  assert.equal(new Set(SOTU_QUERIES.map((q) => q.query)).size, SOTU_QUERIES.length);
  for (const intent of SOTU_QUERIES) {
    for (const speaker of intent.speakers ?? []) assert.ok(names.has(speaker), speaker);
  }
  const corpus = createCorpus(sotuDocuments(addresses));
  for (const intent of SOTU_QUERIES) {
    const grades = relevanceGrades(corpus, intent);
    assert.ok(grades.some((g) => g >= 2), `${intent.query} has a passage of grade 2 or more`);
  }
});
