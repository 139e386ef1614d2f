import { type RandomOptions, resolveRng } from "../random/mod.ts";
import { type AnnotationTable, checkTable } from "./_check.ts";

/** The result of {@link majorityVote}. */
export interface MajorityVote {
  /** The winning class of each item. */
  labels: Int32Array;
  /** Share of the item's votes that went to the winning class (0 for an item with no votes). */
  agreement: Float64Array;
  /** Number of items whose winner was drawn among tied classes. */
  ties: number;
}

/**
 * Aggregates labels by majority vote: each item gets the class with the most
 * votes, $\hat y_i = \arg\max_k \#\{j : \text{item}_j = i,\ \text{label}_j = k\}$.
 * Ties are broken by a uniform draw among the tied classes from the seeded
 * generator (items in order, one draw per tied item), so no class is favoured;
 * an item with no votes is a tie among all classes.
 *
 * With three independent annotators of accuracy $p$ on a binary task the vote
 * is right when at least two are: $p^3 + 3p^2(1-p)$ (0.784 for $p = 0.7$).
 * Every annotator counts the same, however accurate – see {@link dawidSkene}.
 *
 * @param annotations The labels in long format.
 * @param options `seed` or `rng` for tie-breaking.
 * @returns Winning classes, agreement and the number of ties.
 * @throws {RangeError} On inconsistent annotation arrays or values out of range.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { majorityVote } from "@lib/labels/mod.ts";
 * const vote = majorityVote({
 *   nItems: 2, nClasses: 2, nAnnotators: 3,
 *   item: [0, 0, 0, 1, 1, 1], annotator: [0, 1, 2, 0, 1, 2], label: [1, 1, 0, 0, 0, 0],
 * }, { seed: 1 });
 * assert.deepEqual([...vote.labels], [1, 0]);
 * assert.deepEqual([...vote.agreement], [2 / 3, 1]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function majorityVote(annotations: AnnotationTable, options: RandomOptions): MajorityVote {
  const context = "aggregate labels by majority vote";
  const { nItems, nClasses, m } = checkTable(annotations, context);
  const rng = resolveRng(options, context);
  const votes = new Int32Array(nItems * nClasses);
  const total = new Int32Array(nItems);
  for (let j = 0; j < m; j++) {
    votes[annotations.item[j] * nClasses + annotations.label[j]]++;
    total[annotations.item[j]]++;
  }
  const labels = new Int32Array(nItems);
  const agreement = new Float64Array(nItems);
  let ties = 0;
  for (let i = 0; i < nItems; i++) {
    let top = -1;
    const tied: number[] = [];
    for (let k = 0; k < nClasses; k++) {
      const v = votes[i * nClasses + k];
      if (v > top) {
        top = v;
        tied.length = 0;
      }
      if (v === top) tied.push(k);
    }
    if (tied.length > 1) ties++;
    labels[i] = tied.length > 1 ? tied[rng.int(0, tied.length)] : tied[0];
    agreement[i] = total[i] === 0 ? 0 : top / total[i];
  }
  return { labels, agreement, ties };
}
