// Private: validation and hit counting for the metrics on ranked id lists.
import { assertInteger, raise } from "../_shared/validate.ts";
import { apDenominator } from "./_ranking_conventions.ts";

/** An item (document, product, passage) identifier: a number or a string. */
export type ItemId = number | string;

/** The relevant items of a query: a set, or an array without repeats. */
export type RelevantItems = ReadonlySet<ItemId> | ArrayLike<ItemId>;

function assertId(id: unknown, name: string, context: string): asserts id is ItemId {
  if (typeof id === "string") return;
  if (typeof id !== "number" || !Number.isFinite(id)) {
    const shown = typeof id === "number" ? String(id) : typeof id;
    raise("type", context, `${name} must be a finite number or a string, got ${shown}`);
  }
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** Validates the relevant items and returns them as a set. */
export function relevantSet(relevant: unknown, name: string, context: string): Set<ItemId> {
  if (relevant instanceof Set) {
    for (const id of relevant) assertId(id, `${name} (a set)`, context);
    return relevant as Set<ItemId>;
  }
  if (!isArrayLike(relevant)) {
    raise("type", context, `${name} must be a Set or an array of item ids`);
  }
  const set = new Set<ItemId>();
  for (let i = 0; i < relevant.length; i++) {
    const id = relevant[i];
    assertId(id, `${name}[${i}]`, context);
    if (set.has(id)) raise("range", context, `${name}[${i}] repeats item ${JSON.stringify(id)}`);
    set.add(id);
  }
  return set;
}

/** The ranks (1-based, ≤ k) at which `ranked` holds a relevant item; checks ids and repeats. */
export function hitRanks(
  relevant: Set<ItemId>,
  ranked: unknown,
  k: number,
  name: string,
  context: string,
): number[] {
  if (!isArrayLike(ranked)) raise("type", context, `${name} must be an array of item ids`);
  const seen = new Set<ItemId>();
  const ranks: number[] = [];
  for (let i = 0; i < ranked.length; i++) {
    const id = ranked[i];
    assertId(id, `${name}[${i}]`, context);
    if (seen.has(id)) raise("range", context, `${name}[${i}] repeats item ${JSON.stringify(id)}`);
    seen.add(id);
    if (i < k && relevant.has(id)) ranks.push(i + 1);
  }
  return ranks;
}

/** `k` as an integer ≥ 1, or Infinity (the whole list) when omitted. */
export function cutOff(k: unknown, context: string): number {
  if (k === undefined) return Infinity;
  assertInteger(k, "k", context, { min: 1 });
  return k;
}

/** Validates one query and returns |R|, the hit ranks within k, k and the list length. */
export function rankingHits(
  relevant: unknown,
  ranked: unknown,
  k: unknown,
  names: [string, string],
  context: string,
) {
  const set = relevantSet(relevant, names[0], context);
  const cut = cutOff(k, context);
  const ranks = hitRanks(set, ranked, cut, names[1], context);
  return { relevant: set.size, ranks, k: cut, length: (ranked as ArrayLike<ItemId>).length };
}

/** P@k of validated hits: hits / k (k omitted: the list's length). */
export function precisionOfHits(
  hits: { ranks: number[]; k: number; length: number },
  name: string,
  context: string,
): number {
  const denominator = Number.isFinite(hits.k) ? hits.k : hits.length;
  if (denominator === 0) raise("range", context, `${name} is empty and no k is given`);
  return hits.ranks.length / denominator;
}

/** Σ_{j-th hit at rank i} j / i, over the normaliser (0 when it is 0). */
export function averagePrecisionOfHits(
  hits: { relevant: number; ranks: number[]; k: number },
  normalization: unknown,
  context: string,
): number {
  const denominator = apDenominator(normalization, hits.relevant, hits.k, context);
  if (hits.relevant === 0) return NaN;
  let sum = 0;
  hits.ranks.forEach((rank, j) => (sum += (j + 1) / rank));
  const d = denominator(hits.ranks.length);
  return d === 0 ? 0 : sum / d;
}
