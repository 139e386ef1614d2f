import assert from "node:assert/strict";
import { SYNTHETIC_INFORMATIVE, syntheticTask } from "@lib/capacity/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("syntheticTask() follows the documented truth", () => {
  const task = syntheticTask(50, 10, { seed: 3, signal: 0.5 });
  for (let i = 0; i < task.n; i++) {
    const x = task.rows[i];
    // z = s·(1.2x0 − x1 + 0.8x2 − 0.6x3 + 1.5x4x5 + 1.2 sin 2x6 + 0.8(x7² − 1)), s = 0.5
    const z = 0.5 * (1.2 * x[0] - x[1] + 0.8 * x[2] - 0.6 * x[3] + 1.5 * x[4] * x[5] +
      1.2 * Math.sin(2 * x[6]) + 0.8 * (x[7] ** 2 - 1));
    assertClose(task.logit[i], z, { rel: 1e-12, abs: 1e-12 });
    assertClose(task.probability[i], 1 / (1 + Math.exp(-z)), { rel: 1e-12 });
  }
});

Deno.test("syntheticTask() shapes its outputs and views the rows into x", () => {
  const task = syntheticTask(7, 9, { seed: 1 });
  assert.equal(task.n, 7);
  assert.equal(task.f, 9);
  assert.equal(task.x.length, 63);
  assert.equal(task.rows.length, 7);
  assert.equal(task.rows[6].length, 9);
  assert.equal(task.rows[2].buffer, task.x.buffer);
  assert.deepEqual([...task.rows[2]], [...task.x.subarray(18, 27)]);
  assert.equal(SYNTHETIC_INFORMATIVE, 8);
});

Deno.test("syntheticTask() is reproducible from its seed and differs between seeds", () => {
  const a = syntheticTask(20, 8, { seed: 5 }), b = syntheticTask(20, 8, { seed: 5 });
  assert.deepEqual(a.x, b.x);
  assert.deepEqual(a.y, b.y);
  assert.notDeepEqual(syntheticTask(20, 8, { seed: 6 }).x, a.x);
});

Deno.test("syntheticTask() draws standard normal features and labels at the true rate", () => {
  const task = syntheticTask(20_000, 8, { seed: 11 });
  let sum = 0, sq = 0, p = 0, y = 0;
  for (const v of task.x) (sum += v), (sq += v * v);
  for (let i = 0; i < task.n; i++) (p += task.probability[i]), (y += task.y[i]);
  const m = task.x.length;
  // mean 0 and variance 1 within about 5 standard errors (SE of the mean = 1/√160000).
  assert.ok(Math.abs(sum / m) < 5 / Math.sqrt(m));
  assert.ok(Math.abs(sq / m - 1) < 0.02);
  // Bernoulli labels: the label mean matches the mean probability (SE ≤ 0.5/√20000).
  assert.ok(Math.abs(y / task.n - p / task.n) < 5 * 0.5 / Math.sqrt(task.n));
});

Deno.test("syntheticTask() with signal 0 has probability ½ everywhere", () => {
  const task = syntheticTask(10, 8, { seed: 2, signal: 0 });
  assert.ok(task.probability.every((p) => p === 0.5));
});

Deno.test("syntheticTask() rejects invalid arguments", () => {
  assert.throws(() => syntheticTask(0, 8, { seed: 1 }), {
    name: "RangeError",
    message: "Cannot generate a synthetic task: n must be at least 1, got 0",
  });
  assert.throws(() => syntheticTask(10, 7, { seed: 1 }), {
    name: "RangeError",
    message: "Cannot generate a synthetic task: f must be at least 8, got 7",
  });
  assert.throws(() => syntheticTask(10, 8, { seed: 1, signal: -1 }), {
    name: "RangeError",
    message: "Cannot generate a synthetic task: signal must be at least 0, got -1",
  });
  assert.throws(() => syntheticTask(10, 8, {}), TypeError);
});
