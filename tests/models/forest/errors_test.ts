import assert from "node:assert/strict";
import {
  fitDecisionTreeClassifier,
  fitDecisionTreeRegressor,
  fitRandomForestClassifier,
  fitRandomForestRegressor,
} from "@lib/models/forest/mod.ts";

const X = [[0, 1], [1, 0], [2, 1], [3, 0]];
const Y = [0, 0, 1, 1];

Deno.test("fitDecisionTreeClassifier() rejects empty input", () => {
  assert.throws(
    () => fitDecisionTreeClassifier([], []),
    { name: "RangeError", message: "Cannot fit a decision tree classifier: x must not be empty" },
  );
  assert.throws(
    () => fitDecisionTreeClassifier([[]], [0]),
    /Cannot fit a decision tree classifier: x\[0\] must have at least one feature/,
  );
});

Deno.test("fitDecisionTreeClassifier() rejects NaN and infinite features", () => {
  assert.throws(
    () => fitDecisionTreeClassifier([[0, 1], [1, NaN]], [0, 1]),
    {
      name: "RangeError",
      message: "Cannot fit a decision tree classifier: x[1][1] must be a finite number, got NaN",
    },
  );
  assert.throws(
    () => fitDecisionTreeRegressor([[Infinity]], [1]),
    /x\[0\]\[0\] must be a finite number, got Infinity/,
  );
});

Deno.test("fitRandomForestClassifier() rejects labels/rows mismatch and ragged rows", () => {
  assert.throws(
    () => fitRandomForestClassifier(X, [0, 1, 1], { seed: 1 }),
    {
      name: "RangeError",
      message:
        "Cannot fit a random forest classifier: x and y must have the same length, got 4 and 3",
    },
  );
  assert.throws(
    () => fitDecisionTreeClassifier([[0, 1], [1]], [0, 1]),
    /every row of x must have 2 features, x\[1\] has 1/,
  );
  assert.throws(() => fitDecisionTreeClassifier("ab" as unknown as number[][], [0, 1]), TypeError);
});

Deno.test("fitDecisionTreeClassifier() rejects labels that are not class indices", () => {
  assert.throws(
    () => fitDecisionTreeClassifier(X, [0, 1.5, 1, 0]),
    /y\[1\] must be a class index \(an integer ≥ 0\), got 1.5/,
  );
  assert.throws(() => fitDecisionTreeClassifier(X, [0, -1, 1, 0]), /y\[1\] must be a class index/);
  assert.throws(
    () => fitDecisionTreeClassifier(X, [0, 1, 2, 0], { nClasses: 2 }),
    /labels must be below nClasses=2, got 2/,
  );
  assert.throws(
    () => fitDecisionTreeRegressor(X, [0, NaN, 1, 0]),
    /y\[1\] must be finite, got NaN/,
  );
});

Deno.test("fitDecisionTreeClassifier() rejects maxDepth < 1 and other bad options", () => {
  assert.throws(
    () => fitDecisionTreeClassifier(X, Y, { maxDepth: 0 }),
    {
      name: "RangeError",
      message: "Cannot fit a decision tree classifier: maxDepth must be at least 1, got 0",
    },
  );
  assert.throws(
    () => fitDecisionTreeClassifier(X, Y, { maxDepth: 2.5 }),
    /maxDepth must be an integer/,
  );
  assert.throws(
    () => fitDecisionTreeClassifier(X, Y, { minSamplesLeaf: 0 }),
    /minSamplesLeaf must be at least 1, got 0/,
  );
  assert.throws(
    () => fitDecisionTreeClassifier(X, Y, { maxBins: 256 }),
    /maxBins must be at most 255/,
  );
  assert.throws(
    () => fitRandomForestClassifier(X, Y, { seed: 1, maxFeatures: 3 }),
    /maxFeatures must be at most 2, got 3/,
  );
  assert.throws(
    () => fitRandomForestClassifier(X, Y, { seed: 1, maxFeatures: "log2" as "sqrt" }),
    /maxFeatures must be "sqrt", "all" or a number/,
  );
  assert.throws(
    () => fitDecisionTreeClassifier(X, Y, { criterion: "mse" as "gini" }),
    /criterion must be "gini" or "entropy", got "mse"/,
  );
  assert.throws(
    () => fitRandomForestRegressor(X, Y, { seed: 1, nTrees: 0 }),
    /nTrees must be at least 1/,
  );
});

Deno.test("fitRandomForestClassifier() requires a seed; a tree only to sample features", () => {
  assert.throws(
    () => fitRandomForestClassifier(X, Y),
    { name: "TypeError", message: /Cannot fit a random forest classifier: pass a seed or rng/ },
  );
  assert.throws(() => fitDecisionTreeClassifier(X, Y, { maxFeatures: 1 }), /pass a seed or rng/);
  assert.equal(fitDecisionTreeClassifier(X, Y, { maxFeatures: 1, seed: 0 }).nFeatures, 2);
});

Deno.test("predict() rejects rows of the wrong width or with NaN", () => {
  const tree = fitDecisionTreeClassifier(X, Y);
  assert.throws(
    () => tree.predictRow([1]),
    /Cannot predict with a tree classifier: row must have 2 features, got 1/,
  );
  assert.throws(
    () => tree.predict([[1, 2], [NaN, 1]]),
    /Cannot predict with a tree classifier: x\[1\]\[0\] must be a finite number, got NaN/,
  );
  const reg = fitDecisionTreeRegressor(X, Y);
  assert.throws(() => reg.predictRow([1, NaN]), /row\[1\] must be a finite number, got NaN/);
});
