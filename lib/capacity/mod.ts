/**
 * Performance and capacity for chapter 2: how long scoring takes, how that
 * cost grows with the sizes of the job, and how many machines a latency target
 * and a traffic target need.
 *
 * - **Timing**: {@link measure} (sync or async work; median, percentiles, IQR,
 *   per-item cost) and {@link measureTf} (TensorFlow.js, reading results back
 *   to the host inside the timed region); {@link summarizeTimes};
 *   {@link measureInterleaved} and {@link pairedRatios} (comparisons that survive a
 *   shared machine); {@link scalingVerdict} (growth verdicts with a noise margin).
 * - **Cost models**: {@link fitCostModel} and {@link compareCostModels} fit
 *   timings to `a·n`, `a·f`, `a·n·f`, `a·n·f + e·n`, `a·n·T·d`, `a·n·f·T·d`,
 *   `a·Σ layer products`, `a·n^b` (± an overhead c, at most the fastest call) by
 *   relative least squares and rank them by AIC on the same residuals;
 *   {@link costFitTable} lays the ranking out as table columns.
 * - **Formatting**: {@link formatDuration} writes a time in ms in the unit that suits it;
 *   {@link durationUnit} picks the unit of an axis.
 * - **Requirements**: {@link SEARCH_REQUIREMENTS} (chapter 1's traffic and p99 SLA) and
 *   {@link peakQps}.
 * - **SLA arithmetic**: {@link shardedLatency}, {@link shardsForSla},
 *   {@link maxItemsWithinSla}, tails from measured shard latencies
 *   ({@link expectedSlowestShard}, {@link tailFactorFromSamples},
 *   {@link slowestShardQuantile}), plans for an SLA at a percentile
 *   ({@link shardsForPercentileSla}), throughput ({@link replicaQps},
 *   {@link replicasForQps}), queueing ({@link erlangC}, {@link mmcQueue},
 *   {@link serversForWait}, {@link simulateQueue}), caching ({@link zipfStream},
 *   {@link lruHitRate}) and ranking funnels ({@link planFunnel}, {@link largestStageInput},
 *   {@link firstStageForFunnel}).
 * - **Real shards**: {@link runShardedJob} splits a scoring job across Deno
 *   Workers and measures per-shard overhead and the slowest-shard tail.
 * - **Tasks to time and to rank**: {@link syntheticTask} (a classification and
 *   ranking task with a known truth, any number of rows and features),
 *   {@link tabularTask} (mixed columns whose effects are thresholds, an unordered
 *   category and an interaction, where trees are expected to do well),
 *   {@link examplesToReach} (sample complexity from a learning curve) and
 *   {@link funnelScores} (the ranking a cheap-then-heavy funnel produces at a
 *   cut-off, for NDCG against the truth).
 *
 * Times are in milliseconds throughout (1 µs = 0.001 ms).
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { planFunnel, shardedLatency } from "@lib/capacity/mod.ts";
 * // 100 M documents × 1 ms for a deep model, even over 1000 shards: 100 s.
 * const deep = shardedLatency({ items: 1e8, perItemMs: 1, shards: 1000 });
 * assert.ok(Math.abs(deep.totalMs - 100_000) < 1e-6);
 * // A funnel keeps the deep model to 500 documents on 5 shards: 100 ms.
 * const plan = planFunnel([{ name: "deep", items: 500, perItemMs: 1, shards: 5 }]);
 * assert.equal(plan.totalMs, 100);
 * ```
 *
 * @see notebooks/02_capacity.ipynb
 * @module
 */
export * from "./summarize.ts";
export * from "./measure.ts";
export * from "./cost_forms.ts";
export * from "./cost_model.ts";
export * from "./sla.ts";
export * from "./tail.ts";
export * from "./replicas.ts";
export * from "./funnel.ts";
export * from "./shard_workers.ts";
export * from "./synthetic_task.ts";
export * from "./tabular_task.ts";
export * from "./sample_complexity.ts";
export * from "./funnel_scores.ts";
export * from "./cost_chart.ts";
export * from "./cost_fit_table.ts";
export * from "./format_duration.ts";
export * from "./requirements.ts";
export * from "./queueing.ts";
export * from "./cache.ts";
export * from "./interleaved.ts";
export * from "./percentile_plan.ts";
export * from "./scaling.ts";
