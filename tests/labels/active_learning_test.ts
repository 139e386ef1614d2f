import assert from "node:assert/strict";
import { activeLearningCurve } from "@lib/labels/mod.ts";

// Points 0 … 99 with class 1 from 63 on. The "model" puts its threshold halfway between the
// largest labelled point of class 0 and the smallest of class 1 (0 and 100 when missing) and
// scores by its accuracy on all 100 points.
const truth = (x: number) => (x >= 63 ? 1 : 0);
const thresholdStep = (labelled: Int32Array, unlabelled: Int32Array) => {
  const below = Math.max(-1, ...Array.from(labelled).filter((x) => truth(x) === 0));
  const above = Math.min(100, ...Array.from(labelled).filter((x) => truth(x) === 1));
  const t = (below + above) / 2;
  const correct =
    Array.from({ length: 100 }, (_, x) => (x > t ? 1 : 0) === truth(x)).filter(Boolean).length;
  return {
    score: correct / 100,
    probabilities: Array.from(unlabelled, (x) => 1 / (1 + Math.exp(-(x - t) / 5))),
  };
};
const pool = Array.from({ length: 100 }, (_, i) => i);

Deno.test("activeLearningCurve() with uncertainty sampling bisects towards the boundary", async () => {
  const curve = await activeLearningCurve({
    pool,
    initialSize: 2,
    batchSize: 1,
    rounds: 8,
    strategy: "uncertainty",
    seed: 3,
    step: thresholdStep,
  });
  assert.deepEqual(curve.sizes, [2, 3, 4, 5, 6, 7, 8, 9, 10]);
  // Each query is the unlabelled point nearest the current threshold, so the labelled points
  // close in on 62.5 like a bisection: after 8 queries the threshold is within 1 of it.
  assert.equal(curve.scores.at(-1), 1);
  // The queries after the first two are all within 10 of the boundary.
  assert.ok(curve.labelled.slice(4).every((x) => Math.abs(x - 62.5) < 10), `${curve.labelled}`);
});

Deno.test("activeLearningCurve() with uncertainty sampling beats random sampling on the threshold task", async () => {
  let uncertain = 0, random = 0;
  for (let seed = 0; seed < 20; seed++) {
    const options = { pool, initialSize: 2, batchSize: 2, rounds: 4, seed, step: thresholdStep };
    uncertain += (await activeLearningCurve({ ...options, strategy: "uncertainty" })).scores.at(
      -1,
    )!;
    random += (await activeLearningCurve({ ...options, strategy: "random" })).scores.at(-1)!;
  }
  assert.ok(uncertain > random, `${uncertain / 20} vs ${random / 20}`);
});

Deno.test("activeLearningCurve() labels distinct pool rows, initial ones at random, reproducibly", async () => {
  const options = {
    pool,
    initialSize: 5,
    batchSize: 3,
    rounds: 4,
    strategy: "random" as const,
    seed: 9,
    step: thresholdStep,
  };
  const a = await activeLearningCurve(options), b = await activeLearningCurve(options);
  assert.deepEqual(a, b);
  assert.equal(new Set(a.labelled).size, 17);
  assert.ok(a.labelled.every((x) => x >= 0 && x < 100));
});

Deno.test("activeLearningCurve() rejects bad options", async () => {
  const base = {
    pool,
    initialSize: 2,
    batchSize: 1,
    rounds: 1,
    strategy: "random" as const,
    seed: 1,
    step: thresholdStep,
  };
  await assert.rejects(
    () => activeLearningCurve({ ...base, initialSize: 0 }),
    /Cannot run an active-learning curve: initialSize/,
  );
  await assert.rejects(
    () => activeLearningCurve({ ...base, batchSize: 50, rounds: 2 }),
    /must not exceed the pool of 100 rows, got 102/,
  );
  await assert.rejects(
    () => activeLearningCurve({ ...base, strategy: "greedy" as never }),
    /strategy must be "uncertainty" or "random"/,
  );
  await assert.rejects(
    () =>
      activeLearningCurve({
        ...base,
        strategy: "uncertainty",
        step: () => ({ score: 1, probabilities: [0.5] }),
      }),
    /step must return one probability per unlabelled row, got 1 for 98/,
  );
});
