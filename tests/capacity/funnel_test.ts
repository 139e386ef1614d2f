import assert from "node:assert/strict";
import { largestStageInput, planFunnel } from "@lib/capacity/mod.ts";
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
