import { assertFiniteNumber, assertInteger } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";

/** Effect on the log-odds of each of the 12 categories of {@link tabularTask} (no order). */
export const TABULAR_CATEGORY_EFFECTS: readonly number[] = [
  1.2,
  -0.8,
  0.3,
  -1.5,
  0.9,
  0,
  -0.4,
  1.6,
  -1.1,
  0.5,
  -0.2,
  0.8,
];

/** Names of the informative columns of {@link tabularTask}, in order. */
export const TABULAR_COLUMNS = ["amount", "age", "category", "visits", "flag"] as const;

/** Options of {@link tabularTask}. */
export interface TabularTaskOptions extends RandomOptions {
  /** Irrelevant columns appended (alternately normal and integer 0–9). @default 4 */
  noise?: number;
  /** Scale s of the true log-odds: larger is easier. @default 1 */
  signal?: number;
}

/** What {@link tabularTask} returns. */
export interface TabularTask {
  /** Rows: amount, age, category, visits, flag, then the noise columns. */
  rows: number[][];
  /** True probability of class 1 for each row. */
  probability: Float64Array;
  /** Labels drawn from the truth. */
  y: Int32Array;
}

/**
 * A tabular binary task of the kind where trees are said to shine: columns of
 * mixed kinds and scales, whose effects are thresholds, an unordered category
 * and an interaction. Columns: `amount` log-normal (median 100, skewed),
 * `age` an integer in [18, 79], `category` an integer code in [0, 11],
 * `visits` a geometric count (the floor of an exponential of mean 2.5, so mean ≈ 2.03), `flag` 0/1 (share 0.3), then `noise`
 * irrelevant columns. The true log-odds are
 *
 * $$z = s\big(e_{\text{category}} + 1.2\,\text{flag}\,(2[\text{age} \ge 45] - 1)
 *   + [\text{amount} > 150] - 0.5[\text{amount} \le 150] + 0.8[\text{visits} \ge 3] - 0.3\big)$$
 *
 * with $e$ = {@link TABULAR_CATEGORY_EFFECTS}, and $y \sim \text{Bernoulli}(\sigma(z))$.
 *
 * @param n Rows (an integer ≥ 1).
 * @param options `seed` or `rng` (required), `noise`, `signal`.
 * @returns A {@link TabularTask}.
 * @throws {RangeError} If n < 1, noise is not an integer ≥ 0, or signal is negative.
 * @throws {TypeError} If neither seed nor rng is given.
 * @see notebooks/02_capacity.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tabularTask } from "@lib/capacity/mod.ts";
 * const task = tabularTask(200, { seed: 1, noise: 2 });
 * assert.equal(task.rows[0].length, 7);
 * assert.ok(task.rows.every((r) => Number.isInteger(r[2]) && r[2] >= 0 && r[2] < 12));
 * ```
 */
export function tabularTask(n: number, options: TabularTaskOptions): TabularTask {
  const context = "generate a tabular task";
  assertInteger(n, "n", context, { min: 1 });
  const { noise = 4, signal = 1 } = options ?? {};
  assertInteger(noise, "noise", context, { min: 0 });
  assertFiniteNumber(signal, "signal", context, { min: 0 });
  const rng = resolveRng(options, context);
  const rows: number[][] = [], probability = new Float64Array(n), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const amount = 100 * Math.exp(rng.normal());
    const age = rng.int(18, 80), category = rng.int(0, 12);
    const visits = Math.floor(-Math.log(1 - rng.random()) * 2.5);
    const flag = rng.random() < 0.3 ? 1 : 0;
    const row = [amount, age, category, visits, flag];
    for (let k = 0; k < noise; k++) row.push(k % 2 === 0 ? rng.normal() : rng.int(0, 10));
    const z = TABULAR_CATEGORY_EFFECTS[category] + 1.2 * flag * (age >= 45 ? 1 : -1) +
      (amount > 150 ? 1 : -0.5) + (visits >= 3 ? 0.8 : 0) - 0.3;
    probability[i] = 1 / (1 + Math.exp(-signal * z));
    y[i] = rng.random() < probability[i] ? 1 : 0;
    rows.push(row);
  }
  return { rows, probability, y };
}
