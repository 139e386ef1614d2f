import { assertFiniteArray, assertOneOf } from "../../_shared/validate.ts";
import { _sorted } from "./_bins.ts";
import { _kolmogorovSf } from "./_kolmogorov.ts";

/** How {@link ksTwoSample} computes its p-value, as SciPy `ks_2samp(method=…)`. */
export type KsMethod = "auto" | "exact" | "asymp";

/** Options of {@link ksTwoSample}. */
export interface KsOptions {
  /**
   * `"exact"`: the exact null distribution of the statistic (no ties assumed);
   * `"asymp"`: the one-sample distribution with n = round(m·n/(m+n)) (SciPy ≥ 1.5);
   * `"auto"`: exact when both samples have at most 10,000 values. @default "auto"
   */
  method?: KsMethod;
}

/** Result of {@link ksTwoSample}. */
export interface KsResult {
  /** D = maxₓ |F₁(x) − F₂(x)|, rounded to a multiple of 1/lcm(n₁, n₂) as SciPy does. */
  statistic: number;
  /** Two-sided p-value P(D ≥ d) under H₀: both samples come from one continuous distribution. */
  pValue: number;
  /** The method used (`"auto"` resolved). */
  method: "exact" | "asymp";
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Exact two-sided tail: the probability that a uniformly random lattice path from
 * (0, 0) to (n₁, n₂) reaches |x·n₂ − y·n₁|/g ≥ h, as the first-exit mass of the walk
 * that steps right with probability (n₁ − x)/(n₁ + n₂ − x − y).
 */
function exactTail(n1: number, n2: number, h: number): number {
  const g = gcd(n1, n2), a = n2 / g, b = n1 / g;
  const inside = (x: number, y: number) => Math.abs(x * a - y * b) < h;
  let row = new Float64Array(n2 + 1), next = new Float64Array(n2 + 1);
  row[0] = 1;
  let lo = 0, hi = 0, out = 0;
  for (let x = 0; x <= n1; x++) {
    let nlo = n2 + 1, nhi = -1;
    next.fill(0, 0, n2 + 1);
    for (let y = lo; y <= hi; y++) {
      const p = row[y];
      if (p === 0) continue;
      const left = n1 + n2 - x - y;
      if (left === 0) continue;
      if (y < n2) { // step up, within this column
        const q = p * (n2 - y) / left;
        if (inside(x, y + 1)) {
          row[y + 1] += q;
          if (y + 1 > hi) hi = y + 1;
        } else out += q;
      }
      if (x < n1) {
        const q = p * (n1 - x) / left;
        if (inside(x + 1, y)) {
          next[y] += q;
          if (y < nlo) nlo = y;
          if (y > nhi) nhi = y;
        } else out += q;
      }
    }
    [row, next] = [next, row];
    lo = nlo;
    hi = nhi;
    if (nhi < 0) break;
  }
  return Math.min(1, out);
}

/**
 * Two-sample Kolmogorov–Smirnov test (two-sided), as SciPy's
 * `scipy.stats.ks_2samp(a, b, method=…)`: the statistic
 * $$D = \max_x \lvert F_a(x) - F_b(x)\rvert$$
 * of the two empirical CDFs, and P(D ≥ d) under the null that both samples come from
 * the same continuous distribution. `"exact"` sums the lattice paths that leave the band
 * |x/n₁ − y/n₂| < d (Hodges 1958); `"asymp"` uses the one-sample Kolmogorov
 * distribution with n = round(n₁n₂/(n₁+n₂)) (Simard & L'Ecuyer 2011); `"auto"` picks
 * exact when max(n₁, n₂) ≤ 10,000. With ties (discrete features) the p-value is
 * conservative. The exact method costs O(n₁·n₂) at worst.
 *
 * @param a First sample (finite, non-empty).
 * @param b Second sample (finite, non-empty).
 * @param options `method` (default `"auto"`).
 * @returns `{ statistic, pValue, method }`.
 * @throws {TypeError} If a sample is not a numeric array.
 * @throws {RangeError} If a sample is empty or not finite, or `method` is unknown.
 * @see notebooks/07_debugging.ipynb
 * @example SciPy: `ks_2samp([1, 2, 3], [4, 5, 6])` gives D = 1, p = 0.1 (= 2/C(6,3))
 * ```ts
 * import assert from "node:assert/strict";
 * import { ksTwoSample } from "@lib/debug/mod.ts";
 * const r = ksTwoSample([1, 2, 3], [4, 5, 6]);
 * assert.equal(r.statistic, 1);
 * assert.ok(Math.abs(r.pValue - 0.1) < 1e-12);
 * assert.equal(r.method, "exact");
 * ```
 */
export function ksTwoSample(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: KsOptions = {},
): KsResult {
  const context = "compute ksTwoSample";
  const { method = "auto" } = options;
  assertFiniteArray(a, "a", context);
  assertFiniteArray(b, "b", context);
  assertOneOf(method, ["auto", "exact", "asymp"], "method", context);
  const sa = _sorted(a), sb = _sorted(b);
  const n1 = sa.length, n2 = sb.length;
  const g = gcd(n1, n2), lcm = (n1 / g) * n2;
  // Largest |i·n₂ − j·n₁| after all values ≤ x are counted, as an integer.
  let i = 0, j = 0, best = 0;
  while (i < n1 || j < n2) {
    const x = j >= n2 || (i < n1 && sa[i] <= sb[j]) ? sa[i] : sb[j];
    while (i < n1 && sa[i] === x) i++;
    while (j < n2 && sb[j] === x) j++;
    best = Math.max(best, Math.abs(i * n2 - j * n1));
  }
  const h = best / g; // an integer: D·lcm
  const statistic = h / lcm;
  const used = method === "auto" ? (Math.max(n1, n2) <= 10000 ? "exact" : "asymp") : method;
  if (h === 0) return { statistic, pValue: 1, method: used };
  const pValue = used === "exact"
    ? exactTail(n1, n2, h)
    : _kolmogorovSf(Math.round(n1 * n2 / (n1 + n2)), statistic);
  return { statistic, pValue, method: used };
}
