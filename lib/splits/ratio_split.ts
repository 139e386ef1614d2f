import { permutation, type RandomOptions, resolveRng } from "../random/mod.ts";
import { checkedSizes, nameParts, type Ratios, sortedParts, type Split } from "./_ratios.ts";

/** Options of {@link ratioSplit}. */
export interface RatioSplitOptions<K extends string> extends RandomOptions {
  /**
   * Named ratios in part order, e.g. `{ train: 0.6, validation: 0.2, test: 0.2 }`;
   * non-negative and summing to 1 within 1e-9.
   */
  ratios: Ratios<K>;
}

/**
 * Splits rows 0 … n−1 at random into named parts of the given ratios
 * (60:20:20, 70:15:15, 80:20, …). The rows are permuted with the seeded
 * generator and cut into consecutive blocks whose sizes are the
 * largest-remainder rounding of $n \cdot r_p$ (see {@link splitSizes}), so each
 * part has $\lfloor n r_p \rfloor$ or $\lceil n r_p \rceil$ rows.
 *
 * Edge cases: indices inside a part are sorted ascending (shuffle them yourself
 * before stochastic gradient descent); a part whose size would round to zero is
 * an error rather than an empty array.
 *
 * @param n Number of rows.
 * @param options Ratios and `seed` or `rng`.
 * @returns The row indices of each part as `Int32Array`s, keyed by part name.
 * @throws {RangeError} If the ratios are negative or do not sum to 1, or a part would
 *   get no rows.
 * @throws {TypeError} If neither `seed` nor `rng` is given.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ratioSplit } from "@lib/splits/mod.ts";
 * const { train, validation, test } = ratioSplit(10, {
 *   ratios: { train: 0.6, validation: 0.2, test: 0.2 },
 *   seed: 42,
 * });
 * assert.deepEqual([train.length, validation.length, test.length], [6, 2, 2]);
 * const all = [...train, ...validation, ...test].sort((a, b) => a - b);
 * assert.deepEqual(all, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function ratioSplit<K extends string>(n: number, options: RatioSplitOptions<K>): Split<K> {
  const context = "make a ratio split";
  const { names, counts } = checkedSizes(n, options?.ratios, context);
  const order = permutation(n, { rng: resolveRng(options, context) });
  const parts: number[][] = [];
  let start = 0;
  for (const count of counts) {
    parts.push(Array.from(order.subarray(start, start + count)));
    start += count;
  }
  return nameParts<K>(names, sortedParts(parts));
}
