import { assertInteger, assertPositive } from "../_shared/validate.ts";
import { _itemsPerShardWithin, _resolveWork } from "./_work.ts";
import { formatForMessage as _num } from "../_shared/format.ts";

/** A scoring job spread over shards. Times in milliseconds. */
export interface ShardedWork {
  /** Items to score, N (an integer ≥ 0). */
  items: number;
  /** Cost of one item on one shard, in ms (≥ 0; 1 µs = 0.001 ms). */
  perItemMs: number;
  /** Shards S working in parallel (an integer ≥ 1). @default 1 */
  shards?: number;
  /** Fixed cost every shard pays per request (fan-out, network, merge), in ms. @default 0 */
  overheadMs?: number;
  /**
   * Slowest shard over a typical one (≥ 1): a request waits for all S shards,
   * so it takes the maximum of S shard latencies. See `tailFactorFromSamples`. @default 1
   */
  tailFactor?: number;
}

/** What {@link shardedLatency} returns. */
export interface ShardedLatency {
  /** Items on the busiest shard, ⌈N / S⌉. */
  itemsPerShard: number;
  /** Latency of a typical shard: overhead + ⌈N / S⌉ · cost. */
  shardMs: number;
  /** Latency of the request: the slowest shard, tailFactor · shardMs. */
  totalMs: number;
}

/**
 * Latency of scoring N items split evenly over S shards that work in parallel:
 *
 * $$t_\text{shard} = o + \lceil N/S \rceil\, c, \qquad t = \tau\, t_\text{shard}$$
 *
 * with per-item cost c, per-shard overhead o and tail factor τ ≥ 1 (the
 * request waits for the slowest of its S shards).
 *
 * @param work See {@link ShardedWork}.
 * @returns A {@link ShardedLatency}.
 * @throws {RangeError} On negative or fractional items, shards < 1, a negative or
 *   non-finite cost or overhead, or a tail factor below 1.
 * @see notebooks/02_capacity.ipynb
 *
 * @example 100 million documents at 1 µs per tree evaluation over 1000 shards
 * ```ts
 * import assert from "node:assert/strict";
 * import { shardedLatency } from "@lib/capacity/mod.ts";
 * const plan = shardedLatency({ items: 1e8, perItemMs: 0.001, shards: 1000 });
 * const { totalMs, itemsPerShard } = plan;
 * assert.equal(itemsPerShard, 100_000);
 * assert.ok(Math.abs(totalMs - 100) < 1e-9); // 10⁵ items × 1 µs = 100 ms
 * ```
 */
export function shardedLatency(work: ShardedWork): ShardedLatency {
  const r = _resolveWork(work, "compute sharded latency");
  const itemsPerShard = Math.ceil(r.items / r.shards);
  const shardMs = r.overheadMs + itemsPerShard * r.perItemMs;
  return { itemsPerShard, shardMs, totalMs: r.tailFactor * shardMs };
}

/** Options of {@link shardsForSla}. */
export interface ShardsForSlaOptions extends ShardedWork {
  /** Latency target in ms (> 0). */
  slaMs: number;
  /** Most shards available. @default Infinity */
  maxShards?: number;
}

/** What {@link shardsForSla} returns: a plan, or why there is none. */
export type ShardPlan =
  | { feasible: true; shards: number; itemsPerShard: number; latencyMs: number }
  | { feasible: false; reason: string; minLatencyMs: number };

/**
 * Fewest shards S with $\tau\,(o + \lceil N/S \rceil\, c) \le \text{SLA}$. A
 * shard may hold at most $k = \lfloor (\text{SLA}/\tau - o)/c \rfloor$ items,
 * so $S = \lceil N / k \rceil$. More shards cannot beat one item per shard, so
 * when $\tau\,(o + c) > \text{SLA}$ – in particular when the overhead alone
 * reaches the SLA – no number of shards meets it: the result says so, with the
 * reason, instead of throwing.
 *
 * @param options See {@link ShardsForSlaOptions}.
 * @returns A {@link ShardPlan}.
 * @throws {RangeError} On invalid inputs (as {@link shardedLatency}, plus `slaMs ≤ 0`).
 * @see notebooks/02_capacity.ipynb
 *
 * @example A 1 ms model on 100 million documents needs a million shards for 100 ms
 * ```ts
 * import assert from "node:assert/strict";
 * import { shardsForSla } from "@lib/capacity/mod.ts";
 * const plan = shardsForSla({ items: 1e8, perItemMs: 1, slaMs: 100 });
 * assert.ok(plan.feasible && plan.shards === 1e6);
 * const none = shardsForSla({ items: 10, perItemMs: 1, slaMs: 100, overheadMs: 120 });
 * assert.ok(!none.feasible && /overhead/.test(none.reason));
 * ```
 */
export function shardsForSla(options: ShardsForSlaOptions): ShardPlan {
  const context = "find shards for an SLA";
  const r = _resolveWork(options, context);
  const { slaMs, maxShards = Infinity } = options;
  assertPositive(slaMs, "slaMs", context);
  if (maxShards !== Infinity) assertInteger(maxShards, "maxShards", context, { min: 1 });
  const minLatencyMs = r.tailFactor * (r.overheadMs + Math.min(r.items, 1) * r.perItemMs);
  const tail = r.tailFactor === 1 ? "" : ` × tail factor ${_num(r.tailFactor)}`;
  if (r.items === 0 && minLatencyMs <= slaMs) {
    return { feasible: true, shards: 1, itemsPerShard: 0, latencyMs: minLatencyMs };
  }
  if (r.tailFactor * r.overheadMs >= slaMs) {
    return {
      feasible: false,
      minLatencyMs,
      reason:
        `the per-shard overhead alone (${
          _num(r.overheadMs)
        } ms${tail}) reaches the SLA of ${slaMs} ms:` +
        " no number of shards can meet it",
    };
  }
  const k = _itemsPerShardWithin(r, slaMs);
  if (k < 1) {
    return {
      feasible: false,
      minLatencyMs,
      reason:
        `even one item per shard takes ${_num(minLatencyMs)} ms (overhead ${
          _num(r.overheadMs)
        } ms + ` +
        `${_num(r.perItemMs)} ms per item${tail}), more than the SLA of ${slaMs} ms`,
    };
  }
  const shards = Math.ceil(r.items / Math.min(k, r.items));
  if (shards > maxShards) {
    return {
      feasible: false,
      minLatencyMs,
      reason:
        `meeting the SLA of ${slaMs} ms needs ${shards} shards, more than maxShards=${maxShards}`,
    };
  }
  const { itemsPerShard, totalMs } = shardedLatency({ ...r, shards });
  return { feasible: true, shards, itemsPerShard, latencyMs: totalMs };
}

/** Options of {@link maxItemsWithinSla}. */
export interface MaxItemsOptions extends Omit<ShardedWork, "items"> {
  /** Latency budget in ms (> 0). */
  slaMs: number;
}

/** What {@link maxItemsWithinSla} returns. */
export type ItemsPlan =
  | { feasible: true; items: number; itemsPerShard: number; latencyMs: number }
  | { feasible: false; reason: string };

/**
 * The most items S shards can score within an SLA:
 * $N_\max = S \cdot \lfloor (\text{SLA}/\tau - o)/c \rfloor$ (Infinity when c = 0).
 *
 * @param options See {@link MaxItemsOptions}.
 * @returns An {@link ItemsPlan}; infeasible (with the reason) when not even one
 *   item per shard fits.
 * @throws {RangeError} On invalid inputs (as {@link shardedLatency}, plus `slaMs ≤ 0`).
 * @see notebooks/02_capacity.ipynb
 *
 * @example A 1 ms deep model on 5 shards scores 500 candidates in 100 ms
 * ```ts
 * import assert from "node:assert/strict";
 * import { maxItemsWithinSla } from "@lib/capacity/mod.ts";
 * const plan = maxItemsWithinSla({ perItemMs: 1, shards: 5, slaMs: 100 });
 * assert.ok(plan.feasible && plan.items === 500);
 * ```
 */
export function maxItemsWithinSla(options: MaxItemsOptions): ItemsPlan {
  const context = "find the most items within an SLA";
  const r = _resolveWork(options, context, false);
  assertPositive(options.slaMs, "slaMs", context);
  const k = _itemsPerShardWithin(r, options.slaMs);
  if (k < 1) {
    const one = r.tailFactor * (r.overheadMs + r.perItemMs);
    return {
      feasible: false,
      reason: `one item per shard already takes ${_num(one)} ms, more than the budget of ${
        _num(options.slaMs)
      } ms`,
    };
  }
  const latencyMs = k === Infinity
    ? r.tailFactor * r.overheadMs
    : r.tailFactor * (r.overheadMs + k * r.perItemMs);
  return { feasible: true, items: k * r.shards, itemsPerShard: k, latencyMs };
}
