/**
 * Options shared by the trees and forests of `lib/models/forest`.
 *
 * @module
 */
import type { Rng } from "../../random/mod.ts";

/**
 * Features evaluated per split: `"sqrt"` is ⌊√f⌋ (at least 1), `"all"` is every
 * feature, a number is that count (an integer in [1, f]). As in scikit-learn, a
 * feature that is constant within a node does not count, so the search goes on
 * to further features until that many non-constant ones were scored.
 */
export type MaxFeatures = "sqrt" | "all" | number;

/** Options of every tree and forest. */
export interface TreeOptions {
  /** Largest depth (edges from root to leaf; 1 is a stump). @default Infinity */
  maxDepth?: number;
  /** Fewest training rows in a leaf (an integer ≥ 1). @default 1 */
  minSamplesLeaf?: number;
  /** Features evaluated per split. @default "sqrt" for the forest classifier, else "all" */
  maxFeatures?: MaxFeatures;
  /** Most bins per feature (an integer in [2, 255]). @default 255 */
  maxBins?: number;
  /**
   * Seed for bootstrap and feature sampling. Required by forests and by trees
   * with `maxFeatures` below the number of features. Ignored when `rng` is given.
   */
  seed?: number;
  /** A generator to draw from instead of `seed` (advanced by the fit). */
  rng?: Rng;
}

/** Extra options of the classifiers. */
export interface ClassifierOptions {
  /** Impurity: gini $1 - \sum_k p_k^2$ or entropy $-\sum_k p_k \log_2 p_k$. @default "gini" */
  criterion?: "gini" | "entropy";
  /**
   * Number of classes K; labels must be integers in [0, K). @default 1 + the largest label
   */
  nClasses?: number;
}

/** Extra options of the forests. */
export interface ForestOptions {
  /** Number of trees. @default 100 */
  nTrees?: number;
  /** Train each tree on n rows drawn with replacement (false: on all rows). @default true */
  bootstrap?: boolean;
}

/** Options of {@link fitDecisionTreeClassifier}. */
export type DecisionTreeClassifierOptions = TreeOptions & ClassifierOptions;
/** Options of {@link fitRandomForestClassifier}. */
export type RandomForestClassifierOptions = TreeOptions & ClassifierOptions & ForestOptions;
/** Options of {@link fitDecisionTreeRegressor}. */
export type DecisionTreeRegressorOptions = TreeOptions;
/** Options of {@link fitRandomForestRegressor}. */
export type RandomForestRegressorOptions = TreeOptions & ForestOptions;

/** Size of a fitted model, the inputs of an inference-cost model. */
export interface TreeEnsembleSize {
  /** Number of trees T. */
  nTrees: number;
  /** Nodes of each tree. */
  nodeCounts: number[];
  /** Leaves of each tree. */
  leafCounts: number[];
  /** Depth of each tree (edges on the longest root-to-leaf path). */
  depths: number[];
  /** Σ nodes over the trees. */
  totalNodes: number;
  /** Mean depth, the expected comparisons per tree is at most this. */
  meanDepth: number;
  /** Largest depth. */
  maxDepth: number;
}
