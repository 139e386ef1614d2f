import assert from "node:assert/strict";
import { runShardedJob } from "@lib/capacity/mod.ts";
import { fitRandomForestClassifier, fitRandomForestRegressor } from "@lib/models/forest/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

function data(n: number, seed: number) {
  const rng = createRng(seed);
  const x = Array.from({ length: n }, () => [rng.normal(), rng.normal(), rng.normal()]);
  return { x, y: x.map((r) => (r[0] + r[1] > 0 ? 1 : 0)) };
}

Deno.test("runShardedJob() scores a forest on worker shards exactly as in-process", async () => {
  const { x, y } = data(301, 1);
  const forest = fitRandomForestClassifier(x, y, { nTrees: 10, maxDepth: 6, seed: 1 });
  const result = await runShardedJob(
    { kind: "forest", model: forest.toSpec(), rows: x },
    { shards: 3, repeats: 2 },
  );
  assert.deepEqual(result.itemsPerShard, [101, 100, 100]);
  assert.equal(result.nOutputs, 2);
  assert.equal(result.outputs.length, 301 * 2);
  const expected = forest.predictProba(x);
  for (let i = 0; i < x.length; i++) {
    assertClose(result.outputs.subarray(2 * i, 2 * i + 2), expected[i], { abs: 1e-12 });
  }
  assert.equal(result.requests.length, 2);
  assert.equal(result.requests[0].shardMs.length, 3);
});

// Each worker start is type-checked under `deno test` (about a second of CPU), so these tests
// start few workers.
Deno.test("runShardedJob() scores a regressor", async () => {
  const { x, y } = data(50, 2);
  const forest = fitRandomForestRegressor(x, y, { nTrees: 5, seed: 2 });
  const result = await runShardedJob(
    { kind: "forest", model: forest.toSpec(), rows: x },
    { shards: 1, repeats: 1, warmup: 0 },
  );
  assertClose(result.outputs, forest.predict(x), { abs: 1e-12 });
});

Deno.test("runShardedJob() measures compute, overhead and the slowest-shard tail", async () => {
  // One shard per core by default; 100 items × 0.02 ms = 2 ms of compute per shard.
  const shards = navigator.hardwareConcurrency;
  const result = await runShardedJob(
    { kind: "spin", items: 100 * shards, perItemMs: 0.02 },
    { repeats: 3 },
  );
  assert.equal(result.shards, shards);
  assert.ok(result.computeMs.min >= 2 - 1e-6, `compute ${result.computeMs.min}`);
  assert.ok(result.overheadMs.min >= 0);
  assert.ok(result.startupMs > 0);
  for (const q of result.requests) {
    assert.equal(q.totalMs, Math.max(...q.shardMs));
    q.shardMs.forEach((t, s) => assertClose(q.overheadMs[s], Math.max(0, t - q.computeMs[s])));
  }
  assert.ok(result.tailFactor >= 1);
  assert.equal(result.outputs.length, 0);
  assert.ok(result.requests.every((q) => Number.isNaN(q.alongsideMs)));
});

Deno.test("runShardedJob() times work on the main thread after every request", async () => {
  // A busy wait of 1 ms after each of the 1 + 2 requests; only the 2 timed ones are kept.
  let calls = 0;
  const spin = () => {
    calls++;
    const end = performance.now() + 1;
    while (performance.now() < end) { /* busy */ }
  };
  const result = await runShardedJob(
    { kind: "spin", items: 10, perItemMs: 0.01 },
    { shards: 1, warmup: 1, repeats: 2, alongside: spin },
  );
  assert.equal(calls, 3);
  assert.equal(result.requests.length, 2);
  assert.ok(result.requests.every((q) => q.alongsideMs >= 1), "each timed busy wait takes ≥ 1 ms");
  await assert.rejects(
    () =>
      runShardedJob({ kind: "spin", items: 1, perItemMs: 0 }, {
        alongside: 3 as unknown as () => void,
      }),
    /Cannot run a sharded job: alongside must be a function/,
  );
});

Deno.test("runShardedJob() rejects bad input before starting any worker", async () => {
  await assert.rejects(
    () => runShardedJob({ kind: "spin", items: 10, perItemMs: 1 }, { shards: 0 }),
    /Cannot run a sharded job: shards must be at least 1, got 0/,
  );
  await assert.rejects(
    () => runShardedJob({ kind: "spin", items: -1, perItemMs: 1 }),
    /job.items must be at least 0, got -1/,
  );
  await assert.rejects(
    () => runShardedJob({ kind: "spin", items: 1, perItemMs: NaN }),
    /job.perItemMs must be finite/,
  );
  await assert.rejects(
    () => runShardedJob({ kind: "gpu" } as never),
    /job.rows must be an array of rows/,
  );
  const { x, y } = data(20, 3);
  const spec = fitRandomForestClassifier(x, y, { nTrees: 2, seed: 3 }).toSpec();
  await assert.rejects(
    () => runShardedJob({ kind: "forest", model: spec, rows: [[1, 2]] }),
    /Cannot run a sharded job: x\[0\] must have 3 features, got 2/,
  );
  await assert.rejects(
    () => runShardedJob({ kind: "forest", model: spec, rows: [[1, 2, NaN]] }),
    /x\[0\]\[2\] must be a finite number, got NaN/,
  );
  // A malformed model is caught in the caller, never inside a worker.
  const broken = { ...spec, trees: [{ ...spec.trees[0], feature: new Int32Array(1) }] };
  await assert.rejects(
    () => runShardedJob({ kind: "forest", model: broken, rows: x }),
    /not a valid flat tree/,
  );
});
