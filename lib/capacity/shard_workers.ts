import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";
import { TreeClassifier, TreeRegressor } from "../models/forest/mod.ts";
import type { TreeModelSpec } from "../models/forest/mod.ts";
import { _checkRows } from "../models/forest/_fit.ts";
import type { ShardLoad, ShardReply } from "./_shard_protocol.ts";
import { summarizeTimes, type TimeSummary } from "./summarize.ts";

/**
 * A scoring job to split across shards:
 *
 * - `"forest"`: score `rows` with a fitted tree model (`model.toSpec()`); the
 *   outputs are its predictions (`nOutputs` numbers per row);
 * - `"spin"`: a synthetic job of `items` items costing exactly `perItemMs`
 *   each (a busy wait): isolates the sharding overhead from the model.
 */
export type ShardJob =
  | { kind: "forest"; model: TreeModelSpec; rows: ArrayLike<ArrayLike<number>> }
  | { kind: "spin"; items: number; perItemMs: number };

/** Options of {@link runShardedJob}. */
export interface ShardedJobOptions {
  /** Shards, one Worker each. @default navigator.hardwareConcurrency (the machine's cores) */
  shards?: number;
  /** Untimed requests first (JIT warm-up in every worker). @default 1 */
  warmup?: number;
  /** Timed requests. @default 5 */
  repeats?: number;
  /**
   * Work to time on the main thread right after each request (while the workers idle), so that
   * a comparison with the shards is interleaved in one run: its time is each request's
   * `alongsideMs`.
   */
  alongside?: () => unknown;
}

/** One timed request: every shard's figures in ms. */
export interface ShardRequest {
  /** From sending the request to the last shard's answer: the request latency. */
  totalMs: number;
  /** Round trip of each shard (send → answer received). */
  shardMs: number[];
  /** Compute time each shard measured itself. */
  computeMs: number[];
  /** Round trip − compute: messaging, copying and scheduling. */
  overheadMs: number[];
  /** Time of `alongside` on the main thread right after this request (NaN without it). */
  alongsideMs: number;
}

/** What {@link runShardedJob} returns. */
export interface ShardedJobResult {
  shards: number;
  /** Items on each shard (contiguous slices, sizes differ by at most 1). */
  itemsPerShard: number[];
  /** Spawning the workers and loading their slices, until all were ready (paid once). */
  startupMs: number;
  /** The timed requests. */
  requests: ShardRequest[];
  /** Request latency (slowest shard) over the requests. */
  totalMs: TimeSummary;
  /** Every shard's round trip, over all requests: the samples for `tailFactorFromSamples`. */
  shardMs: TimeSummary;
  /** Every shard's compute time. */
  computeMs: TimeSummary;
  /** Every shard's overhead (round trip − compute): the measured per-shard overhead. */
  overheadMs: TimeSummary;
  /** Measured tail factor: median request latency over median shard round trip. */
  tailFactor: number;
  /** Outputs of the last request in item order (`nItems × nOutputs`; empty for `"spin"`). */
  outputs: Float64Array;
  /** Numbers per item in `outputs` (0 for `"spin"`). */
  nOutputs: number;
}

interface Timed<T> {
  reply: T;
  at: number;
}

function request(worker: Worker, message: unknown, transfer: Transferable[] = []) {
  return new Promise<Timed<Exclude<ShardReply, { type: "error" }>>>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ShardReply>) => {
      const at = performance.now();
      const reply = event.data;
      if (reply.type === "error") reject(new Error(`A shard worker failed: ${reply.message}`));
      else resolve({ reply, at });
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      reject(new Error(`A shard worker failed: ${event.message}`));
    };
    worker.postMessage(message, transfer);
  });
}

function slices(nItems: number, shards: number): number[] {
  const base = Math.floor(nItems / shards), extra = nItems % shards;
  return Array.from({ length: shards }, (_, s) => base + (s < extra ? 1 : 0));
}

function loads(job: ShardJob, sizes: number[], context: string): ShardLoad[] {
  if (job?.kind === "spin") {
    return sizes.map((items) => ({ type: "load", kind: "spin", items, perItemMs: job.perItemMs }));
  }
  if (job?.kind !== "forest") raise("range", context, `job.kind must be "forest" or "spin"`);
  const model = job.model?.kind === "regressor"
    ? TreeRegressor.fromSpec(job.model)
    : TreeClassifier.fromSpec(job.model);
  const { nFeatures } = model;
  _checkRows(job.rows, nFeatures, context);
  let start = 0;
  return sizes.map((size) => {
    const data = new Float64Array(size * nFeatures);
    for (let i = 0; i < size; i++) {
      const row = job.rows[start + i];
      for (let f = 0; f < nFeatures; f++) data[i * nFeatures + f] = row[f];
    }
    start += size;
    const { trees, nOutputs } = job.model;
    return { type: "load", kind: "forest", trees, nOutputs, nFeatures, data };
  });
}

/**
 * Splits a scoring job across `shards` Deno Workers (one per core by
 * default), as a sharded serving system splits its index: each worker holds a
 * contiguous slice, every request fans out to all of them, and the request
 * finishes with the slowest shard. Measures, per request and shard, the round
 * trip, the compute time inside the worker, and their difference: the real
 * per-shard overhead (message passing, copying results, scheduling). With more
 * shards than cores, shards queue for a core and the tail grows.
 *
 * Workers are always terminated, also on error.
 *
 * @param job See {@link ShardJob}.
 * @param options See {@link ShardedJobOptions}.
 * @returns A {@link ShardedJobResult}; times in ms.
 * @throws {RangeError} On shards < 1, repeats < 1, warmup < 0, an unknown job kind,
 *   an invalid model or rows, or a negative cost.
 * @throws {TypeError} If `alongside` is given but not a function.
 * @throws {Error} If a worker fails.
 * @see notebooks/02_capacity.ipynb
 *
 * @example Two shards of a synthetic 0.01 ms-per-item job
 * ```ts
 * import assert from "node:assert/strict";
 * import { runShardedJob } from "@lib/capacity/mod.ts";
 * const result = await runShardedJob(
 *   { kind: "spin", items: 200, perItemMs: 0.01 },
 *   { shards: 2, repeats: 2 },
 * );
 * assert.deepEqual(result.itemsPerShard, [100, 100]);
 * assert.ok(result.computeMs.min >= 0.99); // 100 items × 0.01 ms
 * assert.ok(result.totalMs.median >= result.computeMs.min);
 * ```
 */
export async function runShardedJob(
  job: ShardJob,
  options: ShardedJobOptions = {},
): Promise<ShardedJobResult> {
  const context = "run a sharded job";
  const { shards = navigator.hardwareConcurrency || 1, warmup = 1, repeats = 5, alongside } =
    options;
  if (alongside !== undefined && typeof alongside !== "function") {
    raise("type", context, "alongside must be a function");
  }
  assertInteger(shards, "shards", context, { min: 1 });
  assertInteger(warmup, "warmup", context, { min: 0 });
  assertInteger(repeats, "repeats", context, { min: 1 });
  if (job?.kind === "spin") {
    assertInteger(job.items, "job.items", context, { min: 0 });
    assertFiniteNumber(job.perItemMs, "job.perItemMs", context, { min: 0 });
  }
  const nItems = job?.kind === "spin" ? job.items : job?.rows?.length;
  if (typeof nItems !== "number") raise("type", context, "job.rows must be an array of rows");
  const sizes = slices(nItems, shards);
  const messages = loads(job, sizes, context);

  const workers: Worker[] = [];
  try {
    const started = performance.now();
    for (let s = 0; s < shards; s++) {
      workers.push(new Worker(new URL("./_shard_worker.ts", import.meta.url), { type: "module" }));
    }
    await Promise.all(workers.map((w, s) => {
      const m = messages[s];
      return request(w, m, m.kind === "forest" ? [m.data.buffer] : []);
    }));
    const startupMs = performance.now() - started;

    const requests: ShardRequest[] = [];
    let outputs: Float64Array[] = [];
    for (let r = 0; r < warmup + repeats; r++) {
      const sent = performance.now();
      const replies = await Promise.all(workers.map((w) => request(w, { type: "score" })));
      const shardMs = replies.map(({ at }) => at - sent);
      const computeMs = replies.map(({ reply }) => (reply.type === "scored" ? reply.computeMs : 0));
      outputs = replies.map((
        { reply },
      ) => (reply.type === "scored" ? reply.outputs : new Float64Array()));
      const before = performance.now();
      alongside?.();
      const alongsideMs = alongside ? performance.now() - before : NaN;
      if (r < warmup) continue;
      requests.push({
        alongsideMs,
        totalMs: Math.max(...shardMs),
        shardMs,
        computeMs,
        overheadMs: shardMs.map((t, s) => Math.max(0, t - computeMs[s])),
      });
    }
    const all = (key: "shardMs" | "computeMs" | "overheadMs") => requests.flatMap((q) => q[key]);
    const totalMs = summarizeTimes(requests.map((q) => q.totalMs));
    const shardMs = summarizeTimes(all("shardMs"));
    const merged = new Float64Array(outputs.reduce((n, o) => n + o.length, 0));
    let offset = 0;
    for (const o of outputs) {
      merged.set(o, offset);
      offset += o.length;
    }
    return {
      shards,
      itemsPerShard: sizes,
      startupMs,
      requests,
      totalMs,
      shardMs,
      computeMs: summarizeTimes(all("computeMs")),
      overheadMs: summarizeTimes(all("overheadMs")),
      tailFactor: shardMs.median > 0 ? totalMs.median / shardMs.median : 1,
      outputs: merged,
      nOutputs: job.kind === "forest" ? job.model.nOutputs : 0,
    };
  } finally {
    for (const w of workers) w.terminate();
  }
}
