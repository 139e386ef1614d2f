/**
 * The per-query computations behind the ranking metrics. Documents are
 * ordered by decreasing score; documents with equal scores form a tied
 * group, and every metric is the expected value over all orders of the tied
 * documents (McSherry & Najork 2008), as scikit-learn's `ndcg_score` with
 * `ignore_ties=False`. The result is then independent of the input order.
 *
 * @module
 */

import { assertOneOf, raise } from "../_shared/validate.ts";
import { assertPair, assertRelevance, type NumberArray, resolveK } from "./_validate.ts";

/** How relevance grades become gains. */
export type Gain = "linear" | "exponential";

/** Validates one query: paired, non-empty, finite, relevance ≥ 0. */
export function assertQuery(
  yTrue: unknown,
  yScore: unknown,
  names: [string, string],
  context: string,
): asserts yTrue is NumberArray {
  assertPair(yTrue, yScore, names, context);
  assertRelevance(yTrue, names[0], context);
}

/**
 * The tied groups that cover the top k positions of a query, in order of
 * decreasing score: for group g, its size (all its members, also those past
 * k), the sum of its gains and its number of relevant (grade > 0)
 * documents. The order inside a group never matters, so no argsort is
 * needed: the k largest scores (or all, sorted) give the group values, and
 * a binary search places each document.
 */
export interface TiedGroups {
  count: number;
  size: Float64Array;
  gain: Float64Array;
  relevant: Float64Array;
}

/** Up to this k, the k largest values are kept in an insertion buffer (O(n·k) worst case). */
const SMALL_K = 64;

/** The k largest values (with repeats), in decreasing order. */
export function largest(values: NumberArray, k: number): Float64Array {
  const n = values.length;
  if (k > SMALL_K || k >= n) {
    const sorted = Float64Array.from(values).sort().reverse();
    return sorted.subarray(0, Math.min(k, n));
  }
  const top = new Float64Array(k);
  let filled = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (filled === k && !(v > top[k - 1])) continue;
    let j = filled < k ? filled++ : k - 1;
    while (j > 0 && top[j - 1] < v) {
      top[j] = top[j - 1];
      j--;
    }
    top[j] = v;
  }
  return top;
}

export function tiedGroups(
  yTrue: NumberArray,
  yScore: NumberArray,
  k: number,
  gains?: Float64Array,
): TiedGroups {
  const n = yScore.length;
  const top = largest(yScore, k);
  const cut = top[top.length - 1];
  const distinct = new Float64Array(top.length);
  let count = 0;
  for (let i = 0; i < top.length; i++) {
    if (count === 0 || top[i] !== distinct[count - 1]) distinct[count++] = top[i];
  }
  const size = new Float64Array(count), gain = new Float64Array(count);
  const relevant = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    const s = yScore[i];
    if (s < cut) continue;
    let lo = 0, hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid] > s) lo = mid + 1;
      else hi = mid;
    }
    size[lo]++;
    if (gains !== undefined) gain[lo] += gains[i];
    if (yTrue[i] > 0) relevant[lo]++;
  }
  return { count, size, gain, relevant };
}

/** The number of relevant (grade > 0) documents. */
export function countRelevant(yTrue: NumberArray): number {
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] > 0) total++;
  return total;
}

/** The discount of 0-based position p: 1 / log₂(p + 2), computed as scikit-learn. */
export function discount(p: number): number {
  return 1 / (Math.log(p + 2) / Math.LN2);
}

/** The gains of a query: the grades, or 2^rel − 1 (checked for overflow). */
export function gainsOf(
  yTrue: NumberArray,
  gain: Gain,
  name: string,
  context: string,
): Float64Array {
  const gains = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const rel = yTrue[i];
    gains[i] = gain === "linear" ? rel : 2 ** rel - 1;
    if (!Number.isFinite(gains[i])) {
      raise("range", context, `${name}[${i}] = ${rel} overflows the exponential gain 2^rel − 1`);
    }
  }
  return gains;
}

/** DCG@k with tied groups averaged: Σ_groups mean gain × Σ discounts in the top k. */
export function tieAveragedDcg(
  yTrue: NumberArray,
  yScore: NumberArray,
  k: number,
  gains: Float64Array,
) {
  const { count, size, gain } = tiedGroups(yTrue, yScore, k, gains);
  let total = 0;
  for (let g = 0, start = 0; g < count && start < k; start += size[g], g++) {
    let discounts = 0;
    for (let p = start; p < Math.min(start + size[g], k); p++) discounts += discount(p);
    total += (gain[g] / size[g]) * discounts;
  }
  return total;
}

/** The ideal DCG@k: gains sorted in decreasing order. */
export function idealDcg(gains: Float64Array, k: number): number {
  const top = largest(gains, k);
  let total = 0;
  for (let p = 0; p < top.length; p++) total += top[p] * discount(p);
  return total;
}

/** Relevant documents in total, and expected among the top k. */
export function tieAveragedHits(yTrue: NumberArray, yScore: NumberArray, k: number) {
  const { count, size, relevant } = tiedGroups(yTrue, yScore, k);
  let top = 0;
  for (let g = 0, start = 0; g < count && start < k; start += size[g], g++) {
    top += (Math.min(size[g], k - start) * relevant[g]) / size[g];
  }
  return { total: countRelevant(yTrue), top };
}

/**
 * Expected 1 / rank of the first relevant document, or 0 when it ranks below
 * k. In the first group with r relevant of g tied documents, the first
 * relevant one is at offset j with probability C(g−j, r−1) / C(g, r).
 */
export function tieAveragedReciprocalRank(
  yTrue: NumberArray,
  yScore: NumberArray,
  k: number = yScore.length,
): number {
  const { count, size, relevant } = tiedGroups(yTrue, yScore, k);
  for (let q = 0, start = 0; q < count && start < k; start += size[q], q++) {
    const g = size[q], r = relevant[q];
    if (r === 0) continue;
    let prob = r / g, expected = 0;
    for (let j = 1; j <= Math.min(g - r + 1, k - start); j++) {
      expected += prob / (start + j);
      prob *= (g - j - r + 1) / (g - j);
    }
    return expected;
  }
  return 0;
}

/** ln C(n, m) by summing logarithms (n is a group size, small). */
function lnChoose(n: number, m: number): number {
  let total = 0;
  for (let i = 1; i <= m; i++) total += Math.log((n - m + i) / i);
  return total;
}

/**
 * Expected AP@k with denominator `denominator(hits)`, hits the number of
 * relevant documents in the top k (AP = 0 when the denominator is 0).
 * Groups wholly inside the top k are fixed; in the group that straddles
 * rank k (start s, size g, r relevant, t = k − s of its places in the top k)
 * the number h of relevant documents in the top k is hypergeometric, and
 * given h, rank i = s + j has E[rel_i · hits(i)] = (h/t)(c + 1 + (j − 1)(h − 1)/(t − 1))
 * with c relevant documents before the group (McSherry & Najork 2008).
 */
export function tieAveragedAveragePrecision(
  yTrue: NumberArray,
  yScore: NumberArray,
  k: number,
  denominator: (hits: number) => number,
): number {
  const { count, size, relevant } = tiedGroups(yTrue, yScore, k);
  const contribution = (start: number, places: number, h: number, before: number) => {
    let sum = 0;
    for (let j = 1; j <= places && h > 0; j++) {
      const within = places > 1 ? ((j - 1) * (h - 1)) / (places - 1) : 0;
      sum += ((h / places) * (before + 1 + within)) / (start + j);
    }
    return sum;
  };
  let sum = 0, before = 0, q = 0, start = 0;
  for (; q < count && start + size[q] <= k; start += size[q], q++) {
    sum += contribution(start, size[q], relevant[q], before);
    before += relevant[q];
  }
  const ratio = (s: number, hits: number) => {
    const d = denominator(hits);
    return d === 0 ? 0 : s / d;
  };
  if (q === count || start >= k) return ratio(sum, before);
  const g = size[q], r = relevant[q], t = k - start;
  let expected = 0;
  const lnTotal = lnChoose(g, t);
  for (let h = Math.max(0, t - (g - r)); h <= Math.min(r, t); h++) {
    const p = Math.exp(lnChoose(r, h) + lnChoose(g - r, t - h) - lnTotal);
    expected += p * ratio(sum + contribution(start, t, h, before), before + h);
  }
  return expected;
}

/** Options of {@link dcgAtK} and {@link ndcgAtK}. */
export interface DcgOptions {
  /** Cut-off: only the top k positions count (integer ≥ 1; k > n means all). @default n (all documents) */
  k?: number;
  /**
   * `"linear"`: gain = relevance grade (Järvelin & Kekäläinen 2002,
   * scikit-learn's `dcg_score`/`ndcg_score`); `"exponential"`: gain =
   * 2^rel − 1 (Burges et al. 2005), which stresses highly relevant documents.
   * @default "linear"
   */
  gain?: Gain;
}

/** Resolves options for one query of length n. */
export function dcgSettings(options: DcgOptions, n: number, context: string) {
  const { gain = "linear" } = options;
  assertOneOf(gain, ["linear", "exponential"], "gain", context);
  return { k: resolveK(options.k, n, context), gain };
}

/** NDCG of a validated query. */
export function ndcgOfQuery(
  yTrue: NumberArray,
  yScore: NumberArray,
  k: number,
  gain: Gain,
  name: string,
  context: string,
): number {
  const gains = gainsOf(yTrue, gain, name, context);
  const ideal = idealDcg(gains, k);
  return ideal === 0 ? 0 : tieAveragedDcg(yTrue, yScore, k, gains) / ideal;
}
