import { raise } from "../_shared/validate.ts";
import { type AnnotationTable, checkClassLabels, checkTable } from "./_check.ts";

/** The result of {@link labelingReport}. */
export interface LabelingReport {
  /** Share of items whose aggregated label equals the true one. */
  accuracy: number;
  /** Number of items labelled correctly. */
  correct: number;
  /** Total cost of all labels collected. */
  totalCost: number;
  /** `totalCost / nItems`. */
  costPerItem: number;
  /** `totalCost / correct` (`Infinity` when nothing is correct). */
  costPerCorrectLabel: number;
  /** Labels collected per item on average. */
  labelsPerItem: number;
}

/**
 * Label quality against cost for one labelling strategy (annotator pool plus
 * aggregation rule):
 *
 * $$ \text{accuracy} = \frac{1}{n}\sum_i [\hat y_i = y_i], \qquad
 *    \text{cost per correct label} = \frac{\sum_j c_j}{\sum_i [\hat y_i = y_i]} . $$
 *
 * Compare strategies (three crowd workers with a majority vote, one
 * specialist, crowd plus Dawid–Skene) by these two numbers.
 *
 * @param yTrue True class of each item.
 * @param labels Aggregated class of each item.
 * @param annotations The annotations with their total cost.
 * @returns Accuracy, cost per item and cost per correct label.
 * @throws {RangeError} If the arrays do not match the number of items or hold classes
 *   out of range, or the total cost is not a non-negative number.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { labelingReport } from "@lib/labels/mod.ts";
 * const report = labelingReport([0, 1, 1, 0], [0, 1, 0, 0], {
 *   nItems: 4, nClasses: 2, nAnnotators: 1,
 *   item: [0, 1, 2, 3], annotator: [0, 0, 0, 0], label: [0, 1, 0, 0], totalCost: 6,
 * });
 * assert.deepEqual(report, {
 *   accuracy: 0.75, correct: 3, totalCost: 6, costPerItem: 1.5, costPerCorrectLabel: 2,
 *   labelsPerItem: 1,
 * });
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function labelingReport(
  yTrue: ArrayLike<number>,
  labels: ArrayLike<number>,
  annotations: AnnotationTable & { totalCost: number },
): LabelingReport {
  const context = "report labelling accuracy and cost";
  const { nItems, nClasses, m } = checkTable(annotations, context);
  checkClassLabels(yTrue, "yTrue", nClasses, context);
  checkClassLabels(labels, "labels", nClasses, context);
  if (yTrue.length !== nItems || labels.length !== nItems) {
    raise(
      "range",
      context,
      `yTrue and labels must have one entry per item (${nItems}), got ${yTrue.length} and ` +
        `${labels.length}`,
    );
  }
  const totalCost = annotations.totalCost;
  if (typeof totalCost !== "number" || !Number.isFinite(totalCost) || totalCost < 0) {
    raise(
      "range",
      context,
      `annotations.totalCost must be a non-negative number, got ${totalCost}`,
    );
  }
  let correct = 0;
  for (let i = 0; i < nItems; i++) if (yTrue[i] === labels[i]) correct++;
  return {
    accuracy: correct / nItems,
    correct,
    totalCost,
    costPerItem: totalCost / nItems,
    costPerCorrectLabel: correct === 0 ? Infinity : totalCost / correct,
    labelsPerItem: m / nItems,
  };
}

/**
 * The observed accuracy of each annotator against the true labels, the
 * quantity that {@link dawidSkene} estimates without them:
 * $\hat p_a = \frac{1}{|J_a|}\sum_{j \in J_a} [l_j = y_{\text{item}_j}]$ over the labels
 * $J_a$ given by annotator $a$ (`NaN` for an annotator who gave none).
 *
 * @param yTrue True class of each item.
 * @param annotations The labels in long format.
 * @returns One accuracy per annotator.
 * @throws {RangeError} If the arrays do not match the annotations.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { annotatorAccuracy } from "@lib/labels/mod.ts";
 * const acc = annotatorAccuracy([0, 1], {
 *   nItems: 2, nClasses: 2, nAnnotators: 2,
 *   item: [0, 1, 0, 1], annotator: [0, 0, 1, 1], label: [0, 1, 1, 1],
 * });
 * assert.deepEqual([...acc], [1, 0.5]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function annotatorAccuracy(
  yTrue: ArrayLike<number>,
  annotations: AnnotationTable,
): Float64Array {
  const context = "compute annotator accuracy";
  const { nItems, nClasses, nAnnotators, m } = checkTable(annotations, context);
  checkClassLabels(yTrue, "yTrue", nClasses, context);
  if (yTrue.length !== nItems) {
    raise(
      "range",
      context,
      `yTrue must have one entry per item (${nItems}), got ${yTrue.length}`,
    );
  }
  const right = new Float64Array(nAnnotators), given = new Float64Array(nAnnotators);
  for (let j = 0; j < m; j++) {
    given[annotations.annotator[j]]++;
    if (annotations.label[j] === yTrue[annotations.item[j]]) right[annotations.annotator[j]]++;
  }
  return right.map((r, a) => (given[a] === 0 ? NaN : r / given[a]));
}
