/**
 * Embeddings for chapters 5 and 6: word2vec (sentences, vocabulary, subsampling, the
 * negative-sampling table and a typed-array skip-gram/CBOW trainer with WebAssembly SIMD
 * loops), plus trainable pieces that run on every TensorFlow.js backend, including wasm: an
 * embedding table as a `tf.Variable`, row lookup, sparse optimisers that
 * update only the rows a batch used (SGD, lazy Adam), and a skip-gram negative-sampling step.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { createEmbeddingTable, skipGramStep, sparseSgd } from "@lib/embeddings/mod.ts";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const input = createEmbeddingTable({ vocabSize: 4, dim: 8, seed: 1 });
 * const output = createEmbeddingTable({ vocabSize: 4, dim: 8, seed: 2, init: "zeros" });
 * const sgd = sparseSgd({ learningRate: 0.5 });
 * const batch = { centers: Int32Array.of(0), contexts: Int32Array.of(1), negatives: Int32Array.of(3) };
 * const first = skipGramStep({ input, output }, batch, sgd);
 * for (let i = 0; i < 20; i++) skipGramStep({ input, output }, batch, sgd);
 * assert.ok(skipGramStep({ input, output }, batch, sgd) < first);
 * tf.dispose([input, output]);
 * ```
 *
 * @module
 */
export { createEmbeddingTable, lookup, sumDuplicateRows } from "./trainable.ts";
export type { EmbeddingTableOptions, SparseRows } from "./trainable.ts";
export { sparseAdam, sparseSgd } from "./sparse_optimizers.ts";
export type { SparseAdamOptions, SparseOptimizer } from "./sparse_optimizers.ts";
export { skipGramLoss, skipGramStep } from "./skip_gram_step.ts";
export type { SkipGramBatch, SkipGramTables } from "./skip_gram_step.ts";
export { buildVocabulary, encodeSentences } from "./vocabulary.ts";
export type { Vocabulary, VocabularyOptions } from "./vocabulary.ts";
export { keepProbabilities, negativeSamplingTable, subsample } from "./sampling.ts";
export { negativeSamplingLoss, trainWord2Vec } from "./word2vec.ts";
export type { Word2VecModel, Word2VecOptions } from "./word2vec.ts";
export { sentencesOf } from "./sentences.ts";
export { loadWordPairs } from "./word_pairs.ts";
export type { WordPair } from "./word_pairs.ts";
export {
  analogy,
  nearestWords,
  randomVectors,
  spearmanCorrelation,
  wordPairScore,
} from "./evaluation.ts";
export type { Neighbour, WordPairScore } from "./evaluation.ts";
export { ppmiSvd } from "./ppmi.ts";
export type { PpmiSvdOptions } from "./ppmi.ts";
export { denseAutoencoder, layerEmbedding } from "./layer_embedding.ts";
export type { AutoencoderOptions } from "./layer_embedding.ts";
export { movieCatalogue, simulateMovieUsers } from "./movie_users.ts";
export type { MovieCatalogue, MovieUsers, MovieUsersOptions } from "./movie_users.ts";
export { trainTwoTower } from "./two_tower.ts";
export type { TwoTowerModel, TwoTowerOptions } from "./two_tower.ts";
export { alsFactorize, retrievalScores, retrieveUnseen } from "./retrieval.ts";
export type { RetrievalScores } from "./retrieval.ts";
export { contextVector, predictFromContext } from "./context.ts";
