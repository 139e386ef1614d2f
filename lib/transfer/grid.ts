import { summarize } from "../claims/mod.ts";
import { assertInteger, assertOpenUnit, raise } from "../_shared/validate.ts";

/** One run of a transfer grid. */
export interface GridRun<S extends string> {
  /** The strategy (from scratch, frozen features, fine-tune the last k layers, …). */
  strategy: S;
  /** Training examples (per class or in all, as the caller defines). */
  size: number;
  /** The run's seed (data sample and initial weights). */
  seed: number;
  /** The score `run` returned (e.g. test accuracy). */
  score: number;
  /** Wall time of the run, in seconds. */
  seconds: number;
}

/** The arguments of {@link transferGrid}. */
export interface GridSpec<S extends string> {
  strategies: readonly S[];
  sizes: readonly number[];
  seeds: readonly number[];
  /** Trains and scores one strategy on one size with one seed. */
  run: (strategy: S, size: number, seed: number) => Promise<number> | number;
  /** Called after each run (e.g. for a progress bar). */
  onRun?: (done: number, total: number) => void;
}

/**
 * Runs every training-set size × seed × strategy, in that nesting (strategies
 * innermost, so that the strategies of one seed run back to back and their
 * timings share the machine's state), timing each run: the experiment behind
 * "when to extract features, when to fine-tune". Same arguments, same runs in
 * the same order.
 *
 * @returns One {@link GridRun} per combination.
 * @throws {RangeError} If a list is empty, a size is not a positive integer or a
 *   seed not an integer.
 * @throws {TypeError} If `run` is not a function or returns a non-finite score.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { transferGrid } from "@lib/transfer/mod.ts";
 * const runs = await transferGrid({
 *   strategies: ["a", "b"], sizes: [10, 100], seeds: [1, 2],
 *   run: (s, n, seed) => (s === "a" ? 0.5 : 0.6) + n / 1000 + seed / 1e4,
 * });
 * assert.equal(runs.length, 8);
 * assert.deepEqual([runs[3].strategy, runs[3].size, runs[3].seed], ["b", 10, 2]);
 * ```
 */
export async function transferGrid<S extends string>(spec: GridSpec<S>): Promise<GridRun<S>[]> {
  const context = "run a transfer grid";
  const { strategies, sizes, seeds, run, onRun } = spec ?? {};
  for (const [name, list] of [["strategies", strategies], ["sizes", sizes], ["seeds", seeds]]) {
    if (!Array.isArray(list) || list.length === 0) {
      raise("range", context, `${name} must be a non-empty array`);
    }
  }
  sizes.forEach((n, i) => assertInteger(n, `sizes[${i}]`, context, { min: 1 }));
  seeds.forEach((s, i) => assertInteger(s, `seeds[${i}]`, context));
  if (typeof run !== "function") raise("type", context, "run must be a function");
  const total = strategies.length * sizes.length * seeds.length;
  const out: GridRun<S>[] = [];
  for (const size of sizes) {
    for (const seed of seeds) {
      for (const strategy of strategies) {
        const start = performance.now();
        const score = await run(strategy, size, seed);
        const seconds = (performance.now() - start) / 1000;
        if (typeof score !== "number" || !Number.isFinite(score)) {
          raise("type", context, `run(${strategy}, ${size}, ${seed}) must return a finite score`);
        }
        out.push({ strategy, size, seed, score, seconds });
        onRun?.(out.length, total);
      }
    }
  }
  return out;
}

/** The runs of one strategy and size, summarised over seeds. */
export interface GridSummary<S extends string> {
  strategy: S;
  size: number;
  /** Mean score over seeds. */
  mean: number;
  /** t interval of the mean score (NaN with one seed). */
  low: number;
  high: number;
  /** Number of seeds. */
  n: number;
  /** Median wall time of a run, in seconds. */
  medianSeconds: number;
}

/**
 * Summarises a grid per strategy and size: mean score with its t interval over
 * seeds, and the median time of a run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { summarizeGrid } from "@lib/transfer/mod.ts";
 * const rows = summarizeGrid([
 *   { strategy: "a", size: 10, seed: 1, score: 0.5, seconds: 1 },
 *   { strategy: "a", size: 10, seed: 2, score: 0.7, seconds: 3 },
 * ]);
 * assert.equal(rows.length, 1);
 * assert.ok(Math.abs(rows[0].mean - 0.6) < 1e-12);
 * assert.equal(rows[0].medianSeconds, 2);
 * ```
 */
export function summarizeGrid<S extends string>(
  runs: readonly GridRun<S>[],
  { level = 0.95 }: { level?: number } = {},
): GridSummary<S>[] {
  const context = "summarize a transfer grid";
  if (!Array.isArray(runs) || runs.length === 0) raise("range", context, "runs must not be empty");
  assertOpenUnit(level, "level", context);
  const groups = new Map<string, GridRun<S>[]>();
  for (const r of runs) {
    const key = `${r.strategy}\u0000${r.size}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((group) => {
    const s = summarize(group.map((r) => r.score), { level });
    const times = group.map((r) => r.seconds).sort((a, b) => a - b);
    const m = times.length >> 1;
    const medianSeconds = times.length % 2 ? times[m] : (times[m - 1] + times[m]) / 2;
    return {
      strategy: group[0].strategy,
      size: group[0].size,
      mean: s.mean,
      low: s.low,
      high: s.high,
      n: s.n,
      medianSeconds,
    };
  });
}
