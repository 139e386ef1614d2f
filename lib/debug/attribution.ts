import { assertInteger, raise } from "../_shared/validate.ts";

/** A two-stage retrieval system seen as components, for {@link attributeFunnel}. */
export interface Funnel<Q> {
  /** The selector: candidate item ids for a query, best first. */
  select(query: Q): readonly number[];
  /** The ranker: the given candidates reordered, best first (all of them). */
  rank(query: Q, candidates: readonly number[]): readonly number[];
  /** The items judged relevant to the query. */
  relevant(query: Q): readonly number[];
}

/** Per-query result of {@link attributeFunnel}. */
export interface FunnelQueryAttribution {
  /** Relevant items. */
  numRelevant: number;
  /** Share of the relevant items among the selector's candidates. */
  selectorRecall: number;
  /** Share of the relevant items in the final top k. */
  finalRecall: number;
  /** Final recall with a perfect selector (relevant items swapped into the candidates). */
  perfectSelectorRecall: number;
  /** Final recall with a perfect ranker (relevant candidates ranked first). */
  perfectRankerRecall: number;
  /** Relevant items lost by the selector, and by the ranker (selected but below k). */
  lostBySelector: number;
  lostByRanker: number;
}

/** Result of {@link attributeFunnel}: means over queries and the per-query rows. */
export interface FunnelAttribution {
  selectorRecall: number;
  finalRecall: number;
  perfectSelectorRecall: number;
  perfectRankerRecall: number;
  /** Share of all lost relevant items that the selector lost. */
  selectorShareOfLosses: number;
  perQuery: FunnelQueryAttribution[];
}

/** Where one relevant item went in {@link traceQuery}. */
export interface ItemTrace {
  item: number;
  /** 0-based position in the selector's candidates, or -1 if not selected. */
  selectorRank: number;
  /** 0-based position in the ranker's order, or -1 if not selected. */
  rankerRank: number;
  /** Where the item was lost, or "returned" if it is in the top k. */
  outcome: "lost by selector" | "lost by ranker" | "returned";
}

function check<Q>(funnel: Funnel<Q>, k: number, context: string): void {
  for (const m of ["select", "rank", "relevant"] as const) {
    if (typeof funnel?.[m] !== "function") raise("type", context, `funnel.${m} must be a function`);
  }
  assertInteger(k, "k", context, { min: 1 });
}

function oneQuery<Q>(q: Q, funnel: Funnel<Q>, k: number): FunnelQueryAttribution | null {
  const relevant = new Set(funnel.relevant(q));
  if (relevant.size === 0) return null;
  const candidates = funnel.select(q);
  const ranked = funnel.rank(q, candidates);
  const top = ranked.slice(0, k);
  const hits = (ids: readonly number[]) => ids.reduce((s, id) => s + (relevant.has(id) ? 1 : 0), 0);
  const selected = hits(candidates), returned = hits(top);
  // Perfect selector: every relevant item is a candidate; the list keeps its length by
  // dropping the selector's lowest non-relevant candidates.
  const missing = [...relevant].filter((id) => !candidates.includes(id));
  const kept = candidates.filter((id) => relevant.has(id));
  const filler = candidates.filter((id) => !relevant.has(id))
    .slice(0, Math.max(0, candidates.length - kept.length - missing.length));
  const oracleCandidates = [...kept, ...missing, ...filler];
  const perfectSelector = hits(funnel.rank(q, oracleCandidates).slice(0, k));
  const perfectRanker = Math.min(selected, k);
  const r = relevant.size;
  return {
    numRelevant: r,
    selectorRecall: selected / r,
    finalRecall: returned / r,
    perfectSelectorRecall: perfectSelector / r,
    perfectRankerRecall: perfectRanker / r,
    lostBySelector: r - selected,
    lostByRanker: selected - returned,
  };
}

/**
 * Component attribution for a selector + ranker funnel, over many queries:
 *
 * - **per-stage recall** of all relevant items: the share among the selector's
 *   candidates, and in the final top k;
 * - **oracle substitution**: the final recall with a perfect selector (the relevant items
 *   replace the selector's weakest non-relevant candidates, the real ranker orders
 *   them) and with a perfect ranker (the real candidates, relevant first);
 * - where the lost relevant items went: dropped by the selector, or selected but ranked
 *   below k. The component whose substitution gains more is the one to improve.
 *
 * Queries without relevant items are skipped.
 *
 * @param queries The queries.
 * @param funnel The selector, ranker and relevance judgements.
 * @param options `k`: results returned (default 10).
 * @returns Means over queries and per-query rows.
 * @throws {TypeError} If a funnel member is not a function.
 * @throws {RangeError} If `k` is not a positive integer or no query has a relevant item.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { attributeFunnel } from "@lib/debug/mod.ts";
 * // Items 0–9; relevant {1, 8}; the selector keeps 0–4, the ranker keeps their order.
 * const funnel = {
 *   select: () => [0, 1, 2, 3, 4],
 *   rank: (_q: number, c: readonly number[]) => [...c],
 *   relevant: () => [1, 8],
 * };
 * const a = attributeFunnel([0], funnel, { k: 3 });
 * assert.equal(a.selectorRecall, 0.5);
 * assert.equal(a.finalRecall, 0.5);
 * assert.equal(a.perfectSelectorRecall, 1); // 8 enters the candidates in place of 4 …
 * assert.equal(a.perfectRankerRecall, 0.5); // … while a perfect ranker cannot find it
 * ```
 */
export function attributeFunnel<Q>(
  queries: readonly Q[],
  funnel: Funnel<Q>,
  options: { k?: number } = {},
): FunnelAttribution {
  const context = "run attributeFunnel";
  const { k = 10 } = options;
  check(funnel, k, context);
  if (!Array.isArray(queries)) raise("type", context, "queries must be an array");
  const rows = queries.map((q) => oneQuery(q, funnel, k)).filter((r) => r !== null);
  if (rows.length === 0) raise("range", context, "at least one query must have a relevant item");
  const mean = (f: (r: FunnelQueryAttribution) => number) =>
    rows.reduce((s, r) => s + f(r), 0) / rows.length;
  const bySel = rows.reduce((s, r) => s + r.lostBySelector, 0);
  const byRank = rows.reduce((s, r) => s + r.lostByRanker, 0);
  return {
    selectorRecall: mean((r) => r.selectorRecall),
    finalRecall: mean((r) => r.finalRecall),
    perfectSelectorRecall: mean((r) => r.perfectSelectorRecall),
    perfectRankerRecall: mean((r) => r.perfectRankerRecall),
    selectorShareOfLosses: bySel + byRank === 0 ? 0 : bySel / (bySel + byRank),
    perQuery: rows,
  };
}

/**
 * Single-example tracing: follows every relevant item of one query through the funnel
 * and says where it was lost.
 *
 * @param query The query.
 * @param funnel The selector, ranker and relevance judgements.
 * @param options `k`: results returned (default 10).
 * @returns One {@link ItemTrace} per relevant item, in the order of `funnel.relevant`.
 * @throws {TypeError} If a funnel member is not a function.
 * @throws {RangeError} If `k` is not a positive integer.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { traceQuery } from "@lib/debug/mod.ts";
 * const funnel = {
 *   select: () => [0, 1, 2, 3],
 *   rank: (_q: string, c: readonly number[]) => [...c].reverse(),
 *   relevant: () => [0, 3, 9],
 * };
 * const t = traceQuery("q", funnel, { k: 2 });
 * assert.deepEqual(t.map((r) => r.outcome), ["lost by ranker", "returned", "lost by selector"]);
 * ```
 */
export function traceQuery<Q>(
  query: Q,
  funnel: Funnel<Q>,
  options: { k?: number } = {},
): ItemTrace[] {
  const context = "run traceQuery";
  const { k = 10 } = options;
  check(funnel, k, context);
  const candidates = funnel.select(query);
  const ranked = funnel.rank(query, candidates);
  return funnel.relevant(query).map((item) => {
    const selectorRank = candidates.indexOf(item), rankerRank = ranked.indexOf(item);
    const outcome = selectorRank < 0
      ? "lost by selector"
      : rankerRank >= 0 && rankerRank < k
      ? "returned"
      : "lost by ranker";
    return { item, selectorRank, rankerRank, outcome };
  });
}
