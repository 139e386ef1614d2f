import assert from "node:assert/strict";
import {
  buildVocabulary,
  encodeSentences,
  keepProbabilities,
  negativeSamplingTable,
  sentencesOf,
  subsample,
} from "@lib/embeddings/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("negativeSamplingTable() gives each word its unigram^0.75 share to one slot", () => {
  const counts = [1000, 300, 50, 7, 1, 1];
  const size = 100_000;
  const table = negativeSamplingTable(counts, { size });
  const weights = counts.map((c) => c ** 0.75), total = weights.reduce((s, w) => s + w, 0);
  const slots = counts.map((_, w) => table.filter((t) => t === w).length);
  slots.forEach((n, w) =>
    assert.ok(Math.abs(n - (size * weights[w]) / total) <= 1, `word ${w}: ${n}`)
  );
  assert.equal(slots.reduce((s, n) => s + n, 0), size);
  // Power 0 is uniform, power 1 is the plain unigram distribution.
  assert.deepEqual(
    negativeSamplingTable([5, 1], { size: 6, power: 1 }),
    Int32Array.of(0, 0, 0, 0, 0, 1),
  );
  assert.deepEqual(negativeSamplingTable([9, 1], { size: 4, power: 0 }), Int32Array.of(0, 0, 1, 1));
});

Deno.test("negativeSamplingTable() gives a rare word at least one slot and checks its input", () => {
  const table = negativeSamplingTable([1e9, 1], { size: 10 });
  assert.equal(table.filter((t) => t === 1).length, 1);
  assert.throws(() => negativeSamplingTable([3, 0]), /counts\[1\] must be positive, got 0/);
  assert.throws(
    () => negativeSamplingTable([3, 1, 1], { size: 2 }),
    /size must be at least 3, got 2/,
  );
});

Deno.test("keepProbabilities() follows word2vec's formula and keeps everything at sample 0", () => {
  // f = 5,000 of N = 10⁶, t = 10⁻⁴: tN = 100; (√50 + 1) · 100 / 5000 = 0.16142…
  const [frequent, rare] = keepProbabilities([5000, 50], { sample: 1e-4, totalCount: 1e6 });
  assertClose(frequent, ((Math.sqrt(50) + 1) * 100) / 5000, { rel: 1e-12 });
  assert.equal(rare, 1);
  assert.deepEqual([...keepProbabilities([5000, 50], { sample: 0 })], [1, 1]);
  assert.throws(() => keepProbabilities([1], { sample: -1 }), /sample must be at least 0/);
});

Deno.test("subsample() keeps a word about p_keep of the time, reproducibly", () => {
  const sentence = new Int32Array(20_000); // all word 0
  const [kept] = subsample([sentence], [0.3], { seed: 5 });
  assert.ok(Math.abs(kept.length / 20_000 - 0.3) < 0.015, `${kept.length}`);
  assert.deepEqual(subsample([sentence], [0.3], { seed: 5 }), [kept]);
  assert.throws(() => subsample([Int32Array.of(2)], [1], { seed: 1 }), /word id 2 has no keep/);
});

Deno.test("buildVocabulary() orders by count, drops rare words and checks minCount", () => {
  const vocab = buildVocabulary([["b", "a", "c"], ["a", "c", "a", "d"]], { minCount: 2 });
  assert.deepEqual(vocab.words, ["a", "c"]);
  assert.equal(vocab.totalCount, 5);
  assert.equal(vocab.index.get("c"), 1);
  assert.throws(
    () => buildVocabulary([["a"]], { minCount: 2 }),
    /no word occurs at least minCount=2/,
  );
  assert.throws(() => buildVocabulary([["a"]], { minCount: 0 }), /minCount must be at least 1/);
  assert.deepEqual(encodeSentences(vocab, [["d", "c", "a"]]), [Int32Array.of(1, 0)]);
});

Deno.test("sentencesOf() splits sentences and lower-cases words", () => {
  assert.deepEqual(sentencesOf(["Peace; and WAR?\n\nYes 1812"]), [["peace"], ["and", "war"], [
    "yes",
    "1812",
  ]]);
  assert.throws(() => sentencesOf([3 as unknown as string]), /texts\[0\] must be a string/);
});
