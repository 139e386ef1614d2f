import assert from "node:assert/strict";
import { buildVocabulary, contextVector, predictFromContext } from "@lib/embeddings/mod.ts";
import { fromRows } from "@lib/vectors/mod.ts";

const VOCAB = buildVocabulary([["state", "union", "labor", "of", "the"]], { minCount: 1 });
const INPUT = fromRows([[1, 0, 0], [0, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 0.5]]);
const OUTPUT = fromRows([[0, 1, 0], [1, 1, 0], [1, 0, 0], [0, 0, 0], [0, 0, 1]]);

Deno.test("contextVector() averages the known words of the window, leaving the word out", () => {
  // "the state of the union": around "union" (4) with window 2: "of" [0,0,1], "the" [0,0,0.5].
  const h = contextVector(INPUT, VOCAB, ["the", "state", "of", "the", "union"], 4, { window: 2 });
  assert.deepEqual([...h], [0, 0, 0.75]);
  // The same word in another sentence gets another vector.
  const g = contextVector(INPUT, VOCAB, ["labor", "union", "members"], 1, { window: 2 });
  assert.deepEqual([...g], [0, 1, 0]);
  assert.throws(
    () => contextVector(INPUT, VOCAB, ["union", "zzz"], 0),
    /no word within 5 of position 0/,
  );
  assert.throws(() => contextVector(INPUT, VOCAB, ["union"], 1), /position must be at most 0/);
});

Deno.test("predictFromContext() ranks words by u·h", () => {
  const ranked = predictFromContext(OUTPUT, VOCAB, [1, 0.5, 0], { k: 3 });
  // Scores: state 0.5, union 1.5, labor 1, of 0, the 0.
  assert.deepEqual(ranked.map((r) => r.word), ["union", "labor", "state"]);
  assert.deepEqual(ranked.map((r) => r.similarity), [1.5, 1, 0.5]);
  assert.throws(() => predictFromContext(OUTPUT, VOCAB, [1, 0]), /h must have length 3, got 2/);
});
