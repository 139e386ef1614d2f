import assert from "node:assert/strict";
import fc from "fast-check";
import {
  maxItemsWithinSla,
  replicaQps,
  replicasForQps,
  shardedLatency,
  shardsForSla,
} from "@lib/capacity/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// The chapter's numbers, by hand: 10⁸ documents / 1000 shards = 10⁵ per shard.
//   forest, 1 µs per tree evaluation: 10⁵ × 0.001 ms = 100 ms
//   deep model, 1 ms per document:    10⁵ × 1 ms     = 100,000 ms = 100 s
Deno.test("shardedLatency() gives 100 ms for 100 M documents at 1 µs over 1000 shards", () => {
  const forest = shardedLatency({ items: 1e8, perItemMs: 0.001, shards: 1000 });
  assert.equal(forest.itemsPerShard, 1e5);
  assertClose(forest.shardMs, 100);
  assertClose(forest.totalMs, 100);
});

Deno.test("shardedLatency() gives 100 s for a 1 ms deep model even with 1000 shards", () => {
  const deep = shardedLatency({ items: 1e8, perItemMs: 1, shards: 1000 });
  assertClose(deep.totalMs, 100_000);
});

Deno.test("shardedLatency() adds per-shard overhead, rounds shards up and applies the tail", () => {
  // 10 items over 3 shards: the busiest shard has ⌈10/3⌉ = 4; 2 + 4 × 0.5 = 4 ms; tail 1.5 → 6 ms.
  const r = shardedLatency({
    items: 10,
    perItemMs: 0.5,
    shards: 3,
    overheadMs: 2,
    tailFactor: 1.5,
  });
  assert.deepEqual(r, { itemsPerShard: 4, shardMs: 4, totalMs: 6 });
  assert.deepEqual(shardedLatency({ items: 0, perItemMs: 1 }), {
    itemsPerShard: 0,
    shardMs: 0,
    totalMs: 0,
  });
});

Deno.test("shardedLatency() never gets slower with more shards (no overhead growth)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1e6 }),
      fc.double({ min: 0, max: 10, noNaN: true }),
      fc.integer({ min: 1, max: 500 }),
      (items, perItemMs, shards) => {
        const a = shardedLatency({ items, perItemMs, shards, overheadMs: 1 });
        const b = shardedLatency({ items, perItemMs, shards: shards + 1, overheadMs: 1 });
        assert.ok(b.totalMs <= a.totalMs + 1e-9);
        assert.ok(a.itemsPerShard * shards >= items);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("shardedLatency() rejects negative sizes, zero shards and non-finite costs", () => {
  assert.throws(
    () => shardedLatency({ items: -1, perItemMs: 1 }),
    {
      name: "RangeError",
      message: "Cannot compute sharded latency: items must be at least 0, got -1",
    },
  );
  assert.throws(
    () => shardedLatency({ items: 1.5, perItemMs: 1 }),
    /items must be an integer, got 1.5/,
  );
  assert.throws(
    () => shardedLatency({ items: 10, perItemMs: 1, shards: 0 }),
    /Cannot compute sharded latency: shards must be at least 1, got 0/,
  );
  assert.throws(
    () => shardedLatency({ items: 10, perItemMs: NaN }),
    /perItemMs must be finite, got NaN/,
  );
  assert.throws(
    () => shardedLatency({ items: 10, perItemMs: Infinity }),
    /perItemMs must be finite/,
  );
  assert.throws(() => shardedLatency({ items: 10, perItemMs: -1 }), /perItemMs must be at least 0/);
  assert.throws(
    () => shardedLatency({ items: 10, perItemMs: 1, overheadMs: -2 }),
    /overheadMs must be at least 0/,
  );
  assert.throws(
    () => shardedLatency({ items: 10, perItemMs: 1, tailFactor: 0.5 }),
    /tailFactor must be at least 1/,
  );
  assert.throws(() => shardedLatency(undefined as never), /options must be an object/);
});

Deno.test("shardsForSla() finds the fewest shards and the latency they give", () => {
  // 1 µs per document, 100 ms SLA: a shard holds ⌊100 / 0.001⌋ = 100,000 documents, so
  // 10⁸ documents need 1000 shards.
  assert.deepEqual(shardsForSla({ items: 1e8, perItemMs: 0.001, slaMs: 100 }), {
    feasible: true,
    shards: 1000,
    itemsPerShard: 100_000,
    latencyMs: 100,
  });
  // With 10 ms overhead and tail 1.25: (100/1.25 − 10) / 0.001 = 70,000 per shard,
  // so ⌈10⁸/70,000⌉ = 1429 shards.
  const plan = shardsForSla({
    items: 1e8,
    perItemMs: 0.001,
    slaMs: 100,
    overheadMs: 10,
    tailFactor: 1.25,
  });
  assert.ok(plan.feasible);
  assert.equal(plan.shards, 1429);
  assert.ok(plan.latencyMs <= 100);
  assert.ok(
    shardedLatency({ items: 1e8, perItemMs: 0.001, shards: 1428, overheadMs: 10, tailFactor: 1.25 })
      .totalMs > 100,
  );
  assert.deepEqual(shardsForSla({ items: 5, perItemMs: 1, slaMs: 100 }), {
    feasible: true,
    shards: 1,
    itemsPerShard: 5,
    latencyMs: 5,
  });
});

Deno.test("shardsForSla() is the smallest feasible shard count", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 1e5 }),
      fc.double({ min: 1e-4, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 5, noNaN: true }),
      fc.double({ min: 10, max: 200, noNaN: true }),
      (items, perItemMs, overheadMs, slaMs) => {
        const plan = shardsForSla({ items, perItemMs, overheadMs, slaMs });
        if (!plan.feasible) return;
        const at = (shards: number) =>
          shardedLatency({ items, perItemMs, overheadMs, shards }).totalMs;
        assert.ok(at(plan.shards) <= slaMs * (1 + 1e-9));
        if (plan.shards > 1) assert.ok(at(plan.shards - 1) > slaMs);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("shardsForSla() says why an SLA is infeasible", () => {
  const overhead = shardsForSla({ items: 1e6, perItemMs: 0.001, slaMs: 100, overheadMs: 100 });
  assert.deepEqual(overhead, {
    feasible: false,
    minLatencyMs: 100.001,
    reason:
      "the per-shard overhead alone (100 ms) reaches the SLA of 100 ms: no number of shards can meet it",
  });
  const tail = shardsForSla({ items: 10, perItemMs: 1, slaMs: 100, overheadMs: 60, tailFactor: 2 });
  assert.ok(!tail.feasible && /overhead alone \(60 ms × tail factor 2\)/.test(tail.reason));
  const oneItem = shardsForSla({ items: 10, perItemMs: 150, slaMs: 100 });
  assert.ok(!oneItem.feasible);
  assert.equal(
    oneItem.reason,
    "even one item per shard takes 150 ms (overhead 0 ms + 150 ms per item), more than the SLA of 100 ms",
  );
  // The deep model on 100 M documents in 100 ms needs 10⁶ shards; with 1000 available it cannot.
  const deep = shardsForSla({ items: 1e8, perItemMs: 1, slaMs: 100, maxShards: 1000 });
  assert.ok(!deep.feasible);
  assert.equal(
    deep.reason,
    "meeting the SLA of 100 ms needs 1000000 shards, more than maxShards=1000",
  );
  assert.deepEqual(
    shardsForSla({ items: 0, perItemMs: 1, slaMs: 5, overheadMs: 5 }).feasible,
    true,
  );
});

Deno.test("shardsForSla() rejects a non-positive SLA and bad maxShards", () => {
  assert.throws(
    () => shardsForSla({ items: 1, perItemMs: 1, slaMs: 0 }),
    /Cannot find shards for an SLA: slaMs must be positive, got 0/,
  );
  assert.throws(() => shardsForSla({ items: 1, perItemMs: 1, slaMs: NaN }), /slaMs must be finite/);
  assert.throws(
    () => shardsForSla({ items: 1, perItemMs: 1, slaMs: 1, maxShards: 0 }),
    /maxShards must be at least 1/,
  );
});

Deno.test("maxItemsWithinSla() gives 500 candidates for a 1 ms model on 5 shards in 100 ms", () => {
  // ⌊100 ms / 1 ms⌋ = 100 per shard × 5 shards = 500.
  assert.deepEqual(maxItemsWithinSla({ perItemMs: 1, shards: 5, slaMs: 100 }), {
    feasible: true,
    items: 500,
    itemsPerShard: 100,
    latencyMs: 100,
  });
  // With 20 ms overhead: ⌊80 / 1⌋ = 80 per shard.
  const withOverhead = maxItemsWithinSla({ perItemMs: 1, shards: 5, slaMs: 100, overheadMs: 20 });
  assert.ok(withOverhead.feasible && withOverhead.items === 400);
  const free = maxItemsWithinSla({ perItemMs: 0, slaMs: 1 });
  assert.ok(free.feasible && free.items === Infinity);
  const none = maxItemsWithinSla({ perItemMs: 1, slaMs: 100, overheadMs: 99.5 });
  assert.ok(!none.feasible);
  assert.equal(
    none.reason,
    "one item per shard already takes 100.5 ms, more than the budget of 100 ms",
  );
  const odd = maxItemsWithinSla({ perItemMs: 1, slaMs: 200 / 3, overheadMs: 99.5 });
  assert.ok(!odd.feasible);
  assert.match(odd.reason, /more than the budget of 66\.67 ms$/); // 4 significant digits
});

Deno.test("replicaQps() and replicasForQps() follow Little's law", () => {
  // 100 ms per request → 10 QPS per replica; 1000 QPS → 100 replicas; at 70% utilisation 7 QPS
  // per replica → ⌈1000/7⌉ = 143.
  assert.equal(replicaQps({ latencyMs: 100 }), 10);
  assert.deepEqual(replicasForQps({ qps: 1000, latencyMs: 100 }), {
    replicas: 100,
    qpsPerReplica: 10,
    machines: 100,
  });
  assert.equal(replicasForQps({ qps: 1000, latencyMs: 100, utilization: 0.7 }).replicas, 143);
  assert.equal(
    replicasForQps({ qps: 1000, latencyMs: 100, utilization: 0.8, shardsPerReplica: 1000 })
      .machines,
    125_000,
  );
  assert.equal(replicasForQps({ qps: 0, latencyMs: 100 }).replicas, 0);
});

Deno.test("replicaQps() and replicasForQps() reject bad input", () => {
  assert.throws(
    () => replicaQps({ latencyMs: 0 }),
    /Cannot compute replica QPS: latencyMs must be positive, got 0/,
  );
  assert.throws(
    () => replicaQps({ latencyMs: 10, utilization: 1.5 }),
    /utilization must be at most 1, got 1.5/,
  );
  assert.throws(
    () => replicasForQps({ qps: -5, latencyMs: 10 }),
    /Cannot compute replicas for a QPS target: qps must be at least 0, got -5/,
  );
  assert.throws(
    () => replicasForQps({ qps: 5, latencyMs: 10, shardsPerReplica: 0 }),
    /shardsPerReplica must be at least 1/,
  );
});

Deno.test("shardsForSla() writes measured times in its reason with four significant digits", () => {
  // Overhead alone (3.0525835 ms) exceeds the 3 ms SLA: infeasible for any number of shards.
  const plan = shardsForSla({ items: 10, perItemMs: 0.1, overheadMs: 3.052583499999514, slaMs: 3 });
  assert.equal(plan.feasible, false);
  if (!plan.feasible) {
    assert.match(plan.reason, /overhead alone \(3\.053 ms\) reaches the SLA of 3 ms/);
  }
});
