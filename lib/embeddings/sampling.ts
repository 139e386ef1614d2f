import {
  assertFiniteArray,
  assertFiniteNumber,
  assertInteger,
  raise,
} from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";

/**
 * The probability word2vec keeps each occurrence of a word when subsampling frequent words
 * (Mikolov et al. 2013, as implemented in word2vec.c and gensim): with $f$ the word's count, $N$
 * the corpus size and $t$ the `sample` threshold,
 *
 * $$p_\text{keep} = \min\Big(1, \big(\sqrt{f / (tN)} + 1\big)\, \frac{tN}{f}\Big).$$
 *
 * Words rarer than about $tN$ are always kept; "the" loses most of its occurrences.
 * `sample = 0` keeps everything.
 *
 * @param counts Word counts (positive).
 * @param options `sample`, the threshold $t$ (word2vec's default is 1e-3).
 * @returns One keep probability per word.
 * @throws {RangeError} If a count is not positive or `sample` is negative.
 * @example A word with 1 % of a 10⁶-word corpus and t = 10⁻³ is kept with probability 0.416…
 * ```ts
 * import assert from "node:assert/strict";
 * import { keepProbabilities } from "@lib/embeddings/mod.ts";
 * const [p] = keepProbabilities([10000], { sample: 1e-3, totalCount: 1e6 });
 * assert.ok(Math.abs(p - (Math.sqrt(10) + 1) / 10) < 1e-12);
 * ```
 */
export function keepProbabilities(
  counts: ArrayLike<number>,
  options: { sample: number; totalCount?: number },
): Float64Array {
  const context = "compute keepProbabilities";
  assertFiniteArray(counts, "counts", context);
  const { sample } = options ?? {};
  assertFiniteNumber(sample, "sample", context, { min: 0 });
  let total = options.totalCount;
  if (total === undefined) {
    total = 0;
    for (let i = 0; i < counts.length; i++) total += counts[i];
  }
  assertFiniteNumber(total, "totalCount", context, { min: 0 });
  const out = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    if (!(counts[i] > 0)) {
      raise("range", context, `counts[${i}] must be positive, got ${counts[i]}`);
    }
    if (sample === 0) {
      out[i] = 1;
      continue;
    }
    const t = sample * total;
    out[i] = Math.min(1, (Math.sqrt(counts[i] / t) + 1) * t / counts[i]);
  }
  return out;
}

/**
 * Drops each word occurrence with probability $1 - p_\text{keep}$ (see
 * {@link keepProbabilities}); sentences keep their order, empty ones are dropped.
 *
 * @param sentences Encoded sentences (word ids).
 * @param keep Keep probability per word id.
 * @param options `seed` or `rng`.
 * @returns The subsampled sentences.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { subsample } from "@lib/embeddings/mod.ts";
 * const out = subsample([Int32Array.of(0, 1, 0, 1)], [0, 1], { seed: 1 });
 * assert.deepEqual(out, [Int32Array.of(1, 1)]);
 * ```
 */
export function subsample(
  sentences: readonly Int32Array[],
  keep: ArrayLike<number>,
  options: RandomOptions,
): Int32Array[] {
  const rng = resolveRng(options, "subsample");
  const out: Int32Array[] = [];
  for (const s of sentences) {
    const kept = s.filter((w) => {
      if (w < 0 || w >= keep.length) {
        raise("range", "subsample", `word id ${w} has no keep probability`);
      }
      return keep[w] >= 1 || rng.random() < keep[w];
    });
    if (kept.length > 0) out.push(kept);
  }
  return out;
}

/**
 * The unigram table of negative sampling: word $w$ fills a share
 * $c_w^{\,0.75} / \sum_v c_v^{\,0.75}$ of `size` slots, so that drawing a uniform slot draws a
 * noise word from the unigram distribution raised to the power 3/4 (Mikolov et al. 2013; rare
 * words are drawn more often than their frequency, frequent ones less). Every word gets at
 * least one slot. Built as in word2vec.c (`InitUnigramTable`).
 *
 * @param counts Word counts (positive).
 * @param options `size` (@default 1e6) and `power` (@default 0.75).
 * @returns An `Int32Array` of word ids.
 * @throws {RangeError} If a count is not positive or `size` is smaller than the vocabulary.
 * @example Counts 1 and 16 with power 0.75: shares 1/9 and 8/9
 * ```ts
 * import assert from "node:assert/strict";
 * import { negativeSamplingTable } from "@lib/embeddings/mod.ts";
 * const table = negativeSamplingTable([1, 16], { size: 900 });
 * assert.equal(table.filter((w) => w === 0).length, 100);
 * ```
 */
export function negativeSamplingTable(
  counts: ArrayLike<number>,
  options: { size?: number; power?: number } = {},
): Int32Array {
  const context = "build a negative-sampling table";
  assertFiniteArray(counts, "counts", context);
  const { size = 1_000_000, power = 0.75 } = options;
  assertInteger(size, "size", context, { min: counts.length });
  assertFiniteNumber(power, "power", context, { min: 0 });
  const weights = new Float64Array(counts.length);
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    if (!(counts[i] > 0)) {
      raise("range", context, `counts[${i}] must be positive, got ${counts[i]}`);
    }
    weights[i] = counts[i] ** power;
    total += weights[i];
  }
  // Word i owns the slots [round(size·F(i−1)), round(size·F(i))), F the cumulative share, so
  // shares are exact to one slot; a word whose share rounds to nothing still gets one slot.
  const table = new Int32Array(size);
  let cumulative = 0, start = 0;
  for (let i = 0; i < counts.length; i++) {
    cumulative += weights[i];
    const left = counts.length - i - 1;
    let end = i === counts.length - 1 ? size : Math.round((size * cumulative) / total);
    end = Math.min(Math.max(end, start + 1), size - left);
    table.fill(i, start, end);
    start = end;
  }
  return table;
}
