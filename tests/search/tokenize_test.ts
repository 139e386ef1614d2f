import assert from "node:assert/strict";
import fc from "fast-check";
import { ENGLISH_STOPWORDS, sStem, tokenize } from "@lib/search/mod.ts";

Deno.test("tokenize() lower-cases, strips accents and splits on non-letters", () => {
  assert.deepEqual(tokenize("Café-Society, NAÏVE 2024!", { stemmer: "none" }), [
    "cafe",
    "society",
    "naive",
    "2024",
  ]);
});

Deno.test("tokenize() drops stop words and short words, then stems plurals", () => {
  assert.deepEqual(tokenize("The wars of a nation's taxes"), ["war", "nation", "taxe"]);
  assert.deepEqual(tokenize("x y ab", { minLength: 1, stopwords: new Set() }), ["x", "y", "ab"]);
});

Deno.test("tokenize() returns no terms for an empty or stop-word-only text", () => {
  assert.deepEqual(tokenize(""), []);
  assert.deepEqual(tokenize("the and of"), []);
});

Deno.test("tokenize() is idempotent on its own output", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), (text) => {
      const once = tokenize(text, { stemmer: "none" });
      assert.deepEqual(tokenize(once.join(" "), { stemmer: "none" }), once);
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("sStem() applies the first of Harman's three rules that matches", () => {
  // Harman (1991), table 1: "ies"→"y" unless "eies"/"aies"; else "es"→"e" unless
  // "aes"/"ees"/"oes"; else "s"→"" unless "us"/"ss". Words of ≤ 3 letters are kept.
  const cases: [string, string][] = [
    ["policies", "policy"],
    ["zombies", "zomby"],
    ["taxes", "taxe"],
    ["shoes", "shoe"], // "oes" blocks the second rule; the third removes the "s"
    ["trees", "tree"],
    ["weapons", "weapon"],
    ["status", "status"],
    ["congress", "congress"],
    ["gas", "gas"],
  ];
  for (const [word, stem] of cases) assert.equal(sStem(word), stem, word);
});

Deno.test("ENGLISH_STOPWORDS holds lower-case words only", () => {
  for (const w of ENGLISH_STOPWORDS) assert.equal(w, w.toLowerCase());
});

Deno.test("tokenize() rejects a non-string text, a bad minLength and an unknown stemmer", () => {
  assert.throws(
    () => tokenize(3 as unknown as string),
    new TypeError("Cannot tokenize: text must be a string, got number"),
  );
  assert.throws(
    () => tokenize("a", { minLength: 0 }),
    new RangeError("Cannot tokenize: minLength must be a positive integer, got 0"),
  );
  assert.throws(
    () => tokenize("a", { stemmer: "porter" as "s" }),
    new RangeError('Cannot tokenize: stemmer must be one of "none", "s", got "porter"'),
  );
});
