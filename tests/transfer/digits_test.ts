import assert from "node:assert/strict";
import { setupTf, tf } from "../../lib/tf/mod.ts";
import {
  digitTask,
  smallCnn,
  splitPerClass,
  takePerClass,
  toTensors,
  transferExperiment,
} from "../../lib/transfer/mod.ts";

await setupTf();

/** 4 × 4 "digits": image i of digit d has every pixel (d + i / 100) / 10, 6 of each digit. */
function fakeDigits(side = 4) {
  const n = 60, px = side * side;
  const images = new Float32Array(n * px), labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % 10;
    images.fill((labels[i] + Math.floor(i / 10) / 100) / 10, i * px, (i + 1) * px);
  }
  return { images, labels, width: side, height: side };
}

Deno.test("digitTask() relabels, halves, and splits each class into test and pool", () => {
  const { pool, test } = digitTask(fakeDigits(), { digits: [7, 2], testPerClass: 2, seed: 1 });
  assert.equal(pool.side, 2);
  assert.equal(test.labels.length, 4);
  assert.equal(pool.labels.length, 8);
  // class 0 is digit 7, class 1 is digit 2; a halved image is the mean of 2 × 2 equal pixels
  for (const set of [pool, test]) {
    set.labels.forEach((k, i) => {
      const digit = [7, 2][k];
      const v = set.images[i * 4];
      assert.equal(Math.floor(v * 10 + 1e-6), digit);
    });
  }
  const ids = (set: typeof pool) =>
    Array.from({ length: set.labels.length }, (_, i) => set.images[i * 4]);
  const overlap = ids(pool).filter((v) => ids(test).includes(v));
  assert.deepEqual(overlap, [], "test and pool are disjoint");
  const again = digitTask(fakeDigits(), { digits: [7, 2], testPerClass: 2, seed: 1 });
  assert.deepEqual(again.pool.images, pool.images, "same seed, same split");
  assert.equal(
    digitTask(fakeDigits(), { digits: [7, 2], testPerClass: 2, seed: 1, halve: false }).pool.side,
    4,
  );
});

Deno.test("digitTask() rejects repeated digits and too small classes", () => {
  assert.throws(() => digitTask(fakeDigits(), { digits: [1, 1], testPerClass: 1, seed: 1 }), {
    message: "Cannot make a digit task: digits must list at least two different digits",
  });
  assert.throws(() => digitTask(fakeDigits(), { digits: [1, 2], testPerClass: 6, seed: 1 }), {
    message: "Cannot make a digit task: digit 1 has 6 images, need more than 6",
  });
});

Deno.test("takePerClass() takes disjoint blocks per class and checks there are enough", () => {
  const { pool } = digitTask(fakeDigits(), { digits: [0, 1, 2], testPerClass: 1, seed: 3 });
  const a = takePerClass(pool, 2), b = takePerClass(pool, 2, { offset: 2 });
  assert.deepEqual(Array.from(a.labels).sort(), [0, 0, 1, 1, 2, 2]);
  const first = (s: typeof a) => Array.from({ length: s.labels.length }, (_, i) => s.images[i * 4]);
  assert.deepEqual(first(a).filter((v) => first(b).includes(v)), []);
  assert.throws(() => takePerClass(pool, 3, { offset: 3 }), {
    message: "Cannot take images per class: class 0 has 5 images, need 6",
  });
});

Deno.test("splitPerClass() holds out the first images of each class and keeps the rest, in order", () => {
  const { pool } = digitTask(fakeDigits(), { digits: [3, 8], testPerClass: 1, seed: 2 });
  const { held, rest } = splitPerClass(pool, 2);
  assert.deepEqual([0, 1].map((k) => held.labels.filter((l) => l === k).length), [2, 2]);
  assert.equal(held.labels.length + rest.labels.length, pool.labels.length);
  // Every image of the pool is in exactly one part, in the pool's order.
  const firstPixels = (set: typeof pool) =>
    Array.from({ length: set.labels.length }, (_, i) => set.images[i * 4]);
  const all = firstPixels(pool);
  const heldIdx = firstPixels(held).map((v) => all.indexOf(v));
  const restIdx = firstPixels(rest).map((v) => all.indexOf(v));
  assert.deepEqual([...heldIdx, ...restIdx].sort((a, b) => a - b), all.map((_, i) => i));
  assert.deepEqual(heldIdx, [...heldIdx].sort((a, b) => a - b));
  assert.deepEqual(restIdx, [...restIdx].sort((a, b) => a - b));
  assert.throws(() => splitPerClass(pool, 5), {
    message: "Cannot split images per class: class 0 has 5 images, need more than 5",
  });
  assert.throws(() => splitPerClass(pool, 0), { name: "RangeError" });
  assert.throws(() => splitPerClass({ ...pool, images: new Float32Array(3) }, 1), {
    name: "RangeError",
  });
});

Deno.test("toTensors() shapes images and one-hot labels, and inverts on request", () => {
  const { test } = digitTask(fakeDigits(), { digits: [0, 1], testPerClass: 2, seed: 4 });
  const [x, y] = toTensors(test);
  const [xi] = toTensors(test, { invert: true });
  assert.deepEqual(x.shape, [4, 2, 2, 1]);
  assert.deepEqual(y.shape, [4, 2]);
  assert.deepEqual(y.sum(1).arraySync(), [1, 1, 1, 1]);
  const sum = tf.add(x, xi).dataSync();
  assert.ok(sum.every((v) => Math.abs(v - 1) < 1e-6), "pixel + inverted pixel = 1");
  tf.dispose([x, y, xi]);
});

Deno.test("transferExperiment() scores every strategy, size and seed on the test set without leaking", async () => {
  const { pool, test } = digitTask(fakeDigits(8), { digits: [0, 5], testPerClass: 2, seed: 5 });
  const base = smallCnn({ inputShape: [4, 4, 1], classes: 3, seed: 6, filters: [2, 2], dense: 3 });
  const before = tf.memory().numTensors;
  const train = {
    steps: 2,
    scratch: (seed: number) =>
      smallCnn({ inputShape: [4, 4, 1], classes: 2, seed, filters: [2, 2], dense: 3 }),
  };
  const runs = await transferExperiment({
    base,
    pool,
    test,
    strategies: ["scratch", "features"],
    sizes: [1, 2],
    seeds: [1, 2],
    train,
  });
  assert.equal(runs.length, 8);
  assert.ok(
    runs.every((r) => r.score >= 0 && r.score <= 1 && r.score * 4 === Math.round(r.score * 4)),
  );
  assert.equal(tf.memory().numTensors, before, "no tensor left behind");
  // A learning rate given for one strategy replaces the shared one for it only.
  const rerun = (perStrategy: Record<string, { learningRate: number }>) =>
    transferExperiment({
      base,
      pool,
      test,
      strategies: ["scratch", "features"],
      sizes: [2],
      seeds: [1],
      train: { ...train, learningRate: 0.01 },
      perStrategy,
    });
  const shared = await rerun({}), same = await rerun({ features: { learningRate: 0.01 } });
  assert.deepEqual(same.map((r) => r.score), shared.map((r) => r.score));
  // An invalid rate reaches the strategy it is given for, and only that one.
  const withBadScratchRate = (strategies: ("scratch" | "features")[]) =>
    transferExperiment({
      base,
      pool,
      test,
      strategies,
      sizes: [2],
      seeds: [1],
      train,
      perStrategy: { scratch: { learningRate: -1 } },
    });
  await assert.rejects(() => withBadScratchRate(["scratch"]), /learningRate must be positive/);
  assert.equal((await withBadScratchRate(["features"])).length, 1);
  base.dispose();
});
