/**
 * Brute-force references for the ranking metrics: the metric of one strict
 * ranking, and its mean over every order of the tied documents.
 */

/** All permutations of 0 … n − 1 (n ≤ 7). */
export function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)])
  );
}

/**
 * The mean of `metric(ranked grades)` over all orders that break the ties of
 * `scores`: documents sorted by decreasing score, ties in every order.
 */
export function meanOverTieOrders(
  grades: number[],
  scores: number[],
  metric: (rankedGrades: number[]) => number,
): number {
  let sum = 0, count = 0;
  const seen = new Set<string>();
  for (const p of permutations(grades.length)) {
    const order = grades.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || p[a] - p[b]);
    const key = order.join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    sum += metric(order.map((i) => grades[i]));
    count++;
  }
  return sum / count;
}

/** DCG@k of grades in rank order (discount 1 / log₂(i + 1), linear gain). */
export const dcgOfRanking = (ranked: number[], k: number) =>
  ranked.slice(0, k).reduce((s, g, i) => s + g / Math.log2(i + 2), 0);

/**
 * AP@k of grades in rank order, written from the definitions: the sum of
 * P@i at the relevant ranks i ≤ k over R ("relevant"), min(R, k) ("capped")
 * or the relevant documents in the top k ("hits"); 0 when that is 0.
 */
export function apOfRanking(
  ranked: number[],
  k: number,
  normalization: "relevant" | "capped" | "hits" = "capped",
): number {
  const relevant = ranked.filter((g) => g > 0).length;
  let hits = 0, sum = 0;
  ranked.slice(0, k).forEach((g, i) => {
    if (g > 0) sum += ++hits / (i + 1);
  });
  const n = normalization === "relevant"
    ? relevant
    : normalization === "capped"
    ? Math.min(relevant, k)
    : hits;
  return n === 0 ? 0 : sum / n;
}

/** 1 / rank of the first relevant document, 0 if none in the top k. */
export function rrOfRanking(ranked: number[], k = ranked.length): number {
  const i = ranked.findIndex((g) => g > 0);
  return i < 0 || i >= k ? 0 : 1 / (i + 1);
}
