import { assertFiniteArray, assertInteger, raise } from "../_shared/validate.ts";
import { topK } from "./top_k.ts";

/**
 * NDCG@k of a ranked result list against the graded relevance of the whole
 * collection — the ideal ranking is taken over every document, so a relevant
 * document that the list misses lowers the score:
 *
 * $$\mathrm{NDCG@}k = \frac{\sum_{i=1}^{\min(k, |L|)} g_{L_i} / \log_2(i + 1)}
 *   {\sum_{i=1}^{k} g_{(i)} / \log_2(i + 1)},$$
 *
 * with linear gains $g$ (the grades), $L_i$ the i-th returned document and $g_{(i)}$
 * the i-th largest grade in the collection. A query without relevant documents
 * scores 0 (as `ndcgAtK` in `lib/metrics`).
 *
 * @param ranked Document ids, best first (may be shorter than k).
 * @param grades The grade of every document (≥ 0), indexed by document id.
 * @param options `k`. @default { k: 10 }
 * @returns A number in [0, 1].
 * @throws {RangeError} If a grade is negative or not finite, a ranked id is out of
 *   range or repeated, or `k` is not a positive integer.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ndcgOfRanking } from "@lib/search/mod.ts";
 * const grades = [0, 3, 0, 1];
 * assert.equal(ndcgOfRanking([1, 3], grades, { k: 2 }), 1);
 * assert.equal(ndcgOfRanking([3], grades, { k: 2 }), 1 / (3 + 1 / Math.log2(3)));
 * ```
 */
export function ndcgOfRanking(
  ranked: ArrayLike<number>,
  grades: ArrayLike<number>,
  options: { k?: number } = {},
): number {
  const context = "compute ndcgOfRanking";
  const { k = 10 } = options;
  assertInteger(k, "k", context, { min: 1 });
  assertFiniteArray(grades, "grades", context);
  for (let i = 0; i < grades.length; i++) {
    if (grades[i] < 0) raise("range", context, `grades[${i}] must be at least 0, got ${grades[i]}`);
  }
  const seen = new Set<number>();
  let dcg = 0;
  for (let i = 0; i < ranked.length; i++) {
    const d = ranked[i];
    assertInteger(d, `ranked[${i}]`, context, { min: 0, max: grades.length - 1 });
    if (seen.has(d)) raise("range", context, `ranked[${i}] repeats document ${d}`);
    seen.add(d);
    if (i < k) dcg += grades[d] / Math.log2(i + 2);
  }
  let ideal = 0;
  topK(grades, k).forEach((d, i) => (ideal += grades[d] / Math.log2(i + 2)));
  return ideal === 0 ? 0 : dcg / ideal;
}
