import {
  assertFiniteArray,
  assertFiniteNumber,
  assertInteger,
  assertOneOf,
  raise,
} from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";
import type { DenseMatrix } from "../vectors/mod.ts";
import { _createKernel, type _Kernel } from "./_kernel.ts";
import { _cbowUpdate, _skipGramUpdate } from "./_sgns_update.ts";
import { keepProbabilities, negativeSamplingTable } from "./sampling.ts";

/** Options of {@link trainWord2Vec}. */
export interface Word2VecOptions extends RandomOptions {
  /** `"skipgram"`: a word predicts its neighbours; `"cbow"`: the neighbours' mean predicts the word. @default "skipgram" */
  model?: "skipgram" | "cbow";
  /** Vector length. @default 100 */
  dim?: number;
  /** Largest distance to a context word; each position draws its own window in 1 … `window`. @default 5 */
  window?: number;
  /** Noise words per observed word. @default 5 */
  negatives?: number;
  /** Passes over the corpus. @default 1 */
  epochs?: number;
  /** Starting learning rate α. @default 0.025 */
  learningRate?: number;
  /** α decays linearly to this over training; equal to `learningRate` keeps it constant. @default 0.0001 */
  minLearningRate?: number;
  /** Subsampling threshold t of frequent words, redrawn every epoch (0 keeps every word). @default 0.001 */
  sample?: number;
  /** Slots of the negative-sampling table. @default 1e6 */
  tableSize?: number;
  /** Vector loops: WebAssembly SIMD, or plain JavaScript. @default "wasm" where supported, else "js" */
  kernel?: "wasm" | "js";
}

/** A trained word2vec model. */
export interface Word2VecModel {
  /** `vocabSize × dim` word vectors (the input table): the embeddings one keeps. */
  vectors: DenseMatrix;
  /** `vocabSize × dim` context (output) vectors. */
  contextVectors: DenseMatrix;
  /** Word occurrences processed over all epochs, after subsampling. */
  wordsTrained: number;
}

/**
 * Trains word2vec with negative sampling (Mikolov et al. 2013), skip-gram or CBOW, as word2vec.c
 * and gensim do, on plain `Float32Array` tables (no tensors: per-word tensor ops spend the CPU on
 * overhead). For each position of each sentence a window size $b$ is drawn uniformly in
 * $1 \dots$ `window` (nearer words count more often), and for an observed (word, context) pair
 * with hidden vector $h$ and `negatives` noise words $n_i$ from the unigram$^{0.75}$ table,
 * gradient descent lowers
 *
 * $$L = -\log \sigma(u_w^\top h) - \sum_{i=1}^{k} \log \sigma(-u_{n_i}^\top h),$$
 *
 * with $h$ the context word's vector (skip-gram) or the mean of the window's vectors (CBOW).
 * Input vectors start uniform in $\pm 0.5/d$, output vectors at zero. Randomness (window sizes,
 * noise words, subsampling, initial vectors) comes from `seed` or `rng`: the same seed gives
 * the same vectors.
 *
 * @param sentences Encoded sentences (ids in `0 … counts.length − 1`); windows stop at their ends.
 * @param counts Corpus count of every word id (for subsampling and the noise table).
 * @param options See {@link Word2VecOptions}.
 * @returns A {@link Word2VecModel}.
 * @throws {RangeError} If a word id has no count, or an option is out of range.
 * @see notebooks/05_embeddings.ipynb
 * @example Words that share contexts end up closer than words that do not
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainWord2Vec } from "@lib/embeddings/mod.ts";
 * import { cosineSimilarity } from "@lib/vectors/mod.ts";
 * // 0 and 1 both appear between 2 and 3; 4 appears between 5 and 6.
 * const sentences = Array.from({ length: 300 }, (_, i) =>
 *   i % 3 === 0 ? Int32Array.of(2, 0, 3) : i % 3 === 1 ? Int32Array.of(2, 1, 3) : Int32Array.of(5, 4, 6)
 * );
 * const { vectors } = trainWord2Vec(sentences, [100, 100, 200, 200, 100, 100, 100], {
 *   dim: 10, window: 1, negatives: 2, epochs: 5, sample: 0, seed: 1,
 * });
 * const row = (i: number) => vectors.data.subarray(i * 10, i * 10 + 10);
 * assert.ok(cosineSimilarity(row(0), row(1)) > cosineSimilarity(row(0), row(4)));
 * ```
 */
export function trainWord2Vec(
  sentences: readonly Int32Array[],
  counts: ArrayLike<number>,
  options: Word2VecOptions,
): Word2VecModel {
  const context = "train word2vec";
  const {
    model = "skipgram",
    dim = 100,
    window = 5,
    negatives = 5,
    epochs = 1,
    learningRate = 0.025,
    minLearningRate = 0.0001,
    sample = 0.001,
    tableSize = 1_000_000,
  } = options ?? {};
  assertOneOf(model, ["skipgram", "cbow"], "model", context);
  assertInteger(dim, "dim", context, { min: 1 });
  assertInteger(window, "window", context, { min: 1 });
  assertInteger(negatives, "negatives", context, { min: 0 });
  assertInteger(epochs, "epochs", context, { min: 1 });
  assertFiniteNumber(learningRate, "learningRate", context, { min: 0 });
  assertFiniteNumber(minLearningRate, "minLearningRate", context, { min: 0, max: learningRate });
  assertFiniteArray(counts, "counts", context);
  if (!Array.isArray(sentences)) raise("type", context, "sentences must be an array of Int32Array");
  const rng = resolveRng(options, context);
  const vocabSize = counts.length;
  let totalWords = 0;
  sentences.forEach((s, k) => {
    if (!(s instanceof Int32Array)) raise("type", context, `sentences[${k}] must be an Int32Array`);
    for (const w of s) {
      if (w < 0 || w >= vocabSize) {
        raise("range", context, `sentences[${k}] has word id ${w}, outside 0 … ${vocabSize - 1}`);
      }
    }
    totalWords += s.length;
  });
  const keep = keepProbabilities(counts, { sample });
  const table = negativeSamplingTable(counts, { size: tableSize });
  // One memory: input rows, output rows, the CBOW mean row and the gradient row, each `stride`
  // floats (dim rounded up to a multiple of 4; the padding stays zero).
  const stride = Math.ceil(dim / 4) * 4;
  const out = vocabSize * stride, m = 2 * out, e = m + stride;
  const k = _createKernel(e + stride, options.kernel);
  for (let w = 0; w < vocabSize; w++) {
    for (let j = 0; j < dim; j++) k.f32[w * stride + j] = (rng.random() - 0.5) / dim;
  }
  // A fast 32-bit xorshift stream, seeded from the seeded generator, for the inner loop.
  let state = rng.int(1, 2 ** 31);
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const run: Run = {
    k,
    out,
    m,
    e,
    stride,
    window,
    negatives,
    table,
    next,
    targets: new Int32Array(negatives + 1),
    contexts: new Int32Array(2 * window),
  };
  const buffer = new Int32Array(sentences.reduce((m, s) => Math.max(m, s.length), 0));
  const planned = epochs * totalWords;
  let done = 0, wordsTrained = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const sentence of sentences) {
      const alpha = learningRate - (learningRate - minLearningRate) * (done / planned);
      done += sentence.length;
      let len = 0;
      for (const w of sentence) if (keep[w] >= 1 || next() < keep[w]) buffer[len++] = w;
      wordsTrained += len;
      if (model === "skipgram") skipGramSentence(run, buffer, len, alpha);
      else cbowSentence(run, buffer, len, alpha);
    }
  }
  const rows = (base: number) => {
    const data = new Float32Array(vocabSize * dim);
    for (let w = 0; w < vocabSize; w++) {
      data.set(k.f32.subarray(base + w * stride, base + w * stride + dim), w * dim);
    }
    return { data, rows: vocabSize, cols: dim };
  };
  return { vectors: rows(0), contextVectors: rows(out), wordsTrained };
}

/**
 * The negative-sampling loss of one example (in float64): hidden vector `h`, the observed word's
 * output vector `positive` and the noise words' output vectors `negatives`:
 * $-\log\sigma(u^\top h) - \sum_i \log\sigma(-u_i^\top h)$.
 *
 * @param h The hidden vector.
 * @param positive The observed word's output vector.
 * @param negatives The noise words' output vectors.
 * @returns The loss (≥ 0).
 * @throws {RangeError} If the lengths differ or an entry is not finite.
 * @example With h·u = 0 and no noise word the loss is log 2
 * ```ts
 * import assert from "node:assert/strict";
 * import { negativeSamplingLoss } from "@lib/embeddings/mod.ts";
 * assert.ok(Math.abs(negativeSamplingLoss([1, 0], [0, 1], []) - Math.LN2) < 1e-15);
 * ```
 */
export function negativeSamplingLoss(
  h: ArrayLike<number>,
  positive: ArrayLike<number>,
  negatives: readonly ArrayLike<number>[],
): number {
  const context = "compute negativeSamplingLoss";
  assertFiniteArray(h, "h", context);
  const dotH = (u: ArrayLike<number>, name: string) => {
    assertFiniteArray(u, name, context);
    if (u.length !== h.length) {
      raise(
        "range",
        context,
        `h and ${name} must have the same length, got ${h.length} and ${u.length}`,
      );
    }
    let s = 0;
    for (let j = 0; j < h.length; j++) s += h[j] * u[j];
    return s;
  };
  // −log σ(x) = softplus(−x) = log(1 + e^(−x)), written stably.
  const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  let loss = softplus(-dotH(positive, "positive"));
  negatives.forEach((u, i) => loss += softplus(dotH(u, `negatives[${i}]`)));
  return loss;
}

/** What the per-sentence loops share (one function per model keeps each loop monomorphic). */
interface Run {
  k: _Kernel;
  out: number;
  m: number;
  e: number;
  stride: number;
  window: number;
  negatives: number;
  table: Int32Array;
  next: () => number;
  targets: Int32Array;
  contexts: Int32Array;
}

/** Fills `targets` with `word` and up to `negatives` noise words ≠ `word`; returns the count. */
function drawTargets(r: Run, word: number): number {
  const { targets, table } = r;
  targets[0] = word;
  let n = 1;
  for (let d = 0; d < r.negatives; d++) {
    const t = table[Math.floor(r.next() * table.length)];
    if (t !== word) targets[n++] = t;
  }
  return n;
}

function skipGramSentence(r: Run, s: Int32Array, len: number, alpha: number): void {
  for (let i = 0; i < len; i++) {
    const b = Math.floor(r.next() * r.window); // effective window = window − b ∈ 1 … window
    const from = Math.max(0, i - r.window + b), to = Math.min(len - 1, i + r.window - b);
    for (let c = from; c <= to; c++) {
      if (c === i) continue;
      const n = drawTargets(r, s[i]);
      _skipGramUpdate(r.k, s[c], r.out, r.targets, n, r.stride, alpha, r.e);
    }
  }
}

function cbowSentence(r: Run, s: Int32Array, len: number, alpha: number): void {
  for (let i = 0; i < len; i++) {
    const b = Math.floor(r.next() * r.window);
    const from = Math.max(0, i - r.window + b), to = Math.min(len - 1, i + r.window - b);
    let nc = 0;
    for (let c = from; c <= to; c++) if (c !== i) r.contexts[nc++] = s[c];
    if (nc === 0) continue;
    const n = drawTargets(r, s[i]);
    _cbowUpdate(r.k, r.contexts, nc, r.out, r.targets, n, r.stride, alpha, r.m, r.e);
  }
}
