/**
 * Decision trees and random forests for chapters 2 (capacity: what a forest
 * costs to train and to serve, as a function of trees T and depth d) and 3
 * (a strong tabular baseline for learning curves).
 *
 * **Why an implementation of our own.** The npm packages were tried first.
 * `ml-random-forest` (on `ml-cart`) sorts every feature at every node over
 * plain JavaScript arrays: measured on this machine, 100 trees of depth 10 on
 * 2,000 × 50 rows took 319 s. `decision-tree` (npm, 1.0.0) is ID3 on
 * categorical object rows: a continuous feature gets one branch per distinct
 * value, so it is not a CART tree at all. This module follows the
 * histogram-based design of LightGBM and scikit-learn's `HistGradientBoosting`:
 *
 * - every feature is binned once into ≤ 255 quantile bins, stored as one byte
 *   per value in a column-major `Uint8Array`, shared by all trees;
 * - the best split of a node on a feature comes from one pass building a
 *   histogram of the node's rows (class counts, or sums of y) and one scan of
 *   its bins: O(n_node + bins) instead of O(n_node log n_node);
 * - the rows of a node are a slice of one index array, partitioned in place;
 * - a fitted tree is a flat set of typed arrays ({@link FlatTree}), so
 *   inference is a tight loop over `Int32Array`/`Float64Array`, and a model can
 *   be posted to a Worker as is ({@link TreeModelSpec}).
 *
 * Trees follow CART (Breiman et al. 1984) with scikit-learn's conventions:
 * gini or entropy (in bits) for classification, squared error for regression,
 * `maxDepth`, `minSamplesLeaf`, `maxFeatures` (`"sqrt"`, `"all"` or a count),
 * bootstrap samples of n rows, and probabilities averaged over trees.
 * Gradient-boosted trees for binary labels ({@link fitGradientBoostedClassifier})
 * grow the same trees on the gradients and Hessians of the logistic loss. With at
 * most `maxBins` distinct values per feature the splits are exactly CART's.
 * Training 100 trees of depth 10 on 2,000 × 50 rows takes about 0.3–0.5 s on two shared cores
 * (`bench/inference_bench.ts`).
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitRandomForestClassifier } from "@lib/models/forest/mod.ts";
 * const x = [[0, 0], [0, 1], [1, 0], [1, 1], [2, 2], [2, 3], [3, 2], [3, 3]];
 * const y = [0, 0, 0, 0, 1, 1, 1, 1];
 * const forest = fitRandomForestClassifier(x, y, { nTrees: 25, maxDepth: 3, seed: 7 });
 * assert.equal(forest.predictRow([2.5, 2.5]), 1);
 * assert.equal(forest.size.nTrees, 25);
 * assert.ok(forest.size.maxDepth <= 3);
 * ```
 *
 * @see notebooks/02_capacity.ipynb
 * @module
 */
export * from "./boosting.ts";
export * from "./classifier.ts";
export * from "./regressor.ts";
export type { FlatTree } from "./flat_tree.ts";
export type { TreeModelSpec } from "./tree_model.ts";
export type * from "./options.ts";
