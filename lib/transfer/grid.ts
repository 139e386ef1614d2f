import { summarize } from "../claims/mod.ts";
import { summarizeTimes, type TimeSummary } from "../capacity/summarize.ts";
import { pairedRatios } from "../capacity/interleaved.ts";
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
 * "when to extract features, when to fine-tune". The order of the strategies
 * turns by one for each seed (the `j`-th seed of a size starts with strategy
 * `j mod k`), so that no strategy always runs first and absorbs the warm-up.
 * Same arguments, same runs in the same order.
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
 * // seed 2 (the second seed) starts with "b"
 * assert.deepEqual(runs.slice(2, 4).map((r) => [r.strategy, r.size, r.seed]), [["b", 10, 2], ["a", 10, 2]]);
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
    for (const [j, seed] of seeds.entries()) {
      const k = strategies.length;
      for (const strategy of strategies.map((_, i) => strategies[(i + j) % k])) {
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
    const medianSeconds = summarizeTimes(group.map((r) => r.seconds)).median;
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

/** The time of one strategy relative to a reference strategy, over every size and seed. */
export interface TimeRatio<S extends string> extends TimeSummary {
  strategy: S;
}

/**
 * Training time of each strategy relative to `reference` (e.g. from scratch):
 * for every size and seed, the ratio of the two runs' seconds (runs of one seed
 * are back to back, so they share the machine's load), then the median and the
 * quartiles of those ratios (`pairedRatios`). On a shared machine this ratio is
 * the figure to quote, not a time in seconds.
 *
 * @param runs The runs of {@link transferGrid}.
 * @param reference The strategy every other one is divided by.
 * @returns One summary per strategy (the reference's own ratios are all 1).
 * @throws {RangeError} If `runs` is empty, `reference` has no runs, or a
 *   (size, seed) of a strategy has no reference run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { timeRatios } from "@lib/transfer/mod.ts";
 * const runs = [1, 2, 3].flatMap((seed) => [
 *   { strategy: "scratch", size: 5, seed, score: 0.5, seconds: 2 * seed },
 *   { strategy: "features", size: 5, seed, score: 0.6, seconds: seed / 2 },
 * ]);
 * const [, features] = timeRatios(runs, "scratch");
 * assert.equal(features.strategy, "features");
 * assert.equal(features.median, 0.25);
 * assert.equal(features.iqr, 0);
 * ```
 */
export function timeRatios<S extends string>(
  runs: readonly GridRun<S>[],
  reference: S,
): TimeRatio<S>[] {
  const context = "compute time ratios";
  if (!Array.isArray(runs) || runs.length === 0) raise("range", context, "runs must not be empty");
  const key = (r: GridRun<S>) => `${r.size}\u0000${r.seed}`;
  const ref = new Map(runs.filter((r) => r.strategy === reference).map((r) => [key(r), r.seconds]));
  if (ref.size === 0) raise("range", context, `reference ${reference} has no runs`);
  const strategies = [...new Set(runs.map((r) => r.strategy))];
  return strategies.map((strategy) => {
    const own = runs.filter((r) => r.strategy === strategy);
    const denominators = own.map((r) => {
      const t = ref.get(key(r));
      if (t === undefined) {
        raise(
          "range",
          context,
          `${strategy} at size ${r.size}, seed ${r.seed} has no ${reference} run`,
        );
      }
      return t;
    });
    return { strategy, ...pairedRatios(own.map((r) => r.seconds), denominators) };
  });
}
