import assert from "node:assert/strict";
import { assertClose } from "../../_util/assert_close.ts";
import { fitGradientBoostedClassifier } from "@lib/models/forest/mod.ts";
import { createRng } from "@lib/random/mod.ts";

// Hand-worked first round (Friedman 2001; Newton leaves of Chen & Guestrin 2016, eq. 5):
// y = [0, 0, 0, 1] gives ȳ = 1/4 and F0 = ln(1/3). Every row has p = 1/4, so
// g = p − y = [1/4, 1/4, 1/4, −3/4] and h = p(1 − p) = 3/16. The stump's gains
// G_L²/H_L + G_R²/H_R are 4/9 (cut after x = 0), 4/3 (after 1) and 4 (after 2), so it
// splits at 2.5: left G = 3/4, H = 9/16 → w = −4/3; right G = −3/4, H = 3/16 → w = 4.
const X = [[0], [1], [2], [3]];
const Y = [0, 0, 0, 1];

Deno.test("fitGradientBoostedClassifier() first round matches the hand-worked log-odds and −G/H", () => {
  const model = fitGradientBoostedClassifier(X, Y, {
    nTrees: 1,
    maxDepth: 1,
    learningRate: 1,
    l2Regularization: 0,
  });
  assertClose(model.initialLogit, Math.log(1 / 3), { abs: 1e-12 });
  const tree = model.trees[0];
  assert.equal(tree.feature[0], 0);
  assert.equal(tree.threshold[0], 2.5);
  assertClose(tree.value[tree.left[0]], -4 / 3, { abs: 1e-12 });
  assertClose(tree.value[tree.right[0]], 4, { abs: 1e-12 });
  assertClose(model.predictLogit([[1]])[0], Math.log(1 / 3) - 4 / 3, { abs: 1e-12 });
  // Log-loss of the base rate: −(¼ ln ¼ + ¾ ln ¾).
  assertClose(model.lossHistory[0], -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), {
    abs: 1e-12,
  });
});

Deno.test("fitGradientBoostedClassifier() shrinks leaves by η and regularises them by λ", () => {
  const shrunk = fitGradientBoostedClassifier(X, Y, {
    nTrees: 1,
    maxDepth: 1,
    learningRate: 0.5,
    l2Regularization: 0,
  }).trees[0];
  assertClose(shrunk.value[shrunk.right[0]], 2, { abs: 1e-12 });
  // λ = 1: right leaf 0.75 / (3/16 + 1) = 12/19, left −0.75 / (9/16 + 1) = −12/25.
  const ridge = fitGradientBoostedClassifier(X, Y, { nTrees: 1, maxDepth: 1, learningRate: 1 })
    .trees[0];
  assertClose(ridge.value[ridge.right[0]], 12 / 19, { abs: 1e-12 });
  assertClose(ridge.value[ridge.left[0]], -12 / 25, { abs: 1e-12 });
});

function thresholdTask(n: number, seed: number) {
  const rng = createRng(seed);
  const x = Array.from({ length: n }, () => [rng.normal(), rng.normal(), rng.int(0, 4)]);
  const y = x.map(([a, b, c]) => {
    const z = 2 * (a > 0.3 ? 1 : -1) * (c >= 2 ? 1 : -1) + b;
    return rng.random() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  });
  return { x, y };
}

Deno.test("fitGradientBoostedClassifier() lowers the training loss in every round", () => {
  const { x, y } = thresholdTask(400, 1);
  for (const options of [{}, { maxDepth: 2, learningRate: 0.3 }, { l2Regularization: 0 }]) {
    const { lossHistory } = fitGradientBoostedClassifier(x, y, { nTrees: 40, ...options });
    for (let t = 1; t < lossHistory.length; t++) {
      assert.ok(
        lossHistory[t] < lossHistory[t - 1],
        `round ${t}: ${lossHistory[t]} ≥ ${lossHistory[t - 1]}`,
      );
    }
  }
});

Deno.test("fitGradientBoostedClassifier() learns an interaction of a threshold and a category", () => {
  const train = thresholdTask(2000, 2), test = thresholdTask(2000, 3);
  const model = fitGradientBoostedClassifier(train.x, train.y, { nTrees: 50, maxDepth: 2 });
  const predicted = model.predict(test.x);
  const accuracy = predicted.reduce((s, p, i) => s + (p === test.y[i] ? 1 : 0), 0) / 2000;
  // A stump model (additive) cannot represent the sign flip; depth 2 can.
  const stumps = fitGradientBoostedClassifier(train.x, train.y, { nTrees: 50, maxDepth: 1 });
  const stumpAcc = stumps.predict(test.x).reduce((s, p, i) => s + (p === test.y[i] ? 1 : 0), 0) /
    2000;
  assert.ok(accuracy > stumpAcc + 0.1, `depth 2 ${accuracy}, stumps ${stumpAcc}`);
  const proba = model.predictProba(test.x.slice(0, 5));
  proba.forEach((p, i) => assertClose(p, 1 / (1 + Math.exp(-model.predictLogitRow(test.x[i])))));
});

Deno.test("fitGradientBoostedClassifier() subsampling is seeded", () => {
  const { x, y } = thresholdTask(300, 4);
  const fitWith = (seed: number) =>
    fitGradientBoostedClassifier(x, y, { nTrees: 10, subsample: 0.5, seed }).predictLogit(x);
  assert.deepEqual(fitWith(5), fitWith(5));
  assert.notDeepEqual(fitWith(5), fitWith(6));
});

Deno.test("fitGradientBoostedClassifier() rejects bad labels and options", () => {
  const context = "Cannot fit a gradient-boosted classifier";
  assert.throws(() => fitGradientBoostedClassifier(X, [0, 1, 2, 0]), {
    name: "RangeError",
    message: `${context}: y[2] must be 0 or 1, got 2`,
  });
  assert.throws(() => fitGradientBoostedClassifier(X, [1, 1, 1, 1]), {
    name: "RangeError",
    message: `${context}: y must contain both classes 0 and 1`,
  });
  assert.throws(() => fitGradientBoostedClassifier(X, [0, 1, 1]), {
    name: "RangeError",
    message: `${context}: x and y must have the same length, got 4 and 3`,
  });
  assert.throws(() => fitGradientBoostedClassifier(X, Y, { learningRate: 0 }), {
    name: "RangeError",
    message: `${context}: learningRate must be in (0, 1], got 0`,
  });
  assert.throws(
    () => fitGradientBoostedClassifier(X, Y, { learningRate: 1.5 }),
    /learningRate must be at most 1, got 1.5/,
  );
  assert.throws(
    () => fitGradientBoostedClassifier(X, Y, { l2Regularization: -1 }),
    /l2Regularization must be at least 0, got -1/,
  );
  assert.throws(
    () => fitGradientBoostedClassifier(X, Y, { subsample: 0 }),
    /subsample must be in \(0, 1\], got 0/,
  );
  assert.throws(() => fitGradientBoostedClassifier(X, Y, { subsample: 0.5 }), TypeError);
  assert.throws(
    () => fitGradientBoostedClassifier(X, Y, { nTrees: 0 }),
    /nTrees must be at least 1/,
  );
  assert.throws(() => fitGradientBoostedClassifier(X, Y, { maxDepth: 0 }), /maxDepth/);
  assert.throws(
    () => fitGradientBoostedClassifier([[0], [NaN], [1], [2]], Y),
    /x\[1\]\[0\] must be a finite number, got NaN/,
  );
});

Deno.test("GradientBoostedClassifier rejects rows of the wrong width", () => {
  const model = fitGradientBoostedClassifier(X, Y, { nTrees: 2 });
  assert.throws(() => model.predict([[1, 2]]), {
    name: "RangeError",
    message: "Cannot predict with a boosted classifier: x[0] must have 1 features, got 2",
  });
  assert.throws(() => model.predictLogitRow([NaN]), /row\[0\] must be a finite number/);
});
