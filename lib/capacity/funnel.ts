import { assertPositive, raise } from "../_shared/validate.ts";
import { _resolveWork } from "./_work.ts";
import { type ItemsPlan, maxItemsWithinSla, shardedLatency, type ShardedWork } from "./sla.ts";
import { formatForMessage as _num } from "../_shared/format.ts";
import {
  type PercentilePlan,
  type PercentilePlanOptions,
  shardsForPercentileSla,
} from "./percentile_plan.ts";

/** One stage of a ranking funnel: `items` candidates scored at `perItemMs` over `shards`. */
export interface FunnelStage extends ShardedWork {
  /** Name shown in the plan (unique within a funnel). */
  name: string;
}

/** One stage of a {@link FunnelPlan}. */
export interface FunnelStagePlan {
  name: string;
  items: number;
  shards: number;
  itemsPerShard: number;
  /** This stage's latency (its slowest shard). */
  latencyMs: number;
}

/** What {@link planFunnel} returns. */
export interface FunnelPlan {
  /** Per stage, in order. */
  stages: FunnelStagePlan[];
  /** Σ stage latencies: the stages run one after another. */
  totalMs: number;
  /** The SLA planned for (Infinity when none was given). */
  slaMs: number;
  /** totalMs ≤ slaMs. */
  withinSla: boolean;
}

function checkStages(stages: readonly FunnelStage[], context: string): void {
  if (!Array.isArray(stages) || stages.length === 0) {
    raise("range", context, "stages must be a non-empty array");
  }
  const names = new Set<string>();
  stages.forEach((s, i) => {
    if (typeof s?.name !== "string") raise("type", context, `stages[${i}].name must be a string`);
    if (names.has(s.name)) {
      raise("range", context, `stage names must be unique, "${s.name}" repeats`);
    }
    names.add(s.name);
  });
}

/**
 * Latency of a funnel of stages run in sequence, each scoring its candidates
 * on its own shards (cheap stages on many items, expensive ones on few):
 *
 * $$t = \sum_j \tau_j\big(o_j + \lceil N_j / S_j \rceil\, c_j\big)$$
 *
 * @param stages Stages in order; each a {@link FunnelStage}.
 * @param options `slaMs`: the target to compare against. @default Infinity
 * @returns A {@link FunnelPlan}.
 * @throws {RangeError} On an empty or invalid stage list (as `shardedLatency`), a repeated
 *   name, or `slaMs ≤ 0`.
 * @see notebooks/02_capacity.ipynb
 *
 * @example Cheap model on 100 M documents, deep model on the top 500
 * ```ts
 * import assert from "node:assert/strict";
 * import { planFunnel } from "@lib/capacity/mod.ts";
 * const plan = planFunnel([
 *   { name: "forest", items: 1e8, perItemMs: 0.001, shards: 1000 },
 *   { name: "deep", items: 500, perItemMs: 1, shards: 5 },
 * ], { slaMs: 250 });
 * assert.deepEqual(plan.stages.map((s) => Math.round(s.latencyMs)), [100, 100]);
 * assert.ok(plan.withinSla && Math.abs(plan.totalMs - 200) < 1e-9);
 * ```
 */
export function planFunnel(
  stages: readonly FunnelStage[],
  options: { slaMs?: number } = {},
): FunnelPlan {
  const context = "plan a funnel";
  const { slaMs = Infinity } = options;
  if (slaMs !== Infinity) assertPositive(slaMs, "slaMs", context);
  checkStages(stages, context);
  const planned = stages.map((stage, i) => {
    const r = _resolveWork(stage, `${context}: stage ${i} ("${stage.name}")`);
    const { itemsPerShard, totalMs } = shardedLatency(r);
    return {
      name: stage.name,
      items: r.items,
      shards: r.shards,
      itemsPerShard,
      latencyMs: totalMs,
    };
  });
  const totalMs = planned.reduce((sum, s) => sum + s.latencyMs, 0);
  return { stages: planned, totalMs, slaMs, withinSla: totalMs <= slaMs };
}

/**
 * The largest candidate set one stage of a funnel (typically the heavy model)
 * can score when the whole funnel must meet an SLA: the other stages' latency
 * is subtracted, and the remaining budget goes to this stage,
 *
 * $$N_\max = S \left\lfloor \frac{(\text{SLA} - \sum_{j \ne h} t_j)/\tau_h - o_h}{c_h} \right\rfloor.$$
 *
 * The stage's own `items` is ignored.
 *
 * @param stages The funnel, as for {@link planFunnel}.
 * @param options `stage`: the name of the stage to size; `slaMs`: the funnel's target.
 * @returns An `ItemsPlan`: `items` the stage can take, or infeasible with the reason
 *   (the other stages already use the budget, or one item per shard does not fit).
 * @throws {RangeError} As {@link planFunnel}, or if no stage has that name.
 * @see notebooks/02_capacity.ipynb
 *
 * @example 200 ms in all, 100 ms for the forest: 500 candidates for a 1 ms model on 5 shards
 * ```ts
 * import assert from "node:assert/strict";
 * import { largestStageInput } from "@lib/capacity/mod.ts";
 * const plan = largestStageInput([
 *   { name: "forest", items: 1e8, perItemMs: 0.001, shards: 1000 },
 *   { name: "deep", items: 0, perItemMs: 1, shards: 5 },
 * ], { stage: "deep", slaMs: 200 });
 * assert.ok(plan.feasible && plan.items === 500);
 * ```
 */
export function largestStageInput(
  stages: readonly FunnelStage[],
  options: { stage: string; slaMs: number },
): ItemsPlan {
  const context = "find the largest stage input";
  const { stage, slaMs } = options ?? {};
  assertPositive(slaMs, "slaMs", context);
  const heavy = stages?.find?.((s) => s?.name === stage);
  if (heavy === undefined) {
    raise("range", context, `no stage is named ${JSON.stringify(stage)}`);
  }
  const others = stages.filter((s) => s !== heavy);
  const othersMs = others.length === 0 ? 0 : planFunnel(others).totalMs;
  const budgetMs = slaMs - othersMs;
  if (budgetMs <= 0) {
    return {
      feasible: false,
      reason: `the other stages take ${
        _num(othersMs)
      } ms, leaving nothing of the SLA of ${slaMs} ms`,
    };
  }
  return maxItemsWithinSla({ ...heavy, slaMs: budgetMs });
}

/** Options of {@link firstStageForFunnel}. */
export interface FirstStageForFunnelOptions {
  /**
   * The first stage, whose shards are planned: as for `shardsForPercentileSla` without
   * `slaMs` (items, cost per item, overhead, measured shard latencies, percentile, maxShards).
   */
  first: Omit<PercentilePlanOptions, "slaMs">;
  /** The later stages, fixed: each with its items, shards, overhead and tail factor. */
  rest: readonly FunnelStage[];
  /** The budget of the whole funnel in ms, at the first stage's percentile. */
  slaMs: number;
}

/** What {@link firstStageForFunnel} returns. */
export type FirstStageForFunnel =
  | (Extract<PercentilePlan, { feasible: true }> & {
    /** The later stages' latency, Σ τ(o + ⌈N/S⌉c). */
    restMs: number;
    /** The first stage's latency plus the later stages'. */
    totalMs: number;
  })
  | { feasible: false; reason: string; restMs: number };

/**
 * Plans the first stage of a funnel **for the funnel's own budget**: the later stages (e.g.
 * the heavy model on K survivors) take their latency first, and the first stage gets the
 * rest of the budget, on the fewest shards that meet it at the percentile:
 *
 * $$S_1 = \min\{S : \tau_p(S)\,(o + \lceil N/S \rceil c) \le \text{SLA} - \textstyle\sum_{j > 1} t_j\}.$$
 *
 * The fewest shards is the cheapest first stage that fits. Summing stage percentiles is
 * exact when the stages are slow together and usually errs on the safe side when they are
 * independent, but it is not a bound: quantiles do not add in general (a spike rarer than
 * 1 − p in each stage can put the percentile of the sum above the sum of percentiles).
 *
 * @param options See {@link FirstStageForFunnelOptions}.
 * @returns The first stage's plan with the later stages' and the total latency, or why there
 *   is none (the later stages use the budget, or no S up to `maxShards` meets what is left).
 * @throws {RangeError} On an invalid stage, budget or first-stage option (as `planFunnel` and
 *   `shardsForPercentileSla`).
 * @see notebooks/02_capacity.ipynb
 *
 * @example 200 ms in all, the deep model on 500 documents takes 100: the first stage gets 100 ms
 * ```ts
 * import assert from "node:assert/strict";
 * import { firstStageForFunnel } from "@lib/capacity/mod.ts";
 * const plan = firstStageForFunnel({
 *   first: { items: 1e8, perItemMs: 0.001, samplesMs: [5, 5, 5, 5, 5], maxShards: 10_000 },
 *   rest: [{ name: "deep", items: 500, perItemMs: 1, shards: 5 }],
 *   slaMs: 200,
 * });
 * assert.ok(plan.feasible && plan.shards === 1000 && plan.totalMs === 200);
 * ```
 */
export function firstStageForFunnel(options: FirstStageForFunnelOptions): FirstStageForFunnel {
  const context = "plan the first stage of a funnel";
  const { first, rest, slaMs } = options ?? {};
  assertPositive(slaMs, "slaMs", context);
  if (!Array.isArray(rest)) raise("type", context, "rest must be an array of stages");
  const restMs = rest.length === 0 ? 0 : planFunnel(rest).totalMs;
  const budgetMs = slaMs - restMs;
  if (budgetMs <= 0) {
    return {
      feasible: false,
      restMs,
      reason: `the later stages take ${_num(restMs)} ms of the funnel's ${_num(slaMs)} ms`,
    };
  }
  const plan = shardsForPercentileSla({ ...first, slaMs: budgetMs });
  if (!plan.feasible) {
    return {
      feasible: false,
      restMs,
      reason: `the later stages leave ${_num(budgetMs)} ms, and ${plan.reason}`,
    };
  }
  return { ...plan, restMs, totalMs: plan.latencyMs + restMs };
}
