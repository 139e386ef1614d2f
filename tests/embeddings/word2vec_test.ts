import assert from "node:assert/strict";
import { trainWord2Vec } from "@lib/embeddings/mod.ts";
import { cosineSimilarity } from "@lib/vectors/mod.ts";

// Two topics that never share a sentence: words 0–3 and words 4–7.
function corpus(): { sentences: Int32Array[]; counts: number[] } {
  const sentences: Int32Array[] = [];
  for (let i = 0; i < 400; i++) {
    const base = i % 2 === 0 ? 0 : 4;
    sentences.push(Int32Array.from({ length: 6 }, (_, j) => base + ((i + j * 3) % 4)));
  }
  const counts = new Array(8).fill(0);
  for (const s of sentences) for (const w of s) counts[w]++;
  return { sentences, counts };
}

const OPTIONS = { dim: 12, window: 2, negatives: 3, epochs: 3, sample: 0 } as const;

for (const model of ["skipgram", "cbow"] as const) {
  Deno.test(`trainWord2Vec(${model}) puts words of one topic closer than words of two`, () => {
    const { sentences, counts } = corpus();
    const { vectors, wordsTrained } = trainWord2Vec(sentences, counts, {
      ...OPTIONS,
      model,
      seed: 3,
    });
    assert.equal(wordsTrained, 3 * 400 * 6);
    const row = (w: number) => vectors.data.subarray(w * 12, w * 12 + 12);
    let within = 0, across = 0;
    for (let a = 0; a < 8; a++) {
      for (let b = a + 1; b < 8; b++) {
        const same = (a < 4) === (b < 4);
        if (same) within += cosineSimilarity(row(a), row(b)) / 12;
        else across += cosineSimilarity(row(a), row(b)) / 16;
      }
    }
    assert.ok(within > across + 0.3, `within ${within}, across ${across}`);
  });
}

Deno.test("trainWord2Vec() is reproducible from the seed, and both kernels agree", () => {
  const { sentences, counts } = corpus();
  const a = trainWord2Vec(sentences, counts, { ...OPTIONS, seed: 8, kernel: "wasm" });
  assert.deepEqual(trainWord2Vec(sentences, counts, { ...OPTIONS, seed: 8, kernel: "wasm" }), a);
  assert.notDeepEqual(trainWord2Vec(sentences, counts, { ...OPTIONS, seed: 9 }).vectors, a.vectors);
  const js = trainWord2Vec(sentences.slice(0, 20), counts, {
    ...OPTIONS,
    epochs: 1,
    seed: 8,
    kernel: "js",
  });
  const wasm = trainWord2Vec(sentences.slice(0, 20), counts, {
    ...OPTIONS,
    epochs: 1,
    seed: 8,
    kernel: "wasm",
  });
  const diff = Array.from(js.vectors.data).reduce(
    (m, v, i) => Math.max(m, Math.abs(v - wasm.vectors.data[i])),
    0,
  );
  assert.ok(diff < 1e-5, `largest difference ${diff}`);
});

Deno.test("trainWord2Vec() rejects ids without a count and bad options", () => {
  assert.throws(
    () => trainWord2Vec([Int32Array.of(0, 3)], [1, 1], { seed: 1 }),
    /Cannot train word2vec: sentences\[0\] has word id 3, outside 0 … 1/,
  );
  assert.throws(
    () => trainWord2Vec([Int32Array.of(0)], [1], { seed: 1, window: 0 }),
    /window must be at least 1/,
  );
  assert.throws(
    () => trainWord2Vec([Int32Array.of(0)], [1], { seed: 1, model: "glove" as "cbow" }),
    /model must be one of "skipgram", "cbow"/,
  );
  assert.throws(
    () =>
      trainWord2Vec([Int32Array.of(0)], [1], { seed: 1, learningRate: 0.01, minLearningRate: 0.1 }),
    /minLearningRate must be at most 0.01/,
  );
  assert.throws(() => trainWord2Vec([Int32Array.of(0)], [1], {}), /pass a seed or rng/);
});
