import { type RandomOptions, resolveRng } from "../random/mod.ts";
import { stratifiedParts } from "./_allocate.ts";
import { groupRows } from "./_groups.ts";
import {
  checkedSizes,
  emptyPart,
  nameParts,
  type Ratios,
  sortedParts,
  type Split,
} from "./_ratios.ts";

/** Options of {@link stratifiedSplit}. */
export interface StratifiedSplitOptions<K extends string> extends RandomOptions {
  /** Named ratios in part order, non-negative and summing to 1 within 1e-9. */
  ratios: Ratios<K>;
}

/**
 * Splits rows at random into named parts of the given ratios while keeping the
 * class proportions of `labels` in every part. For class $c$ with $n_c$ rows
 * and part $p$ with ratio $r_p$, the part receives
 *
 * $$ n_{c,p} \in \{\lfloor n_c r_p \rfloor, \lceil n_c r_p \rceil\}, \qquad
 *    \textstyle\sum_c n_{c,p} \in \{\lfloor n r_p \rfloor, \lceil n r_p \rceil\} $$
 *
 * rows: every class is within one row of its proportion in every part, and
 * every part is within one row of its size (a controlled rounding of the
 * class × part table, which always exists). Among such roundings the one whose
 * part sizes equal {@link splitSizes} is chosen whenever the table allows it (it
 * did in every property test). Which rows of a class go where,
 * and which part receives a class's spare row, are drawn from the seeded
 * generator.
 *
 * Edge cases: labels are strings or numbers (`1` and `"1"` are different
 * classes); a class with fewer members than there are parts (for example a
 * class of one) is an error, because it cannot appear in every part – even with
 * enough members a class whose quota $n_c r_p$ is below one half may be absent
 * from part $p$. Indices inside a part are sorted ascending.
 *
 * @param labels The class of each row.
 * @param options Ratios and `seed` or `rng`.
 * @returns The row indices of each part, keyed by part name.
 * @throws {RangeError} On bad ratios, a part with no rows, a missing label, or a class
 *   with fewer members than parts.
 *
 * @example Two classes of 8 and 4 rows, split 50:50 – each half gets 4 and 2
 * ```ts
 * import assert from "node:assert/strict";
 * import { stratifiedSplit } from "@lib/splits/mod.ts";
 * const labels = ["a", "a", "a", "a", "a", "a", "a", "a", "b", "b", "b", "b"];
 * const { train, test } = stratifiedSplit(labels, { ratios: { train: 0.5, test: 0.5 }, seed: 1 });
 * const countB = (idx: Int32Array) => [...idx].filter((i) => labels[i] === "b").length;
 * assert.deepEqual([train.length, countB(train), test.length, countB(test)], [6, 2, 6, 2]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function stratifiedSplit<K extends string>(
  labels: ArrayLike<string | number>,
  options: StratifiedSplitOptions<K>,
): Split<K> {
  const context = "make a stratified split";
  const { keys, members, n } = groupRows(labels, "labels", context);
  const { names, values, counts } = checkedSizes(n, options?.ratios, context);
  const rng = resolveRng(options, context);
  const parts = stratifiedParts(keys, members, values, counts, rng, context, "parts", names.length);
  parts.forEach((p, i) => {
    if (p.length === 0) emptyPart(context, names[i], values[i], n);
  });
  return nameParts<K>(names, sortedParts(parts));
}
