/**
 * word2vec training speed: `trainWord2Vec` of `lib/embeddings` against gensim's optimised
 * Cython/BLAS trainer, side by side in one run, on the same State of the Union sentences with
 * the same settings (one worker, window 5, 5 negatives, dim 100, `sample=0`, `min_count=1`,
 * constant learning rate 0.025, one epoch), skip-gram and CBOW. The two sides alternate
 * (ours, gensim, ours, gensim, …) so that load on a shared machine hits both alike; the report
 * gives each side's median words/s with its range and the ratio of medians. Training time only:
 * vocabulary building and Python start-up are outside the timed part on both sides.
 *
 * gensim is optional: without a Python that imports it (`$PYTHON`, `python3`, `/usr/bin/python3`;
 * Debian: `apt-get install python3-gensim`)
 * the bench measures our trainer alone and says so.
 *
 * Run: `deno run -A bench/word2vec_vs_gensim.ts [--words N] [--repeats R]` (defaults 200,000 and 3).
 *
 * @module
 */
import { loadDataset } from "../lib/data/mod.ts";
import {
  buildVocabulary,
  encodeSentences,
  sentencesOf,
  trainWord2Vec,
} from "../lib/embeddings/mod.ts";

const GENSIM = `
import sys, time, json
from gensim.models import Word2Vec
sentences = [line.split() for line in open(sys.argv[1], encoding="utf-8")]
sg = int(sys.argv[2])
model = Word2Vec(vector_size=100, window=5, negative=5, hs=0, sample=0, min_count=1, workers=1,
                 alpha=0.025, min_alpha=0.025, sg=sg, seed=1)
model.build_vocab(sentences)
words = sum(len(s) for s in sentences)
start = time.perf_counter()
model.train(sentences, total_examples=len(sentences), epochs=1)
print(json.dumps({"words": words, "seconds": time.perf_counter() - start}))
`;

function arg(name: string, fallback: number): number {
  const i = Deno.args.indexOf(name);
  return i >= 0 ? Number(Deno.args[i + 1]) : fallback;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The first Python that imports gensim: `$PYTHON`, `python3` on the PATH, then Debian's. */
async function findGensimPython(): Promise<string | undefined> {
  const candidates = [Deno.env.get("PYTHON"), "python3", "/usr/bin/python3"];
  for (const python of candidates) {
    if (!python) continue;
    try {
      const out = await new Deno.Command(python, { args: ["-c", "import gensim"] }).output();
      if (out.success) return python;
    } catch {
      // not installed
    }
  }
  return undefined;
}

async function gensimRate(python: string, file: string, sg: boolean): Promise<number> {
  const out = await new Deno.Command(python, { args: ["-c", GENSIM, file, sg ? "1" : "0"] })
    .output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
  const { words, seconds } = JSON.parse(new TextDecoder().decode(out.stdout));
  return words / seconds;
}

if (import.meta.main) {
  const maxWords = arg("--words", 200_000), repeats = arg("--repeats", 3);
  const all = sentencesOf(loadDataset("sotu").map((a) => a.text));
  const sentences: string[][] = [];
  let words = 0;
  for (const s of all) {
    if (words >= maxWords) break;
    sentences.push(s);
    words += s.length;
  }
  const vocab = buildVocabulary(sentences, { minCount: 1 });
  const encoded = encodeSentences(vocab, sentences);
  const file = await Deno.makeTempFile({ suffix: ".txt" });
  await Deno.writeTextFile(file, sentences.map((s) => s.join(" ")).join("\n") + "\n");
  const python = await findGensimPython();
  const withGensim = python !== undefined;
  console.log(
    `${words} words, ${vocab.words.length} distinct, ${repeats} alternating repeats; ` +
      (python
        ? `gensim found (${python})`
        : "gensim not installed: measuring lib/embeddings alone"),
  );
  const rows: string[] = [];
  for (const model of ["skipgram", "cbow"] as const) {
    const ours: number[] = [], theirs: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const start = performance.now();
      const { wordsTrained } = trainWord2Vec(encoded, vocab.counts, {
        model,
        dim: 100,
        window: 5,
        negatives: 5,
        sample: 0,
        learningRate: 0.025,
        minLearningRate: 0.025,
        seed: r + 1,
      });
      ours.push(wordsTrained / ((performance.now() - start) / 1000));
      if (python) theirs.push(await gensimRate(python, file, model === "skipgram"));
    }
    const fmt = (xs: number[]) =>
      `${Math.round(median(xs))} (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})`;
    rows.push(
      `| ${model} | ${fmt(ours)} | ${withGensim ? fmt(theirs) : "–"} | ${
        withGensim ? (median(ours) / median(theirs)).toFixed(2) : "–"
      } |`,
    );
  }
  await Deno.remove(file);
  console.log("| model | lib/embeddings words/s, median (range) | gensim words/s | ratio |");
  console.log("| - | - | - | - |");
  console.log(rows.join("\n"));
}
