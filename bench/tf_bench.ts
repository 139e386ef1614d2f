/**
 * TensorFlow.js speed on this machine: the cpu backend, wasm with its stock kernels, and wasm
 * with the corrected kernels of `lib/tf` (`setWasmKernelPatches`). Stock and patched runs are
 * interleaved (alternating which goes first) and the best of three repeats is kept, to reduce
 * noise from other processes.
 * Checks that stock and patched runs give the same losses. Prints a markdown table.
 *
 * Run: `deno run -A bench/tf_bench.ts` (add `--quick` for fewer repeats).
 *
 * @module
 */
import { setupTf, setWasmKernelPatches, tf } from "../lib/tf/mod.ts";
import { fit, logisticRegression, mlp, predictProba } from "../lib/models/mod.ts";
import {
  createEmbeddingTable,
  type SkipGramBatch,
  skipGramStep,
  sparseSgd,
} from "../lib/embeddings/mod.ts";
import { createRng, type Rng } from "../lib/random/mod.ts";

type Config = "cpu" | "stock" | "patched";

interface Measured {
  /** Seconds of the best repeat. */
  seconds: number;
  /** A number that must agree between configurations (final loss, checksum). */
  check: number;
  /** Work units done in one repeat (for throughput rows). */
  units?: number;
}

interface Row {
  workload: string;
  metric: "s" | "ms" | "µs" | "GFLOP/s" | "words/s";
  results: Partial<Record<Config, Measured>>;
}

const QUICK = Deno.args.includes("--quick");
const repeats = QUICK ? 1 : 3;
const rows: Row[] = [];

async function use(config: Config): Promise<void> {
  await setupTf({ backend: config === "cpu" ? "cpu" : "wasm", patches: config !== "stock" });
}

/**
 * Runs `body` for each configuration, interleaved `repeats` times (alternating which goes
 * first), and keeps the fastest repeat. With `warmup`, each configuration runs once untimed
 * first (for short workloads, where JIT compilation would dominate the first run).
 */
async function measure(
  workload: string,
  metric: Row["metric"],
  configs: Config[],
  body: () => Promise<Omit<Measured, "seconds">> | Omit<Measured, "seconds">,
  { warmup = false }: { warmup?: boolean } = {},
): Promise<void> {
  const results: Row["results"] = {};
  if (warmup) {
    for (const config of configs) {
      await use(config);
      await body();
    }
  }
  for (let r = 0; r < repeats; r++) {
    const order = r % 2 === 0 ? configs : [...configs].reverse();
    for (const config of order) {
      if (config === "cpu" && r > 0) continue; // cpu is slow: one repeat
      await use(config);
      const start = performance.now();
      const out = await body();
      const seconds = (performance.now() - start) / 1000;
      const best = results[config];
      if (best === undefined || seconds < best.seconds) results[config] = { ...out, seconds };
    }
  }
  rows.push({ workload, metric, results });
  await use("patched");
  console.error(`done: ${workload}`);
}

function show(row: Row, config: Config): string {
  const m = row.results[config];
  if (m === undefined) return "—";
  switch (row.metric) {
    case "s":
      return m.seconds.toFixed(2);
    case "ms":
      return (m.seconds * 1e3 / (m.units ?? 1)).toFixed(2);
    case "µs":
      return (m.seconds * 1e6 / (m.units ?? 1)).toFixed(0);
    case "GFLOP/s":
    case "words/s": {
      const rate = (m.units ?? 0) / m.seconds;
      return row.metric === "GFLOP/s"
        ? (rate / 1e9).toFixed(1)
        : Math.round(rate).toLocaleString("en");
    }
  }
}

function speedUp(row: Row): string {
  const s = row.results.stock, p = row.results.patched;
  if (s === undefined || p === undefined) return "—";
  return `${(s.seconds / p.seconds).toFixed(1)}×`;
}

function agreement(row: Row): string {
  const values = Object.values(row.results).map((m) => m!.check);
  if (values.length < 2 || values.every((v) => Number.isNaN(v))) return "—";
  const spread = Math.max(...values) - Math.min(...values);
  const scale = Math.max(1e-12, ...values.map(Math.abs));
  const ok = spread <= 1e-4 * scale;
  return `${ok ? "equal" : "DIFFERENT"} (${values.map((v) => v.toPrecision(6)).join(" / ")})`;
}

// ---------------------------------------------------------------- data

/** Rows of uniform features with labels from a fixed random linear teacher. */
function teacherData(
  n: number,
  dim: number,
  classes: number,
  seed: number,
): [tf.Tensor2D, tf.Tensor2D] {
  return tf.tidy(() => {
    const x = tf.randomUniform([n, dim], 0, 1, "float32", seed);
    const w = tf.randomNormal([dim, classes], 0, 1, "float32", seed + 1);
    const logits = tf.matMul(tf.sub(x, 0.5), w);
    const y = classes === 1
      ? tf.cast(tf.greater(logits, 0), "float32")
      : tf.oneHot(tf.argMax(logits, 1), classes).toFloat();
    return [x, y] as [tf.Tensor2D, tf.Tensor2D];
  });
}

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

// ---------------------------------------------------------------- workloads

await setupTf();

{
  const [x, y] = teacherData(10_000, 784, 10, 1);
  const build = () =>
    mlp({ inputDim: 784, hidden: [128, 64], outputDim: 10, outputActivation: "softmax", seed: 1 });
  await measure(
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
  await measure(
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
  await measure(
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

for (
  const [ta, tb, label] of [[false, false, "A·B"], [true, false, "Aᵀ·B"], [
    false,
    true,
    "A·Bᵀ",
  ]] as const
) {
  const n = 1024, reps = 3;
  const a = tf.randomNormal([n, n], 0, 1, "float32", 5),
    b = tf.randomNormal([n, n], 0, 1, "float32", 6);
  const configs: Config[] = ta || tb ? ["stock", "patched"] : ["cpu", "stock", "patched"];
  await measure(`matmul 1024² ${label}`, "GFLOP/s", configs, () => {
    let check = 0;
    for (let r = 0; r < reps; r++) check = tf.tidy(() => tf.matMul(a, b, ta, tb).dataSync()[12345]);
    return { check, units: 2 * n ** 3 * reps };
  }, { warmup: !configs.includes("cpu") });
  tf.dispose([a, b]);
}

{
  const vocab = 10_000, dim = 100;
  const corpus = zipfCorpus(QUICK ? 10_000 : 20_000, vocab, createRng(7));
  await measure(
    `skip-gram, negative sampling (k=5, window 5, dim ${dim}, vocab 10k, batch 1024 pairs, SGD)`,
    "words/s",
    ["stock", "patched"],
    () => {
      const input = createEmbeddingTable({ vocabSize: vocab, dim, seed: 1 });
      const output = createEmbeddingTable({ vocabSize: vocab, dim, seed: 2, init: "zeros" });
      const sgd = sparseSgd({ learningRate: 0.025 });
      let words = 0, loss = 0;
      for (const { batch, words: w } of skipGramBatches(corpus, vocab, 5, 5, 1024, createRng(8))) {
        loss = skipGramStep({ input, output }, batch, sgd);
        words += w;
      }
      tf.dispose([input, output]);
      return { check: loss, units: words };
    },
  );
}

{
  const [x, y] = teacherData(1000, 784, 10, 9);
  const models = {
    "logistic regression (50 features)": logisticRegression({ inputDim: 50, seed: 1 }),
    "MLP 784-128-64-10": mlp({
      inputDim: 784,
      hidden: [128, 64],
      outputDim: 10,
      outputActivation: "softmax",
      seed: 1,
    }),
  };
  const x50 = tf.tidy(() => tf.slice(x, [0, 0], [1000, 50]));
  for (const [name, model] of Object.entries(models)) {
    const input = name.startsWith("logistic") ? x50 : x;
    const calls = 200;
    const rowsOf = Array.from({ length: calls }, (_, i) => tf.slice(input, [i, 0], [1, -1]));
    await measure(
      `${name}: one row per call (per call)`,
      "µs",
      ["stock", "patched"],
      () => {
        let check = 0;
        for (const row of rowsOf) check += predictProba(model, row)[0];
        return { check, units: calls };
      },
      { warmup: true },
    );
    await measure(
      `${name}: 1000 rows, predictProba batch 1000 (per call)`,
      "ms",
      ["stock", "patched"],
      () => {
        let check = 0;
        for (let r = 0; r < 10; r++) check = predictProba(model, input, { batchSize: 1000 })[7];
        return { check, units: 10 };
      },
      { warmup: true },
    );
    await measure(
      `${name}: 1000 rows, tfjs predict default batch 32 (per call)`,
      "ms",
      ["stock", "patched"],
      () => {
        let check = 0;
        for (let r = 0; r < 10; r++) {
          check = tf.tidy(() => (model.predict(input) as tf.Tensor).dataSync()[7]);
        }
        return { check, units: 10 };
      },
      { warmup: true },
    );
    tf.dispose(rowsOf);
    model.dispose();
  }
  tf.dispose([x, y, x50]);
}

setWasmKernelPatches(true);

// ---------------------------------------------------------------- report

const header =
  "| workload | unit | tfjs cpu | tfjs wasm (stock) | tfjs wasm (patched) | patched vs stock | results |";
const lines = [header, "|---|---|---:|---:|---:|---:|---|"];
for (const row of rows) {
  lines.push(
    `| ${row.workload} | ${row.metric} | ${show(row, "cpu")} | ${show(row, "stock")} | ${
      show(row, "patched")
    } | ${speedUp(row)} | ${agreement(row)} |`,
  );
}
console.log(lines.join("\n"));
console.log(
  "\n“patched vs stock” is the ratio of times (higher is better for the patched kernels). Each cell is the " +
    `best of ${repeats} interleaved repeat(s) (cpu: one run). Random-forest inference (no TensorFlow.js ` +
    "involved) is measured by `deno bench bench/inference_bench.ts`, which `deno task bench` runs too.",
);
