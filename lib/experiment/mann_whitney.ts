import { assertFiniteArray, assertOneOf, raise } from "../_shared/validate.ts";
import { EXACT_WORK_LIMIT, exactUpperTail, exactWork } from "./_mann_whitney_exact.ts";
import {
  interval,
  normalCdf,
  normalQuantile,
  symmetricPValue,
  testDecision,
  testOptions,
} from "./_stats.ts";
import type { Alternative, TestOptions, TestResult } from "./types.ts";

/**
 * How {@link mannWhitneyU} computes its p-value: `"exact"` from the
 * permutation distribution of U (no tie correction), `"asymptotic"` from the
 * normal approximation (tie- and continuity-corrected), `"auto"` as scipy:
 * exact when a sample has at most 8 observations and no value is tied.
 */
export type MannWhitneyMethod = "auto" | "exact" | "asymptotic";

/** Options of {@link mannWhitneyU}. */
export interface MannWhitneyOptions extends TestOptions {
  /** Apply the continuity correction of ½ (scipy's `use_continuity`; asymptotic only). @default true */
  continuity?: boolean;
  /** The p-value's method; see {@link MannWhitneyMethod}. @default "auto" */
  method?: MannWhitneyMethod;
}

/** Result of {@link mannWhitneyU}. */
export interface MannWhitneyResult extends TestResult {
  /**
   * The standardised statistic (continuity- and tie-corrected), behind the
   * p-value when `method` is `"asymptotic"`; reported for `"exact"` too.
   */
  zStatistic: number;
  /** The method the p-value came from (`"auto"` resolved). */
  method: "exact" | "asymptotic";
  /** U / (n_c·n_t) = P(T > C) + ½·P(T = C): the AUC of treatment against control. */
  probabilityOfSuperiority: number;
}

/**
 * Average ranks (1-based) of the concatenation of `a` and `b`, and the tie
 * term Σ(t³ − t) over groups of tied values.
 */
function rankTies(a: ArrayLike<number>, b: ArrayLike<number>) {
  const n = a.length + b.length;
  const values = new Float64Array(n);
  for (let i = 0; i < a.length; i++) values[i] = a[i];
  for (let i = 0; i < b.length; i++) values[a.length + i] = b[i];
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => values[i] - values[j]);
  const ranks = new Float64Array(n);
  let tieTerm = 0;
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    const t = end - start, rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    tieTerm += t * t * t - t;
    start = end;
  }
  return { ranks, tieTerm };
}

/** The exact p-value of U (of the treatment) as scipy: tails of U_t or U_c, U rounded down. */
function exactPValue(
  u: number,
  nc: number,
  nt: number,
  alternative: Alternative,
  context: string,
): number {
  const uc = nc * nt - u;
  const tail = Math.floor(
    alternative === "greater" ? u : alternative === "less" ? uc : Math.max(u, uc),
  );
  if (exactWork(tail, nc, nt) > EXACT_WORK_LIMIT) {
    raise(
      "range",
      context,
      `method "exact" would take ${
        exactWork(tail, nc, nt).toExponential(1)
      } steps for samples of ${nc} and ${nt}; use method "asymptotic"`,
    );
  }
  const p = exactUpperTail(tail, nc, nt);
  return alternative === "two-sided" ? Math.min(1, 2 * p) : p;
}

/**
 * Mann–Whitney U test (Wilcoxon rank-sum), as scipy
 * `mannwhitneyu(treatment, control, method=…)` (same U, same p-values, same
 * choice of method).
 *
 * U is the statistic of the treatment sample, U = R_t − n_t(n_t+1)/2 with R_t the
 * sum of its average ranks; U > n_c·n_t/2 means the treatment tends to be larger.
 *
 * **Exact** (`method: "exact"`, or `"auto"` when min(n_c, n_t) ≤ 8 and no value
 * is tied — scipy's rule in `_mwu_choose_method`, 1.10 to 1.17; its docstring
 * says "less than 8", its code tests `n1 > 8 and n2 > 8` for asymptotic): the
 * p-value is a tail of the permutation distribution of U under H₀, computed
 * by the recurrence on the largest observation (Mann & Whitney 1947),
 * $$p_{m,n}(u) = \tfrac{m}{m+n}\,p_{m-1,n}(u-n) + \tfrac{n}{m+n}\,p_{m,n-1}(u)$$
 * "greater": P(U ≥ U_t); "less": P(U ≥ U_c) with U_c = n_c n_t − U_t;
 * two-sided: min(1, 2·P(U ≥ max(U_t, U_c))). With ties (only when forced)
 * U is rounded down and no correction is made, as scipy. The cost grows as
 * n_c·n_t·min(U, n_c n_t − U); beyond 2·10⁸ steps (about a second; 200 + 200
 * observations near H₀) `"exact"` throws and asks for `"asymptotic"`.
 *
 * **Asymptotic** (`"asymptotic"`, or `"auto"` otherwise):
 * $$z = \frac{U - n_c n_t/2 - \tfrac12\,\mathrm{sign}}{\sigma_U},\qquad
 *   \sigma_U^2 = \frac{n_c n_t}{12}\left((n+1) - \frac{\sum_j (t_j^3 - t_j)}{n(n-1)}\right)$$
 * where t_j are the sizes of groups of ties, and sign is +1 for "greater",
 * −1 for "less" and sign(U − n_c n_t/2) for "two-sided" (the correction always
 * moves z towards 0; `continuity: false` drops it). If every value is tied, z
 * is NaN and so is the p-value.
 *
 * The effect is the rank-biserial correlation r = P(T > C) − P(T < C) = 2U/(n_c n_t) − 1
 * (a "treatment minus control" on the probability scale), with an interval from
 * the Hanley–McNeil (1982) variance of the AUC A = U/(n_c n_t):
 * $$\operatorname{Var}(A) = \frac{A(1-A) + (n_t-1)\left(\frac{A}{2-A} - A^2\right)
 *   + (n_c-1)\left(\frac{2A^2}{1+A} - A^2\right)}{n_c n_t}$$
 * There is no relative effect (`relativeEffect` is `null`).
 *
 * @param control Control observations (non-empty, finite).
 * @param treatment Treatment observations (non-empty, finite).
 * @param options `alpha` (0.05), `alternative` ("two-sided"), `continuity` (true),
 *   `method` ("auto").
 * @throws {RangeError} If a sample is empty or holds a non-finite value, `alpha`
 *   is outside (0, 1), `method` is unknown, or `"exact"` would take too long.
 * @see notebooks/04_experimentation.ipynb
 *
 * @example scipy's docstring example (ages at diagnosis, males vs females)
 * ```ts
 * import assert from "node:assert/strict";
 * import { mannWhitneyU } from "@lib/experiment/mod.ts";
 * const males = [19, 22, 16, 29, 24], females = [20, 11, 17, 12];
 * // scipy mannwhitneyu(males, females): U = 17, exact p = 2·P(U ≥ 17) = 14/126
 * const r = mannWhitneyU(females, males);
 * assert.equal(r.statistic, 17);
 * assert.equal(r.method, "exact");
 * assert.ok(Math.abs(r.pValue - 1 / 9) < 1e-15);
 * // mannwhitneyu(males, females, method="asymptotic"): p = 0.11134688653314041
 * const normal = mannWhitneyU(females, males, { method: "asymptotic" });
 * assert.ok(Math.abs(normal.pValue - 0.11134688653314041) < 1e-12);
 * ```
 */
export function mannWhitneyU(
  control: ArrayLike<number>,
  treatment: ArrayLike<number>,
  options?: MannWhitneyOptions,
): MannWhitneyResult {
  const context = "run mannWhitneyU";
  assertFiniteArray(control, "control", context);
  assertFiniteArray(treatment, "treatment", context);
  const { alpha, alternative } = testOptions(options, context);
  const continuity = options?.continuity ?? true;
  if (typeof continuity !== "boolean") {
    raise("type", context, `continuity must be a boolean, got ${typeof continuity}`);
  }
  const requested = options?.method ?? "auto";
  assertOneOf(requested, ["auto", "exact", "asymptotic"], "method", context);
  const nt = treatment.length, nc = control.length, n = nt + nc;
  const { ranks, tieTerm } = rankTies(treatment, control);
  let rankSum = 0;
  for (let i = 0; i < nt; i++) rankSum += ranks[i];
  const u = rankSum - nt * (nt + 1) / 2;
  const mu = nc * nt / 2;
  const s = Math.sqrt(nc * nt / 12 * ((n + 1) - tieTerm / (n * (n - 1))));
  let numerator = u - mu;
  const sign = alternative === "greater" ? 1 : alternative === "less" ? -1 : Math.sign(numerator);
  if (continuity) numerator -= 0.5 * sign;
  const z = numerator / s;
  const method = requested !== "auto"
    ? requested
    : Math.min(nc, nt) <= 8 && tieTerm === 0
    ? "exact"
    : "asymptotic";
  const pValue = method === "exact"
    ? exactPValue(u, nc, nt, alternative, context)
    : symmetricPValue(z, normalCdf, alternative);
  const a = u / (nc * nt);
  const varA = (a * (1 - a) + (nt - 1) * (a / (2 - a) - a * a) +
    (nc - 1) * (2 * a * a / (1 + a) - a * a)) / (nc * nt);
  const auc = interval(a, Math.sqrt(Math.max(0, varA)), alpha, alternative, normalQuantile);
  const clip = (v: number) => Math.min(1, Math.max(-1, v));
  return {
    ...testDecision("Mann-Whitney U test", u, pValue, alternative, alpha),
    effect: {
      estimate: 2 * a - 1,
      lower: clip(2 * auc.lower - 1),
      upper: clip(2 * auc.upper - 1),
    },
    relativeEffect: null,
    zStatistic: z,
    method,
    probabilityOfSuperiority: a,
  };
}
