import { assertInteger } from "../_shared/validate.ts";
import { permutation, type RandomOptions, resolveRng } from "../random/mod.ts";
import { stratifiedParts } from "./_allocate.ts";
import { checkK, type Fold, foldsFrom, type KFoldSplit } from "./_folds.ts";
import { groupRows } from "./_groups.ts";

export type { Fold, KFoldSplit };

/** Options of {@link kFold} and {@link stratifiedKFold}. */
export interface KFoldOptions extends RandomOptions {
  /** Number of folds, an integer with 2 ≤ k ≤ n. */
  k: number;
}

/**
 * k-fold cross-validation: rows are permuted with the seeded generator and
 * dealt into k folds of $\lfloor n/k \rfloor$ or $\lceil n/k \rceil$ rows
 * (the first $n \bmod k$ folds get the extra row, as in scikit-learn's `KFold`);
 * fold $f$ validates on its rows and trains on the rest, so every row is
 * validated exactly once.
 *
 * @param n Number of rows.
 * @param options `k` and `seed` or `rng`.
 * @returns The folds and the fold of every row.
 * @throws {RangeError} If `k` < 2 or `k` > `n`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kFold } from "@lib/splits/mod.ts";
 * const { folds } = kFold(10, { k: 3, seed: 2 });
 * assert.deepEqual(folds.map((f) => f.validation.length), [4, 3, 3]);
 * assert.deepEqual(folds.map((f) => f.train.length), [6, 7, 7]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function kFold(n: number, options: KFoldOptions): KFoldSplit {
  const context = "make a k-fold split";
  assertInteger(n, "n", context, { min: 1 });
  const k = checkK(options?.k, n, context);
  const order = permutation(n, { rng: resolveRng(options, context) });
  const foldOf = new Int32Array(n);
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    for (let j = start; j < start + size; j++) foldOf[order[j]] = f;
    start += size;
  }
  return foldsFrom(foldOf, k);
}

/**
 * Stratified k-fold: like {@link kFold}, but every fold keeps the class
 * proportions of `labels`. Class $c$ with $n_c$ rows puts
 * $\lfloor n_c/k \rfloor$ or $\lceil n_c/k \rceil$ rows in each fold, and each
 * fold has $\lfloor n/k \rfloor$ or $\lceil n/k \rceil$ rows (the same controlled
 * rounding as {@link stratifiedSplit}).
 *
 * Edge cases: every class needs at least `k` members (so that it appears in
 * every fold); a class with fewer – in particular a class of one – is an error
 * that names the class. (scikit-learn only warns here and builds folds without
 * the class.)
 *
 * @param labels The class of each row.
 * @param options `k` and `seed` or `rng`.
 * @returns The folds and the fold of every row.
 * @throws {RangeError} If `k` < 2, `k` > n, a label is missing, or a class has fewer
 *   than `k` members.
 *
 * @example Three classes, each spread evenly over three folds
 * ```ts
 * import assert from "node:assert/strict";
 * import { stratifiedKFold } from "@lib/splits/mod.ts";
 * const labels = [0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2];
 * const { folds } = stratifiedKFold(labels, { k: 3, seed: 7 });
 * for (const { validation } of folds) {
 *   const counts = [0, 1, 2].map((c) => [...validation].filter((i) => labels[i] === c).length);
 *   assert.deepEqual(counts, [1, 2, 1]);
 * }
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function stratifiedKFold(
  labels: ArrayLike<string | number>,
  options: KFoldOptions,
): KFoldSplit {
  const context = "make a stratified k-fold split";
  const { keys, members, n } = groupRows(labels, "labels", context);
  const k = checkK(options?.k, n, context);
  const rng = resolveRng(options, context);
  const sizes = Array.from({ length: k }, (_, f) => Math.floor(n / k) + (f < n % k ? 1 : 0));
  const ratios = new Array(k).fill(1 / k);
  const parts = stratifiedParts(keys, members, ratios, sizes, rng, context, "folds", k);
  const foldOf = new Int32Array(n);
  parts.forEach((rows, f) => rows.forEach((i) => (foldOf[i] = f)));
  return foldsFrom(foldOf, k);
}
