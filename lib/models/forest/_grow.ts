/**
 * Grows one tree depth-first on binned data. The training rows of a node are
 * the slice rows[start:end) of one index array, partitioned in place at each
 * split (as in scikit-learn), so growing allocates nothing per node.
 *
 * @module
 */
import type { Rng } from "../../random/mod.ts";
import type { BinnedData } from "./_binning.ts";
import type { Splitter } from "./_splitters.ts";
import type { FlatTree } from "./flat_tree.ts";

/** Resolved growth limits. */
export interface GrowParams {
  /** Largest depth (edges from the root); Infinity for none. */
  maxDepth: number;
  minSamplesLeaf: number;
  /** Non-constant features to evaluate per node (sklearn's semantics). */
  featuresPerSplit: number;
}

/**
 * Grows a tree on the rows listed in `rows` (indices into `data`, repeats
 * allowed: a bootstrap sample). `rows` is reordered. `rng` is needed only when
 * `featuresPerSplit < data.nFeatures`.
 */
export function _growTree(
  data: BinnedData,
  splitter: Splitter,
  rows: Int32Array,
  params: GrowParams,
  rng: Rng | undefined,
): FlatTree {
  const { nFeatures, nRows, codes, thresholds } = data;
  const { maxDepth, minSamplesLeaf, featuresPerSplit } = params;
  const nOut = splitter.nOutputs;
  const nSamples = rows.length;
  // A binary tree whose leaves hold ≥ 1 row has at most 2n − 1 nodes.
  const depthBound = maxDepth < 30 ? 2 ** (maxDepth + 1) - 1 : Infinity;
  const capacity = Math.max(1, Math.min(2 * nSamples - 1, depthBound));
  const feature = new Int32Array(capacity).fill(-1);
  const threshold = new Float64Array(capacity);
  const left = new Int32Array(capacity).fill(-1);
  const right = new Int32Array(capacity).fill(-1);
  const value = new Float64Array(capacity * nOut);
  const impurity = new Float64Array(capacity);
  const nodeSamples = new Int32Array(capacity);
  const order = Int32Array.from({ length: nFeatures }, (_, i) => i);
  const sampling = featuresPerSplit < nFeatures;

  // Stack of pending nodes: id, start, end, depth.
  const stack: number[] = [0, 0, nSamples, 0];
  let nodeCount = 1, leafCount = 0, treeDepth = 0;
  while (stack.length > 0) {
    const depth = stack.pop()!, end = stack.pop()!, start = stack.pop()!, id = stack.pop()!;
    const n = end - start;
    nodeSamples[id] = n;
    impurity[id] = splitter.nodeStats(rows, start, end, value, id * nOut);
    if (depth > treeDepth) treeDepth = depth;
    if (depth >= maxDepth || n < 2 * minSamplesLeaf || splitter.pure) {
      leafCount++;
      continue;
    }
    splitter.reset();
    let evaluated = 0;
    for (let j = 0; j < nFeatures && evaluated < featuresPerSplit; j++) {
      if (sampling) {
        const r = j + Math.floor(rng!.random() * (nFeatures - j));
        const t = order[j];
        order[j] = order[r];
        order[r] = t;
      }
      const f = order[j], offset = f * nRows;
      let lo = 255, hi = 0;
      for (let i = start; i < end; i++) {
        const code = codes[offset + rows[i]];
        if (code < lo) lo = code;
        if (code > hi) hi = code;
      }
      if (lo === hi) continue; // constant in this node: does not count (as in scikit-learn)
      evaluated++;
      splitter.scan(rows, start, end, f, lo, hi);
    }
    if (splitter.bestFeature < 0) {
      leafCount++;
      continue;
    }
    const f = splitter.bestFeature, bin = splitter.bestBin, offset = f * nRows;
    let i = start, k = end - 1;
    while (i <= k) {
      if (codes[offset + rows[i]] <= bin) i++;
      else {
        const t = rows[i];
        rows[i] = rows[k];
        rows[k] = t;
        k--;
      }
    }
    const leftId = nodeCount++, rightId = nodeCount++;
    feature[id] = f;
    threshold[id] = thresholds[f][bin];
    left[id] = leftId;
    right[id] = rightId;
    stack.push(rightId, i, end, depth + 1, leftId, start, i, depth + 1);
  }
  return {
    feature: feature.slice(0, nodeCount),
    threshold: threshold.slice(0, nodeCount),
    left: left.slice(0, nodeCount),
    right: right.slice(0, nodeCount),
    value: value.slice(0, nodeCount * nOut),
    impurity: impurity.slice(0, nodeCount),
    nodeSamples: nodeSamples.slice(0, nodeCount),
    nOutputs: nOut,
    nodeCount,
    leafCount,
    depth: treeDepth,
  };
}
