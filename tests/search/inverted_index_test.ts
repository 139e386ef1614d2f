import assert from "node:assert/strict";
import fc from "fast-check";
import { buildIndex, postings } from "@lib/search/mod.ts";

Deno.test("buildIndex() stores postings, frequencies and lengths", () => {
  const index = buildIndex([["a", "b", "a"], ["b"], []]);
  assert.equal(index.numDocs, 3);
  assert.deepEqual(postings(index, "a"), { docs: [0], tfs: [2] });
  assert.deepEqual(postings(index, "b"), { docs: [0, 1], tfs: [1, 1] });
  assert.deepEqual([...index.docFreq], [1, 2]);
  assert.deepEqual([...index.docLengths], [3, 1, 0]);
  assert.equal(index.avgDocLength, 4 / 3);
  assert.deepEqual(Array.from(index.docTerms[0]), [0, 1, 0]);
});

Deno.test("buildIndex() of no documents is empty", () => {
  const index = buildIndex([]);
  assert.equal(index.numDocs, 0);
  assert.equal(index.avgDocLength, 0);
  assert.deepEqual(postings(index, "a"), { docs: [], tfs: [] });
});

Deno.test("buildIndex() postings reproduce every document's term counts", () => {
  const doc = fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 8 });
  fc.assert(
    fc.property(fc.array(doc, { minLength: 1, maxLength: 6 }), (docs) => {
      const index = buildIndex(docs);
      for (const term of ["a", "b", "c", "d"]) {
        const { docs: ids, tfs } = postings(index, term);
        const expected = docs.map((d) => d.filter((t) => t === term).length);
        const got = docs.map(() => 0);
        ids.forEach((d, j) => (got[d] = tfs[j]));
        assert.deepEqual(got, expected);
        assert.deepEqual(ids, [...ids].sort((x, y) => x - y));
      }
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("buildIndex() rejects what is not an array of term arrays", () => {
  assert.throws(
    () => buildIndex("abc" as unknown as string[][]),
    new TypeError("Cannot build an inverted index: docs must be an array of term arrays"),
  );
  assert.throws(
    () => buildIndex([["a"], "b" as unknown as string[]]),
    new TypeError("Cannot build an inverted index: docs[1] must be an array of terms"),
  );
  assert.throws(
    () => buildIndex([["a", 3 as unknown as string]]),
    new TypeError("Cannot build an inverted index: docs[0][1] must be a string, got number"),
  );
});
