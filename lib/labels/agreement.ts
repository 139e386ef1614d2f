import { assertInteger, raise } from "../_shared/validate.ts";

/** Options of {@link cohenKappa}. */
export interface CohenKappaOptions {
  /** Number of classes. @default the largest label + 1, at least 2 */
  nClasses?: number;
}

/**
 * Cohen's κ: agreement between two annotators who labelled the same items,
 * corrected for the agreement expected by chance from their label shares,
 *
 * $$ \kappa = \frac{p_o - p_e}{1 - p_e}, \qquad p_o = \frac1n \sum_i [a_i = b_i], \qquad
 *    p_e = \sum_k \hat p^{A}_k\, \hat p^{B}_k . $$
 *
 * 1 is perfect agreement, 0 what chance gives, below 0 worse than chance.
 * When both annotators always give the same single class, $p_e = 1$ and κ is
 * `NaN` (agreement cannot be told from chance).
 *
 * @param labelsA Class of each item from the first annotator (integers ≥ 0).
 * @param labelsB Class of each item from the second annotator.
 * @param options `nClasses`.
 * @returns κ.
 * @throws {RangeError} On different lengths, no items, or a label that is not an integer in
 *   [0, nClasses).
 *
 * @example The worked example of Cohen's κ on Wikipedia: 20 yes–yes, 5 yes–no, 10 no–yes, 15 no–no
 * ```ts
 * import assert from "node:assert/strict";
 * import { cohenKappa } from "@lib/labels/mod.ts";
 * const a = [...Array(25).fill(1), ...Array(25).fill(0)];
 * const b = [...Array(20).fill(1), ...Array(5).fill(0), ...Array(10).fill(1), ...Array(15).fill(0)];
 * assert.ok(Math.abs(cohenKappa(a, b) - 0.4) < 1e-12); // p_o = 0.7, p_e = 0.5
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function cohenKappa(
  labelsA: ArrayLike<number>,
  labelsB: ArrayLike<number>,
  options: CohenKappaOptions = {},
): number {
  const context = "compute Cohen's kappa";
  const n = labelsA?.length;
  if (n !== labelsB?.length) {
    raise(
      "range",
      context,
      `labelsA and labelsB must have the same length, got ${n} and ${labelsB?.length}`,
    );
  }
  if (!(n > 0)) raise("range", context, "labelsA must hold at least one label");
  let largest = 1;
  for (let i = 0; i < n; i++) largest = Math.max(largest, labelsA[i], labelsB[i]);
  const k = options.nClasses ?? largest + 1;
  assertInteger(k, "nClasses", context, { min: 2 });
  const shareA = new Float64Array(k), shareB = new Float64Array(k);
  let agree = 0;
  for (let i = 0; i < n; i++) {
    for (const [name, v] of [["labelsA", labelsA[i]], ["labelsB", labelsB[i]]] as const) {
      if (!Number.isInteger(v) || v < 0 || v >= k) {
        raise("range", context, `${name}[${i}] must be an integer in [0, ${k}), got ${v}`);
      }
    }
    shareA[labelsA[i]] += 1 / n;
    shareB[labelsB[i]] += 1 / n;
    if (labelsA[i] === labelsB[i]) agree++;
  }
  const pe = shareA.reduce((s, p, c) => s + p * shareB[c], 0);
  return pe >= 1 - 1e-12 ? NaN : (agree / n - pe) / (1 - pe);
}

/**
 * Fleiss' κ: agreement among several annotators per item (not necessarily the
 * same annotators for every item), from the counts $n_{ij}$ of labels of class
 * $j$ given to item $i$, with the same number $m \ge 2$ of labels per item:
 *
 * $$ P_i = \frac{\sum_j n_{ij}(n_{ij} - 1)}{m(m - 1)},\quad \bar P = \frac1N\sum_i P_i,\quad
 *    p_j = \frac{\sum_i n_{ij}}{Nm},\quad \bar P_e = \sum_j p_j^2,\quad
 *    \kappa = \frac{\bar P - \bar P_e}{1 - \bar P_e} . $$
 *
 * `NaN` when every label is of one class ($\bar P_e = 1$).
 *
 * @param counts One row per item, one column per class: how many labels of that class it got.
 * @returns κ.
 * @throws {RangeError} If there are no items, rows differ in length or in their total, a
 *   count is not a non-negative integer, or an item has fewer than 2 labels.
 *
 * @example The worked example of Fleiss' κ on Wikipedia (10 items, 14 raters, 5 classes): κ ≈ 0.210
 * ```ts
 * import assert from "node:assert/strict";
 * import { fleissKappa } from "@lib/labels/mod.ts";
 * const counts = [
 *   [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
 *   [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
 * ];
 * assert.equal(fleissKappa(counts).toFixed(3), "0.210");
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number {
  const context = "compute Fleiss' kappa";
  if (!(counts?.length > 0)) {
    raise("range", context, "counts must hold at least one item");
  }
  const k = counts[0].length;
  const m = counts[0].reduce((s, v) => s + v, 0);
  const totals = new Float64Array(k);
  let sumP = 0;
  counts.forEach((row, i) => {
    if (row.length !== k) {
      raise(
        "range",
        context,
        `counts[${i}] must have ${k} classes like counts[0], got ${row.length}`,
      );
    }
    row.forEach((v, j) => assertInteger(v, `counts[${i}][${j}]`, context, { min: 0 }));
    const total = row.reduce((s, v) => s + v, 0);
    if (total !== m) {
      raise(
        "range",
        context,
        `every item must have the same number of labels, got ${m} and ${total} (item ${i})`,
      );
    }
    if (m < 2) raise("range", context, `every item must have at least 2 labels, got ${m}`);
    sumP += row.reduce((s, v) => s + v * (v - 1), 0) / (m * (m - 1));
    row.forEach((v, j) => (totals[j] += v));
  });
  const n = counts.length;
  const meanP = sumP / n;
  const pe = totals.reduce((s, t) => s + (t / (n * m)) ** 2, 0);
  return pe >= 1 - 1e-12 ? NaN : (meanP - pe) / (1 - pe);
}
