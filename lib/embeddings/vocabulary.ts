import { assertInteger, raise } from "../_shared/validate.ts";

/** Words kept for training, most frequent first, with their counts. */
export interface Vocabulary {
  /** The words, by decreasing count (ties in order of first appearance). */
  words: readonly string[];
  /** `counts[i]` is how often `words[i]` occurs in the corpus. */
  counts: Float64Array;
  /** Word → id (its position in `words`). */
  index: ReadonlyMap<string, number>;
  /** Sum of `counts` (tokens of kept words). */
  totalCount: number;
}

/** Options of {@link buildVocabulary}. */
export interface VocabularyOptions {
  /** Drop words seen fewer times than this. @default 5 */
  minCount?: number;
}

/**
 * Counts the words of a tokenised corpus and keeps those seen at least `minCount` times, most
 * frequent first (word2vec's vocabulary; rare words get too few updates to learn a vector).
 *
 * @param sentences Tokenised sentences.
 * @param options `minCount`.
 * @returns A {@link Vocabulary}.
 * @throws {RangeError} If `minCount` is not a positive integer or no word is frequent enough.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildVocabulary } from "@lib/embeddings/mod.ts";
 * const vocab = buildVocabulary([["a", "b", "a"], ["c", "a", "b"]], { minCount: 2 });
 * assert.deepEqual(vocab.words, ["a", "b"]);
 * assert.deepEqual([...vocab.counts], [3, 2]);
 * ```
 */
export function buildVocabulary(
  sentences: readonly (readonly string[])[],
  options: VocabularyOptions = {},
): Vocabulary {
  const context = "build a vocabulary";
  const { minCount = 5 } = options;
  assertInteger(minCount, "minCount", context, { min: 1 });
  if (!Array.isArray(sentences)) raise("type", context, "sentences must be an array of arrays");
  const counts = new Map<string, number>();
  for (const sentence of sentences) {
    for (const word of sentence) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const kept = [...counts].filter(([, c]) => c >= minCount);
  if (kept.length === 0) {
    raise("range", context, `no word occurs at least minCount=${minCount} times`);
  }
  kept.sort((a, b) => b[1] - a[1]); // stable: ties keep first-appearance order
  const words = kept.map(([w]) => w);
  const out = Float64Array.from(kept, ([, c]) => c);
  return {
    words,
    counts: out,
    index: new Map(words.map((w, i) => [w, i])),
    totalCount: out.reduce((s, c) => s + c, 0),
  };
}

/**
 * Replaces words by their ids, dropping words outside the vocabulary, and drops sentences that
 * end up empty.
 *
 * @param vocab A {@link Vocabulary}.
 * @param sentences Tokenised sentences.
 * @returns One `Int32Array` of ids per non-empty sentence.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildVocabulary, encodeSentences } from "@lib/embeddings/mod.ts";
 * const vocab = buildVocabulary([["a", "b", "a"]], { minCount: 1 });
 * assert.deepEqual(encodeSentences(vocab, [["b", "x", "a"], ["x"]]), [Int32Array.of(1, 0)]);
 * ```
 */
export function encodeSentences(
  vocab: Vocabulary,
  sentences: readonly (readonly string[])[],
): Int32Array[] {
  const out: Int32Array[] = [];
  for (const sentence of sentences) {
    const ids: number[] = [];
    for (const w of sentence) {
      const id = vocab.index.get(w);
      if (id !== undefined) ids.push(id);
    }
    if (ids.length > 0) out.push(Int32Array.from(ids));
  }
  return out;
}
