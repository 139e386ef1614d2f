import { assertInteger, assertOneOf, raise } from "../_shared/validate.ts";
import {
  buildVocabulary,
  encodeSentences,
  trainWord2Vec,
  type Vocabulary,
  type Word2VecOptions,
} from "../embeddings/mod.ts";
import { tf } from "../tf/mod.ts";
import { predictProba } from "../models/mod.ts";
import { rocAucScore } from "../metrics/mod.ts";
import { type RandomOptions, resolveRng, shuffle } from "../random/mod.ts";
import type { HashedFeatures } from "../text/mod.ts";
import type { DenseMatrix } from "../vectors/mod.ts";

/** A table of word vectors: row `index.get(word)` of `vectors` is the word's vector. */
export interface WordVectors {
  /** Row of each known word. */
  index: ReadonlyMap<string, number>;
  /** One vector per known word, row-major. */
  vectors: DenseMatrix;
}

/** Options of {@link meanWordVectors}. */
export interface MeanWordVectorsOptions {
  /** `"l2"` scales every row to unit length (rows without a known word stay 0); `"none"` keeps the mean. @default "l2" */
  normalize?: "l2" | "none";
}

/**
 * Document features from word vectors: the mean of the vectors of a document's known words
 * (every occurrence counts; words missing from the table are skipped), optionally scaled to unit
 * length. With $K_d$ the known tokens of document $d$ and $v_w$ the vector of word $w$,
 *
 * $$x_d = \frac{1}{|K_d|}\sum_{t \in K_d} v_t, \qquad \tilde x_d = x_d / \lVert x_d \rVert_2 .$$
 *
 * A document without a known word gets the zero vector. The result has the shape of
 * `hashedBagOfWords`'s, so the text classifiers of `lib/text` take it as it is.
 *
 * @param documents One array of tokens per document.
 * @param table The word vectors, e.g. from {@link trainWordVectors}.
 * @param options Normalisation; see {@link MeanWordVectorsOptions}.
 * @returns A `documents.length × table.vectors.cols` feature matrix.
 * @throws {TypeError} If `documents` is not an array of token arrays or `table` has no index or
 *   vectors.
 * @throws {RangeError} If the vectors' shape is inconsistent, an index row is out of range or
 *   `normalize` is unknown.
 * @see notebooks/06_transfer_learning.ipynb
 * @example Two words, one document with both, one with an unknown word only
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanWordVectors } from "@lib/transfer/mod.ts";
 * const table = {
 *   index: new Map([["free", 0], ["money", 1]]),
 *   vectors: { data: Float32Array.of(1, 0, 3, 4), rows: 2, cols: 2 },
 * };
 * const x = meanWordVectors([["free", "money"], ["hello"]], table, { normalize: "none" });
 * assert.deepEqual([...x.values], [2, 2, 0, 0]); // (1 + 3) / 2, (0 + 4) / 2; nothing known
 * ```
 */
export function meanWordVectors(
  documents: readonly (readonly string[])[],
  table: WordVectors,
  options: MeanWordVectorsOptions = {},
): HashedFeatures {
  const context = "average word vectors";
  const { normalize = "l2" } = options ?? {};
  assertOneOf(normalize, ["l2", "none"], "normalize", context);
  if (!Array.isArray(documents)) {
    raise("type", context, "documents must be an array of token arrays");
  }
  const { index, vectors } = table ?? {};
  if (
    !(index instanceof Map) ||
    !(vectors?.data instanceof Float32Array || vectors?.data instanceof Float64Array)
  ) {
    raise("type", context, "table must have a Map index and vectors with a typed-array data");
  }
  const { rows, cols, data } = vectors;
  assertInteger(cols, "table.vectors.cols", context, { min: 1 });
  if (data.length !== rows * cols) {
    raise(
      "range",
      context,
      `table.vectors.data must hold rows × cols = ${rows * cols} values, got ${data.length}`,
    );
  }
  const values = new Float32Array(documents.length * cols);
  const sum = new Float64Array(cols);
  documents.forEach((tokens, d) => {
    if (!Array.isArray(tokens)) {
      raise("type", context, `documents[${d}] must be an array of tokens`);
    }
    sum.fill(0);
    let known = 0;
    for (const token of tokens) {
      const r = index.get(token);
      if (r === undefined) continue;
      if (!Number.isInteger(r) || r < 0 || r >= rows) {
        raise("range", context, `table.index maps "${token}" to row ${r}, outside 0 … ${rows - 1}`);
      }
      for (let j = 0; j < cols; j++) sum[j] += data[r * cols + j];
      known++;
    }
    if (known === 0) return;
    let norm = 0;
    for (let j = 0; j < cols; j++) {
      sum[j] /= known;
      norm += sum[j] * sum[j];
    }
    const scale = normalize === "l2" && norm > 0 ? 1 / Math.sqrt(norm) : 1;
    for (let j = 0; j < cols; j++) values[d * cols + j] = sum[j] * scale;
  });
  return { values, numRows: documents.length, numFeatures: cols };
}

/** Options of {@link trainWordVectors}: word2vec's, plus the vocabulary's `minCount`. */
export interface TrainWordVectorsOptions extends Word2VecOptions {
  /** Words seen fewer times get no vector. @default 1 */
  minCount?: number;
}

/**
 * Word vectors learnt without labels from tokenised documents: the vocabulary (words seen at
 * least `minCount` times), then word2vec (`trainWord2Vec` of `lib/embeddings`, each document one
 * sentence). The same documents, options and seed give the same vectors.
 *
 * @param documents One array of tokens per document.
 * @param options `minCount` and the word2vec options (`dim`, `window`, `epochs`, `seed`, …).
 * @returns The {@link WordVectors}, the vocabulary (for `nearestWords` of `lib/embeddings`) and
 *   the number of word occurrences trained on.
 * @throws {RangeError} If no word is seen `minCount` times or an option is out of range.
 * @see notebooks/06_transfer_learning.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainWordVectors } from "@lib/transfer/mod.ts";
 * const docs = [["win", "free", "money"], ["team", "meeting", "notes"], ["free", "money", "now"]];
 * const table = trainWordVectors(docs, { minCount: 2, dim: 4, seed: 1 });
 * assert.deepEqual([...table.index.keys()].sort(), ["free", "money"]);
 * assert.equal(table.vectors.cols, 4);
 * ```
 */
export function trainWordVectors(
  documents: readonly (readonly string[])[],
  options: TrainWordVectorsOptions,
): WordVectors & { vocabulary: Vocabulary; wordsTrained: number } {
  const { minCount = 1, ...word2vec } = options ?? {};
  const vocabulary = buildVocabulary(documents, { minCount });
  const model = trainWord2Vec(encodeSentences(vocabulary, documents), vocabulary.counts, word2vec);
  return {
    index: vocabulary.index,
    vectors: model.vectors,
    vocabulary,
    wordsTrained: model.wordsTrained,
  };
}

/** Options of {@link splitLabelled}. */
export interface SplitLabelledOptions extends RandomOptions {
  /** Documents per class held out for testing. */
  testPerClass: number;
  /** Documents per class whose labels may be used for training. */
  labelledPerClass: number;
}

/** The parts of a labelled corpus: a test set, a labelled pool per class, and the rest. */
export interface LabelledSplit {
  /** Rows held out for testing, `testPerClass` of each class. */
  test: number[];
  /** Per class (0, 1), `labelledPerClass` rows in random order: their first `n` form a training set. */
  pool: [number[], number[]];
  /** Every other row: text whose labels are never used (e.g. for self-supervised pretraining). */
  unlabelled: number[];
}

/**
 * Splits a corpus with 0/1 labels for "few labels, much unlabelled text": per class, a random
 * test set, a random labelled pool and the rest, whose labels are never used. Disjoint parts; the
 * same labels and seed give the same split.
 *
 * @param labels One 0/1 label per document.
 * @param options Sizes per class and the seed; see {@link SplitLabelledOptions}.
 * @returns The {@link LabelledSplit}.
 * @throws {RangeError} If a label is not 0 or 1, a size is not a positive integer or a class
 *   has fewer than `testPerClass + labelledPerClass` documents.
 * @see notebooks/06_transfer_learning.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitLabelled } from "@lib/transfer/mod.ts";
 * const labels = [0, 1, 0, 1, 0, 1, 0, 1, 0];
 * const { test, pool, unlabelled } = splitLabelled(labels, { testPerClass: 1, labelledPerClass: 2, seed: 3 });
 * assert.equal(test.length, 2);
 * assert.deepEqual(pool.map((rows) => rows.map((r) => labels[r])), [[0, 0], [1, 1]]);
 * assert.equal(new Set([...test, ...pool.flat(), ...unlabelled]).size, labels.length);
 * ```
 */
export function splitLabelled(
  labels: ArrayLike<number>,
  options: SplitLabelledOptions,
): LabelledSplit {
  const context = "split a labelled corpus";
  const { testPerClass, labelledPerClass } = options ?? {};
  assertInteger(testPerClass, "testPerClass", context, { min: 1 });
  assertInteger(labelledPerClass, "labelledPerClass", context, { min: 1 });
  if (labels?.length === undefined) raise("type", context, "labels must be an array of 0/1");
  const rng = resolveRng(options, context);
  const byClass: [number[], number[]] = [[], []];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) {
      raise("range", context, `labels must be 0 or 1, got labels[${i}] = ${labels[i]}`);
    }
    byClass[labels[i]].push(i);
  }
  const need = testPerClass + labelledPerClass;
  const short = byClass.findIndex((rows) => rows.length < need);
  if (short >= 0) {
    raise(
      "range",
      context,
      `class ${short} has ${
        byClass[short].length
      } documents, need at least testPerClass + labelledPerClass = ${need}`,
    );
  }
  const test: number[] = [], unlabelled: number[] = [];
  const pool = byClass.map((rows) => {
    const order = shuffle(rows, { rng });
    test.push(...order.slice(0, testPerClass));
    unlabelled.push(...order.slice(need));
    return order.slice(testPerClass, need);
  }) as [number[], number[]];
  return { test, pool, unlabelled: unlabelled.sort((a, b) => a - b) };
}

/**
 * A training set of `perClass` rows of each class drawn at random from a labelled pool (as
 * {@link splitLabelled} returns it), with their labels: for seed-to-seed repeats of "how good with
 * n labels". Classes alternate in the result.
 *
 * @param pool Rows of class 0 and of class 1.
 * @param perClass Rows to draw per class.
 * @param options The seed.
 * @returns `rows` and their 0/1 `labels`.
 * @throws {RangeError} If `perClass` is not a positive integer or exceeds a class's pool.
 * @see notebooks/06_transfer_learning.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { drawLabelled } from "@lib/transfer/mod.ts";
 * const { rows, labels } = drawLabelled([[0, 2, 4], [1, 3, 5]], 2, { seed: 1 });
 * assert.deepEqual(labels, [0, 1, 0, 1]);
 * assert.ok(rows.every((r, i) => r % 2 === labels[i]));
 * ```
 */
export function drawLabelled(
  pool: readonly [readonly number[], readonly number[]],
  perClass: number,
  options: RandomOptions,
): { rows: number[]; labels: number[] } {
  const context = "draw a labelled training set";
  assertInteger(perClass, "perClass", context, { min: 1 });
  if (!Array.isArray(pool) || pool.length !== 2 || !pool.every(Array.isArray)) {
    raise("type", context, "pool must hold two arrays of rows, one per class");
  }
  const rng = resolveRng(options, context);
  const picked = pool.map((rows, c) => {
    if (rows.length < perClass) {
      raise(
        "range",
        context,
        `pool[${c}] has ${rows.length} rows, fewer than perClass = ${perClass}`,
      );
    }
    return shuffle(rows, { rng }).slice(0, perClass);
  });
  const rows: number[] = [], labels: number[] = [];
  for (let i = 0; i < perClass; i++) {
    rows.push(picked[0][i], picked[1][i]);
    labels.push(0, 1);
  }
  return { rows, labels };
}

/**
 * The area under the ROC curve of a binary text classifier on a feature matrix: the probability
 * that a random positive document scores above a random negative one (ties count half). Unlike
 * accuracy it does not depend on a threshold, so it compares representations whose classifiers
 * are calibrated differently.
 *
 * @param model A model with one sigmoid output, e.g. from `fitTextClassifier` of `lib/text`.
 * @param features Row-major features, one row per label.
 * @param labels One 0/1 label per row; both classes must occur.
 * @returns The AUC, in [0, 1].
 * @throws {RangeError} If the number of labels differs from the rows, a label is not 0/1 or a
 *   class is missing.
 * @see notebooks/06_transfer_learning.ipynb
 * @example A classifier with all weights 0 scores every document alike: AUC ½
 * ```ts
 * import assert from "node:assert/strict";
 * import { textClassifierAuc } from "@lib/transfer/mod.ts";
 * import { logisticRegression } from "@lib/models/mod.ts";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const model = logisticRegression({ inputDim: 2, seed: 0 });
 * const dense = model.layers[0];
 * tf.tidy(() => dense.setWeights(dense.getWeights().map((w) => tf.zerosLike(w))));
 * const features = { values: Float32Array.of(1, 0, 0, 1), numRows: 2, numFeatures: 2 };
 * assert.equal(textClassifierAuc(model, features, [0, 1]), 0.5);
 * model.dispose();
 * ```
 */
export function textClassifierAuc(
  model: tf.LayersModel,
  features: HashedFeatures,
  labels: ArrayLike<number>,
): number {
  const context = "compute textClassifierAuc";
  if (!(features?.values instanceof Float32Array)) {
    raise("type", context, "features must have Float32Array values");
  }
  const { numRows, numFeatures, values } = features;
  if (values.length !== numRows * numFeatures) {
    raise(
      "range",
      context,
      `features.values must hold numRows × numFeatures = ${
        numRows * numFeatures
      }, got ${values.length}`,
    );
  }
  if (labels?.length !== numRows) {
    raise(
      "range",
      context,
      `labels must have one entry per row, got ${labels?.length} for ${numRows} rows`,
    );
  }
  const x = tf.tensor2d(values, [numRows, numFeatures]);
  try {
    return rocAucScore(labels, predictProba(model, x));
  } finally {
    x.dispose();
  }
}
