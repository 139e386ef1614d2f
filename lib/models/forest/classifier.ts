import { assertInteger, assertNumberArray, raise } from "../../_shared/validate.ts";
import { _checkRow, _checkRows, _growForest, _setup, _sizeOf } from "./_fit.ts";
import { ClassSplitter } from "./_splitters.ts";
import { _accumulate, _leafOf, type FlatTree } from "./flat_tree.ts";
import type {
  DecisionTreeClassifierOptions,
  RandomForestClassifierOptions,
  TreeEnsembleSize,
} from "./options.ts";
import { _checkSpec, type TreeModelSpec } from "./tree_model.ts";

/**
 * A fitted classification tree or forest: the class probabilities of a row are
 * the mean over trees of the class fractions in the leaf it reaches,
 *
 * $$\hat p_k(x) = \frac{1}{T}\sum_{t=1}^{T} \frac{n_{t,k}(\mathrm{leaf}_t(x))}{n_t(\mathrm{leaf}_t(x))}$$
 *
 * and the predicted class is the most probable one (the lowest index on ties).
 * Inference costs at most `Σ_t depth_t` comparisons per row.
 *
 * @see notebooks/02_capacity.ipynb
 * @example Batch and single-row predictions; a round trip through the spec
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitDecisionTreeClassifier, TreeClassifier } from "@lib/models/forest/mod.ts";
 * const model = fitDecisionTreeClassifier([[0], [1], [2], [3]], [0, 0, 2, 2]);
 * assert.equal(model.nClasses, 3);
 * assert.deepEqual([...model.predictProbaRow([2.5])], [0, 0, 1]);
 * assert.deepEqual([...model.predict([[0.2], [2.8]])], [0, 2]);
 * const copy = TreeClassifier.fromSpec(structuredClone(model.toSpec()));
 * assert.equal(copy.predictRow([3]), 2);
 * ```
 */
export class TreeClassifier {
  /** The trees, as flat node arrays. */
  readonly trees: readonly FlatTree[];
  /** Number of classes K. */
  readonly nClasses: number;
  /** Features per row. */
  readonly nFeatures: number;

  /** Wraps fitted trees; use the `fit…` functions or {@link TreeClassifier.fromSpec}. */
  constructor(trees: readonly FlatTree[], nClasses: number, nFeatures: number) {
    this.trees = trees;
    this.nClasses = nClasses;
    this.nFeatures = nFeatures;
  }

  /** Rebuilds a classifier from {@link TreeClassifier.toSpec} output (validated). */
  static fromSpec(spec: TreeModelSpec): TreeClassifier {
    _checkSpec(spec, "classifier", "build a TreeClassifier from a spec");
    return new TreeClassifier(spec.trees, spec.nOutputs, spec.nFeatures);
  }

  /** Plain, cloneable data describing the model. */
  toSpec(): TreeModelSpec {
    const { nFeatures, nClasses } = this;
    return { kind: "classifier", nFeatures, nOutputs: nClasses, trees: [...this.trees] };
  }

  /** Node counts and depths (the inputs of an inference-cost model). */
  get size(): TreeEnsembleSize {
    return _sizeOf(this.trees);
  }

  /** Class probabilities of each row: one `Float64Array` of length K per row. */
  predictProba(x: ArrayLike<ArrayLike<number>>): Float64Array[] {
    _checkRows(x, this.nFeatures, "predict with a tree classifier");
    const k = this.nClasses, out = new Float64Array(x.length * k);
    _accumulate(this.trees, x, k, out);
    const scale = 1 / this.trees.length;
    for (let i = 0; i < out.length; i++) out[i] *= scale;
    return Array.from({ length: x.length }, (_, i) => out.subarray(i * k, (i + 1) * k));
  }

  /** Class probabilities of one row. */
  predictProbaRow(row: ArrayLike<number>): Float64Array {
    _checkRow(row, this.nFeatures, "row", "predict with a tree classifier");
    const k = this.nClasses, out = new Float64Array(k);
    for (const tree of this.trees) {
      const offset = _leafOf(tree, row) * k;
      for (let c = 0; c < k; c++) out[c] += tree.value[offset + c];
    }
    for (let c = 0; c < k; c++) out[c] /= this.trees.length;
    return out;
  }

  /** The most probable class of each row. */
  predict(x: ArrayLike<ArrayLike<number>>): Int32Array {
    return Int32Array.from(this.predictProba(x), argmax);
  }

  /** The most probable class of one row. */
  predictRow(row: ArrayLike<number>): number {
    return argmax(this.predictProbaRow(row));
  }
}

function argmax(p: Float64Array): number {
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
  return best;
}

function labelsOf(
  y: ArrayLike<number>,
  nClasses: number | undefined,
  context: string,
): { labels: Int32Array; nClasses: number } {
  assertNumberArray(y, "y", context);
  const labels = new Int32Array(y.length);
  let largest = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (!Number.isInteger(v) || v < 0) {
      raise("range", context, `y[${i}] must be a class index (an integer ≥ 0), got ${v}`);
    }
    labels[i] = v;
    if (v > largest) largest = v;
  }
  if (nClasses === undefined) return { labels, nClasses: largest + 1 };
  assertInteger(nClasses, "nClasses", context, { min: 1 });
  if (largest >= nClasses) {
    raise("range", context, `labels must be below nClasses=${nClasses}, got ${largest}`);
  }
  return { labels, nClasses };
}

function fitClassifier(
  x: ArrayLike<ArrayLike<number>>,
  y: ArrayLike<number>,
  options: RandomForestClassifierOptions,
  forest: boolean,
  context: string,
): TreeClassifier {
  const { criterion = "gini" } = options;
  if (criterion !== "gini" && criterion !== "entropy") {
    raise(
      "range",
      context,
      `criterion must be "gini" or "entropy", got ${JSON.stringify(criterion)}`,
    );
  }
  if (x == null || y == null) raise("type", context, "x and y are required");
  const { labels, nClasses } = labelsOf(y, options.nClasses, context);
  const defaults = forest
    ? { maxFeatures: "sqrt" as const, nTrees: 100, bootstrap: true, forest }
    : { maxFeatures: "all" as const, nTrees: 1, bootstrap: false, forest };
  const setup = _setup(
    x,
    labels.length,
    forest ? options : { ...options, nTrees: 1 },
    defaults,
    context,
  );
  const { codes, nRows } = setup.data;
  const splitter = new ClassSplitter(
    codes,
    nRows,
    labels,
    nClasses,
    criterion === "entropy",
    setup.params.minSamplesLeaf,
    256,
    nRows,
  );
  return new TreeClassifier(_growForest(setup, splitter), nClasses, setup.data.nFeatures);
}

/**
 * Fits one CART classification tree (binary splits `x_f ≤ t` chosen to
 * minimise the weighted child impurity $\frac{n_L}{n} I_L + \frac{n_R}{n} I_R$)
 * on histogram-binned features.
 *
 * With at most `maxBins` distinct values per feature the tree is the exact
 * CART tree; with more, cut points are restricted to quantile bin edges. Every
 * feature is scored at every node unless `maxFeatures` says otherwise (then a
 * `seed` is needed). Ties between equally good splits go to the first feature
 * and the lowest threshold.
 *
 * @param x Rows of finite numbers, all the same length.
 * @param y Class labels, integers in [0, K).
 * @param options See {@link DecisionTreeClassifierOptions}.
 * @returns A {@link TreeClassifier} with one tree.
 * @throws {RangeError} On empty `x`, rows of different lengths, non-finite
 *   features, `x`/`y` length mismatch, labels that are not class indices, or an
 *   option out of range (`maxDepth < 1`, `minSamplesLeaf < 1`, …).
 * @throws {TypeError} If `x` or `y` is not an array, or no seed is given when one is needed.
 * @see notebooks/02_capacity.ipynb
 *
 * @example A stump finds the threshold between the classes
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitDecisionTreeClassifier } from "@lib/models/forest/mod.ts";
 * const tree = fitDecisionTreeClassifier([[1], [2], [3], [4]], [0, 0, 1, 1], { maxDepth: 1 });
 * assert.equal(tree.trees[0].threshold[0], 2.5);
 * assert.deepEqual([...tree.predict([[0], [2.4], [2.6], [9]])], [0, 0, 1, 1]);
 * assert.equal(tree.size.totalNodes, 3);
 * ```
 */
export function fitDecisionTreeClassifier(
  x: ArrayLike<ArrayLike<number>>,
  y: ArrayLike<number>,
  options: DecisionTreeClassifierOptions = {},
): TreeClassifier {
  return fitClassifier(x, y, options, false, "fit a decision tree classifier");
}

/**
 * Fits a random forest classifier (Breiman 2001): `nTrees` CART trees, each on
 * a bootstrap sample of the rows and scoring only `maxFeatures` random features
 * per split (default ⌊√f⌋); probabilities are averaged over the trees.
 *
 * Features are binned once (≤ 255 quantile bins) and shared by every tree, so
 * a split search costs O(n_node + bins) per feature instead of a sort.
 *
 * @param x Rows of finite numbers, all the same length.
 * @param y Class labels, integers in [0, K).
 * @param options See {@link RandomForestClassifierOptions}; `seed` or `rng` is required.
 * @returns A {@link TreeClassifier} with `nTrees` trees.
 * @throws {RangeError} As {@link fitDecisionTreeClassifier}, and for `nTrees < 1`.
 * @throws {TypeError} If no `seed` or `rng` is given.
 * @see notebooks/02_capacity.ipynb
 *
 * @example Same seed, same forest
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitRandomForestClassifier } from "@lib/models/forest/mod.ts";
 * const x = [[0, 1], [1, 0], [2, 1], [3, 0], [4, 1], [5, 0]];
 * const y = [0, 0, 0, 1, 1, 1];
 * const a = fitRandomForestClassifier(x, y, { nTrees: 10, seed: 1 });
 * const b = fitRandomForestClassifier(x, y, { nTrees: 10, seed: 1 });
 * assert.deepEqual(a.predictProba(x), b.predictProba(x));
 * assert.equal(a.predictRow([5, 1]), 1);
 * ```
 */
export function fitRandomForestClassifier(
  x: ArrayLike<ArrayLike<number>>,
  y: ArrayLike<number>,
  options: RandomForestClassifierOptions = {},
): TreeClassifier {
  return fitClassifier(x, y, options, true, "fit a random forest classifier");
}
