import { assertInteger, raise } from "../_shared/validate.ts";
import type { DenseMatrix } from "../vectors/mod.ts";
import type { Neighbour } from "./evaluation.ts";
import type { Vocabulary } from "./vocabulary.ts";

/**
 * The vector of one position of a sentence computed from its context: the mean of the input
 * vectors of the known words within `window` of `position` (the word itself left out), exactly
 * the hidden vector $h$ a CBOW model uses to predict the word there. The same word gets a
 * different vector in each sentence: a one-layer, order-blind miniature of contextual
 * embeddings such as ELMo or BERT.
 *
 * @param vectors Input (word) vectors of a word2vec model.
 * @param vocab Its vocabulary.
 * @param words A tokenised sentence.
 * @param position Index of the word to represent.
 * @param options `window` (@default 5).
 * @returns The context vector (length `vectors.cols`).
 * @throws {RangeError} If `position` is outside the sentence or no context word is known.
 * @see notebooks/05_embeddings.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildVocabulary, contextVector } from "@lib/embeddings/mod.ts";
 * import { fromRows } from "@lib/vectors/mod.ts";
 * const vocab = buildVocabulary([["a", "b", "c"]], { minCount: 1 });
 * // Around "b" (position 2), within 2 words: "a" and "c" ("x" is unknown): mean of [1, 0], [3, 3].
 * const h = contextVector(fromRows([[1, 0], [0, 1], [3, 3]]), vocab, ["a", "x", "b", "c"], 2, { window: 2 });
 * assert.deepEqual([...h], [2, 1.5]);
 * ```
 */
export function contextVector(
  vectors: DenseMatrix,
  vocab: Vocabulary,
  words: readonly string[],
  position: number,
  options: { window?: number } = {},
): Float64Array {
  const context = "compute a context vector";
  const { window = 5 } = options;
  assertInteger(window, "window", context, { min: 1 });
  assertInteger(position, "position", context, { min: 0, max: words.length - 1 });
  const h = new Float64Array(vectors.cols);
  let n = 0;
  const from = Math.max(0, position - window), to = Math.min(words.length - 1, position + window);
  for (let c = from; c <= to; c++) {
    const id = c === position ? undefined : vocab.index.get(words[c]);
    if (id === undefined || id >= vectors.rows) continue;
    for (let j = 0; j < vectors.cols; j++) h[j] += vectors.data[id * vectors.cols + j];
    n++;
  }
  if (n === 0) {
    raise(
      "range",
      context,
      `no word within ${window} of position ${position} is in the vocabulary`,
    );
  }
  return h.map((x) => x / n);
}

/**
 * The words a word2vec model predicts for a slot from its context vector `h`: the highest
 * scores $u_w^\top h$ over the output (context) vectors $u_w$ — what negative sampling trains
 * $\sigma(u_w^\top h)$ to rank high for the observed word.
 *
 * @param contextVectors Output vectors of a word2vec model.
 * @param vocab Its vocabulary.
 * @param h A context vector (e.g. from {@link contextVector}).
 * @param options `k` (@default 5).
 * @returns The `k` best words with their scores (in `similarity`), best first.
 * @throws {RangeError} If `h` has the wrong length.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildVocabulary, predictFromContext } from "@lib/embeddings/mod.ts";
 * import { fromRows } from "@lib/vectors/mod.ts";
 * const vocab = buildVocabulary([["a", "b"]], { minCount: 1 });
 * assert.equal(predictFromContext(fromRows([[1, 0], [0, 2]]), vocab, [0, 1], { k: 1 })[0].word, "b");
 * ```
 */
export function predictFromContext(
  contextVectors: DenseMatrix,
  vocab: Vocabulary,
  h: ArrayLike<number>,
  options: { k?: number } = {},
): Neighbour[] {
  const context = "predict a word from its context";
  const { k = 5 } = options;
  assertInteger(k, "k", context, { min: 1, max: contextVectors.rows });
  if (h.length !== contextVectors.cols) {
    raise("range", context, `h must have length ${contextVectors.cols}, got ${h.length}`);
  }
  const scores = Array.from({ length: contextVectors.rows }, (_, w) => {
    let s = 0;
    for (let j = 0; j < h.length; j++) s += h[j] * contextVectors.data[w * h.length + j];
    return s;
  });
  return Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a] || a - b).slice(0, k)
    .map((w) => ({ word: vocab.words[w], similarity: scores[w] }));
}
