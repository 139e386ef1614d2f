import assert from "node:assert/strict";
import { createCorpus, type QueryIntent, relevanceGrades } from "@lib/search/mod.ts";

const corpus = createCorpus([
  { title: "Abraham Lincoln", body: "The rebellion goes on.", year: 1862 },
  { title: "Abraham Lincoln", body: "Secession and rebellion; the civil war.", year: 1863 },
  {
    title: "Andrew Johnson",
    body: "After the civil war, secession, rebellion, confederate debts.",
    year: 1866,
  },
  { title: "Bill", body: "War, civil servants.", year: 1990 },
  { title: "Bill", body: "Civil rebellions in the rebellion.", year: 1990 },
]);
const civilWar: QueryIntent = {
  query: "civil war",
  terms: ["civil war", "rebellion", "secession", "confederate"],
};

Deno.test("relevanceGrades() grades topical passages by distinct phrase hits", () => {
  // Hits: 1, 3, 4, 0 ("war, civil" is not the phrase "civil war"), 1 (stemmed "rebellion" once).
  assert.deepEqual([...relevanceGrades(corpus, civilWar)], [1, 2, 3, 0, 1]);
});

Deno.test("relevanceGrades() adds 2 for a wanted speaker and caps at 3", () => {
  const lincoln = { ...civilWar, query: "Abraham Lincoln", speakers: ["Abraham Lincoln"] };
  assert.deepEqual([...relevanceGrades(corpus, lincoln)], [3, 3, 3, 0, 1]);
  const onlySpeaker = { query: "Lincoln", speakers: ["Abraham Lincoln"], terms: [] };
  assert.deepEqual([...relevanceGrades(corpus, onlySpeaker)], [2, 2, 0, 0, 0]);
});

Deno.test("relevanceGrades() ignores phrases absent from the corpus and counts duplicates once", () => {
  const intent = { query: "q", terms: ["rebellion", "rebellions", "zeppelin", "the"] };
  assert.deepEqual([...relevanceGrades(corpus, intent)], [1, 1, 1, 0, 1]);
});

Deno.test("relevanceGrades() matches phrases in the body only", () => {
  const intent = { query: "q", terms: ["abraham lincoln"] };
  assert.deepEqual([...relevanceGrades(corpus, intent)], [0, 0, 0, 0, 0]);
});

Deno.test("relevanceGrades() rejects an intent without term list", () => {
  assert.throws(
    () => relevanceGrades(corpus, { query: "q" } as unknown as QueryIntent),
    new TypeError("Cannot compute relevanceGrades: intent.terms must be an array"),
  );
  assert.throws(
    () => relevanceGrades(corpus, { query: "q", terms: [3 as unknown as string] }),
    new TypeError("Cannot compute relevanceGrades: intent.terms[0] must be a string"),
  );
});
