import assert from "node:assert/strict";
import { assertClose } from "../_util/assert_close.ts";
import {
  fit,
  fitRowScorer,
  fitStandardizer,
  logisticRegression,
  mlp,
  predictProba,
  selectColumns,
  standardize,
} from "../../lib/models/mod.ts";
import { setupTf, tf } from "../../lib/tf/mod.ts";
import { createRng } from "../../lib/random/mod.ts";

await setupTf();

/** 200 rows of 3 columns; the label follows column 0 and 2, column 1 is noise on another scale. */
function data(seed: number, numRows = 200) {
  const rng = createRng(seed);
  const values = new Float32Array(numRows * 3);
  const y = new Float32Array(numRows);
  for (let r = 0; r < numRows; r++) {
    const [a, b, c] = [rng.normal(), rng.normal(50, 10), rng.normal(2, 3)];
    values.set([a, b, c], r * 3);
    y[r] = rng.bernoulli(1 / (1 + Math.exp(-(2 * a + (c - 2) / 3)))) ? 1 : 0;
  }
  return { rows: { values, numRows }, y };
}

Deno.test("fitRowScorer() equals standardise → fit → predict done by hand, on chosen columns", async () => {
  const { rows, y } = data(1);
  const columns = [2, 0];
  const make = (inputDim: number) =>
    mlp({ inputDim, hidden: [4], outputDim: 1, seed: 3, learningRate: 0.05 });
  const r = await fitRowScorer(rows, y, {
    model: make,
    columns,
    epochs: 5,
    seed: 4,
    batchSize: 32,
    progress: false,
  });
  // By hand, with the same seeds.
  const x = selectColumns(rows.values, 3, columns);
  const scale = fitStandardizer(x, 2);
  const xs = tf.tensor2d(standardize(x, scale), [rows.numRows, 2]);
  const ys = tf.tensor2d(y, [rows.numRows, 1]);
  const byHand = make(2);
  const h = await fit(byHand, xs, ys, { epochs: 5, seed: 4, batchSize: 32, progress: false });
  assert.deepEqual(r.history.loss, h.loss);
  assert.deepEqual(r.columns, [2, 0]);
  assertClose(r.standardizer.mean[0], scale.mean[0], { rel: 1e-12 });
  // `score` reads full rows of 3 columns and matches the model on the chosen, standardised ones.
  const expected = predictProba(byHand, xs);
  const got = r.score(rows);
  assert.equal(got.length, rows.numRows);
  for (let i = 0; i < got.length; i++) assertClose(got[i], expected[i], { abs: 1e-5 });
  tf.dispose([xs, ys]);
  byHand.dispose();
  r.model.dispose();
});

Deno.test("fitRowScorer() evaluates validation rows and stops early on them", async () => {
  const { rows, y } = data(2);
  const validation = data(3, 100);
  const r = await fitRowScorer(rows, y, {
    model: (inputDim) => logisticRegression({ inputDim, seed: 1, learningRate: 0.5 }),
    epochs: 40,
    seed: 1,
    batchSize: 200,
    validation,
    earlyStopping: { patience: 2, restoreBest: true },
    progress: false,
  });
  assert.equal(r.history.valLoss?.length, r.history.epoch.length);
  assert.ok(r.history.epoch.length <= 40);
  // Training helped: the kept validation loss is below the log loss of a constant 0.5 (ln 2).
  assert.ok(Math.min(...r.history.valLoss!) < Math.log(2));
  r.model.dispose();
});

Deno.test("fitRowScorer() rejects bad rows, targets, columns and options", async () => {
  const { rows, y } = data(4, 10);
  const model = (inputDim: number) => logisticRegression({ inputDim, seed: 1 });
  const base = { model, epochs: 1, seed: 1, progress: false };
  const tensorsBefore = tf.memory().numTensors; // other tests in the same worker may hold some
  await assert.rejects(() => fitRowScorer({ values: [1, 2, 3], numRows: 2 }, [0, 1], base), {
    name: "RangeError",
    message:
      "Cannot fit a row scorer: rows.values.length must be a positive multiple of rows.numRows, got 3 and 2",
  });
  await assert.rejects(() => fitRowScorer(rows, [0, 1], base), {
    message: "Cannot fit a row scorer: rows and y must have the same length, got 10 and 2",
  });
  await assert.rejects(() => fitRowScorer(rows, y, { ...base, columns: [3] }), {
    message: /columns\[0\] must be at most 2, got 3/,
  });
  await assert.rejects(() => fitRowScorer(rows, y, { ...base, columns: [] }), {
    message: "Cannot fit a row scorer: columns must name at least one column",
  });
  await assert.rejects(() => fitRowScorer(rows, y, { ...base, model: 3 as never }), TypeError);
  await assert.rejects(() => fitRowScorer(rows, y, { ...base, epochs: 0 }), RangeError);
  await assert.rejects(
    () => fitRowScorer(rows, y, { ...base, earlyStopping: { patience: 1 } }),
    { name: "TypeError", message: "Cannot fit a row scorer: earlyStopping needs validation rows" },
  );
  await assert.rejects(
    () =>
      fitRowScorer(rows, y, {
        ...base,
        validation: { rows: { values: [1, 2], numRows: 1 }, y: [1] },
      }),
    {
      message:
        "Cannot fit a row scorer: validation rows must have 3 columns like the training rows",
    },
  );
  await assert.rejects(
    () => fitRowScorer(rows, y, { ...base, validation: { rows, y: [1] } }),
    { message: /validation.rows and validation.y must have the same length, got 10 and 1/ },
  );
  assert.equal(tf.memory().numTensors, tensorsBefore);
});
