import { sentencesOf } from "../../../lib/embeddings/sentences.ts";
import { buildVocabulary, encodeSentences } from "../../../lib/embeddings/vocabulary.ts";
import { trainWord2Vec } from "../../../lib/embeddings/word2vec.ts";
import { nearestWords } from "../../../lib/embeddings/evaluation.ts";
import { cosineSimilarity } from "../../../lib/vectors/similarity.ts";
import { barChart } from "../../../lib/plot/bar.ts";
import { ADDRESSES } from "./_sotu.ts";
import { type Experiment, num } from "./types.ts";

/** The chapter's word2vec settings that the experiment does not expose (its parameters cell). */
export const WORD2VEC_SETTINGS = {
  minCount: 5,
  window: 5,
  negatives: 5,
  learningRate: 0.05,
  sample: 1e-3,
  epochs: { skipgram: 2, cbow: 3 },
} as const;
const { minCount: MIN_COUNT, window: WINDOW, negatives: NEGATIVES } = WORD2VEC_SETTINGS;
const { learningRate: LEARNING_RATE, sample: SAMPLE, epochs: EPOCHS } = WORD2VEC_SETTINGS;
/** Neighbours shown. */
const K = 6;
/** Query words frequent in every address since 2001 (≥ 5 occurrences from 2017 on). */
const WORDS = ["tax", "health", "energy", "jobs", "war", "school", "economy", "families"];

/** Chapter 5: word2vec trained in the browser on the addresses of 2001 on, and one word's neighbours. */
export const wordNeighbours: Experiment = {
  id: "word-neighbours",
  chapter: "05_embeddings",
  title: "Nearest neighbours of a word, trained in your browser",
  intro: "word2vec (`trainWord2Vec` of `lib/embeddings`, with the chapter's window, negatives, " +
    "learning rate and subsampling) trained on the State of the Union addresses from a chosen " +
    "year to 2021 (the chapter trains on those from 1950: too many words to send to a browser), " +
    "then the words whose vectors have the largest cosine with the chosen word's " +
    "(`nearestWords`). The same corpus is trained again with the next seed: a neighbour that " +
    "comes back belongs to the corpus, one that does not to the run. Fewer addresses mean fewer " +
    "words: watch the neighbours turn to noise. Trains in a Web Worker.",
  afterCell: "neighbours",
  worker: true,
  controls: [
    {
      kind: "select",
      name: "word",
      label: "word",
      options: WORDS.map((w) => ({ value: w, label: w })),
      value: "health",
    },
    {
      kind: "select",
      name: "model",
      label: "model",
      options: [
        { value: "skipgram", label: "skip-gram (2 epochs)" },
        { value: "cbow", label: "CBOW (3 epochs)" },
      ],
      value: "skipgram",
    },
    {
      kind: "range",
      name: "firstYear",
      label: "addresses from year",
      min: 2001,
      max: 2017,
      step: 1,
      value: 2001,
    },
    { kind: "range", name: "dim", label: "vector length", min: 4, max: 64, step: 4, value: 32 },
    { kind: "range", name: "seed", label: "seed", min: 0, max: 100, step: 1, value: 42 },
  ],
  testParams: { word: "jobs", model: "cbow", firstYear: 2017, dim: 8, seed: 7 },
  run(params, progress) {
    const word = String(params.word), model = params.model === "cbow" ? "cbow" : "skipgram";
    const firstYear = num(params, "firstYear"),
      dim = num(params, "dim"),
      seed = num(params, "seed");
    progress(0, 3);
    const texts = ADDRESSES.filter((a) => a.year >= firstYear).map((a) => a.text);
    const sentences = sentencesOf(texts);
    const vocab = buildVocabulary(sentences, { minCount: MIN_COUNT });
    const corpus = encodeSentences(vocab, sentences);
    progress(1, 3);
    // The same training with the next seed: neighbours that come back are the corpus's, the
    // others an accident of one run's initial vectors and sampled negatives.
    const [first, second] = [seed, seed + 1].map((s, i) => {
      const { vectors } = trainWord2Vec(corpus, vocab.counts, {
        model,
        dim,
        window: WINDOW,
        negatives: NEGATIVES,
        epochs: EPOCHS[model],
        learningRate: LEARNING_RATE,
        sample: SAMPLE,
        seed: s,
      });
      progress(2 + i, 3);
      return vectors;
    });
    const neighbours = nearestWords(first, vocab, word, { k: K });
    const again = new Set(nearestWords(second, vocab, word, { k: K }).map((n) => n.word));
    const kept = neighbours.filter((n) => again.has(n.word)).length;
    const vectorOf = (m: typeof first, w: string) => {
      const id = vocab.index.get(w)!;
      return m.data.subarray(id * dim, (id + 1) * dim);
    };
    const secondCosines = neighbours.map((n) =>
      cosineSimilarity(vectorOf(second, word), vectorOf(second, n.word))
    );
    const figure = barChart(neighbours.map((n) => n.word), [
      { name: `seed ${seed}`, values: neighbours.map((n) => n.similarity) },
      { name: `seed ${seed + 1}`, values: secondCosines },
    ], {
      title: `Nearest words to “${word}”: ${model}, ${texts.length} addresses (${firstYear}–2021)`,
      xTitle: `neighbour with seed ${seed} (nearest first)`,
      yTitle: "cosine similarity with the word",
      // A word's cosine with the seed's neighbours may be negative in the other run.
      yRange: [Math.min(0, ...secondCosines, ...neighbours.map((n) => n.similarity)), 1],
    });
    const list = neighbours.map((n) => `${n.word} (${n.similarity.toFixed(2)})`).join(", ");
    return {
      figure: figure.toJSON(),
      numbers: [
        { key: "words", label: "words in the corpus", value: vocab.totalCount, format: "integer" },
        {
          key: "vocab",
          label: "words with a vector",
          value: vocab.words.length,
          format: "integer",
        },
        ...neighbours.map((n, i) => ({
          key: `cosine${i + 1}`,
          label: `cosine with “${n.word}”`,
          value: n.similarity,
          format: "fixed3" as const,
        })),
        {
          key: "kept",
          label: `neighbours again with seed ${seed + 1}`,
          value: kept,
          format: "integer",
        },
      ],
      summary:
        `With seed ${seed} the nearest words to “${word}” are ${list}. ${kept} of these ${K} ${
          kept === 1 ? "is" : "are"
        } again among the ${K} nearest when the same corpus is trained with seed ${seed + 1}: ${
          kept >= 4
            ? "the neighbours are mostly the corpus's, not the run's"
            : kept >= 2
            ? "only part of the list is the corpus's; the rest changes with the seed"
            : "the list is mostly an accident of one training run"
        }.`,
    };
  },
};
