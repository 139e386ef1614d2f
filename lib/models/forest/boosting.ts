/**
 * Gradient-boosted trees for binary classification (logistic loss), grown by
 * the same histogram tree builder as the forests.
 *
 * @module
 */
import { assertFiniteNumber, assertNumberArray, raise } from "../../_shared/validate.ts";
import { resolveRng } from "../../random/mod.ts";
import { _checkRow, _checkRows, _setup, _sizeOf } from "./_fit.ts";
import { _growTree } from "./_grow.ts";
import type { Splitter } from "./_splitters.ts";
import { _leafOf, type FlatTree } from "./flat_tree.ts";
import type { TreeEnsembleSize, TreeOptions } from "./options.ts";

/** Options of {@link fitGradientBoostedClassifier}. */
export interface GradientBoostingOptions extends TreeOptions {
  /** Boosting rounds, one tree each (an integer ≥ 1). @default 100 */
  nTrees?: number;
  /** Shrinkage η: each tree's leaf values are multiplied by it (in (0, 1]). @default 0.1 */
  learningRate?: number;
  /** L2 penalty λ on leaf values: a leaf predicts −G/(H + λ) (≥ 0). @default 1 */
  l2Regularization?: number;
  /**
   * Share of the rows each tree is grown on, drawn without replacement (in (0, 1]);
   * below 1 a `seed` or `rng` is required. @default 1
   */
  subsample?: number;
}

/**
 * Split search on gradients and Hessians (Chen & Guestrin 2016, eq. 7): a node
 * with gradient sum G and Hessian sum H predicts $w = -G/(H + \lambda)$ and a split
 * maximises $G_L^2/(H_L + \lambda) + G_R^2/(H_R + \lambda)$.
 */
class NewtonSplitter implements Splitter {
  bestScore = -Infinity;
  bestFeature = -1;
  bestBin = -1;
  pure = false;
  readonly nOutputs = 1;
  #g: Float64Array;
  #h: Float64Array;
  #count: Int32Array;
  #totalG = 0;
  #totalH = 0;

  constructor(
    readonly codes: Uint8Array,
    readonly nRows: number,
    readonly grad: Float64Array,
    readonly hess: Float64Array,
    readonly lambda: number,
    readonly minLeaf: number,
  ) {
    this.#g = new Float64Array(256);
    this.#h = new Float64Array(256);
    this.#count = new Int32Array(256);
  }

  nodeStats(rows: Int32Array, start: number, end: number, value: Float64Array, offset: number) {
    const grad = this.grad, hess = this.hess;
    let g = 0, h = 0, min = Infinity, max = -Infinity;
    for (let i = start; i < end; i++) {
      const v = grad[rows[i]];
      g += v;
      h += hess[rows[i]];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    this.#totalG = g;
    this.#totalH = h;
    this.pure = min === max;
    value[offset] = -g / (h + this.lambda);
    const n = end - start, mean = g / n;
    let ss = 0;
    for (let i = start; i < end; i++) ss += (grad[rows[i]] - mean) ** 2;
    return ss / n; // the variance of the gradients the tree fits
  }

  reset() {
    this.bestScore = -Infinity;
    this.bestFeature = -1;
    this.bestBin = -1;
  }

  scan(rows: Int32Array, start: number, end: number, f: number, lo: number, hi: number) {
    const gs = this.#g, hs = this.#h, count = this.#count, codes = this.codes;
    const grad = this.grad, hess = this.hess;
    gs.fill(0, lo, hi + 1);
    hs.fill(0, lo, hi + 1);
    count.fill(0, lo, hi + 1);
    const offset = f * this.nRows;
    for (let i = start; i < end; i++) {
      const r = rows[i], code = codes[offset + r];
      gs[code] += grad[r];
      hs[code] += hess[r];
      count[code]++;
    }
    const n = end - start, lambda = this.lambda, minLeaf = this.minLeaf;
    let nLeft = 0, gLeft = 0, hLeft = 0;
    for (let b = lo; b < hi; b++) {
      if (count[b] === 0) continue;
      nLeft += count[b];
      gLeft += gs[b];
      hLeft += hs[b];
      if (nLeft < minLeaf) continue;
      if (n - nLeft < minLeaf) break;
      const gRight = this.#totalG - gLeft, hRight = this.#totalH - hLeft;
      const score = (gLeft * gLeft) / (hLeft + lambda) + (gRight * gRight) / (hRight + lambda);
      if (score > this.bestScore) {
        this.bestScore = score;
        this.bestFeature = f;
        this.bestBin = b;
      }
    }
  }
}

/** Mean logistic loss of log-odds F against labels y, computed without overflow. */
function logLoss(logits: Float64Array, y: Int32Array): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const z = logits[i];
    sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[i] * z;
  }
  return sum / y.length;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * A fitted gradient-boosted classifier: the log-odds of class 1 are the initial
 * log-odds plus the (shrunk) leaf values the row reaches,
 * $F(x) = F_0 + \sum_t \eta\, w_t(\mathrm{leaf}_t(x))$, and $P(y = 1 \mid x) = \sigma(F(x))$.
 * Inference costs at most `Σ_t depth_t` comparisons per row, as for a forest.
 *
 * @see notebooks/02_capacity.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitGradientBoostedClassifier } from "@lib/models/forest/mod.ts";
 * const x = [[0], [1], [2], [3], [4], [5]];
 * const model = fitGradientBoostedClassifier(x, [0, 0, 0, 1, 1, 1], { nTrees: 20, learningRate: 0.5 });
 * assert.deepEqual([...model.predict([[0.5], [4.5]])], [0, 1]);
 * assert.equal(model.lossHistory.length, 21);
 * ```
 */
export class GradientBoostedClassifier {
  /** The trees, as flat node arrays; leaf values are already multiplied by the learning rate. */
  readonly trees: readonly FlatTree[];
  /** Features per row. */
  readonly nFeatures: number;
  /** Initial log-odds $F_0 = \ln(\bar y / (1 - \bar y))$. */
  readonly initialLogit: number;
  /** Mean training log-loss before the first tree and after each tree (length nTrees + 1). */
  readonly lossHistory: Float64Array;

  /** Wraps fitted trees; use {@link fitGradientBoostedClassifier}. */
  constructor(
    trees: readonly FlatTree[],
    nFeatures: number,
    initialLogit: number,
    lossHistory: Float64Array,
  ) {
    this.trees = trees;
    this.nFeatures = nFeatures;
    this.initialLogit = initialLogit;
    this.lossHistory = lossHistory;
  }

  /** Node counts and depths (the inputs of an inference-cost model). */
  get size(): TreeEnsembleSize {
    return _sizeOf(this.trees);
  }

  /** Log-odds of class 1 for one row. */
  predictLogitRow(row: ArrayLike<number>): number {
    _checkRow(row, this.nFeatures, "row", "predict with a boosted classifier");
    let z = this.initialLogit;
    for (const tree of this.trees) z += tree.value[_leafOf(tree, row)];
    return z;
  }

  /** Log-odds of class 1 for each row. */
  predictLogit(x: ArrayLike<ArrayLike<number>>): Float64Array {
    _checkRows(x, this.nFeatures, "predict with a boosted classifier");
    const out = new Float64Array(x.length).fill(this.initialLogit);
    for (const tree of this.trees) {
      for (let i = 0; i < x.length; i++) out[i] += tree.value[_leafOf(tree, x[i])];
    }
    return out;
  }

  /** Probability of class 1 for each row. */
  predictProba(x: ArrayLike<ArrayLike<number>>): Float64Array {
    return this.predictLogit(x).map(sigmoid);
  }

  /** Predicted class (1 when the log-odds are positive) of each row. */
  predict(x: ArrayLike<ArrayLike<number>>): Int32Array {
    return Int32Array.from(this.predictLogit(x), (z) => (z > 0 ? 1 : 0));
  }
}

/**
 * Fits gradient-boosted trees to binary labels (Friedman 2001, with the Newton
 * leaf values of Chen & Guestrin 2016). Starting from the log-odds of the base
 * rate $F_0 = \ln(\bar y/(1 - \bar y))$, each round computes for every row the
 * gradient and Hessian of the logistic loss in the current log-odds F,
 *
 * $$g_i = \sigma(F_i) - y_i, \qquad h_i = \sigma(F_i)\,(1 - \sigma(F_i)),$$
 *
 * grows a depth-limited regression tree on them (splits maximising
 * $G_L^2/(H_L+\lambda) + G_R^2/(H_R+\lambda)$ over histogram bins), sets each leaf
 * to the Newton step $w = -G/(H + \lambda)$, and adds $\eta w$ to the log-odds of
 * the rows in that leaf.
 *
 * @param x Rows of finite numbers, all the same length.
 * @param y Labels 0 or 1, one per row, both present.
 * @param options See {@link GradientBoostingOptions}; defaults 100 trees of depth 3,
 *   η = 0.1, λ = 1, every row and feature.
 * @returns A {@link GradientBoostedClassifier}.
 * @throws {RangeError} On empty `x`, non-finite features, length mismatch, labels
 *   other than 0 and 1 or a single class, or an option out of range.
 * @throws {TypeError} If `x` or `y` is not an array, or sampling is asked without `seed` or `rng`.
 * @see notebooks/02_capacity.ipynb
 *
 * @example One stump, η = 1, λ = 0: the leaf values are −G/H
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitGradientBoostedClassifier } from "@lib/models/forest/mod.ts";
 * const model = fitGradientBoostedClassifier([[0], [1], [2], [3]], [0, 0, 0, 1], {
 *   nTrees: 1, maxDepth: 1, learningRate: 1, l2Regularization: 0,
 * });
 * // F0 = ln(1/3); g = 0.25 − y, h = 0.1875: left −0.75/0.5625, right 0.75/0.1875.
 * assert.ok(Math.abs(model.initialLogit - Math.log(1 / 3)) < 1e-12);
 * assert.ok(Math.abs(model.predictLogitRow([3]) - (Math.log(1 / 3) + 4)) < 1e-12);
 * ```
 */
export function fitGradientBoostedClassifier(
  x: ArrayLike<ArrayLike<number>>,
  y: ArrayLike<number>,
  options: GradientBoostingOptions = {},
): GradientBoostedClassifier {
  const context = "fit a gradient-boosted classifier";
  if (x == null || y == null) raise("type", context, "x and y are required");
  if (options == null || typeof options !== "object") {
    raise("type", context, "options must be an object");
  }
  assertNumberArray(y, "y", context);
  const {
    nTrees = 100,
    learningRate = 0.1,
    l2Regularization = 1,
    subsample = 1,
    maxDepth = 3,
  } = options;
  assertFiniteNumber(learningRate, "learningRate", context, { max: 1 });
  if (!(learningRate > 0)) {
    raise("range", context, `learningRate must be in (0, 1], got ${learningRate}`);
  }
  assertFiniteNumber(l2Regularization, "l2Regularization", context, { min: 0 });
  assertFiniteNumber(subsample, "subsample", context, { max: 1 });
  if (!(subsample > 0)) raise("range", context, `subsample must be in (0, 1], got ${subsample}`);
  const setup = _setup(
    x,
    y.length,
    { ...options, maxDepth, nTrees, bootstrap: false, maxFeatures: options.maxFeatures ?? "all" },
    { maxFeatures: "all", nTrees, bootstrap: false, forest: false },
    context,
  );
  const labels = new Int32Array(y.length);
  let positives = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) raise("range", context, `y[${i}] must be 0 or 1, got ${y[i]}`);
    labels[i] = y[i];
    positives += y[i];
  }
  if (positives === 0 || positives === y.length) {
    raise("range", context, "y must contain both classes 0 and 1");
  }
  const rng = setup.rng ?? (subsample < 1 ? resolveRng(options, context) : undefined);
  const { data, params } = setup, n = data.nRows;
  const grad = new Float64Array(n), hess = new Float64Array(n);
  const splitter = new NewtonSplitter(
    data.codes,
    n,
    grad,
    hess,
    l2Regularization,
    params.minSamplesLeaf,
  );
  const initialLogit = Math.log(positives / (n - positives));
  const logits = new Float64Array(n).fill(initialLogit);
  const lossHistory = new Float64Array(nTrees + 1);
  lossHistory[0] = logLoss(logits, labels);
  const nSample = Math.max(1, Math.floor(subsample * n));
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const rows = new Int32Array(nSample);
  const trees: FlatTree[] = [];
  for (let t = 0; t < nTrees; t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(logits[i]);
      grad[i] = p - labels[i];
      hess[i] = p * (1 - p);
    }
    if (nSample < n) {
      // Partial Fisher–Yates: the first nSample entries are a uniform sample without replacement.
      for (let i = 0; i < nSample; i++) {
        const j = i + Math.floor(rng!.random() * (n - i));
        const tmp = all[i];
        all[i] = all[j];
        all[j] = tmp;
        rows[i] = all[i];
      }
    } else rows.set(all);
    const tree = _growTree(data, splitter, rows, params, rng);
    const value = tree.value as Float64Array;
    for (let k = 0; k < value.length; k++) value[k] *= learningRate;
    for (let i = 0; i < n; i++) logits[i] += value[_leafOf(tree, x[i])];
    lossHistory[t + 1] = logLoss(logits, labels);
    trees.push(tree);
  }
  return new GradientBoostedClassifier(trees, data.nFeatures, initialLogit, lossHistory);
}
