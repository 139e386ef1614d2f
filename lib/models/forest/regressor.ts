import { assertFiniteArray, raise } from "../../_shared/validate.ts";
import { _checkRow, _checkRows, _growForest, _setup, _sizeOf } from "./_fit.ts";
import { MseSplitter } from "./_splitters.ts";
import { _accumulate, _leafOf, type FlatTree } from "./flat_tree.ts";
import type {
  DecisionTreeRegressorOptions,
  RandomForestRegressorOptions,
  TreeEnsembleSize,
} from "./options.ts";
import { _checkSpec, type TreeModelSpec } from "./tree_model.ts";

/**
 * A fitted regression tree or forest: the prediction for a row is the mean
 * over trees of the mean training target in the leaf it reaches,
 *
 * $$\hat y(x) = \frac{1}{T}\sum_{t=1}^{T} \bar y_t(\mathrm{leaf}_t(x)).$$
 *
 * @see notebooks/02_capacity.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitDecisionTreeRegressor } from "@lib/models/forest/mod.ts";
 * const model = fitDecisionTreeRegressor([[0], [1], [2], [3]], [1, 1, 5, 7]);
 * assert.deepEqual([...model.predict([[0.5], [3]])], [1, 7]);
 * assert.deepEqual(model.size.depths, [2]);
 * ```
 */
export class TreeRegressor {
  /** The trees, as flat node arrays. */
  readonly trees: readonly FlatTree[];
  /** Features per row. */
  readonly nFeatures: number;

  /** Wraps fitted trees; use the `fit…` functions or {@link TreeRegressor.fromSpec}. */
  constructor(trees: readonly FlatTree[], nFeatures: number) {
    this.trees = trees;
    this.nFeatures = nFeatures;
  }

  /** Rebuilds a regressor from {@link TreeRegressor.toSpec} output (validated). */
  static fromSpec(spec: TreeModelSpec): TreeRegressor {
    _checkSpec(spec, "regressor", "build a TreeRegressor from a spec");
    if (spec.nOutputs !== 1) {
      raise(
        "range",
        "build a TreeRegressor from a spec",
        `spec.nOutputs must be 1, got ${spec.nOutputs}`,
      );
    }
    return new TreeRegressor(spec.trees, spec.nFeatures);
  }

  /** Plain, cloneable data describing the model. */
  toSpec(): TreeModelSpec {
    return { kind: "regressor", nFeatures: this.nFeatures, nOutputs: 1, trees: [...this.trees] };
  }

  /** Node counts and depths (the inputs of an inference-cost model). */
  get size(): TreeEnsembleSize {
    return _sizeOf(this.trees);
  }

  /** The prediction for each row. */
  predict(x: ArrayLike<ArrayLike<number>>): Float64Array {
    _checkRows(x, this.nFeatures, "predict with a tree regressor");
    const out = new Float64Array(x.length);
    _accumulate(this.trees, x, 1, out);
    for (let i = 0; i < out.length; i++) out[i] /= this.trees.length;
    return out;
  }

  /** The prediction for one row. */
  predictRow(row: ArrayLike<number>): number {
    _checkRow(row, this.nFeatures, "row", "predict with a tree regressor");
    let sum = 0;
    for (const tree of this.trees) sum += tree.value[_leafOf(tree, row)];
    return sum / this.trees.length;
  }
}

function fitRegressor(
  x: ArrayLike<ArrayLike<number>>,
  y: ArrayLike<number>,
  options: RandomForestRegressorOptions,
  forest: boolean,
  context: string,
): TreeRegressor {
  if (x == null || y == null) raise("type", context, "x and y are required");
  assertFiniteArray(y, "y", context, { allowEmpty: true });
  const defaults = forest
    ? { maxFeatures: "all" as const, nTrees: 100, bootstrap: true, forest }
    : { maxFeatures: "all" as const, nTrees: 1, bootstrap: false, forest };
  const setup = _setup(
    x,
    y.length,
    forest ? options : { ...options, nTrees: 1 },
    defaults,
    context,
  );
  const { codes, nRows } = setup.data;
  const target = Float64Array.from(y);
  const splitter = new MseSplitter(codes, nRows, target, setup.params.minSamplesLeaf, 256);
  return new TreeRegressor(_growForest(setup, splitter), setup.data.nFeatures);
}

/**
 * Fits one CART regression tree: binary splits `x_f ≤ t` chosen to minimise
 * the summed squared error of the children around their means,
 *
 * $$\sum_{i \in L} (y_i - \bar y_L)^2 + \sum_{i \in R} (y_i - \bar y_R)^2,$$
 *
 * on histogram-binned features (exact CART with ≤ `maxBins` distinct values).
 * Leaves predict the mean target of their rows; node impurity is the variance.
 *
 * @param x Rows of finite numbers, all the same length.
 * @param y Finite targets, one per row.
 * @param options See {@link DecisionTreeRegressorOptions}.
 * @returns A {@link TreeRegressor} with one tree.
 * @throws {RangeError} On empty `x`, non-finite features or targets, length
 *   mismatch, or an option out of range.
 * @throws {TypeError} If `x` or `y` is not an array.
 * @see notebooks/02_capacity.ipynb
 *
 * @example A stump splits between the two levels
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitDecisionTreeRegressor } from "@lib/models/forest/mod.ts";
 * const tree = fitDecisionTreeRegressor([[1], [2], [3], [4]], [1, 1, 3, 5], { maxDepth: 1 });
 * assert.equal(tree.trees[0].threshold[0], 2.5);
 * assert.deepEqual([...tree.predict([[1], [4]])], [1, 4]);
 * ```
 */
export function fitDecisionTreeRegressor(
  x: ArrayLike<ArrayLike<number>>,
  y: ArrayLike<number>,
  options: DecisionTreeRegressorOptions = {},
): TreeRegressor {
  return fitRegressor(x, y, options, false, "fit a decision tree regressor");
}

/**
 * Fits a random forest regressor: `nTrees` regression trees on bootstrap
 * samples, predictions averaged. By default every feature is scored at each
 * split (`maxFeatures: "all"`, scikit-learn's default for regression), so the
 * trees differ through their bootstrap samples only.
 *
 * @param x Rows of finite numbers, all the same length.
 * @param y Finite targets, one per row.
 * @param options See {@link RandomForestRegressorOptions}; `seed` or `rng` is required.
 * @returns A {@link TreeRegressor} with `nTrees` trees.
 * @throws {RangeError} As {@link fitDecisionTreeRegressor}, and for `nTrees < 1`.
 * @throws {TypeError} If no `seed` or `rng` is given.
 * @see notebooks/02_capacity.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitRandomForestRegressor } from "@lib/models/forest/mod.ts";
 * const x = Array.from({ length: 40 }, (_, i) => [i]);
 * const y = x.map(([v]) => (v < 20 ? 0 : 10));
 * const forest = fitRandomForestRegressor(x, y, { nTrees: 20, seed: 3 });
 * assert.ok(forest.predictRow([5]) < 1 && forest.predictRow([35]) > 9);
 * ```
 */
export function fitRandomForestRegressor(
  x: ArrayLike<ArrayLike<number>>,
  y: ArrayLike<number>,
  options: RandomForestRegressorOptions = {},
): TreeRegressor {
  return fitRegressor(x, y, options, true, "fit a random forest regressor");
}
