/**
 * The confusion matrix of a (multiclass) classifier.
 *
 * @module
 */

import { assertFiniteArray, assertOneOf, raise } from "../_shared/validate.ts";
import { assertPair, checkSampleWeight, contextOf, type NumberArray } from "./_validate.ts";
import { encodeLabels, uniqueLabels } from "./_labels.ts";

/** How {@link confusionMatrix} normalises its counts. */
export type ConfusionNormalize = "none" | "true" | "pred" | "all";

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /**
   * Labels that index the rows and columns, in this order. Samples whose
   * true or predicted label is not listed are left out. At least one must
   * occur in `yTrue`.
   * @default the sorted union of the labels in `yTrue` and `yPred`
   */
  labels?: NumberArray;
  /** Per-sample weights (non-negative, positive sum). @default undefined (all 1) */
  sampleWeight?: NumberArray;
  /**
   * `"true"`: each row sums to 1; `"pred"`: each column sums to 1; `"all"`:
   * the matrix sums to 1; `"none"`: counts. Empty rows/columns stay 0.
   * @default "none"
   */
  normalize?: ConfusionNormalize;
}

/** A confusion matrix and the labels of its rows and columns. */
export interface ConfusionMatrix {
  /** Row `i` / column `j` belong to `labels[i]` / `labels[j]`. */
  labels: number[];
  /** `matrix[i][j]`: (weighted) number of samples of true class i predicted as j. */
  matrix: number[][];
}

/**
 * Counts, for every pair of classes, how many samples of true class i were
 * predicted as class j (rows: truth, columns: prediction, as scikit-learn).
 *
 * $$C_{ij} = \sum_k w_k\,[y_k = \ell_i]\,[\hat y_k = \ell_j]$$
 *
 * For binary labels `[0, 1]` the matrix is `[[TN, FP], [FN, TP]]`.
 *
 * @param yTrue True labels (any finite numbers).
 * @param yPred Predicted labels, same length.
 * @param options See {@link ConfusionMatrixOptions}.
 * @returns `{ labels, matrix }`.
 * @throws {RangeError} On empty or mismatched arrays, non-finite values,
 * empty or duplicated `labels`, `labels` none of which occurs in `yTrue`, an
 * unknown `normalize`, or an invalid `sampleWeight`.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example scikit-learn's `confusion_matrix` docstring
 * ```ts
 * import assert from "node:assert/strict";
 * import { confusionMatrix } from "@lib/metrics/mod.ts";
 * const { labels, matrix } = confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]);
 * assert.deepEqual(labels, [0, 1, 2]);
 * assert.deepEqual(matrix, [[2, 0, 0], [0, 0, 1], [1, 0, 2]]);
 * ```
 */
export function confusionMatrix(
  yTrue: NumberArray,
  yPred: NumberArray,
  options: ConfusionMatrixOptions = {},
): ConfusionMatrix {
  const context = contextOf("confusionMatrix");
  const { normalize = "none" } = options;
  assertPair(yTrue, yPred, ["yTrue", "yPred"], context);
  assertOneOf(normalize, ["none", "true", "pred", "all"], "normalize", context);
  const weight = checkSampleWeight(options.sampleWeight, yTrue, context);
  let labels: number[];
  if (options.labels === undefined) {
    labels = uniqueLabels(yTrue, yPred);
  } else {
    assertFiniteArray(options.labels, "labels", context);
    labels = Array.from(options.labels);
    const seen = new Set<number>();
    for (const l of labels) {
      if (seen.has(l)) raise("range", context, `labels must be unique, got ${l} twice`);
      seen.add(l);
    }
  }
  const encoded = encodeLabels(yTrue, yPred, labels);
  if (!encoded.yTrue.some((t) => t >= 0)) {
    raise("range", context, `at least one of labels must occur in yTrue, got [${labels}]`);
  }
  const m = labels.length;
  const matrix = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (let i = 0; i < encoded.yTrue.length; i++) {
    const t = encoded.yTrue[i], p = encoded.yPred[i];
    if (t >= 0 && p >= 0) matrix[t][p] += weight === undefined ? 1 : weight[i];
  }
  if (normalize !== "none") normalizeInPlace(matrix, normalize);
  return { labels, matrix };
}

function normalizeInPlace(matrix: number[][], mode: "true" | "pred" | "all"): void {
  const m = matrix.length;
  const rowSums = matrix.map((row) => row.reduce((s, v) => s + v, 0));
  const colSums = matrix[0].map((_, j) => matrix.reduce((s, row) => s + row[j], 0));
  const total = rowSums.reduce((s, v) => s + v, 0);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const d = mode === "true" ? rowSums[i] : mode === "pred" ? colSums[j] : total;
      matrix[i][j] = d === 0 ? 0 : matrix[i][j] / d;
    }
  }
}
