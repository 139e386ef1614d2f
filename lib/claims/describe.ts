import { assertInteger, raise } from "../_shared/validate.ts";
import type { PairedComparison } from "./paired.ts";
import type { Summary } from "./summarize.ts";

/** Options of the sentence builders. */
export interface DescribeOptions {
  /** Significant digits of every number. @default 3 */
  digits?: number;
}

/** `x` with `digits` significant digits and a true minus sign. */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  const s = String(Number(x.toPrecision(digits)));
  return s.startsWith("-") ? `−${s.slice(1)}` : s;
}

function percent(level: number): string {
  return `${Number((level * 100).toPrecision(4))} %`;
}

/**
 * A sentence that reads a paired comparison, its verdict word chosen by the
 * numbers: "A beats B by 0.031 (95 % CI of A − B: 0.012 to 0.05, n = 18)",
 * "A falls behind B by …" or "A and B are within noise of each other
 * (difference …)". For a loss (`higherIsBetter: false`), beating means a lower value.
 *
 * @param nameA What A is called in the sentence.
 * @param nameB What B is called.
 * @param comparison The result of {@link pairedComparison} for A against B.
 * @param options `digits`.
 * @returns The sentence (no final full stop).
 * @throws {TypeError} If a name is empty or `comparison` lacks a verdict.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { describeComparison, pairedComparison } from "@lib/claims/mod.ts";
 * const c = pairedComparison([3, 4, 5, 6], [1, 2, 4, 4]);
 * assert.equal(
 *   describeComparison("BM25", "TF-IDF", c),
 *   "BM25 beats TF-IDF by 1.75 (95 % CI of BM25 − TF-IDF: 0.954 to 2.55, n = 4)",
 * );
 * ```
 */
export function describeComparison(
  nameA: string,
  nameB: string,
  comparison: PairedComparison,
  { digits = 3 }: DescribeOptions = {},
): string {
  const context = "describe a comparison";
  if (typeof nameA !== "string" || nameA === "") raise("type", context, "nameA must be a name");
  if (typeof nameB !== "string" || nameB === "") raise("type", context, "nameB must be a name");
  if (!comparison || !["better", "worse", "within noise"].includes(comparison.verdict)) {
    raise("type", context, "comparison must come from pairedComparison()");
  }
  assertInteger(digits, "digits", context, { min: 1, max: 15 });
  const f = (x: number) => formatNumber(x, digits);
  const { diff, low, high, n, level, verdict } = comparison;
  const interval = `${f(low)} to ${f(high)}, n = ${n}`;
  if (verdict === "within noise") {
    return `${nameA} and ${nameB} are within noise of each other (difference ${f(diff)}, ${
      percent(level)
    } CI ${interval})`;
  }
  const word = verdict === "better" ? "beats" : "falls behind";
  return `${nameA} ${word} ${nameB} by ${f(Math.abs(diff))} (${
    percent(level)
  } CI of ${nameA} − ${nameB}: ${interval})`;
}

/**
 * A summary as text: "0.812 (95 % CI 0.801 to 0.823, n = 5)", or
 * "0.812 (n = 1)" when the spread is unknown.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatSummary, summarize } from "@lib/claims/mod.ts";
 * assert.equal(formatSummary(summarize([1, 2, 3, 4, 5])), "3 (95 % CI 1.04 to 4.96, n = 5)");
 * ```
 */
export function formatSummary(summary: Summary, { digits = 3 }: DescribeOptions = {}): string {
  const context = "format a summary";
  if (!summary || typeof summary.mean !== "number") {
    raise("type", context, "summary must come from summarize()");
  }
  assertInteger(digits, "digits", context, { min: 1, max: 15 });
  const f = (x: number) => formatNumber(x, digits);
  if (Number.isNaN(summary.low)) return `${f(summary.mean)} (n = ${summary.n})`;
  return `${f(summary.mean)} (${percent(summary.level)} CI ${f(summary.low)} to ${
    f(summary.high)
  }, n = ${summary.n})`;
}
