import { assertFiniteNumber, assertInteger, assertPositive } from "../_shared/validate.ts";

/** Options of {@link replicaQps}. */
export interface ReplicaQpsOptions {
  /** Mean latency (service time) of one request in ms (> 0). */
  latencyMs: number;
  /** Fraction of capacity to plan for, in (0, 1]; below 1 leaves headroom for bursts. @default 1 */
  utilization?: number;
}

function resolve(options: ReplicaQpsOptions, context: string) {
  const { latencyMs, utilization = 1 } = options ?? {};
  assertPositive(latencyMs, "latencyMs", context);
  assertPositive(utilization, "utilization", context);
  assertFiniteNumber(utilization, "utilization", context, { max: 1 });
  return utilization * 1000 / latencyMs;
}

/**
 * Queries per second one replica sustains when it serves one request at a time (Little's law:
 * throughput = requests in flight / mean time per request), at utilisation u:
 *
 * $$\text{QPS} = \frac{u \cdot 1000}{t_\text{ms}}$$
 *
 * A replica is one full copy of the serving system (all of its shards). A server that runs
 * several requests at once is several replicas here (each with its own mean latency).
 *
 * @param options See {@link ReplicaQpsOptions}.
 * @returns Queries per second.
 * @throws {RangeError} If `latencyMs ≤ 0` or `utilization ∉ (0, 1]`.
 * @see notebooks/02_capacity.ipynb
 *
 * @example A 100 ms request served one at a time: 10 QPS
 * ```ts
 * import assert from "node:assert/strict";
 * import { replicaQps } from "@lib/capacity/mod.ts";
 * assert.equal(replicaQps({ latencyMs: 100 }), 10);
 * assert.equal(replicaQps({ latencyMs: 100, utilization: 0.5 }), 5);
 * ```
 */
export function replicaQps(options: ReplicaQpsOptions): number {
  return resolve(options, "compute replica QPS");
}

/** Options of {@link replicasForQps}. */
export interface ReplicasForQpsOptions extends ReplicaQpsOptions {
  /** Target queries per second (≥ 0). */
  qps: number;
  /** Machines (shards) per replica, to count machines. @default 1 */
  shardsPerReplica?: number;
}

/** What {@link replicasForQps} returns. */
export interface ReplicaPlan {
  /** Replicas needed, ⌈QPS / QPS per replica⌉. */
  replicas: number;
  /** What one replica sustains. */
  qpsPerReplica: number;
  /** replicas × shardsPerReplica. */
  machines: number;
}

/**
 * Replicas needed to serve a QPS target, $\lceil \text{QPS} / \text{QPS}_\text{replica} \rceil$,
 * and the machines that takes when each replica has `shardsPerReplica` shards.
 *
 * @param options See {@link ReplicasForQpsOptions}.
 * @returns A {@link ReplicaPlan}.
 * @throws {RangeError} As {@link replicaQps}, plus a negative `qps` or `shardsPerReplica < 1`.
 * @see notebooks/02_capacity.ipynb
 *
 * @example 1000 QPS on 100 ms requests over 1000 shards
 * ```ts
 * import assert from "node:assert/strict";
 * import { replicasForQps } from "@lib/capacity/mod.ts";
 * const plan = replicasForQps({ qps: 1000, latencyMs: 100, shardsPerReplica: 1000 });
 * assert.deepEqual(plan, { replicas: 100, qpsPerReplica: 10, machines: 100_000 });
 * ```
 */
export function replicasForQps(options: ReplicasForQpsOptions): ReplicaPlan {
  const context = "compute replicas for a QPS target";
  const qpsPerReplica = resolve(options, context);
  const { qps, shardsPerReplica = 1 } = options;
  assertFiniteNumber(qps, "qps", context, { min: 0 });
  assertInteger(shardsPerReplica, "shardsPerReplica", context, { min: 1 });
  // The relative slack keeps exact ratios such as 1000 / 10 from rounding up.
  const replicas = Math.ceil((qps / qpsPerReplica) * (1 - 1e-12));
  return { replicas, qpsPerReplica, machines: replicas * shardsPerReplica };
}
