/**
 * TensorFlow.js training speed on this machine: an MLP and a logistic regression fitted with
 * `fit` of `lib/models` (and the MLP with tfjs `model.fit`), and skip-gram embedding training
 * with `lib/embeddings`, each on the cpu backend, wasm with its stock kernels and wasm with the
 * corrected kernels of `lib/tf` (see `_tf_bench_table.ts` for how runs are timed). Checks that
 * stock and patched runs give the same losses. Prints a markdown table.
 *
 * Run: `deno run -A bench/tf_training_bench.ts` (add `--quick` for fewer repeats and a smaller
 * corpus). Matrix products and inference: `bench/tf_kernels_bench.ts`.
 *
 * @module
 */
import { tf } from "../lib/tf/mod.ts";
import { fit, logisticRegression, mlp } from "../lib/models/mod.ts";
import {
  createEmbeddingTable,
  type SkipGramBatch,
  skipGramStep,
  sparseSgd,
} from "../lib/embeddings/mod.ts";
import { createRng, type Rng } from "../lib/random/mod.ts";
import { createTfBench, printTable, teacherData, type TfBench } from "./_tf_bench_table.ts";

/** A corpus of word ids drawn from a Zipf(1) law over `vocab` words. */
function zipfCorpus(n: number, vocab: number, rng: Rng): Int32Array {
  const cdf = new Float64Array(vocab);
  let total = 0;
  for (let r = 0; r < vocab; r++) cdf[r] = total += 1 / (r + 1);
  return Int32Array.from({ length: n }, () => lowerBound(cdf, rng.random() * total));
}

function lowerBound(cdf: Float64Array, u: number): number {
  let lo = 0, hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * word2vec's skip-gram pairs: for each position a window of random size in [1, window], every
 * other word in it as context, and `k` negatives from the unigram distribution to the power 0.75.
 */
function* skipGramBatches(
  corpus: Int32Array,
  vocab: number,
  window: number,
  k: number,
  batchSize: number,
  rng: Rng,
) {
  const counts = new Float64Array(vocab);
  for (const w of corpus) counts[w] += 1;
  const cdf = new Float64Array(vocab);
  let total = 0;
  for (let w = 0; w < vocab; w++) cdf[w] = total += counts[w] ** 0.75;
  let centers: number[] = [], contexts: number[] = [], words = 0;
  for (let i = 0; i < corpus.length; i++) {
    words += 1;
    const span = window - rng.int(0, window);
    for (let j = Math.max(0, i - span); j <= Math.min(corpus.length - 1, i + span); j++) {
      if (j === i) continue;
      centers.push(corpus[i]);
      contexts.push(corpus[j]);
    }
    if (centers.length >= batchSize || i === corpus.length - 1) {
      const negatives = Int32Array.from(
        { length: centers.length * k },
        () => lowerBound(cdf, rng.random() * total),
      );
      const batch: SkipGramBatch = {
        centers: Int32Array.from(centers),
        contexts: Int32Array.from(contexts),
        negatives,
      };
      yield { batch, words };
      centers = [];
      contexts = [];
      words = 0;
    }
  }
}

/** Measures the training workloads into `bench`. */
export async function trainingWorkloads(bench: TfBench): Promise<void> {
  {
    const [x, y] = teacherData(10_000, 784, 10, 1);
    const build = () =>
      mlp({
        inputDim: 784,
        hidden: [128, 64],
        outputDim: 10,
        outputActivation: "softmax",
        seed: 1,
      });
    await bench.measure(
      "MLP 784-128-64-10, 10k rows, 3 epochs, batch 128 (`fit` of lib/models)",
      "s",
      ["stock", "patched"],
      async () => {
        const model = build();
        const h = await fit(model, x, y, { epochs: 3, batchSize: 128, seed: 1, progress: false });
        model.dispose();
        return { check: h.loss.at(-1)! };
      },
    );
    await bench.measure(
      "same MLP with tfjs `model.fit` (shuffle: false)",
      "s",
      ["stock", "patched"],
      async () => {
        const model = build();
        const h = await model.fit(x, y, { epochs: 3, batchSize: 128, shuffle: false, verbose: 0 });
        model.dispose();
        return { check: h.history.loss.at(-1) as number };
      },
    );
    tf.dispose([x, y]);
  }

  {
    const [x, y] = teacherData(20_000, 50, 1, 3);
    await bench.measure(
      "logistic regression 20k×50, 20 epochs, batch 256",
      "s",
      ["cpu", "stock", "patched"],
      async () => {
        const model = logisticRegression({ inputDim: 50, seed: 1 });
        const h = await fit(model, x, y, { epochs: 20, batchSize: 256, seed: 2, progress: false });
        model.dispose();
        return { check: h.loss.at(-1)! };
      },
    );
    tf.dispose([x, y]);
  }

  {
    const vocab = 10_000, dim = 100;
    const corpus = zipfCorpus(bench.quick ? 10_000 : 20_000, vocab, createRng(7));
    await bench.measure(
      `skip-gram, negative sampling (k=5, window 5, dim ${dim}, vocab 10k, batch 1024 pairs, SGD)`,
      "words/s",
      ["stock", "patched"],
      () => {
        const input = createEmbeddingTable({ vocabSize: vocab, dim, seed: 1 });
        const output = createEmbeddingTable({ vocabSize: vocab, dim, seed: 2, init: "zeros" });
        const sgd = sparseSgd({ learningRate: 0.025 });
        let words = 0, loss = 0;
        const batches = skipGramBatches(corpus, vocab, 5, 5, 1024, createRng(8));
        for (const { batch, words: w } of batches) {
          loss = skipGramStep({ input, output }, batch, sgd);
          words += w;
        }
        tf.dispose([input, output]);
        return { check: loss, units: words };
      },
    );
  }
}

// `deno bench bench/` loads every *_bench.ts file: run only when started directly.
if (import.meta.main) {
  const bench = await createTfBench();
  await trainingWorkloads(bench);
  printTable(bench);
}
