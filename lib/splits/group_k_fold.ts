import { raise } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng, shuffle } from "../random/mod.ts";
import { checkK, foldsFrom, type KFoldSplit } from "./_folds.ts";
import { groupRows } from "./_groups.ts";

/** Options of {@link groupKFold}. */
export interface GroupKFoldOptions extends RandomOptions {
  /** Number of folds, an integer with 2 ≤ k ≤ number of groups. */
  k: number;
}

/**
 * Group k-fold: every group (user, session, thread) lies in exactly one fold,
 * so no group is in training and validation at once. Groups are put in a
 * seeded random order, then stably sorted by size, largest first, and each is
 * given to the fold with the fewest rows so far (ties: the lowest fold) – the
 * greedy "largest first" rule of scikit-learn's `GroupKFold`, with random
 * tie-breaking among groups of equal size. Fold sizes then differ by at most
 * the size of the largest group.
 *
 * @param groups The group key of each row (string or number).
 * @param options `k` and `seed` or `rng`.
 * @returns The folds and the fold of every row.
 * @throws {RangeError} If `k` < 2, a group key is missing, or `k` exceeds the number
 *   of groups.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { groupKFold } from "@lib/splits/mod.ts";
 * const users = ["a", "a", "a", "b", "b", "c", "c", "d"];
 * const { folds, foldOf } = groupKFold(users, { k: 2, seed: 1 });
 * assert.deepEqual(folds.map((f) => f.validation.length).sort(), [4, 4]);
 * assert.equal(foldOf[0], foldOf[2]); // user "a" stays together
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function groupKFold(
  groups: ArrayLike<string | number>,
  options: GroupKFoldOptions,
): KFoldSplit {
  const context = "make a group k-fold split";
  const { members, n } = groupRows(groups, "groups", context);
  const k = checkK(options?.k, n, context);
  if (k > members.length) {
    raise(
      "range",
      context,
      `k must be at most the number of groups (${members.length}), got ${k}`,
    );
  }
  const rng = resolveRng(options, context);
  const order = shuffle(members, { rng }).sort((a, b) => b.length - a.length);
  const load = new Array<number>(k).fill(0);
  const foldOf = new Int32Array(n);
  for (const rows of order) {
    let f = 0;
    for (let g = 1; g < k; g++) if (load[g] < load[f]) f = g;
    load[f] += rows.length;
    for (const i of rows) foldOf[i] = f;
  }
  return foldsFrom(foldOf, k);
}
