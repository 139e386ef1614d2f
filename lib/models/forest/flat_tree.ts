/**
 * The flat node-array form of a fitted tree, shared by training, inference and
 * the shard workers of `lib/capacity` (typed arrays survive `postMessage`).
 *
 * @module
 */

/**
 * One fitted tree as parallel typed arrays indexed by node id; node 0 is the
 * root. An internal node sends a row left when `row[feature] ≤ threshold`.
 * Inference walks `depth` nodes at most, with no allocation and no pointer
 * chasing through objects.
 */
export interface FlatTree {
  /** Feature tested at each node; −1 marks a leaf. */
  readonly feature: Int32Array;
  /** Split value at each internal node (0 at leaves). */
  readonly threshold: Float64Array;
  /** Left child (rows with `x ≤ threshold`); −1 at leaves. */
  readonly left: Int32Array;
  /** Right child; −1 at leaves. */
  readonly right: Int32Array;
  /**
   * Prediction at each node, `nOutputs` numbers per node: class probabilities
   * (classification) or the mean target (regression, one number).
   */
  readonly value: Float64Array;
  /** Impurity of each node's training rows (gini, entropy in bits, or variance). */
  readonly impurity: Float64Array;
  /** Training rows (bootstrap draws counted with multiplicity) that reached each node. */
  readonly nodeSamples: Int32Array;
  /** Numbers per node in `value`: the number of classes, or 1. */
  readonly nOutputs: number;
  /** Number of nodes, internal and leaves. */
  readonly nodeCount: number;
  /** Number of leaves (`(nodeCount + 1) / 2` for a binary tree). */
  readonly leafCount: number;
  /** Longest root-to-leaf path in edges (a stump has depth 1). */
  readonly depth: number;
}

/** The leaf a row reaches (no validation: callers check the row once). */
export function _leafOf(tree: FlatTree, row: ArrayLike<number>): number {
  const { feature, threshold, left, right } = tree;
  let node = 0;
  for (let f = feature[0]; f >= 0; f = feature[node]) {
    node = row[f] <= threshold[node] ? left[node] : right[node];
  }
  return node;
}

/**
 * Adds each tree's leaf values for every row into `out` (`nRows × nOutputs`,
 * row-major). Trees run in the outer loop so one tree's arrays stay in cache.
 */
export function _accumulate(
  trees: readonly FlatTree[],
  rows: ArrayLike<ArrayLike<number>>,
  nOutputs: number,
  out: Float64Array,
): void {
  for (const tree of trees) {
    const { value } = tree;
    for (let i = 0; i < rows.length; i++) {
      const offset = _leafOf(tree, rows[i]) * nOutputs;
      const base = i * nOutputs;
      for (let k = 0; k < nOutputs; k++) out[base + k] += value[offset + k];
    }
  }
}
