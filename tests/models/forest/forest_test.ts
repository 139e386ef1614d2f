import assert from "node:assert/strict";
import fc from "fast-check";
import {
  fitDecisionTreeClassifier,
  fitRandomForestClassifier,
  fitRandomForestRegressor,
  TreeClassifier,
  TreeRegressor,
} from "@lib/models/forest/mod.ts";
import { loadDataset } from "@lib/data/mod.ts";
import { createRng, permutation } from "@lib/random/mod.ts";
import { assertClose } from "../../_util/assert_close.ts";

function xorData(n: number, seed: number): { x: number[][]; y: number[] } {
  const rng = createRng(seed);
  const x = Array.from({ length: n }, () => [rng.uniform(-1, 1), rng.uniform(-1, 1)]);
  return { x, y: x.map(([a, b]) => (a * b > 0 ? 1 : 0)) };
}

Deno.test("fitDecisionTreeClassifier() fits separable data perfectly at enough depth", () => {
  // XOR: no single cut helps much (the first split has almost no gini gain), yet the grown tree
  // separates every point.
  const { x, y } = xorData(200, 1);
  const tree = fitDecisionTreeClassifier(x, y);
  assert.deepEqual([...tree.predict(x)], y);
  const leaves = tree.trees[0];
  for (let i = 0; i < leaves.nodeCount; i++) {
    if (leaves.feature[i] < 0) assert.equal(leaves.impurity[i], 0);
  }
  assert.equal(tree.size.leafCounts[0], (tree.size.nodeCounts[0] + 1) / 2);
});

Deno.test("fitDecisionTreeClassifier() stops at maxDepth and reports the depth reached", () => {
  const { x, y } = xorData(200, 2);
  for (const maxDepth of [1, 2, 3, 5]) {
    const size = fitDecisionTreeClassifier(x, y, { maxDepth }).size;
    assert.ok(size.maxDepth <= maxDepth);
    assert.ok(size.totalNodes <= 2 ** (maxDepth + 1) - 1);
  }
});

Deno.test("fitRandomForestClassifier() is deterministic per seed and differs across seeds", () => {
  const { x, y } = xorData(150, 3);
  const options = { nTrees: 15, maxDepth: 6, seed: 11 };
  const a = fitRandomForestClassifier(x, y, options);
  const b = fitRandomForestClassifier(x, y, options);
  assert.deepEqual(a.trees, b.trees);
  assert.deepEqual(a.predictProba(x), b.predictProba(x));
  const c = fitRandomForestClassifier(x, y, { ...options, seed: 12 });
  assert.notDeepEqual(a.trees, c.trees);
  const rngA = createRng(5), rngB = createRng(5);
  assert.deepEqual(
    fitRandomForestClassifier(x, y, { nTrees: 3, rng: rngA }).trees,
    fitRandomForestClassifier(x, y, { nTrees: 3, rng: rngB }).trees,
  );
});

Deno.test("TreeClassifier batch and single-row predictions agree and sum to 1", () => {
  const { x, y } = xorData(120, 4);
  const forest = fitRandomForestClassifier(x, y, { nTrees: 12, seed: 4 });
  const batch = forest.predictProba(x);
  const classes = forest.predict(x);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: x.length - 1 }), (i) => {
      const row = forest.predictProbaRow(x[i]);
      assertClose(row, batch[i], { abs: 1e-12 });
      assertClose(row[0] + row[1], 1, { abs: 1e-12 });
      assert.equal(forest.predictRow(x[i]), classes[i]);
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("fitRandomForestClassifier() reaches a plausible accuracy on iris", () => {
  // Iris with a random 100/50 split: published random-forest test accuracies are ≈ 0.93–0.97
  // (e.g. scikit-learn's RandomForestClassifier, 100 trees); one split of 50 flowers varies by a
  // few points, hence the band [0.88, 1].
  const df = loadDataset("iris");
  const species = ["setosa", "versicolor", "virginica"];
  const rows = df.values as (number | string)[][];
  const x = rows.map((r) => r.slice(0, 4) as number[]);
  const y = rows.map((r) => species.indexOf(r[4] as string));
  const order = permutation(150, { seed: 2024 });
  const train = [...order.subarray(0, 100)], test = [...order.subarray(100)];
  const forest = fitRandomForestClassifier(train.map((i) => x[i]), train.map((i) => y[i]), {
    nTrees: 100,
    seed: 1,
  });
  const pred = forest.predict(test.map((i) => x[i]));
  const accuracy = test.filter((row, j) => pred[j] === y[row]).length / test.length;
  assert.ok(accuracy >= 0.88 && accuracy <= 1, `accuracy ${accuracy}`);
  assert.equal(forest.nClasses, 3);
});

Deno.test("fitRandomForestRegressor() beats the mean on a noisy step function", () => {
  const rng = createRng(9);
  const x = Array.from({ length: 300 }, () => [rng.uniform(0, 10), rng.uniform(0, 10)]);
  const truth = (r: number[]) => (r[0] < 5 ? 1 : 4) + 0.3 * r[1];
  const y = x.map((r) => truth(r) + rng.normal(0, 0.5));
  const forest = fitRandomForestRegressor(x, y, { nTrees: 30, minSamplesLeaf: 3, seed: 9 });
  const pred = forest.predict(x);
  let mse = 0, variance = 0;
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  for (let i = 0; i < y.length; i++) {
    mse += (pred[i] - truth(x[i])) ** 2;
    variance += (y[i] - mean) ** 2;
  }
  // R² against the noiseless truth: the forest should explain most of the variance.
  assert.ok(1 - mse / variance > 0.9, `R² ${1 - mse / variance}`);
  assertClose(forest.predictRow(x[0]), pred[0]);
});

Deno.test("toSpec() survives structuredClone and fromSpec() rebuilds the same model", () => {
  const { x, y } = xorData(80, 6);
  const forest = fitRandomForestClassifier(x, y, { nTrees: 5, seed: 6 });
  const copy = TreeClassifier.fromSpec(structuredClone(forest.toSpec()));
  assert.deepEqual(copy.predictProba(x), forest.predictProba(x));
  const reg = fitRandomForestRegressor(x, y, { nTrees: 5, seed: 6 });
  assert.deepEqual(
    TreeRegressor.fromSpec(structuredClone(reg.toSpec())).predict(x),
    reg.predict(x),
  );
  assert.throws(
    () => TreeRegressor.fromSpec(forest.toSpec()),
    /Cannot build a TreeRegressor from a spec: spec.kind must be "regressor", got "classifier"/,
  );
  const broken = forest.toSpec();
  broken.trees = [{ ...broken.trees[0], left: new Int32Array(broken.trees[0].nodeCount) }];
  assert.throws(() => TreeClassifier.fromSpec(broken), /spec.trees\[0\] has invalid children/);
  assert.throws(() => TreeClassifier.fromSpec({ ...forest.toSpec(), trees: [] }), /non-empty/);
});

Deno.test("fitDecisionTreeClassifier() bins more than maxBins distinct values by quantile", () => {
  // 1000 distinct values, 16 bins: every threshold is one of 15 quantile cut points, and a
  // separable problem whose boundary lies on a cut point (value 499.5) is still fitted exactly.
  const x = Array.from({ length: 1000 }, (_, i) => [i]);
  const y = x.map(([v]) => (v < 500 ? 0 : 1));
  const tree = fitDecisionTreeClassifier(x, y, { maxBins: 16 });
  assert.equal(tree.trees[0].threshold[0], 499.5);
  assert.equal(tree.size.totalNodes, 3);
  const deep = fitDecisionTreeClassifier(x, x.map(([v]) => v % 2), { maxBins: 16 });
  assert.ok(deep.size.leafCounts[0] <= 16);
});
