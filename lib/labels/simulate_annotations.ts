import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng, sample } from "../random/mod.ts";
import { type AnnotationTable, checkClassLabels } from "./_check.ts";

/** A simulated annotator: how often it is right and what a label costs. */
export interface Annotator {
  /** A name for reports, e.g. `"crowd 1"` or `"specialist"`. */
  name: string;
  /** Probability of giving the true class, in [0, 1] (ignored when `confusion` is given). */
  accuracy: number;
  /**
   * Asymmetric noise: `confusion[k][l]` is the probability of giving class l
   * to an item of class k (rows sum to 1). A spammer who always answers 0 has
   * every row `[1, 0, …]`. @default symmetric noise from `accuracy`
   */
  confusion?: readonly (readonly number[])[];
  /** Cost of one label (any currency unit), ≥ 0. */
  costPerLabel: number;
}

/** Options of {@link simulateAnnotations}. */
export interface SimulateAnnotationsOptions extends RandomOptions {
  /**
   * Annotators per item, drawn without replacement uniformly from the pool for
   * each item. @default all annotators label every item
   */
  perItem?: number;
  /** Number of classes. @default the largest true label + 1, at least 2 */
  nClasses?: number;
}

/** Simulated annotations: the table, the annotators and what the labels cost. */
export interface SimulatedAnnotations extends AnnotationTable {
  /** The item of each label. */
  item: Int32Array;
  /** The annotator of each label. */
  annotator: Int32Array;
  /** The class given. */
  label: Int32Array;
  /** The annotators, in index order. */
  annotators: Annotator[];
  /** Cost of each label given (aligned with `item`). */
  cost: Float64Array;
  /** Sum of `cost`. */
  totalCost: number;
}

/**
 * Simulates annotators labelling items whose true class is known. Annotator
 * $a$ with accuracy $p_a$ gives item $i$ (true class $y_i$, $K$ classes)
 *
 * $$ P(\text{label} = y_i) = p_a, \qquad P(\text{label} = l) = \frac{1 - p_a}{K - 1}
 *    \quad (l \ne y_i), $$
 *
 * independently of everything else (symmetric noise), and charges
 * `costPerLabel`. An annotator with a `confusion` matrix $\theta$ gives class
 * $l$ with probability $\theta_{y_i l}$ instead (asymmetric noise, the model
 * that Dawid–Skene fits). A crowd is many cheap annotators of modest accuracy; a
 * specialist is one expensive, accurate annotator.
 *
 * Draw order (for reproducibility): item by item, first the annotators of the
 * item (when `perItem` is set), then their labels in annotator order.
 *
 * @param yTrue True class of each item, integers in [0, nClasses).
 * @param annotators The pool of annotators (at least one).
 * @param options `perItem`, `nClasses`, and `seed` or `rng`.
 * @returns Labels in long format with their cost.
 * @throws {RangeError} On an empty pool, accuracy outside [0, 1], a confusion matrix that is
 *   not nClasses × nClasses with rows of probabilities summing to 1, negative cost,
 *   perItem outside [1, pool size], or a true label out of range.
 *
 * @example Three crowd workers and one specialist
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateAnnotations } from "@lib/labels/mod.ts";
 * const crowd = [1, 2, 3].map((i) => ({ name: `crowd ${i}`, accuracy: 0.7, costPerLabel: 0.25 }));
 * const specialist = { name: "specialist", accuracy: 0.98, costPerLabel: 2 };
 * const yTrue = [0, 1, 1, 0, 1];
 * const a = simulateAnnotations(yTrue, [...crowd, specialist], { seed: 1 });
 * assert.equal(a.label.length, 20); // 5 items × 4 annotators
 * assert.equal(a.totalCost, 5 * (3 * 0.25 + 2)); // 13.75
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function simulateAnnotations(
  yTrue: ArrayLike<number>,
  annotators: readonly Annotator[],
  options: SimulateAnnotationsOptions,
): SimulatedAnnotations {
  const context = "simulate annotations";
  if (!Array.isArray(annotators)) raise("type", context, "annotators must be an array");
  if (annotators.length === 0) raise("range", context, "annotators must not be empty");
  annotators.forEach((a, j) => {
    assertFiniteNumber(a?.accuracy, `annotators[${j}].accuracy`, context, { min: 0, max: 1 });
    assertFiniteNumber(a.costPerLabel, `annotators[${j}].costPerLabel`, context, { min: 0 });
  });
  const { perItem = annotators.length } = options ?? {};
  assertInteger(perItem, "perItem", context, { min: 1, max: annotators.length });
  let maxLabel = 1;
  const raw = checkClassLabels(yTrue, "yTrue", Number.MAX_SAFE_INTEGER, context);
  if (raw.length === 0) raise("range", context, "yTrue must not be empty");
  for (let i = 0; i < raw.length; i++) maxLabel = Math.max(maxLabel, raw[i]);
  const nClasses = options?.nClasses ?? maxLabel + 1;
  assertInteger(nClasses, "nClasses", context, { min: 2 });
  checkClassLabels(raw, "yTrue", nClasses, context);
  annotators.forEach((a, j) => {
    const matrix: readonly (readonly number[])[] | undefined = a.confusion;
    if (matrix === undefined) return;
    const name = `annotators[${j}].confusion`;
    if (!Array.isArray(matrix) || matrix.length !== nClasses) {
      raise("range", context, `${name} must have ${nClasses} rows (one per class)`);
    }
    matrix.forEach((row: readonly number[], k: number) => {
      if (!Array.isArray(row) || row.length !== nClasses) {
        raise("range", context, `${name}[${k}] must have ${nClasses} entries`);
      }
      row.forEach((v, l) =>
        assertFiniteNumber(v, `${name}[${k}][${l}]`, context, { min: 0, max: 1 })
      );
      const total = row.reduce((t, v) => t + v, 0);
      if (Math.abs(total - 1) > 1e-9) {
        raise("range", context, `${name}[${k}] must sum to 1, got ${total}`);
      }
    });
  });
  const rng = resolveRng(options, context);
  const all = annotators.map((_, j) => j);
  const m = raw.length * perItem;
  const item = new Int32Array(m), annotator = new Int32Array(m), label = new Int32Array(m);
  const cost = new Float64Array(m);
  let j = 0;
  for (let i = 0; i < raw.length; i++) {
    const chosen = perItem === annotators.length
      ? all
      : sample(all, perItem, { rng }).sort((a, b) => a - b);
    for (const a of chosen) {
      let given = raw[i];
      const confusion = annotators[a].confusion;
      if (confusion !== undefined) {
        let u = rng.random();
        given = 0;
        while (given < nClasses - 1 && u >= confusion[raw[i]][given]) {
          u -= confusion[raw[i]][given++];
        }
      } else if (!rng.bernoulli(annotators[a].accuracy)) {
        const other = rng.int(0, nClasses - 1); // one of the K − 1 wrong classes
        given = other >= raw[i] ? other + 1 : other;
      }
      item[j] = i;
      annotator[j] = a;
      label[j] = given;
      cost[j] = annotators[a].costPerLabel;
      j++;
    }
  }
  return {
    nItems: raw.length,
    nClasses,
    nAnnotators: annotators.length,
    item,
    annotator,
    label,
    annotators: annotators.map((a) => ({
      ...a,
      ...(a.confusion ? { confusion: a.confusion.map((row: readonly number[]) => [...row]) } : {}),
    })),
    cost,
    totalCost: cost.reduce((s, c) => s + c, 0),
  };
}
