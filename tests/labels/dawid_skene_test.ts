import assert from "node:assert/strict";
import {
  annotatorAccuracy,
  dawidSkene,
  labelingReport,
  majorityVote,
  simulateAnnotations,
} from "@lib/labels/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

const rng = createRng(11);
// 2000 items, about 30 % of class 1.
const yTrue = Array.from({ length: 2000 }, () => (rng.random() < 0.3 ? 1 : 0));
const pool = [0.95, 0.75, 0.7, 0.65, 0.6].map((accuracy, a) => ({
  name: `annotator ${a}`,
  accuracy,
  costPerLabel: 1,
}));

Deno.test("dawidSkene() beats majority vote when annotators differ in accuracy", () => {
  // Measured with seed 1: Dawid–Skene 0.96, majority vote 0.89. The majority of five counts the
  // 0.95 annotator like the 0.6 one; Dawid–Skene weighs it by its estimated reliability.
  const table = simulateAnnotations(yTrue, pool, { seed: 1 });
  const ds = labelingReport(yTrue, dawidSkene(table).labels, table).accuracy;
  const mv = labelingReport(yTrue, majorityVote(table, { seed: 1 }).labels, table).accuracy;
  assert.ok(ds > mv + 0.04, `Dawid–Skene ${ds} vs majority ${mv}`);
  assert.ok(ds > 0.93);
});

Deno.test("dawidSkene() recovers annotator accuracies within 0.05 without seeing the truth", () => {
  for (const seed of [1, 2, 3]) {
    const table = simulateAnnotations(yTrue, pool, { seed });
    const estimated = dawidSkene(table).annotatorAccuracy;
    const observed = annotatorAccuracy(yTrue, table);
    assertClose(estimated, observed, { abs: 0.05 });
  }
});

Deno.test("dawidSkene() beats majority vote on three classes", () => {
  const three = yTrue.map((_, i) => i % 3);
  const annotators = [0.9, 0.7, 0.5, 0.5, 0.5].map((accuracy, a) => ({
    name: `a${a}`,
    accuracy,
    costPerLabel: 1,
  }));
  const table = simulateAnnotations(three, annotators, { seed: 5 });
  const ds = dawidSkene(table);
  const dsAcc = labelingReport(three, ds.labels, table).accuracy;
  const mvAcc = labelingReport(three, majorityVote(table, { seed: 5 }).labels, table).accuracy;
  assert.ok(dsAcc > mvAcc + 0.05, `Dawid–Skene ${dsAcc} vs majority ${mvAcc}`);
  assertClose(ds.classPrior, [1 / 3, 1 / 3, 1 / 3], { abs: 0.03 });
});

Deno.test("dawidSkene() returns normalised probabilities and a non-decreasing likelihood", () => {
  const table = simulateAnnotations(yTrue.slice(0, 300), pool, { seed: 9 });
  // Without smoothing EM maximises the likelihood itself, which never decreases.
  let previous = -Infinity;
  for (let it = 1; it <= 8; it++) {
    const { logLikelihood } = dawidSkene(table, { maxIterations: it, smoothing: 0 });
    assert.ok(logLikelihood >= previous - 1e-9, `iteration ${it}`);
    previous = logLikelihood;
  }
  const ds = dawidSkene(table);
  assertClose(ds.classPrior.reduce((a, b) => a + b, 0), 1);
  for (const row of ds.posterior) assertClose(row[0] + row[1], 1);
  for (const matrix of ds.confusion) for (const row of matrix) assertClose(row[0] + row[1], 1);
});

Deno.test("dawidSkene() on unanimous labels returns them and converges", () => {
  const n = 6;
  const labels = [0, 1, 1, 2, 0, 2];
  const table = {
    nItems: n,
    nClasses: 3,
    nAnnotators: 2,
    item: [...labels.keys(), ...labels.keys()],
    annotator: [...Array(n).fill(0), ...Array(n).fill(1)],
    label: [...labels, ...labels],
  };
  const ds = dawidSkene(table, { maxIterations: 500 });
  assert.deepEqual([...ds.labels], labels);
  assert.equal(ds.converged, true);
  assert.ok(ds.iterations < 500);
  // Every class has 2 of 6 items: prior (0.01 + 2) / (0.03 + 6).
  assertClose(ds.classPrior[0], 2.01 / 6.03, { rel: 1e-6 });
});

Deno.test("dawidSkene() stops at maxIterations and reports it", () => {
  const table = simulateAnnotations(yTrue.slice(0, 200), pool, { seed: 2 });
  const ds = dawidSkene(table, { maxIterations: 2 });
  assert.equal(ds.iterations, 2);
  assert.equal(ds.converged, false);
});

Deno.test("dawidSkene() rejects bad options and tables", () => {
  const table = { nItems: 1, nClasses: 2, nAnnotators: 1, item: [0], annotator: [0], label: [1] };
  const context = "Cannot aggregate labels with Dawid-Skene";
  assert.throws(
    () => dawidSkene(table, { maxIterations: 0 }),
    new RangeError(`${context}: maxIterations must be at least 1, got 0`),
  );
  assert.throws(
    () => dawidSkene(table, { tolerance: -1 }),
    new RangeError(`${context}: tolerance must be at least 0, got -1`),
  );
  assert.throws(
    () => dawidSkene(table, { smoothing: NaN }),
    new RangeError(`${context}: smoothing must be finite, got NaN`),
  );
  assert.throws(
    () => dawidSkene({ ...table, annotator: [1] }),
    new RangeError(`${context}: annotations.annotator[0] must be an integer in [0, 1), got 1`),
  );
});

Deno.test("dawidSkene() one EM iteration matches a hand-worked example with a spammer", () => {
  // Two items, three annotators, no smoothing. Item 0: labels (0, 0, 1); item 1: (1, 1, 1).
  // Start T = vote shares: T0 = (2/3, 1/3), T1 = (0, 1). M-step: π = (1/3, 2/3);
  // annotators 0 and 1: θ_0· = (1, 0), θ_1· = (1/4, 3/4); annotator 2 always says 1: θ_0· = θ_1· = (0, 1).
  // E-step, item 0: class 0 ∝ 1/3 · 1 · 1 · 1 = 1/3, class 1 ∝ 2/3 · 1/4 · 1/4 · 1 = 1/24, so
  // P(class 0) = (1/3) / (1/3 + 1/24) = 8/9; item 1: class 0 ∝ 0, so P(class 1) = 1.
  // Log-likelihood: log(1/3 + 1/24) + log(2/3 · 3/4 · 3/4) = 2 log(3/8).
  const table = {
    nItems: 2,
    nClasses: 2,
    nAnnotators: 3,
    item: Int32Array.of(0, 0, 0, 1, 1, 1),
    annotator: Int32Array.of(0, 1, 2, 0, 1, 2),
    label: Int32Array.of(0, 0, 1, 1, 1, 1),
  };
  const ds = dawidSkene(table, { maxIterations: 1, smoothing: 0 });
  assertClose(ds.posterior[0][0], 8 / 9, { rel: 1e-12 });
  assertClose(ds.posterior[1][1], 1, { rel: 1e-12 });
  assertClose(ds.classPrior[0], 1 / 3, { rel: 1e-12 });
  assertClose(ds.confusion[0][1][0], 1 / 4, { rel: 1e-12 });
  assert.deepEqual(Array.from(ds.confusion[2][0]), [0, 1]); // the spammer's label carries no information
  assertClose(ds.logLikelihood, 2 * Math.log(3 / 8), { rel: 1e-12 });
  assert.deepEqual(Array.from(ds.labels), [0, 1]);
});
