// Private: the exact null distribution of the Mann–Whitney U statistic.

/** Largest m·n·(tail length) the exact tail is allowed to cost (≈ 1 s). */
export const EXACT_WORK_LIMIT = 2e8;

/**
 * P(U ≤ c) under H₀ for samples of sizes m and n without ties, from the
 * recurrence on the largest observation (Mann & Whitney 1947): it belongs to
 * the first sample with probability m/(m+n), and then beats all n of the
 * second, so
 * p_{m,n}(u) = m/(m+n)·p_{m−1,n}(u − n) + n/(m+n)·p_{m,n−1}(u).
 * Every term is a non-negative probability, so there is no cancellation and
 * no overflow; cost O(m·n·c).
 */
function lowerTail(c: number, m: number, n: number): number {
  if (c < 0) return 0;
  const length = c + 1;
  const rows = () => Array.from({ length: n + 1 }, () => new Float64Array(length));
  let prev = rows(), cur = rows();
  for (let j = 0; j <= n; j++) prev[j][0] = 1; // i = 0: U = 0
  cur[0][0] = 1; // j = 0: U = 0, in every row
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const a = i / (i + j), b = j / (i + j);
      const from = prev[j], left = cur[j - 1], out = cur[j];
      for (let u = 0; u < j && u < length; u++) out[u] = b * left[u];
      for (let u = j; u < length; u++) out[u] = b * left[u] + a * from[u - j];
    }
    [prev, cur] = [cur, prev];
  }
  let sum = 0;
  for (let u = 0; u < length; u++) sum += prev[n][u];
  return Math.min(1, sum);
}

/**
 * P(U ≥ u) for the exact null distribution of U (sizes m, n, no ties), with
 * U symmetric about m·n/2: P(U ≥ u) = P(U ≤ m·n − u), or 1 − P(U ≤ u − 1),
 * whichever needs the shorter tail.
 */
export function exactUpperTail(u: number, m: number, n: number): number {
  const mn = m * n;
  if (u <= 0) return 1;
  if (u > mn) return 0;
  const [small, large] = m <= n ? [m, n] : [n, m];
  return mn - u <= u - 1
    ? lowerTail(mn - u, small, large)
    : Math.max(0, 1 - lowerTail(u - 1, small, large));
}

/** The work {@link exactUpperTail} does for U = u: m·n·(tail length). */
export function exactWork(u: number, m: number, n: number): number {
  return m * n * (Math.min(m * n - u, u - 1) + 1);
}
