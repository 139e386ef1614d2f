import { lineChart } from "../../../lib/plot/line.ts";
import { shardedLatency, shardsForSla } from "../../../lib/capacity/sla.ts";
import { replicasForQps } from "../../../lib/capacity/replicas.ts";
import { type Experiment, num } from "./types.ts";

/** Chapter 2: shards for a latency SLA, then replicas for a QPS target. */
export const slaPlanner: Experiment = {
  id: "sla-planner",
  chapter: "02_capacity",
  title: "SLA and shards planner",
  intro: "Scoring $N$ documents at $c$ per document over $S$ shards takes " +
    "$t = \\tau\\,(o + \\lceil N/S \\rceil c)$. `shardsForSla` (`lib/capacity`) finds the " +
    "fewest shards that meet the SLA, and `replicasForQps` how many copies of the sharded " +
    "index serve the peak load. Raise the overhead $o$ or the tail factor $\\tau$ and watch " +
    "the floor rise.",
  afterCell: "c44",
  controls: [
    {
      kind: "range",
      name: "log10Items",
      label: "documents N (log₁₀)",
      min: 5,
      max: 10,
      step: 0.5,
      value: 8,
    },
    {
      kind: "range",
      name: "perItemUs",
      label: "cost per document c (µs)",
      min: 0.5,
      max: 1000,
      step: 0.5,
      value: 1,
    },
    {
      kind: "range",
      name: "overheadMs",
      label: "overhead per shard o (ms)",
      min: 0,
      max: 50,
      step: 0.5,
      value: 0,
    },
    {
      kind: "range",
      name: "tailFactor",
      label: "tail factor τ",
      min: 1,
      max: 3,
      step: 0.05,
      value: 1,
    },
    { kind: "range", name: "slaMs", label: "SLA (ms)", min: 10, max: 1000, step: 10, value: 100 },
    { kind: "range", name: "qps", label: "peak QPS", min: 10, max: 10000, step: 10, value: 1000 },
  ],
  testParams: {
    log10Items: 7,
    perItemUs: 20,
    overheadMs: 2,
    tailFactor: 1.5,
    slaMs: 200,
    qps: 500,
  },
  run(params) {
    const items = Math.round(10 ** num(params, "log10Items"));
    const perItemMs = num(params, "perItemUs") / 1000;
    const overheadMs = num(params, "overheadMs"), tailFactor = num(params, "tailFactor");
    const slaMs = num(params, "slaMs"), qps = num(params, "qps");
    const work = { items, perItemMs, overheadMs, tailFactor };
    const plan = shardsForSla({ ...work, slaMs });
    const grid = Array.from({ length: 25 }, (_, i) => Math.round(10 ** (i / 4))).filter((s) =>
      s <= items
    );
    const vLines = plan.feasible ? [{ at: plan.shards, label: `${plan.shards} shards` }] : [];
    const figure = lineChart(
      [{
        name: "latency",
        x: grid,
        y: grid.map((s) => shardedLatency({ ...work, shards: s }).totalMs),
      }],
      {
        title: `Latency of scoring ${items.toLocaleString("en-US")} documents`,
        xTitle: "shards S (log scale)",
        yTitle: "request latency (ms, log scale)",
        xType: "log",
        yType: "log",
        hLines: [{ at: slaMs, label: `SLA ${slaMs} ms` }],
        vLines,
      },
    );
    if (!plan.feasible) {
      return {
        figure: figure.toJSON(),
        numbers: [{
          key: "floor",
          label: "lowest latency",
          value: plan.minLatencyMs,
          format: "ms",
        }],
        summary: `No plan: ${plan.reason}.`,
      };
    }
    const replicas = replicasForQps({
      qps,
      latencyMs: plan.latencyMs,
      shardsPerReplica: plan.shards,
    });
    return {
      figure: figure.toJSON(),
      numbers: [
        { key: "shards", label: "shards S", value: plan.shards, format: "integer" },
        { key: "latency", label: "latency", value: plan.latencyMs, format: "ms" },
        { key: "replicas", label: "replicas", value: replicas.replicas, format: "integer" },
        { key: "machines", label: "machines", value: replicas.machines, format: "integer" },
      ],
      summary: `${plan.shards.toLocaleString("en-US")} shards of ${
        plan.itemsPerShard.toLocaleString("en-US")
      } documents answer in ${Number(plan.latencyMs.toPrecision(3))} ms; one replica sustains ${
        replicas.qpsPerReplica.toFixed(1)
      } QPS, so ${qps} QPS need ${replicas.replicas} replicas (${
        replicas.machines.toLocaleString("en-US")
      } machines).`,
    };
  },
};
