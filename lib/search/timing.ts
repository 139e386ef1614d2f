import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";
import { type InterleavedTimings, measureInterleaved } from "../capacity/interleaved.ts";

/** Options of {@link timePerQuery}. */
export interface TimePerQueryOptions {
  /** Timed passes over all queries at most. @default 5 */
  repeats?: number;
  /**
   * Time budget in ms: no further pass starts once the timed passes have taken this
   * long together (the first timed pass always runs). @default 250
   */
  budgetMs?: number;
}

/**
 * Mean wall-clock time per query of a search system, in milliseconds: one untimed
 * warm-up pass over `queries` (JIT compilation, caches), then up to `repeats` timed
 * passes, stopping early once they have spent `budgetMs`. The result is the fastest
 * pass divided by the number of queries,
 *
 * $$t = \min_{\text{pass}} \frac{t_\text{pass}}{\#\text{queries}},$$
 *
 * since other work on a shared machine only ever adds time. Results of `run` are
 * discarded. For statistics over many samples (median, percentiles) use `measure`
 * of `lib/capacity`.
 *
 * @param queries The queries, each passed to `run` in order (e.g. query ids).
 * @param run Answers one query (e.g. returns the ids of the top documents).
 * @param options `repeats` and `budgetMs`.
 * @returns The fastest mean time per query, in ms.
 * @throws {TypeError} If `queries` is not an array or `run` is not a function.
 * @throws {RangeError} If `queries` is empty, `repeats` is not a positive integer or
 *   `budgetMs` is negative or not finite.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bm25Search, createCorpus, timePerQuery, tokenize } from "@lib/search/mod.ts";
 * const corpus = createCorpus([
 *   { title: "A", body: "tax cuts for families", year: 1981 },
 *   { title: "B", body: "the war in Vietnam", year: 1973 },
 * ]);
 * const queries = [tokenize("tax"), tokenize("war")];
 * let calls = 0;
 * const ms = timePerQuery(queries, (terms) => {
 *   calls++;
 *   return bm25Search(corpus.index, terms, { k: 1 }).docIds;
 * }, { repeats: 3, budgetMs: 1000 });
 * assert.ok(ms >= 0 && Number.isFinite(ms));
 * assert.equal(calls, 2 * (1 + 3)); // a warm-up pass and three timed passes
 * ```
 */
export function timePerQuery<Q>(
  queries: readonly Q[],
  run: (query: Q) => unknown,
  options: TimePerQueryOptions = {},
): number {
  const context = "time timePerQuery";
  const { repeats = 5, budgetMs = 250 } = options;
  if (!Array.isArray(queries)) raise("type", context, "queries must be an array");
  if (queries.length === 0) raise("range", context, "queries must not be empty");
  if (typeof run !== "function") raise("type", context, "run must be a function");
  assertInteger(repeats, "repeats", context, { min: 1 });
  assertFiniteNumber(budgetMs, "budgetMs", context, { min: 0 });

  for (const query of queries) run(query); // warm-up
  let fastest = Infinity;
  for (let pass = 0, spent = 0; pass < repeats && (pass === 0 || spent < budgetMs); pass++) {
    const start = performance.now();
    for (const query of queries) run(query);
    const elapsed = performance.now() - start;
    spent += elapsed;
    fastest = Math.min(fastest, elapsed / queries.length);
  }
  return fastest;
}

/** Options of {@link timeQueriesInterleaved}. */
export interface TimeQueriesInterleavedOptions {
  /** Timed passes over the queries: every system answers every query this many times. @default 2 */
  passes?: number;
  /** Untimed rounds first (queries from the end of the list: JIT compilation, caches). @default 2 */
  warmup?: number;
}

/**
 * Times several search systems **interleaved**, one query per round: in round r every
 * system answers the same query (the queries in turn, `passes` times over), in an order
 * rotated from round to round ({@link measureInterleaved} of `lib/capacity`). A burst of
 * load from other tenants of a shared machine then hits all systems alike, and the ratio
 * of two systems' samples from the same round compares them on the same query
 * (`pairedRatios` of `lib/capacity`). Each system's samples are its times per query, in
 * ms; their median and IQR describe both the machine's noise and the spread over queries.
 *
 * @param systems The search systems by name; each answers one query.
 * @param queries The queries (e.g. query ids), at least one.
 * @param options `passes` and `warmup`.
 * @returns Per system, `samplesMs` (one per timed round, in query order, pass after
 *   pass) and their summary (median, q1, q3, iqr, p10, p90, …).
 * @throws {TypeError} If `queries` is not an array or a system is not a function.
 * @throws {RangeError} If `queries` or `systems` is empty, `passes` is not a positive
 *   integer or `warmup` a non-negative one.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { timeQueriesInterleaved } from "@lib/search/mod.ts";
 * const seen: string[] = [];
 * const t = await timeQueriesInterleaved({
 *   a: (q: number) => seen.push(`a${q}`),
 *   b: (q: number) => seen.push(`b${q}`),
 * }, [0, 1, 2], { passes: 1, warmup: 1 });
 * assert.equal(t.a.samplesMs.length, 3);
 * // A warm-up round on the last query, then rounds on queries 0, 1, 2, rotating the order.
 * assert.deepEqual(seen, ["a2", "b2", "b0", "a0", "a1", "b1", "b2", "a2"]);
 * ```
 */
export function timeQueriesInterleaved<K extends string, Q>(
  systems: Record<K, (query: Q) => unknown>,
  queries: readonly Q[],
  options: TimeQueriesInterleavedOptions = {},
): Promise<InterleavedTimings<K>> {
  const context = "time timeQueriesInterleaved";
  const { passes = 2, warmup = 2 } = options;
  if (!Array.isArray(queries)) raise("type", context, "queries must be an array");
  if (queries.length === 0) raise("range", context, "queries must not be empty");
  const names = Object.keys(systems ?? {}) as K[];
  if (names.length === 0) raise("range", context, "systems must name at least one system");
  for (const k of names) {
    if (typeof systems[k] !== "function") raise("type", context, `systems.${k} must be a function`);
  }
  assertInteger(passes, "passes", context, { min: 1 });
  assertInteger(warmup, "warmup", context, { min: 0 });
  const n = queries.length;
  // Call c of every system (0-based, warm-up included) answers query (c − warmup) mod n.
  const cycling = (run: (query: Q) => unknown) => {
    let call = 0;
    return () => run(queries[(((call++ - warmup) % n) + n) % n]);
  };
  const fns = Object.fromEntries(names.map((k) => [k, cycling(systems[k])])) as Record<
    K,
    () => unknown
  >;
  return measureInterleaved(fns, { warmup, repeats: passes * n });
}
