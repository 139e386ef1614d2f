import { assertFiniteNumber, assertInteger, assertOpenUnit, raise } from "../_shared/validate.ts";
import { createRng, type RandomOptions, resolveRng, type Rng } from "../random/mod.ts";
import { normalCdf } from "./_stats.ts";
import { _teamDraft } from "./interleaving.ts";
import { welchTTest } from "./t_test.ts";

/** Options of {@link simulateRankerComparison}. */
export interface RankerComparisonOptions {
  /** Numbers of queries (users) per comparison, ascending. @default [100, 200, 400, 800, 1600] */
  queryCounts?: number[];
  /** Simulated comparisons per query count. @default 40 */
  repeats?: number;
  /** Candidate documents per query. @default 15 */
  documents?: number;
  /** Results shown per query. @default 8 */
  shown?: number;
  /** Share of relevant documents. @default 0.3 */
  relevantShare?: number;
  /** Ranker A scores a document rel·qualityA + N(0, 1). @default 1 */
  qualityA?: number;
  /** Ranker B's quality (better when larger than A's). @default 1.5 */
  qualityB?: number;
  /** Two-sided significance level of both tests. @default 0.05 */
  alpha?: number;
}

/** Result of {@link simulateRankerComparison}. */
export interface RankerComparison {
  /** The query counts. */
  queryCounts: number[];
  /** Share of comparisons in which the A/B test (Welch on clicks per query) found B better. */
  abPower: number[];
  /** Share in which interleaving (sign test of per-query wins) found B better. */
  interleavingPower: number[];
  /**
   * Per query count, the A/B test's statistic (Welch t, positive when B is better)
   * in each simulated comparison: its mean grows as √queries × sensitivity.
   */
  abStatistics: number[][];
  /** Per query count, the interleaving statistic z = (w_B − w_A)/√(w_B + w_A) per comparison. */
  interleavingStatistics: number[][];
  /** Mean clicks per query under A and B (their A/B effect). */
  clicksPerQuery: { a: number; b: number };
  /** Share of queries B wins / A wins / ties under interleaving. */
  preference: { b: number; a: number; ties: number };
}

function query(o: Required<RankerComparisonOptions>, rng: Rng) {
  const rel = Array.from({ length: o.documents }, () => (rng.random() < o.relevantShare ? 1 : 0));
  const order = (q: number) => {
    const s = rel.map((r) => r * q + rng.normal());
    return rel.map((_, d) => d).sort((x, y) => s[y] - s[x]);
  };
  return { rel, a: order(o.qualityA), b: order(o.qualityB) };
}

/**
 * Position-based clicks of a user with activity u: position k is examined with
 * probability 1/(k+1) and clicked with probability min(1, u·(0.4 if relevant, else 0.04)).
 */
function clicks(list: readonly number[], rel: readonly number[], u: number, rng: Rng): boolean[] {
  return list.map((d, k) =>
    rng.random() < 1 / (k + 1) && rng.random() < Math.min(1, u * (rel[d] ? 0.4 : 0.04))
  );
}

/**
 * Measures the sensitivity of interleaving against an A/B test for two rankers in
 * a simulated search engine: per query, `documents` candidates with binary
 * relevance; each ranker sorts them by rel·quality + N(0, 1); the user, with an
 * activity u = exp(N(−½, 1)) (mean 1; some users click much more than others), sees
 * `shown` results and clicks position k with probability
 * 1/(k + 1) × min(1, u·(0.4 if relevant, else 0.04)). The A/B test shows half the queries A and half B and
 * compares clicks per query (Welch); interleaving shows every query a
 * {@link teamDraftInterleave}d list and tests the wins of B against those of A
 * (two-sided sign test, z = (w_B − w_A)/√(w_B + w_A)). For each query count the
 * smaller experiments use the first queries of the largest one.
 *
 * @param options See {@link RankerComparisonOptions}.
 * @param random `{ seed }` or `{ rng }`.
 * @returns Detection rates (power, B truly better) per query count.
 * @throws {RangeError} On out-of-range options.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateRankerComparison } from "@lib/experiment/mod.ts";
 * const r = simulateRankerComparison({ queryCounts: [1000], repeats: 20 }, { seed: 1 });
 * assert.ok(r.interleavingPower[0] > r.abPower[0]);
 * ```
 */
export function simulateRankerComparison(
  options: RankerComparisonOptions,
  random: RandomOptions,
): RankerComparison {
  const context = "run simulateRankerComparison";
  const o: Required<RankerComparisonOptions> = {
    queryCounts: [100, 200, 400, 800, 1600],
    repeats: 40,
    documents: 15,
    shown: 8,
    relevantShare: 0.3,
    qualityA: 1,
    qualityB: 1.5,
    alpha: 0.05,
    ...options,
  };
  if (!Array.isArray(o.queryCounts) || o.queryCounts.length === 0) {
    raise("range", context, "queryCounts must be a non-empty array");
  }
  o.queryCounts.forEach((q, i) => {
    assertInteger(q, `queryCounts[${i}]`, context, { min: 4 });
    if (i > 0 && q <= o.queryCounts[i - 1]) {
      raise("range", context, `queryCounts must be ascending, got ${o.queryCounts}`);
    }
  });
  assertInteger(o.repeats, "repeats", context, { min: 1 });
  assertInteger(o.documents, "documents", context, { min: 2 });
  assertInteger(o.shown, "shown", context, { min: 1, max: o.documents });
  assertOpenUnit(o.relevantShare, "relevantShare", context);
  assertFiniteNumber(o.qualityA, "qualityA", context);
  assertFiniteNumber(o.qualityB, "qualityB", context);
  assertOpenUnit(o.alpha, "alpha", context);
  const rng = resolveRng(random, context), coin = createRng(rng.int(0, 2 ** 31));
  const counts = o.queryCounts, max = counts[counts.length - 1];
  const ab = new Array(counts.length).fill(0), il = new Array(counts.length).fill(0);
  const abZ: number[][] = counts.map(() => []), ilZ: number[][] = counts.map(() => []);
  let clicksA = 0, nA = 0, clicksB = 0, nB = 0, winsA = 0, winsB = 0;
  for (let rep = 0; rep < o.repeats; rep++) {
    const abClicks: number[][] = [[], []], wins: number[] = [];
    for (let q = 0; q < max; q++) {
      const { rel, a, b } = query(o, rng);
      const u = Math.exp(rng.normal(-0.5, 1)); // user activity, lognormal with mean 1
      const arm = q % 2; // alternate arms: half the queries each
      const shownList = (arm ? b : a).slice(0, o.shown);
      abClicks[arm].push(clicks(shownList, rel, u, rng).filter(Boolean).length);
      const mix = _teamDraft(a, b, o.shown, coin);
      const c = clicks(mix.items, rel, u, rng);
      let credit = 0;
      c.forEach((hit, k) => hit && (credit += mix.teams[k] === "B" ? 1 : -1));
      wins.push(Math.sign(credit));
    }
    counts.forEach((n, i) => {
      const t = welchTTest(abClicks[0].slice(0, n / 2), abClicks[1].slice(0, n / 2));
      if (t.significant && t.effect.estimate > 0) ab[i]++;
      abZ[i].push(t.statistic);
      const w = wins.slice(0, n),
        b = w.filter((x) => x > 0).length,
        a = w.filter((x) => x < 0).length;
      const z = b + a > 0 ? (b - a) / Math.sqrt(b + a) : 0;
      if (2 * normalCdf(-Math.abs(z)) <= o.alpha && z > 0) il[i]++;
      ilZ[i].push(z);
    });
    clicksA += abClicks[0].reduce((s, x) => s + x, 0), nA += abClicks[0].length;
    clicksB += abClicks[1].reduce((s, x) => s + x, 0), nB += abClicks[1].length;
    winsB += wins.filter((x) => x > 0).length, winsA += wins.filter((x) => x < 0).length;
  }
  const total = o.repeats * max;
  return {
    queryCounts: [...counts],
    abPower: ab.map((x) => x / o.repeats),
    interleavingPower: il.map((x) => x / o.repeats),
    abStatistics: abZ,
    interleavingStatistics: ilZ,
    clicksPerQuery: { a: clicksA / nA, b: clicksB / nB },
    preference: { b: winsB / total, a: winsA / total, ties: 1 - (winsA + winsB) / total },
  };
}
