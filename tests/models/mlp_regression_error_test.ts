import assert from "node:assert/strict";
import {
  fit,
  fitStandardizer,
  mlp,
  mlpRegressionError,
  predictProba,
  standardize,
} from "@lib/models/mod.ts";
import { meanAbsoluteError } from "@lib/metrics/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { setupTf, tf } from "@lib/tf/mod.ts";

await setupTf();

/** A seeded regression problem: y = 3·x0 − 2·x1 + 10 + noise, with x1 on a larger scale. */
function data(n: number, seed: number) {
  const rng = createRng(seed);
  const x = Array.from({ length: n }, () => [rng.normal(), 50 + 10 * rng.normal()]);
  const y = x.map(([a, b]) => 3 * a - 0.2 * b + 10 + rng.normal(0, 0.1));
  const rows = Array.from({ length: n }, (_, i) => i);
  return { x, y, train: rows.filter((i) => i % 5 !== 0), test: rows.filter((i) => i % 5 === 0) };
}

Deno.test("mlpRegressionError() equals standardize → mlp → fit → meanAbsoluteError done by hand", async () => {
  // Reference: the same pipeline composed from the library's parts, step by step.
  const { x, y, train, test } = data(60, 1);
  const pick = (rows: number[]) => rows.flatMap((i) => x[i]);
  const scaler = fitStandardizer(pick(train), 2);
  const xTrain = tf.tensor2d(standardize(pick(train), scaler), [train.length, 2]);
  const xTest = tf.tensor2d(standardize(pick(test), scaler), [test.length, 2]);
  const yTrain = tf.tensor2d(Float32Array.from(train, (i) => y[i]), [train.length, 1]);
  const model = mlp({
    inputDim: 2,
    hidden: [32],
    outputDim: 1,
    outputActivation: "linear",
    seed: 7,
    learningRate: 0.03,
  });
  await fit(model, xTrain, yTrain, {
    epochs: 150,
    batchSize: train.length,
    seed: 7,
    progress: false,
  });
  const expected = meanAbsoluteError(test.map((i) => y[i]), predictProba(model, xTest));
  tf.dispose([xTrain, xTest, yTrain]);
  model.dispose();
  const result = await mlpRegressionError(x, y, { trainRows: train, testRows: test, seed: 7 });
  assert.equal(result.meanAbsoluteError, expected);
  assert.equal(result.yPred.length, test.length);
});

Deno.test("mlpRegressionError() learns a linear target to well below its spread", async () => {
  const { x, y, train, test } = data(80, 2);
  const { meanAbsoluteError: mae } = await mlpRegressionError(x, y, {
    trainRows: train,
    testRows: test,
    seed: 0,
  });
  const meanY = test.reduce((s, i) => s + y[i], 0) / test.length;
  const baseline = test.reduce((s, i) => s + Math.abs(y[i] - meanY), 0) / test.length;
  assert.ok(mae < baseline / 3, `${mae} vs baseline ${baseline}`);
});

Deno.test("mlpRegressionError() is reproducible for a seed, leaks no tensors and mutates nothing", async () => {
  const { x, y, train, test } = data(40, 3);
  x[1] = [NaN, NaN]; // a row outside both lists is never read
  const rows = { trainRows: train.filter((i) => i !== 1), testRows: test, seed: 5, epochs: 20 };
  const copy = JSON.stringify({ x, y });
  const before = tf.memory().numTensors;
  const a = await mlpRegressionError(x, y, rows);
  const b = await mlpRegressionError(x, y, rows);
  assert.equal(tf.memory().numTensors, before);
  assert.deepEqual(a, b);
  assert.equal(JSON.stringify({ x, y }), copy);
});

Deno.test("mlpRegressionError() rejects malformed inputs with Cannot … messages", async () => {
  const x = [[1, 2], [3, 4], [5, 6]], y = [1, 2, 3];
  const ok = { trainRows: [0, 1], testRows: [2], seed: 0, epochs: 1 };
  const cases: [unknown, unknown, unknown, ErrorConstructor, string][] = [
    ["x", y, ok, TypeError, "x must be an array of feature rows"],
    [[], [], ok, RangeError, "x must have at least one row"],
    [[1, 2], y, ok, TypeError, "x[0] must be an array of numbers"],
    [[[], []], [1, 2], ok, RangeError, "x rows must have at least one feature"],
    [x, [1, 2], ok, RangeError, "x and y must have the same length, got 3 and 2"],
    [x, y, { ...ok, seed: 1.5 }, RangeError, "seed must be an integer, got 1.5"],
    [x, y, { ...ok, epochs: 0 }, RangeError, "epochs must be at least 1, got 0"],
    [x, y, { ...ok, trainRows: 3 }, TypeError, "trainRows must be an array of row indices"],
    [x, y, { ...ok, testRows: [] }, RangeError, "testRows must not be empty"],
    [x, y, { ...ok, testRows: [3] }, RangeError, "testRows[0] must be at most 2, got 3"],
    [[[1, 2], [3], [5, 6]], y, ok, RangeError, "x[1] must have 2 features like x[0]"],
    [[[1, 2], [3, NaN], [5, 6]], y, ok, RangeError, "x[1] must be finite (it is in trainRows)"],
    [x, [1, 2, NaN], ok, RangeError, "y[2] must be finite (it is in testRows), got NaN"],
  ];
  for (const [xs, ys, options, type, message] of cases) {
    await assert.rejects(
      // deno-lint-ignore no-explicit-any
      () => mlpRegressionError(xs as any, ys as any, options as any),
      (e: Error) => {
        assert.ok(e instanceof type, `${message}: got ${e.constructor.name}`);
        assert.equal(e.message, `Cannot compute mlpRegressionError: ${message}`);
        return true;
      },
    );
  }
});
