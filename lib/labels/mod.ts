/**
 * Labels from annotators (chapters 3 and 7): simulate crowd workers and
 * specialists of given accuracy and cost, aggregate their labels by majority
 * vote or by the Dawid–Skene model, and weigh label accuracy against cost.
 * Labels are kept in long format (item, annotator, class) so that partial
 * coverage and real annotation data fit the same functions.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { labelingReport, majorityVote, simulateAnnotations } from "@lib/labels/mod.ts";
 * const yTrue = [0, 1, 1, 0, 1, 0];
 * const crowd = [1, 2, 3].map((i) => ({ name: `crowd ${i}`, accuracy: 0.8, costPerLabel: 0.05 }));
 * const table = simulateAnnotations(yTrue, crowd, { seed: 3 });
 * const { labels } = majorityVote(table, { seed: 3 });
 * const report = labelingReport(yTrue, labels, table);
 * assert.ok(report.accuracy >= 0 && report.accuracy <= 1);
 * assert.equal(report.labelsPerItem, 3);
 * ```
 *
 * @see notebooks/03_data_collection.ipynb
 * @module
 */
export type { AnnotationTable } from "./_check.ts";
export * from "./simulate_annotations.ts";
export * from "./majority_vote.ts";
export * from "./dawid_skene.ts";
export * from "./labeling_report.ts";
export * from "./label_items.ts";
export * from "./agreement.ts";
export * from "./active_learning.ts";
