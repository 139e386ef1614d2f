import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import {
  defaultParams,
  experimentById,
  experiments,
  formatNumber,
} from "../../tools/book/experiments/mod.ts";
import { num } from "../../tools/book/experiments/types.ts";
import { CARTESIAN_TRACES, traceTypes } from "../../tools/book/_outputs.ts";
import { peakQps, SEARCH_REQUIREMENTS } from "../../lib/capacity/requirements.ts";
import { WORD2VEC_SETTINGS } from "../../tools/book/experiments/05_embeddings.ts";
import { ADDRESSES } from "../../tools/book/experiments/_sotu.ts";
import { TRANSFER_SETTINGS } from "../../tools/book/experiments/06_transfer_learning.ts";
import { DIGIT_TASKS } from "../../tools/book/experiments/_digit_counts.ts";
import { loadDataset } from "../../lib/data/mod.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The constants of a notebook's parameters cell, evaluated as literals. */
function notebookParameters(stem: string): Record<string, unknown> {
  const nb = JSON.parse(Deno.readTextFileSync(`${ROOT}notebooks/${stem}.ipynb`));
  const cell = nb.cells.find((c: { metadata?: { tags?: string[] } }) =>
    c.metadata?.tags?.includes("parameters")
  );
  const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
  const values: Record<string, unknown> = {};
  for (const m of source.matchAll(/^const (\w+) = (.+?);/gm)) {
    values[m[1]] = JSON.parse(m[2].replace(/_/g, ""));
  }
  return values;
}

Deno.test("experiments have unique ids, valid controls and test parameters within range", () => {
  assert.equal(new Set(experiments.map((e) => e.id)).size, experiments.length);
  for (const e of experiments) {
    assert.match(e.id, /^[a-z0-9-]+$/);
    assert.ok(e.testParams, `${e.id}: testParams`);
    for (const c of e.controls) {
      const test: string | number | undefined = e.testParams![c.name];
      if (c.kind === "range") {
        assert.ok(c.min <= c.value && c.value <= c.max, `${e.id}.${c.name} default in range`);
        assert.ok(
          typeof test === "number" && c.min <= test && test <= c.max,
          `${e.id}.${c.name} test value`,
        );
        // Values a slider can take: min + k·step.
        for (const v of [c.value, test as number] as number[]) {
          const k: number = (v - c.min) / c.step;
          assert.ok(
            Math.abs(k - Math.round(k)) < 1e-9,
            `${e.id}.${c.name}=${v} is on the slider's grid`,
          );
        }
      } else {
        assert.ok(
          c.options.some((o) => o.value === c.value) && c.options.some((o) => o.value === test),
        );
      }
    }
  }
});

Deno.test("every experiment gives the same numbers for the same parameters, and others for others", async () => {
  for (const e of experiments) {
    const a = await e.run(e.testParams!, () => {});
    const b = await e.run({ ...e.testParams! }, () => {});
    assert.deepEqual(a, b, e.id);
    assert.ok(a.numbers.every((n) => Number.isFinite(n.value)), e.id);
    assert.ok(a.summary.length > 0 && a.figure.layout.title.text.length > 0);
    // The site may serve plotly.js's cartesian bundle (see plotlyFile in build.ts).
    for (const t of traceTypes(a.figure)) assert.ok(CARTESIAN_TRACES.has(t), `${e.id}: ${t}`);
    if (e.worker) continue; // a run at the chapter's sizes takes seconds
    const d = await e.run(defaultParams(e), () => {});
    assert.notDeepEqual(d.numbers, a.numbers, `${e.id}: defaults and test parameters differ`);
  }
});

Deno.test("worker experiments report progress up to done = total", async () => {
  for (const e of experiments.filter((x) => x.worker)) {
    const seen: [number, number][] = [];
    await e.run(e.testParams!, (done, total) => seen.push([done, total]));
    const last = seen.at(-1)!;
    assert.equal(last[0], last[1], e.id);
  }
});

Deno.test("experiment defaults are the chapters' parameters, so the numbers match the notebooks", () => {
  const ch4 = notebookParameters("04_experimentation");
  const peeking = defaultParams(experimentById("peeking"));
  assert.deepEqual(peeking, {
    looks: ch4.LOOKS,
    experiments: ch4.PEEKING_RUNS,
    usersPerLook: ch4.PEEKING_USERS_PER_LOOK,
    alpha: ch4.ALPHA,
    seed: (ch4.SEED as number) + 3, // the notebook's peeking cell uses SEED + 3
  });
  const sizing = defaultParams(experimentById("sample-size"));
  assert.deepEqual([sizing.baselineRate, sizing.lift, sizing.alpha, sizing.power], [
    ch4.BASELINE_RATE,
    ch4.EFFECT,
    ch4.ALPHA,
    ch4.POWER,
  ]);
  const ch1 = notebookParameters("01_setup");
  const cost = defaultParams(experimentById("cost-threshold"));
  assert.deepEqual([cost.costFp, cost.costFn, cost.seed], [ch1.COST_FP, ch1.COST_FN, ch1.SEED]);
  const ch2 = notebookParameters("02_capacity");
  const sla = defaultParams(experimentById("sla-planner"));
  assert.deepEqual(
    [10 ** (sla.log10Items as number), sla.slaMs, sla.qps, sla.perItemUs],
    [ch2.CORPUS_SIZE, ch2.SLA_MS, Math.round(peakQps(SEARCH_REQUIREMENTS)), ch2.CHAPTER_TREE_US],
  );
  const ch5 = notebookParameters("05_embeddings");
  const words = defaultParams(experimentById("word-neighbours"));
  assert.deepEqual([words.dim, words.seed, words.model], [ch5.DIM, ch5.SEED, "skipgram"]);
  assert.deepEqual(WORD2VEC_SETTINGS, {
    minCount: ch5.MIN_COUNT,
    window: ch5.WINDOW,
    negatives: ch5.NEGATIVES,
    learningRate: ch5.LEARNING_RATE,
    sample: ch5.SAMPLE,
    epochs: { skipgram: ch5.EPOCHS_SKIPGRAM, cbow: ch5.EPOCHS_CBOW },
  });
  const ch6 = notebookParameters("06_transfer_learning");
  const transfer = defaultParams(experimentById("transfer-size"));
  assert.deepEqual([transfer.steps, transfer.seed], [ch6.STEPS, ch6.SEED]);
  assert.ok((ch6.SIZES as number[]).includes(transfer.perClass as number));
  assert.deepEqual(TRANSFER_SETTINGS, {
    repeats: ch6.REPEATS,
    sourceEpochs: ch6.SOURCE_EPOCHS,
    learningRate: ch6.SOURCE_LEARNING_RATE,
    fineTuneLearningRate: ch6.FINE_TUNE_LEARNING_RATE,
  });
  assert.deepEqual(
    [DIGIT_TASKS.source, DIGIT_TASKS.target, DIGIT_TASKS.seed],
    [ch6.SOURCE_DIGITS, ch6.TARGET_DIGITS, ch6.SEED],
  );
  const ch3 = notebookParameters("03_data_collection");
  const exploration = defaultParams(experimentById("exploration-rate"));
  assert.deepEqual(
    [exploration.epsilon, exploration.days, exploration.sessionsPerDay, exploration.seed],
    [ch3.EPSILON, ch3.DAYS, ch3.SESSIONS_PER_DAY, ch3.SEED],
  );
});

Deno.test("the SLA planner agrees with the chapter's worked example: 10⁸ documents at 1 µs in 100 ms", async () => {
  // 10⁵ documents per shard × 1 µs = 100 ms, so 1000 shards; chapter 1's peak of 5,208 QPS at
  // 10 QPS per replica (one 100 ms request at a time) needs ⌈520.8⌉ = 521 replicas.
  const result = await experimentById("sla-planner").run(
    defaultParams(experimentById("sla-planner")),
    () => {},
  );
  const n = Object.fromEntries(result.numbers.map((x) => [x.key, x.value]));
  assert.equal(n.shards, 1000);
  assert.equal(n.replicas, 521);
});

Deno.test("the bundled addresses are the chapter's dataset's, from 2001", () => {
  const sotu = loadDataset("sotu").filter((a) => a.year >= 2001);
  assert.deepEqual(ADDRESSES, sotu.map(({ year, text }) => ({ year, text })));
});

Deno.test("word neighbours: fewer addresses give fewer words, and every neighbour is a word of the corpus", async () => {
  const e = experimentById("word-neighbours");
  const small = await e.run({ ...e.testParams!, firstYear: 2017 }, () => {});
  const larger = await e.run({ ...e.testParams!, firstYear: 2013 }, () => {});
  const n = (r: typeof small) => Object.fromEntries(r.numbers.map((x) => [x.key, x.value]));
  assert.ok(n(larger).words > n(small).words && n(larger).vocab > n(small).vocab);
  const cosines = small.numbers.filter((x) => x.key.startsWith("cosine")).map((x) => x.value);
  assert.equal(cosines.length, 6);
  // Nearest first, each a cosine.
  assert.deepEqual([...cosines].sort((a, b) => b - a), cosines);
  assert.ok(cosines.every((c) => c <= 1 + 1e-6 && c >= -1 - 1e-6));
  assert.ok(n(small).kept >= 0 && n(small).kept <= 6);
  assert.deepEqual(
    small.figure.data[0].x,
    small.numbers.filter((x) => x.key.startsWith("cosine"))
      .map((x) => x.label.match(/“(.+)”/)![1]),
  );
  // The y axis shows every bar, negative cosines of the other seed included.
  const [low, high] = small.figure.layout.yaxis!.range as [number, number];
  const bars = small.figure.data.flatMap((t) => t.y as number[]);
  assert.deepEqual([low, high], [Math.min(0, ...bars), 1]);
});

Deno.test("transfer experiment: three strategies' accuracies, compared with scratch over paired seeds", async () => {
  const e = experimentById("transfer-size");
  const a = await e.run(e.testParams!, () => {});
  assert.deepEqual(a.numbers.map((n) => n.key), ["scratch", "features", "fine_tune_all"]);
  // Accuracy on 300 test images (float32), as a mean over 3 seeds: a multiple of 1/900 in [0, 1].
  for (const n of a.numbers) {
    assert.ok(n.value >= 0 && n.value <= 1, n.key);
    assert.ok(Math.abs(n.value * 900 - Math.round(n.value * 900)) < 1e-3, `${n.key}: ${n.value}`);
  }
  assert.match(
    a.summary,
    /^With 2 images per class: features .* scratch .*; fine-tune all .* scratch/,
  );
  // The steps control reaches the training.
  const b = await e.run({ ...e.testParams!, steps: 20 }, () => {});
  assert.notDeepEqual(b.numbers, a.numbers);
});

Deno.test("experimentById() and num() fail with a message naming the problem", () => {
  assert.throws(() => experimentById("nope"), {
    message: "Cannot find experiment: no experiment has the id nope",
  });
  assert.throws(() => num({ a: "x" }, "a"), {
    message: "Cannot run experiment: a must be a finite number, got x",
  });
  assert.throws(() => num({}, "b"), TypeError);
});

Deno.test("formatNumber() formats each kind", () => {
  assert.equal(formatNumber(1234.6, "integer"), "1,235");
  assert.equal(formatNumber(0.1234, "percent"), "12.3 %");
  assert.equal(formatNumber(0.123456, "fixed3"), "0.123");
  assert.equal(formatNumber(1234.5678, "ms"), "1,230 ms");
  assert.equal(formatNumber(NaN, "fixed2"), "NaN");
});

Deno.test("exploration rate: the cost of exploring is worded by a paired comparison over sessions", async () => {
  const e = experimentById("exploration-rate");
  const p = e.testParams!;
  const { summary } = await e.run(p, () => {});
  const sessions = num(p, "days") * num(p, "sessionsPerDay");
  assert.match(summary, new RegExp(`n = ${sessions}\\), paired by session\\.$`));
  assert.match(summary, /(beats|falls behind|are within noise of each other)/);
});
