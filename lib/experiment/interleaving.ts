import { assertInteger, raise } from "../_shared/validate.ts";
import type { Rng } from "../random/mod.ts";

/** Result of {@link teamDraftInterleave}: the merged list and who contributed each item. */
export interface Interleaving<T> {
  /** The interleaved list shown to the user. */
  items: T[];
  /** Per position, the ranker whose pick it was: `"A"` or `"B"`. */
  teams: ("A" | "B")[];
}

/**
 * Team-draft interleaving (Radlinski, Kurup & Joachims 2008, "How does
 * clickthrough data reflect retrieval quality?"): like captains picking teams,
 * the ranker with fewer picks so far (a coin decides ties) adds its highest-ranked
 * item not yet in the list, until the list has `length` items or a ranker runs
 * out. A click on an item credits its team; the ranker with more credited clicks
 * wins the query. Both rankers' lists are shown to the *same* user, which removes
 * the between-user variance that makes A/B tests of rankers need many users.
 *
 * @param rankingA Items in ranker A's order (distinct).
 * @param rankingB Items in ranker B's order (distinct).
 * @param length Length of the merged list (integer ≥ 1).
 * @param rng A seeded generator from `createRng` (the coin of tied rounds).
 * @returns See {@link Interleaving}.
 * @throws {RangeError} If `length` is not an integer ≥ 1 or a ranking has duplicates.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { teamDraftInterleave } from "@lib/experiment/mod.ts";
 * import { createRng } from "@lib/random/mod.ts";
 * const r = teamDraftInterleave(["a", "b", "c", "d"], ["b", "d", "a", "c"], 4, createRng(1));
 * assert.equal(new Set(r.items).size, 4);
 * assert.equal(r.teams.filter((t) => t === "A").length, 2); // picks alternate by rounds
 * ```
 */
export function teamDraftInterleave<T>(
  rankingA: readonly T[],
  rankingB: readonly T[],
  length: number,
  rng: Rng,
): Interleaving<T> {
  const context = "run teamDraftInterleave";
  if (!Array.isArray(rankingA) || !Array.isArray(rankingB)) {
    raise("type", context, "rankingA and rankingB must be arrays");
  }
  assertInteger(length, "length", context, { min: 1 });
  for (const [name, r] of [["rankingA", rankingA], ["rankingB", rankingB]] as const) {
    if (new Set(r).size !== r.length) raise("range", context, `${name} must not repeat an item`);
  }
  return _teamDraft(rankingA, rankingB, length, rng);
}

/** {@link teamDraftInterleave} without input checks, for simulations. */
export function _teamDraft<T>(
  rankingA: readonly T[],
  rankingB: readonly T[],
  length: number,
  rng: Rng,
): Interleaving<T> {
  const items: T[] = [], teams: ("A" | "B")[] = [], used = new Set<T>();
  let nA = 0, nB = 0, iA = 0, iB = 0;
  const next = (r: readonly T[], i: number) => {
    while (i < r.length && used.has(r[i])) i++;
    return i;
  };
  while (items.length < length) {
    iA = next(rankingA, iA), iB = next(rankingB, iB);
    if (iA >= rankingA.length || iB >= rankingB.length) break;
    const pickA = nA < nB || (nA === nB && rng.random() < 0.5);
    const item = pickA ? rankingA[iA] : rankingB[iB];
    items.push(item), teams.push(pickA ? "A" : "B"), used.add(item);
    if (pickA) nA++;
    else nB++;
  }
  return { items, teams };
}
