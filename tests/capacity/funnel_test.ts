import assert from "node:assert/strict";
import {
  firstStageForFunnel,
  largestStageInput,
  planFunnel,
  shardsForPercentileSla,
} from "@lib/capacity/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// The chapter's funnel, by hand: a forest at 1 µs per document on 10⁸ documents over 1000 shards
// (10⁵ × 0.001 = 100 ms), then the deep model at 1 ms on the top 500 over 5 shards
// (100 × 1 = 100 ms): 200 ms in all, against 100 s for the deep model on everything.
const FUNNEL = [
  { name: "forest", items: 1e8, perItemMs: 0.001, shards: 1000 },
  { name: "deep", items: 500, perItemMs: 1, shards: 5 },
];

Deno.test("planFunnel() gives 100 ms for the deep model on 500 documents over 5 shards", () => {
  const plan = planFunnel(FUNNEL, { slaMs: 200 });
  assert.deepEqual(plan.stages[1], {
    name: "deep",
    items: 500,
    shards: 5,
    itemsPerShard: 100,
    latencyMs: 100,
  });
  assertClose(plan.stages[0].latencyMs, 100);
  assertClose(plan.totalMs, 200);
  assert.equal(plan.withinSla, true);
  assert.equal(plan.slaMs, 200);
  assert.equal(planFunnel(FUNNEL, { slaMs: 150 }).withinSla, false);
  assert.equal(planFunnel(FUNNEL).slaMs, Infinity);
});

Deno.test("planFunnel() applies each stage's overhead and tail", () => {
  // retrieval: 2 + ⌈10⁶/100⌉ × 0.0001 = 3 ms, tail 2 → 6 ms; rerank: 1 + 50 × 0.1 = 6 ms → 12 ms.
  const plan = planFunnel([
    { name: "retrieve", items: 1e6, perItemMs: 0.0001, shards: 100, overheadMs: 2, tailFactor: 2 },
    { name: "rerank", items: 50, perItemMs: 0.1, overheadMs: 1 },
  ]);
  assertClose(plan.stages.map((s) => s.latencyMs), [6, 6]);
  assertClose(plan.totalMs, 12);
});

Deno.test("largestStageInput() gives 500 candidates for the deep stage within 200 ms", () => {
  const plan = largestStageInput(FUNNEL, { stage: "deep", slaMs: 200 });
  assert.ok(plan.feasible);
  assert.equal(plan.items, 500);
  assert.equal(plan.itemsPerShard, 100);
  // With 250 ms, the deep stage gets 150 ms: 150 per shard × 5 = 750.
  const more = largestStageInput(FUNNEL, { stage: "deep", slaMs: 250 });
  assert.ok(more.feasible && more.items === 750);
});

Deno.test("largestStageInput() is infeasible when the other stages use the budget", () => {
  const plan = largestStageInput(FUNNEL, { stage: "deep", slaMs: 100 });
  assert.ok(!plan.feasible);
  assert.match(
    plan.reason,
    /the other stages take 100(\.0+\d*)? ms, leaving nothing of the SLA of 100 ms/,
  );
  const tight = largestStageInput(FUNNEL, { stage: "deep", slaMs: 100.5 });
  assert.ok(!tight.feasible && /one item per shard already takes 1 ms/.test(tight.reason));
});

Deno.test("planFunnel() and largestStageInput() reject bad input", () => {
  assert.throws(() => planFunnel([]), /Cannot plan a funnel: stages must be a non-empty array/);
  assert.throws(
    () => planFunnel([FUNNEL[0], FUNNEL[0]]),
    /stage names must be unique, "forest" repeats/,
  );
  assert.throws(
    () => planFunnel([{ name: "x", items: -3, perItemMs: 1 }]),
    /Cannot plan a funnel: stage 0 \("x"\): items must be at least 0, got -3/,
  );
  assert.throws(
    () => planFunnel([{ name: "x", items: 3, perItemMs: 1, shards: 0 }]),
    /shards must be at least 1, got 0/,
  );
  assert.throws(() => planFunnel(FUNNEL, { slaMs: -1 }), /slaMs must be positive, got -1/);
  assert.throws(
    () => largestStageInput(FUNNEL, { stage: "ranker", slaMs: 200 }),
    /Cannot find the largest stage input: no stage is named "ranker"/,
  );
  assert.throws(
    () => largestStageInput(FUNNEL, { stage: "deep", slaMs: 0 }),
    /slaMs must be positive/,
  );
});

Deno.test("firstStageForFunnel() gives the first stage what the later stages leave of the budget", () => {
  // Shard latencies that never vary (τ = 1), no overhead: the deep model on 500 documents over 5
  // shards takes 100 ms. Budget 200 ms → 100 ms for 10⁸ documents at 1 µs: 10⁵ per shard, 1000
  // shards. Budget 150 ms → 50 ms: 2000 shards. Budget 100 ms → nothing left.
  const first = { items: 1e8, perItemMs: 0.001, samplesMs: [5, 5, 5, 5, 5], maxShards: 10_000 };
  const rest = [FUNNEL[1]];
  const wide = firstStageForFunnel({ first, rest, slaMs: 200 });
  assert.ok(wide.feasible);
  assert.deepEqual([wide.shards, wide.itemsPerShard, wide.restMs], [1000, 100_000, 100]);
  assertClose([wide.latencyMs, wide.totalMs], [100, 200]);
  const tight = firstStageForFunnel({ first, rest, slaMs: 150 });
  assert.ok(tight.feasible && tight.shards === 2000 && tight.totalMs <= 150);
  const none = firstStageForFunnel({ first, rest, slaMs: 100 });
  assert.ok(!none.feasible);
  assert.match(none.reason, /the later stages take 100 ms of the funnel's 100 ms/);
  const capped = firstStageForFunnel({ first: { ...first, maxShards: 1500 }, rest, slaMs: 150 });
  assert.ok(!capped.feasible);
  assert.match(capped.reason, /the later stages leave 50 ms, and no number of shards up to 1500/);
});

Deno.test("firstStageForFunnel() plans the first stage at the percentile, with its tail", () => {
  // Same as shardsForPercentileSla with the budget the later stages leave: 300 − 120 = 180 ms.
  const samplesMs = Array.from({ length: 200 }, (_, i) => 10 + 5 * Math.log(200 / (200 - i)));
  const first = { items: 1e6, perItemMs: 0.01, overheadMs: 2, samplesMs, maxShards: 5000 };
  const rest = [{
    name: "deep",
    items: 100,
    perItemMs: 2,
    shards: 2,
    overheadMs: 5,
    tailFactor: 2.2,
  }];
  const plan = firstStageForFunnel({ first, rest, slaMs: 300 });
  const alone = shardsForPercentileSla({ ...first, slaMs: 300 - 2.2 * (5 + 50 * 2) });
  assert.ok(plan.feasible && alone.feasible);
  assertClose(plan.restMs, 2.2 * 105);
  assert.equal(plan.shards, alone.shards);
  assert.ok(plan.totalMs <= 300 && plan.tailFactor > 1);
});

Deno.test("firstStageForFunnel() rejects bad input", () => {
  const first = { items: 10, perItemMs: 1, samplesMs: [1, 1, 1, 1, 1], maxShards: 10 };
  assert.throws(
    () => firstStageForFunnel({ first, rest: [FUNNEL[1]], slaMs: 0 }),
    /Cannot plan the first stage of a funnel: slaMs must be positive, got 0/,
  );
  assert.throws(
    () => firstStageForFunnel({ first, rest: "deep" as unknown as [], slaMs: 10 }),
    /rest must be an array of stages/,
  );
  assert.throws(
    () => firstStageForFunnel({ first: { ...first, perItemMs: -1 }, rest: [], slaMs: 10 }),
    /perItemMs must be positive/,
  );
});
