/**
 * Validation and the training loop shared by the classifiers and regressors.
 *
 * @module
 */
import { assertInteger, assertNumberArray, raise } from "../../_shared/validate.ts";
import { resolveRng, type Rng } from "../../random/mod.ts";
import { _binColumns, type BinnedData } from "./_binning.ts";
import { _growTree, type GrowParams } from "./_grow.ts";
import type { Splitter } from "./_splitters.ts";
import type { FlatTree } from "./flat_tree.ts";
import type { ForestOptions, MaxFeatures, TreeEnsembleSize, TreeOptions } from "./options.ts";

/** Checks a row matrix and copies it column-major. */
export function _columnsOf(
  x: ArrayLike<ArrayLike<number>>,
  context: string,
): { columns: Float64Array; nRows: number; nFeatures: number } {
  if (x == null || typeof x.length !== "number" || typeof x === "string") {
    raise("type", context, "x must be an array of rows");
  }
  const nRows = x.length;
  if (nRows === 0) raise("range", context, "x must not be empty");
  assertNumberArray(x[0], "x[0]", context);
  const nFeatures = x[0].length;
  if (nFeatures === 0) raise("range", context, "x[0] must have at least one feature");
  const columns = new Float64Array(nRows * nFeatures);
  for (let i = 0; i < nRows; i++) {
    const row = x[i];
    assertNumberArray(row, `x[${i}]`, context);
    if (row.length !== nFeatures) {
      raise(
        "range",
        context,
        `every row of x must have ${nFeatures} features, x[${i}] has ${row.length}`,
      );
    }
    for (let f = 0; f < nFeatures; f++) {
      const v = row[f];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        raise("range", context, `x[${i}][${f}] must be a finite number, got ${v}`);
      }
      columns[f * nRows + i] = v;
    }
  }
  return { columns, nRows, nFeatures };
}

/** Checks a row for prediction (length and finiteness). */
export function _checkRow(
  row: ArrayLike<number>,
  nFeatures: number,
  name: string,
  context: string,
) {
  assertNumberArray(row, name, context);
  if (row.length !== nFeatures) {
    raise("range", context, `${name} must have ${nFeatures} features, got ${row.length}`);
  }
  for (let f = 0; f < nFeatures; f++) {
    const v = row[f];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      raise("range", context, `${name}[${f}] must be a finite number, got ${v}`);
    }
  }
}

/** Checks every row of a batch; returns the batch. */
export function _checkRows(
  x: ArrayLike<ArrayLike<number>>,
  nFeatures: number,
  context: string,
): ArrayLike<ArrayLike<number>> {
  if (x == null || typeof x.length !== "number" || typeof x === "string") {
    raise("type", context, "x must be an array of rows");
  }
  for (let i = 0; i < x.length; i++) _checkRow(x[i], nFeatures, `x[${i}]`, context);
  return x;
}

function featuresPerSplit(maxFeatures: MaxFeatures, nFeatures: number, context: string): number {
  if (maxFeatures === "all") return nFeatures;
  if (maxFeatures === "sqrt") return Math.max(1, Math.floor(Math.sqrt(nFeatures)));
  if (typeof maxFeatures !== "number") {
    raise(
      "type",
      context,
      `maxFeatures must be "sqrt", "all" or a number, got ${String(maxFeatures)}`,
    );
  }
  assertInteger(maxFeatures, "maxFeatures", context, { min: 1, max: nFeatures });
  return maxFeatures;
}

/** Everything a fit needs, validated. */
export interface FitSetup {
  data: BinnedData;
  params: GrowParams;
  rng: Rng | undefined;
  nTrees: number;
  bootstrap: boolean;
}

/** Validates x and the options, bins the features. */
export function _setup(
  x: ArrayLike<ArrayLike<number>>,
  nTargets: number,
  options: TreeOptions & ForestOptions,
  defaults: { maxFeatures: MaxFeatures; nTrees: number; bootstrap: boolean; forest: boolean },
  context: string,
): FitSetup {
  const {
    maxDepth = Infinity,
    minSamplesLeaf = 1,
    maxFeatures = defaults.maxFeatures,
    maxBins = 255,
    nTrees = defaults.nTrees,
    bootstrap = defaults.bootstrap,
  } = options;
  const { columns, nRows, nFeatures } = _columnsOf(x, context);
  if (nTargets !== nRows) {
    raise("range", context, `x and y must have the same length, got ${nRows} and ${nTargets}`);
  }
  if (maxDepth !== Infinity) assertInteger(maxDepth, "maxDepth", context, { min: 1 });
  assertInteger(minSamplesLeaf, "minSamplesLeaf", context, { min: 1 });
  assertInteger(maxBins, "maxBins", context, { min: 2, max: 255 });
  assertInteger(nTrees, "nTrees", context, { min: 1 });
  if (typeof bootstrap !== "boolean") raise("type", context, "bootstrap must be a boolean");
  const perSplit = featuresPerSplit(maxFeatures, nFeatures, context);
  const random = defaults.forest || perSplit < nFeatures;
  const rng = random ? resolveRng(options, context) : undefined;
  return {
    data: _binColumns(columns, nRows, nFeatures, maxBins),
    params: { maxDepth, minSamplesLeaf, featuresPerSplit: perSplit },
    rng,
    nTrees,
    bootstrap,
  };
}

/** Grows `nTrees` trees, each on its own bootstrap sample when asked. */
export function _growForest(setup: FitSetup, splitter: Splitter): FlatTree[] {
  const { data, params, rng, nTrees, bootstrap } = setup;
  const n = data.nRows;
  const trees: FlatTree[] = [];
  const rows = new Int32Array(n);
  for (let t = 0; t < nTrees; t++) {
    if (bootstrap) { for (let i = 0; i < n; i++) rows[i] = Math.floor(rng!.random() * n); }
    else for (let i = 0; i < n; i++) rows[i] = i;
    trees.push(_growTree(data, splitter, rows, params, rng));
  }
  return trees;
}

/** Node counts and depths of a list of trees. */
export function _sizeOf(trees: readonly FlatTree[]): TreeEnsembleSize {
  const nodeCounts = trees.map((t) => t.nodeCount);
  const depths = trees.map((t) => t.depth);
  return {
    nTrees: trees.length,
    nodeCounts,
    leafCounts: trees.map((t) => t.leafCount),
    depths,
    totalNodes: nodeCounts.reduce((a, b) => a + b, 0),
    meanDepth: depths.reduce((a, b) => a + b, 0) / trees.length,
    maxDepth: Math.max(...depths),
  };
}
