import assert from "node:assert/strict";
import { labelingReport, majorityVote, simulateAnnotations } from "@lib/labels/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("majorityVote() of 3 annotators of accuracy p is right with probability p³ + 3p²(1 − p)", () => {
  // Binary task, independent annotators: the vote is right when all three are right (p³) or
  // exactly two are (3 ways to pick the wrong one: 3p²(1 − p)). For p = 0.7:
  // 0.343 + 0.441 = 0.784. With 20000 items the standard error is √(0.784·0.216/20000) = 0.0029;
  // tolerance 0.012 (about 4 standard errors).
  const p = 0.7;
  const yTrue = Array.from({ length: 20000 }, (_, i) => i % 2);
  const crowd = [0, 1, 2].map((a) => ({ name: `c${a}`, accuracy: p, costPerLabel: 0.1 }));
  const table = simulateAnnotations(yTrue, crowd, { seed: 42 });
  const vote = majorityVote(table, { seed: 42 });
  assert.equal(vote.ties, 0, "three binary votes never tie");
  assertClose(labelingReport(yTrue, vote.labels, table).accuracy, p ** 3 + 3 * p ** 2 * (1 - p), {
    abs: 0.012,
  });
});

Deno.test("majorityVote() breaks ties by a seeded draw, evenly between the tied classes", () => {
  // 2000 items, each with one vote for class 0 and one for class 2 (class 1 has none).
  const n = 2000;
  const item = Int32Array.from({ length: 2 * n }, (_, j) => j >> 1);
  const table = {
    nItems: n,
    nClasses: 3,
    nAnnotators: 2,
    item,
    annotator: Int32Array.from({ length: 2 * n }, (_, j) => j % 2),
    label: Int32Array.from({ length: 2 * n }, (_, j) => (j % 2) * 2),
  };
  const vote = majorityVote(table, { seed: 5 });
  assert.equal(vote.ties, n);
  const zeros = vote.labels.filter((l) => l === 0).length;
  assert.equal(vote.labels.filter((l) => l === 1).length, 0);
  // Binomial(2000, 0.5): standard deviation 22.4; tolerance 90.
  assert.ok(Math.abs(zeros - n / 2) < 90, `${zeros} zeros`);
  assert.deepEqual(vote, majorityVote(table, { seed: 5 }));
  assert.deepEqual([...vote.agreement.slice(0, 3)], [0.5, 0.5, 0.5]);
});

Deno.test("majorityVote() treats an item without votes as a tie among all classes", () => {
  const vote = majorityVote(
    { nItems: 2, nClasses: 2, nAnnotators: 1, item: [0], annotator: [0], label: [1] },
    { seed: 1 },
  );
  assert.equal(vote.labels[0], 1);
  assert.equal(vote.ties, 1);
  assert.equal(vote.agreement[1], 0);
});

Deno.test("majorityVote() rejects inconsistent annotation tables", () => {
  const context = "Cannot aggregate labels by majority vote";
  const base = {
    nItems: 2,
    nClasses: 2,
    nAnnotators: 1,
    item: [0, 1],
    annotator: [0, 0],
    label: [0, 1],
  };
  assert.throws(
    () => majorityVote({ ...base, label: [0] }, { seed: 1 }),
    new RangeError(
      `${context}: annotations.item, annotator and label must have the same length, got 2, 2 and 1`,
    ),
  );
  assert.throws(
    () => majorityVote({ ...base, label: [0, 2] }, { seed: 1 }),
    new RangeError(`${context}: annotations.label[1] must be an integer in [0, 2), got 2`),
  );
  assert.throws(
    () => majorityVote({ ...base, item: [0, 2] }, { seed: 1 }),
    new RangeError(`${context}: annotations.item[1] must be an integer in [0, 2), got 2`),
  );
  assert.throws(
    () => majorityVote({ ...base, nClasses: 1 }, { seed: 1 }),
    new RangeError(`${context}: annotations.nClasses must be an integer ≥ 2, got 1`),
  );
  assert.throws(
    () => majorityVote({ ...base, annotator: undefined as unknown as number[] }, { seed: 1 }),
    new TypeError(`${context}: annotations.annotator must be an array of integers`),
  );
  assert.throws(
    () => majorityVote(null as unknown as typeof base, { seed: 1 }),
    new TypeError(
      `${context}: annotations must be an object { nItems, nClasses, nAnnotators, item, annotator, label }`,
    ),
  );
  assert.throws(() => majorityVote(base, {}), /seed or rng/);
});
