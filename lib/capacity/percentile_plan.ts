import { assertFiniteArray, assertInteger, assertPositive, raise } from "../_shared/validate.ts";
import { formatForMessage as _num } from "../_shared/format.ts";
import { _quantileSorted } from "./_quantile.ts";
import { shardedLatency } from "./sla.ts";
import { _slowestShardQuantiler } from "./tail.ts";

/** Options of {@link shardsForPercentileSla}. */
export interface PercentilePlanOptions {
  /** Items to score, N. */
  items: number;
  /** Cost of one item on a shard, in ms (the median shard's). */
  perItemMs: number;
  /** Fixed cost per shard and request, in ms. @default 0 */
  overheadMs?: number;
  /** Latency budget in ms, to be met at `percentile`. */
  slaMs: number;
  /** Measured single-shard latencies (ms): the shape of the tail. */
  samplesMs: ArrayLike<number>;
  /** The percentile the SLA is stated at. @default 0.99 */
  percentile?: number;
  /** Most shards available (an integer ≥ 1). */
  maxShards: number;
}

/** What {@link shardsForPercentileSla} returns. */
export type PercentilePlan =
  | {
    feasible: true;
    shards: number;
    itemsPerShard: number;
    /** The planned latency at `percentile`, τ_p(S) · (o + ⌈N/S⌉ c). */
    latencyMs: number;
    /** τ_p(S): the percentile of the slowest of S shards over the median shard. */
    tailFactor: number;
  }
  | { feasible: false; reason: string; minLatencyMs: number; bestShards: number };

/**
 * Fewest shards S whose request latency **at a percentile** meets the SLA, when a request
 * waits for the slowest of its S shards:
 *
 * $$t_p(S) = \tau_p(S)\,\big(o + \lceil N/S \rceil c\big), \qquad
 * \tau_p(S) = \frac{Q_X\big(p^{1/S}\big)}{\operatorname{median} X} \;(\ge 1),$$
 *
 * with $Q_X$ the quantile of the measured shard latencies (an exponential tail beyond them, as
 * in {@link slowestShardQuantile}). The relative spread of a shard is assumed to scale with
 * its work. τ_p grows with S while the work per shard falls, so $t_p$ first falls and then
 * rises: S is scanned from 1 to `maxShards`.
 *
 * @param options See {@link PercentilePlanOptions}.
 * @returns The plan, or why there is none (with the lowest latency within the limit).
 * @throws {RangeError} On invalid sizes, costs, samples or percentile.
 * @see notebooks/02_capacity.ipynb
 *
 * @example Latencies that never vary: τ = 1, the ideal N·c/S arithmetic
 * ```ts
 * import assert from "node:assert/strict";
 * import { shardsForPercentileSla } from "@lib/capacity/mod.ts";
 * const flat = [10, 10, 10, 10, 10];
 * const plan = shardsForPercentileSla({
 *   items: 1000, perItemMs: 1, slaMs: 100, samplesMs: flat, maxShards: 100,
 * });
 * assert.ok(plan.feasible && plan.shards === 10 && plan.tailFactor === 1);
 * ```
 */
export function shardsForPercentileSla(options: PercentilePlanOptions): PercentilePlan {
  const context = "plan shards for a percentile SLA";
  const { items, perItemMs, overheadMs = 0, slaMs, samplesMs, percentile = 0.99, maxShards } =
    options ?? {};
  assertInteger(items, "items", context, { min: 0 });
  assertPositive(perItemMs, "perItemMs", context);
  assertPositive(slaMs, "slaMs", context);
  assertInteger(maxShards, "maxShards", context, { min: 1 });
  assertFiniteArray(samplesMs, "samplesMs", context);
  const median = _quantileSorted(Float64Array.from(samplesMs).sort(), 0.5);
  if (!(median > 0)) {
    raise("range", context, `the median of samplesMs must be positive, got ${median}`);
  }
  const quantile = _slowestShardQuantiler(samplesMs, { percentile });
  let minLatencyMs = Infinity, bestShards = 1;
  for (let shards = 1; shards <= maxShards; shards++) {
    const tailFactor = Math.max(1, quantile(shards).quantileMs / median);
    const { itemsPerShard, totalMs } = shardedLatency({
      items,
      perItemMs,
      shards,
      overheadMs,
      tailFactor,
    });
    if (totalMs <= slaMs) {
      return { feasible: true, shards, itemsPerShard, latencyMs: totalMs, tailFactor };
    }
    if (totalMs < minLatencyMs) [minLatencyMs, bestShards] = [totalMs, shards];
  }
  const pct = `p${_num(100 * percentile)}`;
  return {
    feasible: false,
    minLatencyMs,
    bestShards,
    reason: `no number of shards up to ${_num(maxShards)} meets ${_num(slaMs)} ms at ${pct}: ` +
      `the lowest is ${_num(minLatencyMs)} ms, on ${_num(bestShards)} shards`,
  };
}
