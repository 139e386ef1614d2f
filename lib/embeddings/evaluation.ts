import { assertFiniteArray, assertInteger, raise } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";
import { cosineSimilarity, type DenseMatrix, fromRows, topKCosine } from "../vectors/mod.ts";
import type { Vocabulary } from "./vocabulary.ts";
import type { WordPair } from "./word_pairs.ts";

/** A word and its cosine similarity to a query. */
export interface Neighbour {
  word: string;
  similarity: number;
}

function row(m: DenseMatrix, i: number): Float32Array | Float64Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

function idOf(vocab: Vocabulary, vectors: DenseMatrix, word: string, context: string): number {
  const id = vocab.index.get(word);
  if (id === undefined || id >= vectors.rows) {
    raise("range", context, `${JSON.stringify(word)} is not in the vocabulary`);
  }
  return id;
}

function topWords(
  vectors: DenseMatrix,
  vocab: Vocabulary,
  query: ArrayLike<number>,
  exclude: Set<number>,
  k: number,
): Neighbour[] {
  const want = Math.min(k + exclude.size, vectors.rows);
  const { indices, scores } = topKCosine(fromRows([query]), vectors, { k: want });
  const out: Neighbour[] = [];
  for (let r = 0; r < want && out.length < k; r++) {
    if (!exclude.has(indices[r])) {
      out.push({ word: vocab.words[indices[r]], similarity: scores[r] });
    }
  }
  return out;
}

/**
 * The `k` words whose vectors have the highest cosine with `word`'s (the word itself excluded).
 *
 * @param vectors Word vectors, row `i` for `vocab.words[i]` (the first `rows` words).
 * @param vocab The vocabulary.
 * @param word The query word.
 * @param options `k` (@default 5).
 * @returns Neighbours, most similar first.
 * @throws {RangeError} If `word` is not in the vocabulary (or has no row).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildVocabulary, nearestWords } from "@lib/embeddings/mod.ts";
 * import { fromRows } from "@lib/vectors/mod.ts";
 * const vocab = buildVocabulary([["a", "b", "c"]], { minCount: 1 });
 * const vectors = fromRows([[1, 0], [0, 1], [0.9, 0.1]]);
 * assert.equal(nearestWords(vectors, vocab, "a", { k: 1 })[0].word, "c");
 * ```
 */
export function nearestWords(
  vectors: DenseMatrix,
  vocab: Vocabulary,
  word: string,
  options: { k?: number } = {},
): Neighbour[] {
  const { k = 5 } = options;
  assertInteger(k, "k", "find nearest words", { min: 1 });
  const id = idOf(vocab, vectors, word, "find nearest words");
  return topWords(vectors, vocab, row(vectors, id), new Set([id]), k);
}

/**
 * Solves "`a` is to `b` as `c` is to ?" by the vector offset $\hat b - \hat a + \hat c$ of unit
 * vectors (3CosAdd, Mikolov et al. 2013), excluding the three query words.
 *
 * @param vectors Word vectors.
 * @param vocab The vocabulary.
 * @param words `[a, b, c]`.
 * @param options `k` (@default 1).
 * @returns The best `k` answers.
 * @throws {RangeError} If a word is not in the vocabulary.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { analogy, buildVocabulary } from "@lib/embeddings/mod.ts";
 * import { fromRows } from "@lib/vectors/mod.ts";
 * const vocab = buildVocabulary([["man", "king", "woman", "queen"]], { minCount: 1 });
 * const vectors = fromRows([[1, 0, 0], [1, 1, 0], [0, 0, 1], [0, 1, 1]]);
 * assert.equal(analogy(vectors, vocab, ["man", "king", "woman"])[0].word, "queen");
 * ```
 */
export function analogy(
  vectors: DenseMatrix,
  vocab: Vocabulary,
  words: readonly [string, string, string],
  options: { k?: number } = {},
): Neighbour[] {
  const context = "solve an analogy";
  const { k = 1 } = options;
  assertInteger(k, "k", context, { min: 1 });
  const ids = words.map((w) => idOf(vocab, vectors, w, context));
  const unit = ids.map((id) => {
    const v = row(vectors, id);
    const n = Math.hypot(...v);
    if (n === 0) {
      raise("range", context, `${JSON.stringify(words[ids.indexOf(id)])} has a zero vector`);
    }
    return Array.from(v, (x) => x / n);
  });
  const query = unit[1].map((x, j) => x - unit[0][j] + unit[2][j]);
  return topWords(vectors, vocab, query, new Set(ids), k);
}

/** Ranks from 1, ties sharing the mean of their ranks. */
function ranks(x: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const out = new Float64Array(x.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && x[order[j + 1]] === x[order[i]]) j++;
    for (let t = i; t <= j; t++) out[order[t]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks, ties given their mean rank
 * (as `scipy.stats.spearmanr`).
 *
 * @param x Values.
 * @param y Values, same length (at least 2).
 * @returns ρ in [−1, 1]; NaN when either side is constant.
 * @throws {RangeError} If lengths differ, are below 2, or an entry is not finite.
 * @example A monotone relation has ρ = 1
 * ```ts
 * import assert from "node:assert/strict";
 * import { spearmanCorrelation } from "@lib/embeddings/mod.ts";
 * assert.equal(spearmanCorrelation([1, 2, 3, 4], [1, 8, 27, 64]), 1);
 * ```
 */
export function spearmanCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const context = "compute spearmanCorrelation";
  assertFiniteArray(x, "x", context);
  assertFiniteArray(y, "y", context);
  if (x.length !== y.length) {
    raise("range", context, `x and y must have the same length, got ${x.length} and ${y.length}`);
  }
  if (x.length < 2) raise("range", context, `x and y need at least 2 values, got ${x.length}`);
  const rx = ranks(x), ry = ranks(y), n = x.length, mean = (n + 1) / 2;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) ** 2;
    syy += (ry[i] - mean) ** 2;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

/** Result of {@link wordPairScore}. */
export interface WordPairScore {
  /** Spearman ρ between the pairs' grades and their cosine similarities. */
  spearman: number;
  /** The cosine of each pair that was scored, in order. */
  similarities: number[];
  /** The grade of each scored pair. */
  grades: number[];
  /** Pairs skipped because a word has no vector. */
  missing: number;
}

/**
 * How well vectors order word pairs by relatedness: Spearman ρ between hand grades and the
 * cosine of the pair's vectors (the usual word-similarity benchmark, e.g. WordSim-353). Pairs
 * with a word outside the vocabulary (or beyond `vectors.rows`) are skipped and counted.
 *
 * @param vectors Word vectors.
 * @param vocab The vocabulary.
 * @param pairs Graded pairs (e.g. {@link loadWordPairs}).
 * @returns A {@link WordPairScore}.
 * @throws {RangeError} If fewer than 2 pairs can be scored.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildVocabulary, wordPairScore } from "@lib/embeddings/mod.ts";
 * import { fromRows } from "@lib/vectors/mod.ts";
 * const vocab = buildVocabulary([["a", "b", "c"]], { minCount: 1 });
 * const vectors = fromRows([[1, 0], [1, 0.1], [0, 1]]);
 * const pairs = [{ word1: "a", word2: "b", grade: 3 }, { word1: "a", word2: "c", grade: 0 }];
 * assert.equal(wordPairScore(vectors, vocab, pairs).spearman, 1);
 * ```
 */
export function wordPairScore(
  vectors: DenseMatrix,
  vocab: Vocabulary,
  pairs: readonly WordPair[],
): WordPairScore {
  const similarities: number[] = [], grades: number[] = [];
  let missing = 0;
  for (const { word1, word2, grade } of pairs) {
    const a = vocab.index.get(word1), b = vocab.index.get(word2);
    if (a === undefined || b === undefined || a >= vectors.rows || b >= vectors.rows) {
      missing++;
      continue;
    }
    similarities.push(cosineSimilarity(row(vectors, a), row(vectors, b)));
    grades.push(grade);
  }
  if (grades.length < 2) {
    raise("range", "score word pairs", `only ${grades.length} pair(s) have vectors for both words`);
  }
  return { spearman: spearmanCorrelation(grades, similarities), similarities, grades, missing };
}

/**
 * Random word vectors (standard normal entries): the baseline any trained embedding must beat,
 * whose word-pair correlation is zero up to sampling noise.
 *
 * @param rows Number of vectors.
 * @param cols Vector length.
 * @param options `seed` or `rng`.
 * @returns A `Float32Array` matrix.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { randomVectors } from "@lib/embeddings/mod.ts";
 * assert.deepEqual(randomVectors(3, 2, { seed: 1 }), randomVectors(3, 2, { seed: 1 }));
 * ```
 */
export function randomVectors(rows: number, cols: number, options: RandomOptions): DenseMatrix {
  assertInteger(rows, "rows", "draw random vectors", { min: 1 });
  assertInteger(cols, "cols", "draw random vectors", { min: 1 });
  const rng = resolveRng(options, "draw random vectors");
  return { data: Float32Array.from({ length: rows * cols }, () => rng.normal()), rows, cols };
}
