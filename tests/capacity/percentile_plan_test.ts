import assert from "node:assert/strict";
import {
  scalingVerdict,
  shardedLatency,
  shardsForPercentileSla,
  slowestShardQuantile,
} from "@lib/capacity/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// 100 shard latencies: 90 at 10 ms and 10 at 20 ms (median 10).
const samples = [...Array(90).fill(10), ...Array(10).fill(20)];

Deno.test("shardsForPercentileSla() plans with τ_p(S) from the samples", () => {
  const plan = shardsForPercentileSla({
    items: 10_000,
    perItemMs: 0.01,
    slaMs: 50,
    samplesMs: samples,
    maxShards: 1000,
  });
  assert.ok(plan.feasible);
  // Check the answer against the definition: latency at S meets the SLA, at S − 1 it does not.
  const at = (s: number) => {
    const tau = Math.max(1, slowestShardQuantile(samples, s).quantileMs / 10);
    return shardedLatency({ items: 10_000, perItemMs: 0.01, shards: s, tailFactor: tau }).totalMs;
  };
  assertClose(plan.latencyMs, at(plan.shards), { rel: 1e-12 });
  assert.ok(plan.latencyMs <= 50 && at(plan.shards - 1) > 50);
  // With S = 1 and p = 0.99, the level is 0.99: beyond the 90 % of 10 ms, so τ = 2.
  assertClose(Math.max(1, slowestShardQuantile(samples, 1).quantileMs / 10), 2, { rel: 1e-12 });
});

Deno.test("shardsForPercentileSla() reports the lowest latency when nothing fits", () => {
  const plan = shardsForPercentileSla({
    items: 10_000,
    perItemMs: 0.01,
    overheadMs: 5,
    slaMs: 6,
    samplesMs: samples,
    maxShards: 200,
  });
  assert.ok(!plan.feasible);
  assert.ok(plan.minLatencyMs > 6 && plan.bestShards >= 1);
  assert.match(plan.reason, /no number of shards up to 200 meets 6 ms at p99: the lowest is/);
});

Deno.test("shardsForPercentileSla() rejects invalid input", () => {
  const base = { items: 10, perItemMs: 1, slaMs: 10, samplesMs: samples, maxShards: 10 };
  assert.throws(
    () => shardsForPercentileSla({ ...base, maxShards: 0 }),
    /Cannot plan shards for a percentile SLA: maxShards must be at least 1/,
  );
  assert.throws(
    () => shardsForPercentileSla({ ...base, perItemMs: 0 }),
    /perItemMs must be positive/,
  );
  assert.throws(
    () => shardsForPercentileSla({ ...base, samplesMs: [0, 0, 0, 0, 0] }),
    /median of samplesMs must be positive/,
  );
});

Deno.test("scalingVerdict() needs every repeat beyond the margin, or within it", () => {
  const v = scalingVerdict([10.5, 12, 13], 8, { what: "8× the rows" });
  assert.equal(v.verdict, "faster");
  assert.equal(v.median, 12);
  assert.equal(
    v.text,
    "8× the rows cost 12.0× the time (repeats 10.5× to 13.0×): more than the 8.00× claimed, beyond the 1.25× margin in every repeat.",
  );
  // 9.9 is within the 1.25× margin of 8 (6.4 to 10), 12 and 13 beyond it: the repeats disagree.
  const split = scalingVerdict([9.9, 12, 13], 8, { what: "x" });
  assert.equal(split.verdict, "inconclusive");
  assert.equal(
    split.text,
    "x cost 12.0× the time (repeats 9.90× to 13.0×): inconclusive: the repeats straddle the 1.25× margin around the 8.00× claimed.",
  );
  assert.equal(scalingVerdict([2, 9, 11], 8, { what: "x" }).verdict, "inconclusive"); // both sides
  const within = scalingVerdict([6.5, 8, 10], 8, { what: "x" });
  assert.equal(within.verdict, "as claimed");
  assert.match(
    within.text,
    /consistent with the 8\.00× claimed, within the 1\.25× margin in every repeat/,
  );
  assert.equal(scalingVerdict([1, 4], 2, { what: "x" }).median, 2.5);
  assert.throws(
    () => scalingVerdict([], 2, { what: "x" }),
    /Cannot judge a scaling ratio: ratios must not be empty/,
  );
  assert.throws(
    () => scalingVerdict([1], 2, { what: "x", margin: 1 }),
    /margin must be greater than 1, got 1/,
  );
  assert.throws(() => scalingVerdict([0], 2, { what: "x" }), /ratios must be positive/);
});
