import assert from "node:assert/strict";
import fc from "fast-check";
import { measure, measureTf, summarizeTimes } from "@lib/capacity/mod.ts";
import { setupTf, tf } from "@lib/tf/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) { /* spin */ }
}

Deno.test("summarizeTimes() matches NumPy's type-7 percentiles", () => {
  // np.percentile([3, 1, 4, 1, 5, 9, 2, 6], [10, 25, 50, 75, 90])
  // = [1.0, 1.75, 3.5, 5.25, 6.9] (linear interpolation, h = (m − 1) p).
  const s = summarizeTimes([3, 1, 4, 1, 5, 9, 2, 6]);
  assertClose([s.p10, s.q1, s.median, s.q3, s.p90], [1, 1.75, 3.5, 5.25, 6.9]);
  assertClose(s.iqr, 3.5);
  assert.deepEqual([s.min, s.max, s.count, s.mean], [1, 9, 8, 31 / 8]);
  assert.equal(summarizeTimes([7]).p90, 7);
});

Deno.test("summarizeTimes() is order-invariant and its statistics are ordered", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 50 }),
      (xs) => {
        const a = summarizeTimes(xs), b = summarizeTimes([...xs].reverse());
        assert.deepEqual(a, b);
        assert.ok(a.min <= a.p10 && a.p10 <= a.q1 && a.q1 <= a.median);
        assert.ok(a.median <= a.q3 && a.q3 <= a.p90 && a.p90 <= a.max);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("summarizeTimes() rejects empty and non-finite samples", () => {
  assert.throws(() => summarizeTimes([]), /Cannot summarize timings: samples must not be empty/);
  assert.throws(() => summarizeTimes([1, NaN]), /samples\[1\] must be finite, got NaN/);
});

Deno.test("measure() runs warmup + repeats calls and times synchronous work", async () => {
  let calls = 0;
  const t = await measure(() => {
    calls++;
    busyWait(2);
  }, { warmup: 2, repeats: 4 });
  assert.equal(calls, 6);
  assert.equal(t.samplesMs.length, 4);
  assert.equal(t.callsPerSample, 1);
  assert.ok(t.min >= 2, `min ${t.min}`);
  assert.deepEqual(t.perItem.median, t.median);
});

Deno.test("measure() awaits asynchronous work inside the timed region", async () => {
  const t = await measure(() => new Promise((resolve) => setTimeout(resolve, 5)), {
    warmup: 0,
    repeats: 3,
  });
  // setTimeout(5) resolves after at least ~5 ms (timers may fire up to 1 ms early on some clocks).
  assert.ok(t.min >= 4, `min ${t.min}`);
});

Deno.test("measure() batches fast calls to reach minTimeMs and reports per-item cost", async () => {
  let calls = 0;
  const t = await measure(() => {
    calls++;
    busyWait(0.05);
  }, { warmup: 2, repeats: 3, minTimeMs: 5, items: 100 });
  // A 0.05 ms call needs about 5 / 0.05 = 100 calls per 5 ms sample (fewer after a slow warm-up).
  assert.ok(t.callsPerSample >= 2 && t.callsPerSample <= 101, `calls ${t.callsPerSample}`);
  assert.equal(calls, 2 + 3 * t.callsPerSample);
  assert.ok(t.min >= 0.05);
  assertClose(t.perItem.median, t.median / 100);
  assert.equal(t.items, 100);
});

Deno.test("measure() rejects bad options", async () => {
  const fn = () => 0;
  await assert.rejects(
    () => measure(fn, { repeats: 0 }),
    /Cannot measure: repeats must be at least 1/,
  );
  await assert.rejects(() => measure(fn, { warmup: -1 }), /warmup must be at least 0/);
  await assert.rejects(() => measure(fn, { items: 0 }), /items must be at least 1/);
  await assert.rejects(() => measure(fn, { minTimeMs: NaN }), /minTimeMs must be finite/);
  await assert.rejects(() => measure(42 as unknown as () => 0), TypeError);
});

Deno.test("measureTf() reads each result back and disposes it", async () => {
  await setupTf();
  const a = tf.ones([32, 32]);
  const before = tf.memory().numTensors;
  let reads = 0;
  const t = await measureTf(() => {
    const y = tf.matMul(a, a);
    const data = y.data.bind(y);
    y.data = () => {
      reads++;
      return data();
    };
    return y;
  }, { warmup: 1, repeats: 3 });
  assert.equal(reads, 4);
  assert.equal(t.samplesMs.length, 3);
  assert.equal(tf.memory().numTensors, before);
  a.dispose();
  await assert.rejects(
    () => measureTf(() => 3 as unknown as tf.Tensor, { warmup: 0, repeats: 1 }),
    /Cannot measureTf: fn must return a tensor/,
  );
});
