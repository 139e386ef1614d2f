import { checkedSizes, type Ratios } from "./_ratios.ts";

/**
 * The number of rows each part of a ratio split gets, by largest-remainder
 * (Hamilton) rounding of the quotas $q_p = n \cdot r_p$:
 *
 * $$ s_p = \lfloor q_p \rfloor + [\,p \text{ is among the } n - \textstyle\sum_q \lfloor q_q \rfloor
 *   \text{ parts with the largest } q_p - \lfloor q_p \rfloor\,] $$
 *
 * so every size is the floor or the ceiling of its quota ($|s_p - n r_p| < 1$)
 * and the sizes add up to $n$. Equal remainders go to the earlier part. Every
 * split in this module uses this rule for its target sizes.
 *
 * @param n Number of rows (an integer ≥ 1).
 * @param ratios Named ratios in part order, non-negative, summing to 1 within 1e-9.
 * @returns The size of each named part.
 * @throws {TypeError} If `ratios` is not an object of numbers.
 * @throws {RangeError} If a ratio is negative, the ratios do not sum to 1, there are
 *   fewer than two parts, or a part would get no rows.
 *
 * @example 70:15:15 of 10 rows: quotas 7, 1.5, 1.5; the spare row goes to the earlier tie
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitSizes } from "@lib/splits/mod.ts";
 * assert.deepEqual(
 *   splitSizes(10, { train: 0.7, validation: 0.15, test: 0.15 }),
 *   { train: 7, validation: 2, test: 1 },
 * );
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function splitSizes<K extends string>(n: number, ratios: Ratios<K>): Record<K, number> {
  const context = "compute split sizes";
  return checkedSizes(n, ratios, context).sizes as Record<K, number>;
}
