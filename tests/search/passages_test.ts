import assert from "node:assert/strict";
import fc from "fast-check";
import { splitPassages } from "@lib/search/mod.ts";

Deno.test("splitPassages() groups whole sentences until minWords", () => {
  const text = 'He said "Go." Then he left! Did he return? Yes (in 1790). The end.';
  assert.deepEqual(splitPassages(text, { minWords: 3 }), [
    'He said "Go."',
    "Then he left!",
    "Did he return?",
    "Yes (in 1790).",
    "The end.", // 2 words: at least half of minWords, so it stays a passage of its own
  ]);
});

Deno.test("splitPassages() merges a short last passage into the previous one", () => {
  assert.deepEqual(splitPassages("One two three four. Five.", { minWords: 4 }), [
    "One two three four. Five.",
  ]);
  assert.deepEqual(splitPassages("One two. Three four.", { minWords: 4 }), [
    "One two. Three four.",
  ]);
});

Deno.test("splitPassages() does not split before a lower-case word", () => {
  assert.deepEqual(
    splitPassages("It cost $4.5 million, i.e. less. Next one here.", { minWords: 3 }),
    [
      "It cost $4.5 million, i.e. less.",
      "Next one here.",
    ],
  );
});

Deno.test("splitPassages() returns nothing for a text without words", () => {
  assert.deepEqual(splitPassages("   "), []);
});

Deno.test("splitPassages() keeps every word, in order", () => {
  const sentence = fc.array(fc.constantFrom("Alpha", "beta", "gamma", "Delta"), {
    minLength: 1,
    maxLength: 6,
  }).map((w) => w.join(" ") + ".");
  fc.assert(
    fc.property(
      fc.array(sentence, { maxLength: 12 }),
      fc.integer({ min: 1, max: 10 }),
      (s, min) => {
        const text = s.join(" ");
        const words = (t: string) => t.split(/\s+/).filter((w) => w !== "");
        assert.deepEqual(splitPassages(text, { minWords: min }).flatMap(words), words(text));
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("splitPassages() rejects a non-string text and a bad minWords", () => {
  assert.throws(
    () => splitPassages(null as unknown as string),
    new TypeError("Cannot split passages: text must be a string, got object"),
  );
  assert.throws(
    () => splitPassages("a", { minWords: 0 }),
    new RangeError("Cannot split passages: minWords must be at least 1, got 0"),
  );
});
