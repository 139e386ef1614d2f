/**
 * Conclusions that are computed and checked (every chapter): visible claim
 * checks, and the uncertainty a verdict needs — repeats over seeds with a
 * t interval, percentile bootstrap intervals (moving blocks for a time series,
 * ratios over users),
 * paired comparisons — with
 * sentences whose verdict word is chosen by the numbers.
 *
 * A claim displays "✓ …" or "✗ …" in the notebook; the notebook runner and the
 * seed sweep (`deno task workbook --sweep`) fail on a ✗.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { claim, describeComparison, pairedComparison } from "@lib/claims/mod.ts";
 * const ranker = [0.61, 0.72, 0.55, 0.80, 0.67], bm25 = [0.52, 0.70, 0.41, 0.74, 0.60];
 * const c = pairedComparison(ranker, bm25);
 * assert.match(describeComparison("the ranker", "BM25", c), /^the ranker beats BM25 by 0.076/);
 * assert.ok(claim(c.verdict === "better", "the ranker beats BM25").ok);
 * ```
 *
 * @see notebooks/00_tour.ipynb
 * @module
 */
export * from "./claim.ts";
export * from "./summarize.ts";
export * from "./repeat.ts";
export * from "./bootstrap.ts";
export * from "./block_bootstrap.ts";
export * from "./ratio_bootstrap.ts";
export * from "./ece_bootstrap.ts";
export * from "./paired.ts";
export * from "./describe.ts";
