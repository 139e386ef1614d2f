import assert from "node:assert/strict";
import { fitDecisionTreeClassifier, fitDecisionTreeRegressor } from "@lib/models/forest/mod.ts";
import { assertClose } from "../../_util/assert_close.ts";

// x = 1 … 7, y = 0 0 1 0 1 1 1 (three 0s, four 1s). Root gini: 1 − (3/7)² − (4/7)² = 24/49.
// Weighted child gini (n_L G_L + n_R G_R) / n of each cut, by hand:
//   x ≤ 1.5: L {0}            G = 0;     R {0,1,0,1,1,1} G = 4/9  → (6 · 4/9) / 7 = 0.381
//   x ≤ 2.5: L {0,0}          G = 0;     R {1,0,1,1,1}   G = 0.32 → 1.6 / 7 = 0.229
//   x ≤ 3.5: L {0,0,1}        G = 4/9;   R {0,1,1,1}     G = 3/8  → (4/3 + 1.5) / 7 = 0.405
//   x ≤ 4.5: L {0,0,1,0}      G = 3/8;   R {1,1,1}       G = 0    → 1.5 / 7 = 3/14 = 0.214 (best)
//   x ≤ 5.5: L {0,0,1,0,1}    G = 0.48;  R {1,1}         G = 0    → 2.4 / 7 = 0.343
//   x ≤ 6.5: L {0,0,1,0,1,1}  G = 0.5;   R {1}           G = 0    → 3 / 7 = 0.429
// (e.g. G(R at 1.5) = 1 − (2/6)² − (4/6)² = 4/9; G(R at 2.5) = 1 − 0.2² − 0.8² = 0.32.)
const X7 = [[1], [2], [3], [4], [5], [6], [7]];
const Y7 = [0, 0, 1, 0, 1, 1, 1];

Deno.test("fitDecisionTreeClassifier() picks the cut of lowest weighted gini (by hand)", () => {
  const tree = fitDecisionTreeClassifier(X7, Y7, { maxDepth: 1 }).trees[0];
  assert.equal(tree.nodeCount, 3);
  assert.equal(tree.feature[0], 0);
  assert.equal(tree.threshold[0], 4.5);
  assertClose(tree.impurity[0], 24 / 49);
  const [l, r] = [tree.left[0], tree.right[0]];
  assertClose(tree.impurity[l], 0.375);
  assertClose(tree.impurity[r], 0);
  assert.deepEqual([tree.nodeSamples[l], tree.nodeSamples[r]], [4, 3]);
  const weighted =
    (tree.nodeSamples[l] * tree.impurity[l] + tree.nodeSamples[r] * tree.impurity[r]) /
    7;
  assertClose(weighted, 3 / 14);
  assert.deepEqual([...tree.value.subarray(2 * l, 2 * l + 2)], [0.75, 0.25]);
  assert.deepEqual([...tree.value.subarray(2 * r, 2 * r + 2)], [0, 1]);
});

// Entropy in bits of the same cuts: x ≤ 4.5 gives (4/7)·H(3/4, 1/4) = (4/7)·0.8113 = 0.4636,
// x ≤ 2.5 gives (5/7)·H(1/5, 4/5) = (5/7)·0.7219 = 0.5157; the others are larger. Root:
// H(3/7, 4/7) = −(3/7)log2(3/7) − (4/7)log2(4/7) = 0.98523.
Deno.test("fitDecisionTreeClassifier() with entropy reports impurities in bits (by hand)", () => {
  const tree = fitDecisionTreeClassifier(X7, Y7, { maxDepth: 1, criterion: "entropy" }).trees[0];
  assert.equal(tree.threshold[0], 4.5);
  const h = (
    p: number,
  ) => (p === 0 || p === 1 ? 0 : -p * Math.log2(p) - (1 - p) * Math.log2(1 - p));
  assertClose(tree.impurity[0], h(3 / 7));
  assertClose(tree.impurity[0], 0.98523, { rel: 1e-5 });
  assertClose(tree.impurity[tree.left[0]], h(0.25));
});

Deno.test("fitDecisionTreeClassifier() stump finds a known threshold on a second feature", () => {
  // Feature 0 is noise; feature 1 separates the classes between 10 and 20: threshold 15.
  const x = [[3, 10], [1, 20], [2, 10], [3, 20], [1, 10], [2, 20]];
  const y = [0, 1, 0, 1, 0, 1];
  const model = fitDecisionTreeClassifier(x, y, { maxDepth: 1 });
  const tree = model.trees[0];
  assert.equal(tree.feature[0], 1);
  assert.equal(tree.threshold[0], 15);
  assert.equal(tree.depth, 1);
  assert.deepEqual([...model.predict([[0, 14.9], [0, 15], [0, 15.1]])], [0, 0, 1]);
});

// Regression, x = 1 … 4, y = 1 1 3 5 (mean 2.5): root variance
// = ((−1.5)² + (−1.5)² + 0.5² + 2.5²) / 4 = 2.75.
// SSE of the children per cut: x ≤ 1.5: 0 + 8 = 8; x ≤ 2.5: 0 + 2 = 2 (best); x ≤ 3.5: 8/3 + 0.
Deno.test("fitDecisionTreeRegressor() minimises the children's squared error (by hand)", () => {
  const model = fitDecisionTreeRegressor([[1], [2], [3], [4]], [1, 1, 3, 5], { maxDepth: 1 });
  const tree = model.trees[0];
  assert.equal(tree.threshold[0], 2.5);
  assertClose(tree.impurity[0], 2.75);
  assertClose(tree.impurity[tree.left[0]], 0);
  assertClose(tree.impurity[tree.right[0]], 1);
  assert.deepEqual([tree.value[tree.left[0]], tree.value[tree.right[0]]], [1, 4]);
  assert.equal(model.predictRow([2.5]), 1);
  assert.equal(model.predictRow([2.6]), 4);
});

Deno.test("fitDecisionTreeClassifier() respects minSamplesLeaf", () => {
  // The perfect cut x ≤ 1.5 leaves one row on the left; with minSamplesLeaf 2 the best allowed
  // cut is x ≤ 2.5: L {0,1} (gini 0.5), R {1,1} (gini 0).
  const tree = fitDecisionTreeClassifier([[1], [2], [3], [4]], [0, 1, 1, 1], {
    maxDepth: 1,
    minSamplesLeaf: 2,
  }).trees[0];
  assert.equal(tree.threshold[0], 2.5);
  const leaves = fitDecisionTreeClassifier([[1], [2], [3]], [0, 1, 1], { minSamplesLeaf: 2 });
  assert.equal(leaves.size.totalNodes, 1); // 3 rows cannot make two leaves of 2
});

Deno.test("fitDecisionTreeClassifier() leaves a pure node or a constant feature unsplit", () => {
  assert.equal(fitDecisionTreeClassifier([[1], [2], [3]], [1, 1, 1]).size.totalNodes, 1);
  assert.equal(fitDecisionTreeClassifier([[5], [5], [5]], [0, 1, 0]).size.totalNodes, 1);
  const p = fitDecisionTreeClassifier([[5], [5], [5]], [0, 1, 0]).predictProbaRow([5]);
  assertClose(p, [2 / 3, 1 / 3]);
});
