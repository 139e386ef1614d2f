import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";
import { summarizeTimes, type TimeSummary } from "./summarize.ts";

/** Options of {@link measure} and {@link measureTf}. */
export interface MeasureOptions {
  /** Untimed calls first (JIT compilation, caches, lazy initialisation). @default 3 */
  warmup?: number;
  /** Timed samples. @default 20 */
  repeats?: number;
  /**
   * Shortest duration of one sample in ms: calls too fast for the clock are
   * repeated back to back inside one sample (their count is fixed after the
   * warm-up), and the sample is the mean per call. @default 0 (one call per sample)
   */
  minTimeMs?: number;
  /** Items one call processes (rows in a batch), for the per-item cost. @default 1 */
  items?: number;
}

/** What {@link measure} returns: per-call statistics in ms, and per item. */
export interface Timing extends TimeSummary {
  /** Milliseconds per call, one number per sample, in the order measured. */
  samplesMs: number[];
  /** Calls timed back to back in each sample. */
  callsPerSample: number;
  /** Items per call. */
  items: number;
  /** The same statistics divided by `items`: milliseconds per item. */
  perItem: TimeSummary;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value != null && typeof (value as { then?: unknown }).then === "function";
}

/**
 * Times `fn` with a monotonic clock (`performance.now()`): `warmup` untimed
 * calls, then `repeats` samples. Quote the median (robust to garbage-collection
 * pauses and other tenants of a shared machine) with the IQR or p10/p90; the
 * minimum estimates the cost without interference. For batched work, `items`
 * gives the per-item cost, $\text{perItem} = t_\text{call} / \text{items}$.
 *
 * When `fn` returns a promise it is awaited inside the timed region, so the
 * sample covers the asynchronous work too. **TensorFlow.js** ops may return
 * before their work is done (WebGL/WebGPU enqueue kernels; only reading the
 * result waits for them), so a tfjs `fn` must bring the result to the host
 * inside the timed region (`await t.data()`) and dispose it; {@link measureTf}
 * does that for a function returning a tensor. A returned value is kept until
 * the next call, so the work cannot be optimised away.
 *
 * @param fn The work to time; sync or async.
 * @param options See {@link MeasureOptions}.
 * @returns A {@link Timing} in milliseconds.
 * @throws {RangeError} If `warmup < 0`, `repeats < 1`, `minTimeMs < 0` or `items < 1`.
 * @throws {TypeError} If `fn` is not a function.
 * @see notebooks/02_capacity.ipynb
 *
 * @example Per-item cost of summing 10,000 numbers
 * ```ts
 * import assert from "node:assert/strict";
 * import { measure } from "@lib/capacity/mod.ts";
 * const xs = new Float64Array(10_000).fill(1);
 * const t = await measure(() => xs.reduce((a, b) => a + b, 0), {
 *   repeats: 5,
 *   minTimeMs: 1,
 *   items: xs.length,
 * });
 * assert.equal(t.samplesMs.length, 5);
 * assert.ok(t.min <= t.median && t.median <= t.max);
 * assert.ok(Math.abs(t.perItem.median - t.median / 10_000) < 1e-12);
 * ```
 */
export async function measure(
  fn: () => unknown,
  options: MeasureOptions = {},
): Promise<Timing> {
  const context = "measure";
  const { warmup = 3, repeats = 20, minTimeMs = 0, items = 1 } = options;
  if (typeof fn !== "function") raise("type", context, "fn must be a function");
  assertInteger(warmup, "warmup", context, { min: 0 });
  assertInteger(repeats, "repeats", context, { min: 1 });
  assertFiniteNumber(minTimeMs, "minTimeMs", context, { min: 0 });
  assertInteger(items, "items", context, { min: 1 });

  let sink: unknown;
  const timeCalls = async (calls: number): Promise<number> => {
    const start = performance.now();
    for (let c = 0; c < calls; c++) {
      sink = fn();
      if (isThenable(sink)) sink = await sink;
    }
    return (performance.now() - start) / calls;
  };

  let warmupMs = Infinity;
  for (let w = 0; w < warmup; w++) warmupMs = Math.min(warmupMs, await timeCalls(1));
  let callsPerSample = 1;
  if (minTimeMs > 0) {
    if (warmup === 0) warmupMs = await timeCalls(1);
    const perCall = Math.max(warmupMs, 1e-6);
    callsPerSample = Math.min(1e7, Math.max(1, Math.ceil(minTimeMs / perCall)));
  }
  const samplesMs: number[] = [];
  for (let r = 0; r < repeats; r++) samplesMs.push(await timeCalls(callsPerSample));
  void sink;
  return {
    ...summarizeTimes(samplesMs),
    samplesMs,
    callsPerSample,
    items,
    perItem: summarizeTimes(samplesMs.map((t) => t / items)),
  };
}

/** The part of a TensorFlow.js tensor that {@link measureTf} uses. */
export interface HostReadable {
  /** Downloads the values to the host (waits for pending kernels). */
  data(): Promise<unknown>;
  /** Frees the tensor's memory. */
  dispose(): void;
}

/**
 * {@link measure} for TensorFlow.js: each call runs `fn`, awaits `data()` on
 * the tensor it returns (so the timed region includes every pending kernel and
 * the download to the host, as a serving system that returns scores must), and
 * disposes the tensor. Intermediate tensors are `fn`'s to free: wrap its body in
 * `tf.tidy`.
 *
 * On the cpu and wasm backends kernels run synchronously, so timing without the
 * download would happen to be right there; on WebGL/WebGPU it would time only
 * the enqueueing of kernels. Reading back is correct on every backend.
 *
 * @param fn Returns a tensor (any object with `data()` and `dispose()`).
 * @param options See {@link MeasureOptions}.
 * @returns A {@link Timing} in milliseconds.
 * @throws {RangeError} As {@link measure}.
 * @throws {TypeError} If `fn` does not return a tensor.
 * @see notebooks/02_capacity.ipynb
 *
 * @example A 64 × 64 matrix product, read back
 * ```ts
 * import assert from "node:assert/strict";
 * import { measureTf } from "@lib/capacity/mod.ts";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const a = tf.ones([64, 64]);
 * const before = tf.memory().numTensors;
 * const t = await measureTf(() => tf.matMul(a, a), { warmup: 1, repeats: 3 });
 * assert.equal(t.samplesMs.length, 3);
 * assert.equal(tf.memory().numTensors, before); // every result was disposed
 * a.dispose();
 * ```
 */
export function measureTf(
  fn: () => HostReadable,
  options: MeasureOptions = {},
): Promise<Timing> {
  if (typeof fn !== "function") raise("type", "measureTf", "fn must be a function");
  return measure(async () => {
    const tensor = fn();
    if (tensor == null || typeof tensor.data !== "function") {
      raise("type", "measureTf", "fn must return a tensor (an object with data() and dispose())");
    }
    try {
      await tensor.data();
    } finally {
      tensor.dispose();
    }
  }, options);
}
