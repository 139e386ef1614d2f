import { assertInteger, raise } from "../_shared/validate.ts";
import { summarizeTimes, type TimeSummary } from "./summarize.ts";

/** Options of {@link measureInterleaved}. */
export interface InterleavedOptions {
  /** Untimed rounds first. @default 1 */
  warmup?: number;
  /** Timed rounds; each round times every function once. @default 15 */
  repeats?: number;
  /** Calls per sample of each function (for calls too fast for the clock). @default 1 */
  calls?: number;
}

/** Per function: its samples (ms per call) and their summary. */
export type InterleavedTimings<K extends string> = Record<K, TimeSummary & { samplesMs: number[] }>;

/**
 * Times several functions **interleaved**: every round runs each of them once (in an order
 * rotated from round to round), so a burst of load from other tenants of a shared machine
 * hits all of them alike. Compare them by ratios of samples from the same round
 * ({@link pairedRatios}), not by absolute times. Async functions are awaited.
 *
 * @param fns The work to time, by name.
 * @param options See {@link InterleavedOptions}.
 * @returns Per name, the samples in ms per call and their summary (median, IQR, …).
 * @throws {TypeError} If a value of `fns` is not a function.
 * @throws {RangeError} If there is no function, or warmup, repeats or calls are invalid.
 * @see notebooks/02_capacity.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { measureInterleaved, pairedRatios } from "@lib/capacity/mod.ts";
 * const xs = new Float64Array(20_000).fill(1);
 * const t = await measureInterleaved({
 *   half: () => xs.subarray(0, 10_000).reduce((a, b) => a + b, 0),
 *   full: () => xs.reduce((a, b) => a + b, 0),
 * }, { repeats: 9, calls: 20 });
 * assert.equal(t.full.samplesMs.length, 9);
 * const ratio = pairedRatios(t.full.samplesMs, t.half.samplesMs); // one ratio per round
 * assert.equal(ratio.count, 9);
 * assert.ok(ratio.median > 0);
 * ```
 */
export async function measureInterleaved<K extends string>(
  fns: Record<K, () => unknown>,
  options: InterleavedOptions = {},
): Promise<InterleavedTimings<K>> {
  const context = "measure interleaved";
  const { warmup = 1, repeats = 15, calls = 1 } = options;
  const names = Object.keys(fns ?? {}) as K[];
  if (names.length === 0) raise("range", context, "fns must name at least one function");
  for (const k of names) {
    if (typeof fns[k] !== "function") raise("type", context, `fns.${k} must be a function`);
  }
  assertInteger(warmup, "warmup", context, { min: 0 });
  assertInteger(repeats, "repeats", context, { min: 1 });
  assertInteger(calls, "calls", context, { min: 1 });
  const samples = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  let sink: unknown;
  for (let round = 0; round < warmup + repeats; round++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(j + round) % names.length];
      const start = performance.now();
      for (let c = 0; c < calls; c++) {
        sink = fns[name]();
        if (sink instanceof Promise) sink = await sink;
      }
      if (round >= warmup) samples[name].push((performance.now() - start) / calls);
    }
  }
  void sink;
  return Object.fromEntries(
    names.map((k) => [k, { ...summarizeTimes(samples[k]), samplesMs: samples[k] }]),
  ) as InterleavedTimings<K>;
}

/**
 * Ratios $a_r / b_r$ of samples taken in the same round, summarised (median, IQR, p10–p90):
 * the comparison of two timings that survives a shared machine's changing load.
 *
 * @param a Samples of the numerator (ms).
 * @param b Samples of the denominator, same rounds (ms, > 0).
 * @returns The summary of the ratios.
 * @throws {RangeError} If the lengths differ, are 0, or b has a value ≤ 0.
 * @see notebooks/02_capacity.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pairedRatios } from "@lib/capacity/mod.ts";
 * assert.equal(pairedRatios([2, 4, 6], [1, 2, 2]).median, 2);
 * ```
 */
export function pairedRatios(a: readonly number[], b: readonly number[]): TimeSummary {
  const context = "compute paired ratios";
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length || a.length === 0) {
    raise(
      "range",
      context,
      `a and b must be non-empty and of the same length, got ${a?.length} and ${b?.length}`,
    );
  }
  if (b.some((v) => !(v > 0))) raise("range", context, "every b must be positive");
  return summarizeTimes(a.map((v, i) => v / b[i]));
}
