import assert from "node:assert/strict";
import {
  analogy,
  buildVocabulary,
  loadWordPairs,
  nearestWords,
  ppmiSvd,
  randomVectors,
  spearmanCorrelation,
  wordPairScore,
} from "@lib/embeddings/mod.ts";
import { cosineSimilarity, fromRows } from "@lib/vectors/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("spearmanCorrelation() matches scipy.stats.spearmanr's docstring (0.8207826816681233)", () => {
  // scipy: spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]).statistic == 0.8207826816681233 (tie: 7, 7)
  assertClose(spearmanCorrelation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 0.8207826816681233, {
    rel: 1e-12,
  });
  assert.equal(spearmanCorrelation([1, 2, 3], [3, 2, 1]), -1);
  assert.ok(Number.isNaN(spearmanCorrelation([1, 1, 1], [1, 2, 3])));
  assert.throws(() => spearmanCorrelation([1], [1]), /at least 2 values, got 1/);
  assert.throws(() => spearmanCorrelation([1, 2], [1, 2, 3]), /same length, got 2 and 3/);
});

const VOCAB = buildVocabulary([["a", "b", "c", "d"]], { minCount: 1 });
const VECTORS = fromRows([[1, 0], [0.9, 0.2], [0, 1], [-1, 0]]);

Deno.test("nearestWords() ranks by cosine and leaves the word out", () => {
  const near = nearestWords(VECTORS, VOCAB, "a", { k: 3 });
  assert.deepEqual(near.map((n) => n.word), ["b", "c", "d"]);
  assertClose(near[0].similarity, cosineSimilarity([1, 0], [0.9, 0.2]), { rel: 1e-6 });
  assert.throws(() => nearestWords(VECTORS, VOCAB, "zebra"), /"zebra" is not in the vocabulary/);
});

Deno.test("analogy() solves an exact parallelogram and excludes the query words", () => {
  const vocab = buildVocabulary([["man", "king", "woman", "queen", "prince"]], { minCount: 1 });
  const vectors = fromRows([[1, 0, 0], [1, 1, 0], [0, 0, 1], [0, 1, 1], [1, 1, 0.1]]);
  const [best, second] = analogy(vectors, vocab, ["man", "king", "woman"], { k: 2 });
  assert.equal(best.word, "queen");
  assert.equal(second.word, "prince");
  // Query: unit(king) − unit(man) + unit(woman) = (1/√2 − 1, 1/√2, 1).
  const q = [Math.SQRT1_2 - 1, Math.SQRT1_2, 1];
  assertClose(best.similarity, cosineSimilarity(q, [0, 1, 1]), { rel: 1e-6 });
});

Deno.test("wordPairScore() correlates grades with cosines and counts missing pairs", () => {
  const pairs = [
    { word1: "a", word2: "b", grade: 3 },
    { word1: "a", word2: "c", grade: 1 },
    { word1: "a", word2: "d", grade: 0 },
    { word1: "a", word2: "zebra", grade: 2 },
  ];
  const score = wordPairScore(VECTORS, VOCAB, pairs);
  assert.equal(score.spearman, 1);
  assert.equal(score.missing, 1);
  assert.deepEqual(score.grades, [3, 1, 0]);
  assert.throws(() => wordPairScore(VECTORS, VOCAB, pairs.slice(3)), /only 0 pair\(s\)/);
});

Deno.test("loadWordPairs() reads the committed list: unique pairs, grades 0–3, both ends", () => {
  const pairs = loadWordPairs();
  assert.ok(pairs.length >= 60);
  assert.ok(pairs.every((p) => p.grade >= 0 && p.grade <= 3 && p.word1 !== p.word2));
  assert.equal(new Set(pairs.map((p) => `${p.word1} ${p.word2}`)).size, pairs.length);
  assert.ok(pairs.some((p) => p.grade === 0) && pairs.some((p) => p.grade === 3));
});

Deno.test("randomVectors() are standard normal and seeded", () => {
  const data = Array.from(randomVectors(2000, 5, { seed: 4 }).data);
  const mean = data.reduce((s, x) => s + x, 0) / data.length;
  const sd = Math.sqrt(data.reduce((s, x) => s + (x - mean) ** 2, 0) / data.length);
  assert.ok(Math.abs(mean) < 0.03 && Math.abs(sd - 1) < 0.03, `${mean} ${sd}`);
  assert.throws(() => randomVectors(0, 5, { seed: 1 }), /rows must be at least 1/);
});

Deno.test("ppmiSvd() with all dimensions reproduces the PPMI matrix's row geometry", () => {
  // Sentences "0 1" and "0 2", window 1, no smoothing: C(0,1) = C(1,0) = C(0,2) = C(2,0) = 1,
  // total 4; PMI(0,1) = log(1·4 / (2·1)) = log 2, PMI(1,0) = log(1·4 / (1·2)) = log 2, likewise
  // for 2. PPMI = log 2 · [[0,1,1],[1,0,0],[1,0,0]]: rows 1 and 2 are identical, row 0 orthogonal
  // to them.
  const m = ppmiSvd([Int32Array.of(0, 1), Int32Array.of(0, 2)], {
    vocabSize: 3,
    window: 1,
    dim: 2,
    smoothing: 1,
    seed: 1,
  });
  const row = (i: number) => m.data.subarray(i * 2, i * 2 + 2);
  assertClose(cosineSimilarity(row(1), row(2)), 1, { rel: 1e-6 });
  assertClose(cosineSimilarity(row(0), row(1)), 0, { abs: 1e-6 });
  // Singular values of the PPMI matrix: √2·log 2 twice; vectors U Σ^{1/2} have norm (√2 log 2)^{1/2}.
  assertClose(Math.hypot(...row(0)), Math.sqrt(Math.SQRT2 * Math.LN2), { rel: 1e-5 });
  assert.throws(
    () => ppmiSvd([Int32Array.of(5)], { vocabSize: 3, seed: 1, dim: 2 }),
    /no two words of the vocabulary co-occur/,
  );
});
