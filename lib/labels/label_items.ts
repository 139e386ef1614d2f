import { assertInteger, assertOneOf, raise } from "../_shared/validate.ts";
import type { RandomOptions } from "../random/mod.ts";
import { dawidSkene } from "./dawid_skene.ts";
import { type LabelingReport, labelingReport } from "./labeling_report.ts";
import { majorityVote } from "./majority_vote.ts";
import { type Annotator, simulateAnnotations } from "./simulate_annotations.ts";

/** A labelling strategy: who labels, how many labels an item gets, how they are combined. */
export interface LabelingStrategy {
  /** The pool of annotators; each item gets `perItem` of them, drawn without replacement. */
  annotators: readonly Annotator[];
  /** Labels per item, in [1, annotators.length]. */
  perItem: number;
  /** How the labels of an item become one label. */
  aggregation: "majority" | "dawidSkene";
}

/** Options of {@link labelItems}. */
export interface LabelItemsOptions extends RandomOptions {
  /** Number of classes. @default 2 */
  nClasses?: number;
}

/** The result of {@link labelItems}: one label per item and its accuracy and cost. */
export interface LabeledItems {
  /** Aggregated class of each item. */
  labels: Int32Array;
  /** Accuracy against the truth, and cost. */
  report: LabelingReport;
}

/**
 * Labels items whose true class is known with a simulated strategy: draws the
 * annotations ({@link simulateAnnotations}), aggregates them by majority vote
 * (ties broken at random) or by the Dawid–Skene model, and reports label
 * accuracy and cost ({@link labelingReport}). The same seed gives the same
 * annotations, so strategies that share a pool can be compared on equal draws.
 *
 * @param yTrue True class of each item.
 * @param strategy Annotators, labels per item and aggregation rule.
 * @param options `seed` or `rng`, and `nClasses`.
 * @returns The aggregated labels and their report.
 * @throws {RangeError} If `perItem` is not an integer in [1, annotators.length] or
 *   `aggregation` is unknown (and whatever {@link simulateAnnotations} rejects).
 *
 * @example A perfect specialist
 * ```ts
 * import assert from "node:assert/strict";
 * import { labelItems } from "@lib/labels/mod.ts";
 * const specialist = { name: "specialist", accuracy: 1, costPerLabel: 10 };
 * const out = labelItems([0, 1, 1], { annotators: [specialist], perItem: 1, aggregation: "majority" }, { seed: 1 });
 * assert.deepEqual([...out.labels], [0, 1, 1]);
 * assert.equal(out.report.costPerItem, 10);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function labelItems(
  yTrue: ArrayLike<number>,
  strategy: LabelingStrategy,
  options: LabelItemsOptions,
): LabeledItems {
  const context = "label items";
  if (typeof strategy !== "object" || strategy === null || !Array.isArray(strategy.annotators)) {
    raise("type", context, "strategy must be an object with an annotators array");
  }
  assertInteger(strategy.perItem, "strategy.perItem", context, {
    min: 1,
    max: Math.max(1, strategy.annotators.length),
  });
  assertOneOf(
    strategy.aggregation,
    ["majority", "dawidSkene"] as const,
    "strategy.aggregation",
    context,
  );
  const { nClasses = 2, ...random } = options ?? {};
  const table = simulateAnnotations(yTrue, strategy.annotators, {
    ...random,
    perItem: strategy.perItem,
    nClasses,
  });
  const labels = strategy.aggregation === "dawidSkene"
    ? dawidSkene(table).labels
    : majorityVote(table, random).labels;
  return { labels, report: labelingReport(yTrue, labels, table) };
}

/**
 * Items a labelling budget buys: $\min(\lfloor B / c \rfloor, n)$ with $c$ the
 * expected cost per item, `perItem` times the mean cost per label of the pool.
 *
 * @param budget Budget $B$ in cost units, ≥ 0.
 * @param strategy The labelling strategy.
 * @param available Items available $n$ (a non-negative integer).
 * @returns The number of items to label.
 * @throws {RangeError} If the budget is negative or not finite, `available` is not a
 *   non-negative integer, or the strategy costs nothing per item.
 *
 * @example Three labels at 1 each: a budget of 10 buys 3 items
 * ```ts
 * import assert from "node:assert/strict";
 * import { itemsForBudget } from "@lib/labels/mod.ts";
 * const crowd = [1, 2, 3].map((i) => ({ name: `crowd ${i}`, accuracy: 0.7, costPerLabel: 1 }));
 * assert.equal(itemsForBudget(10, { annotators: crowd, perItem: 3, aggregation: "majority" }, 100), 3);
 * assert.equal(itemsForBudget(1000, { annotators: crowd, perItem: 3, aggregation: "majority" }, 100), 100);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function itemsForBudget(
  budget: number,
  strategy: LabelingStrategy,
  available: number,
): number {
  const context = "count the items a budget buys";
  if (!(typeof budget === "number" && Number.isFinite(budget) && budget >= 0)) {
    raise("range", context, `budget must be a finite number ≥ 0, got ${budget}`);
  }
  assertInteger(available, "available", context, { min: 0 });
  const pool = strategy?.annotators ?? [];
  const meanCost = pool.reduce((s, a) => s + a.costPerLabel, 0) / pool.length;
  const costPerItem = strategy?.perItem * meanCost;
  if (!(costPerItem > 0)) {
    raise("range", context, `the strategy must cost more than 0 per item, got ${costPerItem}`);
  }
  return Math.min(available, Math.floor(budget / costPerItem + 1e-9));
}
