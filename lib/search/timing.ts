import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";

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
