/**
 * Measuring and reporting for the TensorFlow.js benches (`tf_training_bench.ts`,
 * `tf_kernels_bench.ts`): each workload runs on the cpu backend, wasm with its stock kernels and
 * wasm with the corrected kernels of `lib/tf`; stock and patched runs are interleaved
 * (alternating which goes first) and the best repeat is kept, to reduce noise from other
 * processes. The report is a markdown table that also checks that the configurations agree.
 * Also the teacher data that both benches train or predict on.
 *
 * @module
 */
import { setupTf, setWasmKernelPatches, tf } from "../lib/tf/mod.ts";

/** A TensorFlow.js configuration: cpu backend, wasm with stock or with corrected kernels. */
export type Config = "cpu" | "stock" | "patched";

/** One timed repeat of a workload. */
export interface Measured {
  /** Seconds of the best repeat. */
  seconds: number;
  /** A number that must agree between configurations (final loss, checksum). */
  check: number;
  /** Work units done in one repeat (for throughput rows). */
  units?: number;
}

/** One line of the table. */
export interface Row {
  workload: string;
  metric: "s" | "ms" | "µs" | "GFLOP/s" | "words/s";
  results: Partial<Record<Config, Measured>>;
}

/** A bench run: its settings and the rows measured so far. */
export interface TfBench {
  /** `--quick` was given: one repeat and smaller workloads. */
  quick: boolean;
  /** Interleaved repeats per configuration (cpu always runs once). */
  repeats: number;
  rows: Row[];
  /**
   * Runs `body` for each configuration, interleaved `repeats` times (alternating which goes
   * first), and keeps the fastest repeat. With `warmup`, each configuration runs once untimed
   * first (for short workloads, where JIT compilation would dominate the first run).
   */
  measure(
    workload: string,
    metric: Row["metric"],
    configs: Config[],
    body: () => Promise<Omit<Measured, "seconds">> | Omit<Measured, "seconds">,
    options?: { warmup?: boolean },
  ): Promise<void>;
}

async function use(config: Config): Promise<void> {
  await setupTf({ backend: config === "cpu" ? "cpu" : "wasm", patches: config !== "stock" });
}

/** Sets up TensorFlow.js and starts a bench run (`--quick` in `args`: one repeat). */
export async function createTfBench(args: readonly string[] = Deno.args): Promise<TfBench> {
  await setupTf();
  const quick = args.includes("--quick");
  const repeats = quick ? 1 : 3;
  const rows: Row[] = [];
  return {
    quick,
    repeats,
    rows,
    async measure(workload, metric, configs, body, { warmup = false } = {}) {
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
    },
  };
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

/**
 * Prints the rows as a markdown table and a note on how to read it (`note` is appended), and
 * leaves the corrected wasm kernels switched on.
 */
export function printTable(bench: TfBench, note = ""): void {
  setWasmKernelPatches(true);
  const header =
    "| workload | unit | tfjs cpu | tfjs wasm (stock) | tfjs wasm (patched) | patched vs stock | results |";
  const lines = [header, "|---|---|---:|---:|---:|---:|---|"];
  for (const row of bench.rows) {
    lines.push(
      `| ${row.workload} | ${row.metric} | ${show(row, "cpu")} | ${show(row, "stock")} | ${
        show(row, "patched")
      } | ${speedUp(row)} | ${agreement(row)} |`,
    );
  }
  console.log(lines.join("\n"));
  console.log(
    "\n“patched vs stock” is the ratio of times (higher is better for the patched kernels). " +
      `Each cell is the best of ${bench.repeats} interleaved repeat(s) (cpu: one run).` +
      (note ? ` ${note}` : ""),
  );
}

/** Rows of uniform features with labels from a fixed random linear teacher. */
export function teacherData(
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
