import assert from "node:assert/strict";
import { annotatorAccuracy, simulateAnnotations } from "@lib/labels/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

const yTrue = Array.from({ length: 20000 }, (_, i) => i % 4);

Deno.test("simulateAnnotations() gives the true class with the annotator's accuracy", () => {
  const table = simulateAnnotations(yTrue, [
    { name: "crowd", accuracy: 0.6, costPerLabel: 0.05 },
    { name: "specialist", accuracy: 0.95, costPerLabel: 1 },
  ], { seed: 42 });
  // 20000 labels each: standard errors √(0.6·0.4/20000) = 0.0035 and 0.0015; tolerance ≈ 4 SE.
  const acc = annotatorAccuracy(yTrue, table);
  assertClose(acc[0], 0.6, { abs: 0.014 });
  assertClose(acc[1], 0.95, { abs: 0.006 });
  assert.equal(table.nClasses, 4);
  assertClose(table.totalCost, 20000 * 1.05, { rel: 1e-12 });
});

Deno.test("simulateAnnotations() spreads errors evenly over the K − 1 wrong classes", () => {
  // Accuracy 0.4 with K = 4: each wrong class has probability 0.6 / 3 = 0.2.
  const table = simulateAnnotations(yTrue, [{ name: "a", accuracy: 0.4, costPerLabel: 0 }], {
    seed: 7,
  });
  const confusion = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  for (let j = 0; j < table.label.length; j++) confusion[yTrue[table.item[j]]][table.label[j]]++;
  for (let k = 0; k < 4; k++) {
    for (let l = 0; l < 4; l++) {
      // 5000 items per class: SE of a share of 0.2 is 0.0057; tolerance 0.025.
      assertClose(confusion[k][l] / 5000, k === l ? 0.4 : 0.2, { abs: 0.025 });
    }
  }
});

Deno.test("simulateAnnotations() with perItem draws that many distinct annotators per item", () => {
  const pool = Array.from(
    { length: 5 },
    (_, a) => ({ name: `c${a}`, accuracy: 0.8, costPerLabel: a }),
  );
  const table = simulateAnnotations([0, 1, 0, 1, 1, 0], pool, { perItem: 2, seed: 3 });
  assert.equal(table.label.length, 12);
  let cost = 0;
  for (let i = 0; i < 6; i++) {
    const who = [...table.annotator].filter((_, j) => table.item[j] === i);
    assert.equal(new Set(who).size, 2);
    cost += who.reduce((s, a) => s + a, 0);
  }
  assert.equal(table.totalCost, cost);
  assert.deepEqual(table, simulateAnnotations([0, 1, 0, 1, 1, 0], pool, { perItem: 2, seed: 3 }));
});

Deno.test("simulateAnnotations() rejects bad annotators, labels and options", () => {
  const a = [{ name: "a", accuracy: 0.8, costPerLabel: 1 }];
  const context = "Cannot simulate annotations";
  assert.throws(
    () => simulateAnnotations([0, 1], [], { seed: 1 }),
    new RangeError(`${context}: annotators must not be empty`),
  );
  assert.throws(
    () => simulateAnnotations([0, 1], [{ name: "a", accuracy: 1.2, costPerLabel: 1 }], { seed: 1 }),
    new RangeError(`${context}: annotators[0].accuracy must be at most 1, got 1.2`),
  );
  assert.throws(
    () =>
      simulateAnnotations([0, 1], [{ name: "a", accuracy: 0.5, costPerLabel: -1 }], { seed: 1 }),
    new RangeError(`${context}: annotators[0].costPerLabel must be at least 0, got -1`),
  );
  assert.throws(
    () => simulateAnnotations([0, 1], a, { perItem: 2, seed: 1 }),
    new RangeError(`${context}: perItem must be at most 1, got 2`),
  );
  assert.throws(
    () => simulateAnnotations([0, 1.5], a, { seed: 1 }),
    new RangeError(
      `${context}: yTrue[1] must be an integer in [0, 9007199254740991), got 1.5`,
    ),
  );
  assert.throws(
    () => simulateAnnotations([0, 2], a, { nClasses: 2, seed: 1 }),
    new RangeError(`${context}: yTrue[1] must be an integer in [0, 2), got 2`),
  );
  assert.throws(
    () => simulateAnnotations([], a, { seed: 1 }),
    new RangeError(`${context}: yTrue must not be empty`),
  );
  assert.throws(() => simulateAnnotations([0, 1], a, {}), /seed or rng/);
});

Deno.test("simulateAnnotations() with a confusion matrix gives each class with its row's probabilities", () => {
  // Ham (0) is called spam 10 % of the time, spam (1) is called ham 40 % of the time.
  const yTrue = Array.from({ length: 20000 }, (_, i) => i % 2);
  const worker = {
    name: "biased",
    accuracy: 0,
    costPerLabel: 1,
    confusion: [[0.9, 0.1], [0.4, 0.6]],
  };
  const a = simulateAnnotations(yTrue, [worker], { seed: 5 });
  const rate = (k: number) =>
    a.label.filter((l, j) => yTrue[a.item[j]] === k && l === 1).length / (yTrue.length / 2);
  const se = (p: number) => Math.sqrt((p * (1 - p)) / (yTrue.length / 2));
  assert.ok(Math.abs(rate(0) - 0.1) < 4 * se(0.1), `ham called spam ${rate(0)}`);
  assert.ok(Math.abs(rate(1) - 0.6) < 4 * se(0.6), `spam called spam ${rate(1)}`);
  // A spammer who always answers 0.
  const spammer = { name: "spammer", accuracy: 0, costPerLabel: 1, confusion: [[1, 0], [1, 0]] };
  assert.ok(simulateAnnotations(yTrue, [spammer], { seed: 1 }).label.every((l) => l === 0));
});

Deno.test("simulateAnnotations() rejects a malformed confusion matrix", () => {
  const base = { name: "w", accuracy: 0.5, costPerLabel: 1 };
  assert.throws(
    () => simulateAnnotations([0, 1], [{ ...base, confusion: [[1, 0]] }], { seed: 1 }),
    /Cannot simulate annotations: annotators\[0\]\.confusion must have 2 rows/,
  );
  assert.throws(
    () => simulateAnnotations([0, 1], [{ ...base, confusion: [[0.5, 0.6], [0, 1]] }], { seed: 1 }),
    /annotators\[0\]\.confusion\[0\] must sum to 1, got 1.1/,
  );
  assert.throws(
    () => simulateAnnotations([0, 1], [{ ...base, confusion: [[1.5, -0.5], [0, 1]] }], { seed: 1 }),
    /annotators\[0\]\.confusion\[0\]\[0\]/,
  );
});
