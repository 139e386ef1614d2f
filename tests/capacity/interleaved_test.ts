import assert from "node:assert/strict";
import { measureInterleaved, pairedRatios } from "@lib/capacity/mod.ts";

Deno.test("measureInterleaved() times every function once per round", async () => {
  const order: string[] = [];
  const t = await measureInterleaved({ a: () => order.push("a"), b: () => order.push("b") }, {
    warmup: 1,
    repeats: 3,
  });
  assert.equal(t.a.samplesMs.length, 3);
  assert.equal(t.b.count, 3);
  // Rotated order: ab, ba, ab, ba (warm-up included).
  assert.deepEqual(order, ["a", "b", "b", "a", "a", "b", "b", "a"]);
});

Deno.test("measureInterleaved() never times a busy wait shorter than it lasts", async () => {
  // A busy wait ends only once the clock has moved on by its duration: a lower bound that
  // holds however loaded the machine is (an upper bound would not).
  const spin = (ms: number) => () => {
    const end = performance.now() + ms;
    while (performance.now() < end) { /* busy */ }
  };
  const t = await measureInterleaved({ one: spin(1), two: spin(2) }, { repeats: 5, calls: 2 });
  assert.ok(t.one.samplesMs.every((ms) => ms >= 1 - 1e-9), `${t.one.samplesMs}`);
  assert.ok(t.two.samplesMs.every((ms) => ms >= 2 - 1e-9), `${t.two.samplesMs}`);
});

Deno.test("pairedRatios() summarises per-round ratios", () => {
  const r = pairedRatios([1, 4, 9, 16], [1, 2, 3, 4]); // ratios 1, 2, 3, 4
  assert.equal(r.median, 2.5);
  assert.equal(r.min, 1);
  assert.equal(r.max, 4);
});

Deno.test("measureInterleaved() and pairedRatios() reject invalid input", async () => {
  await assert.rejects(
    () => measureInterleaved({}),
    /Cannot measure interleaved: fns must name at least one function/,
  );
  await assert.rejects(
    () => measureInterleaved({ a: 3 as unknown as () => void }),
    /fns\.a must be a function/,
  );
  await assert.rejects(
    () => measureInterleaved({ a: () => 1 }, { repeats: 0 }),
    /repeats must be at least 1/,
  );
  assert.throws(
    () => pairedRatios([1], [1, 2]),
    /a and b must be non-empty and of the same length, got 1 and 2/,
  );
  assert.throws(() => pairedRatios([1], [0]), /every b must be positive/);
});
