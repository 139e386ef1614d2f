import { assertFiniteArray, assertFiniteNumber, raise } from "../_shared/validate.ts";

/**
 * The Gini coefficient of non-negative amounts (impressions per item, income
 * per person): 0 when everybody has the same, $1 - 1/n$ when one has all.
 * With the values sorted ascending, $x_{(1)} \le \dots \le x_{(n)}$,
 *
 * $$ G = \frac{\sum_i \sum_j |x_i - x_j|}{2 n^2 \bar x}
 *      = \frac{2 \sum_{i=1}^n i\, x_{(i)}}{n \sum_i x_i} - \frac{n + 1}{n}. $$
 *
 * Edge case: all zeros give 0 (nothing to share, so nothing unequal).
 *
 * @param values Non-negative amounts.
 * @returns G in [0, 1 − 1/n].
 * @throws {RangeError} If `values` is empty or holds a negative or non-finite value.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { giniCoefficient } from "@lib/bias/mod.ts";
 * assert.equal(giniCoefficient([5, 5, 5, 5]), 0);
 * assert.equal(giniCoefficient([0, 0, 0, 8]), 0.75); // 1 − 1/4
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function giniCoefficient(values: ArrayLike<number>): number {
  const context = "compute giniCoefficient";
  assertFiniteArray(values, "values", context);
  const sorted = Float64Array.from(values).sort();
  if (sorted[0] < 0) raise("range", context, `values must be non-negative, got ${sorted[0]}`);
  const n = sorted.length;
  let total = 0, weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (total === 0) return 0;
  return Math.max(0, (2 * weighted) / (n * total) - (n + 1) / n);
}

/**
 * The share of the total held by the largest $k = \lceil f n \rceil$ values,
 * e.g. the share of all impressions that went to the top 1 % of items:
 *
 * $$ S_f = \frac{\sum_{i > n - k} x_{(i)}}{\sum_i x_i}. $$
 *
 * Under perfect equality $S_f \approx f$.
 *
 * @param values Non-negative amounts.
 * @param fraction The top fraction $f$ in (0, 1].
 * @returns The share in [0, 1] (0 when the total is 0).
 * @throws {RangeError} If `values` is empty or negative, or `fraction` is outside (0, 1].
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { topShare } from "@lib/bias/mod.ts";
 * assert.equal(topShare([1, 1, 1, 7], 0.25), 0.7);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function topShare(values: ArrayLike<number>, fraction: number): number {
  const context = "compute topShare";
  assertFiniteArray(values, "values", context);
  assertFiniteNumber(fraction, "fraction", context);
  if (fraction <= 0 || fraction > 1) {
    raise("range", context, `fraction must be in (0, 1], got ${fraction}`);
  }
  const sorted = Float64Array.from(values).sort();
  if (sorted[0] < 0) raise("range", context, `values must be non-negative, got ${sorted[0]}`);
  const n = sorted.length, k = Math.ceil(fraction * n - 1e-9);
  let total = 0, top = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    if (i >= n - k) top += sorted[i];
  }
  return total === 0 ? 0 : top / total;
}
