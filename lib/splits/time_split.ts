import { assertNumberArray, raise } from "../_shared/validate.ts";
import { chooseCuts } from "./_cuts.ts";
import { checkedSizes, nameParts, type Ratios, type Split } from "./_ratios.ts";

/** Options of {@link timeSplit}. */
export interface TimeSplitOptions<K extends string> {
  /**
   * Named ratios from the oldest part to the most recent, e.g.
   * `{ train: 0.7, validation: 0.15, test: 0.15 }`; summing to 1 within 1e-9.
   */
  ratios: Ratios<K>;
}

/**
 * Splits rows by time: the first part gets the oldest rows, the last part the
 * most recent, so a model is trained on the past and validated and tested on
 * the future it will meet in production. Rows are sorted by time (ties by row
 * index) and cut near the largest-remainder sizes of {@link splitSizes}.
 *
 * Rows with the same time always stay in one part: when a cut would fall inside
 * a run of equal times it moves to the nearer end of the run (equal distances:
 * to the start, so the tied rows go to the more recent part), and never so far
 * that a part is left empty. Hence
 *
 * $$ \max_{i \in \text{part } p} t_i < \min_{i \in \text{part } p+1} t_i . $$
 *
 * Not random: the same times always give the same split. Indices inside a part
 * are in time order (ties by row index).
 *
 * @param times One time per row as a number (e.g. `date.getTime()` or a year).
 * @param options The ratios, oldest part first.
 * @returns The row indices of each part, keyed by part name.
 * @throws {RangeError} On bad ratios, a `NaN` or infinite time, or fewer distinct
 *   times than parts.
 * @throws {TypeError} If `times` is not an array of numbers.
 *
 * @example Ties at the boundary stay together
 * ```ts
 * import assert from "node:assert/strict";
 * import { timeSplit } from "@lib/splits/mod.ts";
 * const years = [2001, 2000, 2003, 2002, 2002, 2004];
 * const { train, test } = timeSplit(years, { ratios: { train: 0.5, test: 0.5 } });
 * // Target 3 + 3 would separate the two 2002 rows; the cut moves to keep them in test.
 * assert.deepEqual([...train], [1, 0]);
 * assert.deepEqual([...test], [3, 4, 2, 5]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function timeSplit<K extends string>(
  times: ArrayLike<number>,
  options: TimeSplitOptions<K>,
): Split<K> {
  const context = "make a time split";
  assertNumberArray(times, "times", context);
  for (let i = 0; i < times.length; i++) {
    if (typeof times[i] !== "number") {
      raise("type", context, `times[${i}] must be a number, got ${typeof times[i]}`);
    }
    if (!Number.isFinite(times[i])) {
      raise("range", context, `times[${i}] must be a finite time, got ${times[i]}`);
    }
  }
  const n = times.length;
  const { names, counts } = checkedSizes(n, options?.ratios, context);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
  const allowed = [0];
  for (let j = 1; j < n; j++) if (times[order[j]] !== times[order[j - 1]]) allowed.push(j);
  allowed.push(n);
  const cuts = chooseCuts(allowed, counts);
  if (cuts === undefined) {
    raise(
      "range",
      context,
      `only ${allowed.length - 1} distinct times for ${names.length} parts ` +
        "(rows with the same time stay in one part)",
    );
  }
  const bounds = [0, ...cuts, n];
  const parts = names.map((_, p) => Int32Array.from(order.slice(bounds[p], bounds[p + 1])));
  return nameParts<K>(names, parts);
}
