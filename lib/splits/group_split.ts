import { raise } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng, shuffle } from "../random/mod.ts";
import { chooseCuts } from "./_cuts.ts";
import { groupRows } from "./_groups.ts";
import { checkedSizes, nameParts, type Ratios, sortedParts, type Split } from "./_ratios.ts";

/** Options of {@link groupSplit}. */
export interface GroupSplitOptions<K extends string> extends RandomOptions {
  /** Named ratios of rows in part order, non-negative and summing to 1 within 1e-9. */
  ratios: Ratios<K>;
}

/**
 * Splits rows into named parts so that no group (a user, a session, an e-mail
 * thread) has rows in two parts – otherwise a model is rewarded for
 * recognising the user rather than for generalising. The groups are put in a
 * seeded random order, their rows laid end to end, and the sequence is cut at
 * the group boundaries nearest to the largest-remainder targets
 * (see {@link splitSizes}; equal distances go to the earlier boundary).
 *
 * Sizes follow the ratios only as closely as whole groups allow: a cut lands
 * within half a group of its target, so a part is within one largest group of
 * $n \cdot r_p$ rows. With few groups a cut may move further, because every part
 * keeps at least one group. Indices inside a part are sorted ascending.
 *
 * @param groups The group key of each row (string or number).
 * @param options Ratios and `seed` or `rng`.
 * @returns The row indices of each part, keyed by part name.
 * @throws {RangeError} On bad ratios, a missing group key, or fewer groups than parts.
 *
 * @example No user appears on both sides
 * ```ts
 * import assert from "node:assert/strict";
 * import { groupSplit } from "@lib/splits/mod.ts";
 * const users = ["u1", "u1", "u2", "u3", "u3", "u3", "u4", "u5"];
 * const { train, test } = groupSplit(users, { ratios: { train: 0.75, test: 0.25 }, seed: 3 });
 * const trainUsers = new Set([...train].map((i) => users[i]));
 * assert.ok([...test].every((i) => !trainUsers.has(users[i])));
 * assert.equal(train.length + test.length, users.length);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function groupSplit<K extends string>(
  groups: ArrayLike<string | number>,
  options: GroupSplitOptions<K>,
): Split<K> {
  const context = "make a group split";
  const { members, n } = groupRows(groups, "groups", context);
  const { names, counts } = checkedSizes(n, options?.ratios, context);
  const rng = resolveRng(options, context);
  const order = shuffle(members, { rng });
  const allowed = [0];
  for (const rows of order) allowed.push(allowed[allowed.length - 1] + rows.length);
  const cuts = chooseCuts(allowed, counts);
  if (cuts === undefined) {
    raise("range", context, `only ${order.length} groups for ${names.length} parts`);
  }
  const bounds = [0, ...cuts, n];
  const parts: number[][] = names.map(() => []);
  let part = 0;
  for (let g = 0; g < order.length; g++) {
    while (allowed[g] >= bounds[part + 1]) part++;
    parts[part].push(...order[g]);
  }
  return nameParts<K>(names, sortedParts(parts));
}
