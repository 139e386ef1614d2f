import { raise } from "../_shared/validate.ts";
import { _boundedLeastSquares } from "./_least_squares.ts";
import { _checkObservations, _FIELDS, _termOf } from "./_cost_terms.ts";
import { COST_FORMS, type CostForm, type CostObservation } from "./cost_forms.ts";

/** Options of {@link fitCostModel} and {@link compareCostModels}. */
export interface CostFitOptions {
  /** Fit a constant overhead c ≥ 0 as well (else c = 0). @default false */
  overhead?: boolean;
}

/**
 * A fitted cost model: $t = a \cdot g(\text{sizes}) + c$ with $g = n^b$ for `"power"`, and
 * $t = a\,n f + e\,n + c$ for `"n*f+n"`.
 */
export interface CostFit {
  /** The form fitted. */
  form: CostForm;
  /** The fitted model as text, in ms. */
  formula: string;
  /** Coefficient a ≥ 0 (ms per unit of the form's term). */
  a: number;
  /** Exponent b of `"power"` (1 for the other forms). */
  b: number;
  /** Coefficient e ≥ 0 of the per-row term of `"n*f+n"`, in ms per row (0 for the other forms). */
  e: number;
  /** Constant overhead c in ms, 0 ≤ c ≤ the fastest measured time (0 unless `overhead`). */
  c: number;
  /**
   * False when the fitted overhead reached its upper bound, the fastest measured time: the
   * timings then cannot separate the overhead from the work at the smallest size, and c is
   * only an upper bound. True otherwise (and without `overhead`).
   */
  overheadIdentified: boolean;
  /** Number of fitted parameters k (a, plus b for `"power"`, e for `"n*f+n"`, c with overhead). */
  parameters: number;
  /** Relative residuals $r_i = (t_i - \hat t_i)/t_i$, the errors the fit minimised. */
  residuals: number[];
  /** Weighted R² of the fit, $1 - \sum r_i^2 / \sum ((t_i - \bar t_w)/t_i)^2$ (weights $1/t_i^2$). */
  r2: number;
  /**
   * Akaike information criterion of the same relative residuals,
   * $m \ln(\sum_i r_i^2 / m) + 2k$: every form is fitted and scored with one error model
   * (multiplicative timing noise).
   */
  aic: number;
  /**
   * AIC corrected for few timings (Hurvich & Tsai 1989),
   * $\mathrm{AICc} = \mathrm{AIC} + 2k(k + 1)/(m - k - 1)$ (Infinity when m ≤ k + 1): with a
   * dozen timings every extra parameter costs noticeably more than AIC's 2. The forms are
   * ranked by it; the lowest AICc is the best-supported form.
   */
  aicc: number;
}

/**
 * Predicted time in ms of a fitted model at the sizes of `observation`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitCostModel, predictCost } from "@lib/capacity/mod.ts";
 * const obs = [1, 2, 4].map((n) => ({ n, f: 10, timeMs: 0.5 * n * 10 }));
 * const fit = fitCostModel(obs, "n*f");
 * assert.ok(Math.abs(predictCost(fit, { n: 8, f: 10 }) - 40) < 1e-9);
 * ```
 */
export function predictCost(fit: CostFit, observation: Omit<CostObservation, "timeMs">): number {
  const g = _termOf(fit.form, { timeMs: 1, ...observation });
  const perRow = fit.form === "n*f+n" ? fit.e * observation.n! : 0;
  return fit.a * (fit.form === "power" ? g ** fit.b : g) + perRow + fit.c;
}

/** Three significant digits, in exponent notation when very small or large. */
function show(x: number): string {
  return x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4)
    ? x.toExponential(2)
    : x.toPrecision(3);
}

/** Fits the columns (plus a constant column when `overhead`) by relative-error least squares. */
function fitColumns(columns: Float64Array[], t: Float64Array, overhead: boolean) {
  const w = t.map((v) => 1 / (v * v));
  const minT = Math.min(...t);
  const all = overhead ? [...columns, new Float64Array(t.length).fill(1)] : columns;
  const upper = all.map((_, j) => (overhead && j === columns.length ? minT : Infinity));
  const { beta, sse } = _boundedLeastSquares(all, t, w, upper);
  const coefficients = beta.slice(0, columns.length);
  const c = overhead ? beta[columns.length] : 0;
  return { coefficients, c, sse, atBound: overhead && c >= minT * (1 - 1e-9) };
}

/** Power law: profile the exponent over [0, 4] (grid, then golden section) for the least SSE. */
function fitPower(n: Float64Array, t: Float64Array, overhead: boolean) {
  const at = (b: number) => ({ b, ...fitColumns([n.map((v) => v ** b)], t, overhead) });
  let best = at(0);
  for (let b = 0.02; b <= 4 + 1e-9; b += 0.02) {
    const cand = at(b);
    if (cand.sse < best.sse) best = cand;
  }
  let lo = Math.max(0, best.b - 0.02), hi = best.b + 0.02;
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 40; it++) {
    const x1 = hi - phi * (hi - lo), x2 = lo + phi * (hi - lo);
    if (at(x1).sse <= at(x2).sse) hi = x2;
    else lo = x1;
  }
  const refined = at((lo + hi) / 2);
  return refined.sse <= best.sse ? refined : best;
}

/**
 * Fits measured times to one cost form. **One error model for every form**: timing noise is
 * multiplicative, so each form is fitted by least squares of the relative errors
 * $r_i = (t_i - \hat t_i)/t_i$ (weights $1/t_i^2$), and scored by AIC and its small-sample
 * correction AICc on the same residuals.
 *
 * - linear forms $t = a\,g + c$ and `"n*f+n"`, $t = a\,n f + e\,n + c$: the coefficients are
 *   ≥ 0, and the overhead c is at most the fastest measured time (a call cannot cost less
 *   than its overhead). When c reaches that bound the fit reports
 *   `overheadIdentified: false`. `"n*f+n"` needs at least two distinct f to tell a from e;
 * - `"power"`, $t = a\,n^b (+ c)$: the exponent b is profiled over [0, 4] (grid, then golden
 *   section), (a, c) fitted as above at each b, and b chosen for the least relative SSE.
 *
 * @param observations Timings with the sizes the form needs (at least k + 1 of them).
 * @param form One of {@link COST_FORMS}.
 * @param options See {@link CostFitOptions}.
 * @returns A {@link CostFit}.
 * @throws {RangeError} On an unknown form, a missing or negative size, a time ≤ 0, too few
 *   observations, or (for `"power"`) fewer than two distinct n.
 * @throws {TypeError} If `observations` is not an array.
 * @see notebooks/02_capacity.ipynb
 *
 * @example Recovering t = 2·10⁻⁵·n·f + 0.5 ms
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitCostModel } from "@lib/capacity/mod.ts";
 * const obs = [];
 * for (const n of [100, 1000, 10000]) {
 *   for (const f of [10, 50]) obs.push({ n, f, timeMs: 2e-5 * n * f + 0.5 });
 * }
 * const fit = fitCostModel(obs, "n*f", { overhead: true });
 * assert.ok(Math.abs(fit.a - 2e-5) < 1e-12 && Math.abs(fit.c - 0.5) < 1e-9);
 * assert.ok(fit.r2 > 0.999999 && fit.overheadIdentified);
 * ```
 *
 * @example A cost per row beside the cost per row and feature: t = 10⁻⁶·n·f + 10⁻³·n + 2 ms
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitCostModel, predictCost } from "@lib/capacity/mod.ts";
 * const obs = [];
 * for (const n of [1000, 4000]) {
 *   for (const f of [16, 1024]) obs.push({ n, f, timeMs: 1e-6 * n * f + 1e-3 * n + 2 });
 * }
 * const fit = fitCostModel(obs, "n*f+n", { overhead: true });
 * assert.ok(Math.abs(fit.a - 1e-6) < 1e-12 && Math.abs(fit.e - 1e-3) < 1e-9);
 * assert.equal(fit.formula, "t = 1.00e-6·n·f + 0.00100·n + 2.00 ms");
 * assert.ok(Math.abs(predictCost(fit, { n: 1e4, f: 100 }) - 13) < 1e-6);
 * ```
 */
export function fitCostModel(
  observations: readonly CostObservation[],
  form: CostForm,
  options: CostFitOptions = {},
): CostFit {
  const { overhead = false } = options;
  const context = `fit cost model ${JSON.stringify(form)}`;
  _checkObservations(observations, form, context);
  const k = 1 + (form === "power" || form === "n*f+n" ? 1 : 0) + (overhead ? 1 : 0);
  const m = observations.length;
  if (m < k + 1) raise("range", context, `needs at least ${k + 1} observations, got ${m}`);
  const t = Float64Array.from(observations, (o) => o.timeMs);
  const g = Float64Array.from(observations, (o) => _termOf(form, o));
  let a: number, b = 1, e = 0, c: number, atBound: boolean;
  if (form === "power") {
    if (new Set(g).size < 2) raise("range", context, "needs at least two distinct values of n");
    ({ b, c, atBound, coefficients: [a] } = fitPower(g, t, overhead));
  } else {
    if (g.every((v) => v === 0)) raise("range", context, "every term of the form is 0");
    const n = Float64Array.from(observations, (o) => o.n ?? 0);
    const columns = form === "n*f+n" ? [g, n] : [g];
    ({ c, atBound, coefficients: [a, e = 0] } = fitColumns(columns, t, overhead));
  }
  const obs0 = observations.map((o) => ({ ...o }));
  const partial = { form, a, b, e, c } as CostFit;
  const tHat = obs0.map((o) => predictCost(partial, o));
  const residuals = Array.from(t, (v, i) => (v - tHat[i]) / v);
  const sse = residuals.reduce((s, r) => s + r * r, 0);
  const w = t.map((v) => 1 / (v * v));
  const tBar = t.reduce((s, v, i) => s + w[i] * v, 0) / w.reduce((s, v) => s + v, 0);
  const sst = t.reduce((s, v, i) => s + w[i] * (v - tBar) ** 2, 0);
  const r2 = sst > 0 ? 1 - sse / sst : (sse === 0 ? 1 : -Infinity);
  const aic = m * Math.log(Math.max(sse, 1e-300) / m) + 2 * k;
  const aicc = m - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (m - k - 1) : Infinity;
  const term = form === "power"
    ? `n^${show(b)}`
    : form === "n*f+n"
    ? "n·f"
    : form.replaceAll("*", "·");
  const perRow = form === "n*f+n" ? ` + ${show(e)}·n` : "";
  const formula = `t = ${show(a)}·${term}${perRow}${c > 0 ? ` + ${show(c)}` : ""} ms`;
  return {
    form,
    formula,
    a,
    b,
    c,
    e,
    overheadIdentified: !atBound,
    parameters: k,
    residuals,
    r2,
    aic,
    aicc,
  };
}

/** Options of {@link compareCostModels}. */
export interface CompareCostOptions extends CostFitOptions {
  /** Forms to try. @default every form whose sizes all observations carry */
  forms?: readonly CostForm[];
}

/** What {@link compareCostModels} returns. */
export interface CostComparison {
  /** One fit per form, best (lowest AICc) first. */
  fits: CostFit[];
  /** The fit with the lowest AICc. */
  best: CostFit;
}

/**
 * Fits several cost forms to the same timings, each by least squares of relative errors,
 * and ranks them by the small-sample AICc on those residuals (see {@link CostFit.aicc}),
 * which charges each extra parameter (the power law's exponent, a per-row term, an overhead).
 *
 * @param observations Timings with sizes.
 * @param options See {@link CompareCostOptions}.
 * @returns The fits sorted by AICc and the best one.
 * @throws {RangeError} As {@link fitCostModel}, or if no form applies.
 * @see notebooks/02_capacity.ipynb
 *
 * @example Time grows with n·f, not with n alone
 * ```ts
 * import assert from "node:assert/strict";
 * import { compareCostModels } from "@lib/capacity/mod.ts";
 * const obs = [];
 * for (const n of [100, 200, 400, 800]) {
 *   for (const f of [5, 20, 80]) obs.push({ n, f, timeMs: 1e-4 * n * f });
 * }
 * const { best, fits } = compareCostModels(obs, { forms: ["n", "f", "n*f", "power"] });
 * assert.equal(best.form, "n*f");
 * assert.equal(fits.length, 4);
 * ```
 */
export function compareCostModels(
  observations: readonly CostObservation[],
  options: CompareCostOptions = {},
): CostComparison {
  const context = "compare cost models";
  const { forms, ...fitOptions } = options;
  if (!Array.isArray(observations)) raise("type", context, "observations must be an array");
  const candidates = forms ??
    COST_FORMS.filter((form) =>
      observations.every((o) => _FIELDS[form].every((f) => o?.[f] !== undefined))
    );
  if (candidates.length === 0) {
    raise("range", context, "no cost form applies to these observations");
  }
  const fits = candidates.map((form) => fitCostModel(observations, form, fitOptions));
  fits.sort((x, y) => x.aicc - y.aicc);
  return { fits, best: fits[0] };
}
