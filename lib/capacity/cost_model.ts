import { raise } from "../_shared/validate.ts";
import { _nonNegativeLeastSquares, _nonNegativeLine, _ols, _rSquared } from "./_least_squares.ts";
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
  /** Constant overhead c ≥ 0 in ms (0 unless `overhead`). */
  c: number;
  /** Number of fitted parameters k (a, plus b for `"power"`, e for `"n*f+n"`, c with overhead). */
  parameters: number;
  /** R² in `r2Space`: of t for linear forms, of ln t for `"power"` (the space that was fitted). */
  r2: number;
  /** Where `r2` is computed. */
  r2Space: "direct" | "log";
  /**
   * Akaike information criterion on log-space residuals, $m \ln(\mathrm{SSE}_{\ln}/m) + 2k$
   * with $\mathrm{SSE}_{\ln} = \sum_i (\ln t_i - \ln \hat t_i)^2$: the same response for every
   * form (timing noise is multiplicative), so the lowest AIC is the best-supported form.
   */
  aic: number;
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

function logSse(t: ArrayLike<number>, tHat: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < t.length; i++) {
    s += tHat[i] > 0 ? (Math.log(t[i]) - Math.log(tHat[i])) ** 2 : Infinity;
  }
  return s;
}

/** Three significant digits, in exponent notation when very small or large. */
function show(x: number): string {
  return x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4)
    ? x.toExponential(2)
    : x.toPrecision(3);
}

function finish(
  form: CostForm,
  t: Float64Array,
  tHat: Float64Array,
  a: number,
  b: number,
  c: number,
  k: number,
  e = 0,
): CostFit {
  const m = t.length;
  const r2Space = form === "power" ? "log" : "direct";
  const r2 = r2Space === "log"
    ? _rSquared(t.map(Math.log), tHat.map(Math.log))
    : _rSquared(t, tHat);
  const sse = logSse(t, tHat);
  const aic = m * Math.log(Math.max(sse, 1e-300) / m) + 2 * k;
  const term = form === "power"
    ? `n^${show(b)}`
    : form === "n*f+n"
    ? "n·f"
    : form.replaceAll("*", "·");
  const perRow = form === "n*f+n" ? ` + ${show(e)}·n` : "";
  const formula = `t = ${show(a)}·${term}${perRow}${c > 0 ? ` + ${show(c)}` : ""} ms`;
  return { form, formula, a, b, c, e, parameters: k, r2, r2Space, aic };
}

/** Power law with overhead: profile the exponent, fit (a, c) by relative-weighted NNLS. */
function fitPowerWithOverhead(n: Float64Array, t: Float64Array) {
  const w = t.map((v) => 1 / (v * v));
  const at = (b: number) => {
    const g = n.map((v) => v ** b);
    const line = _nonNegativeLine(g, t, w, true);
    const tHat = g.map((v) => line.a * v + line.c);
    return { b, line, tHat, sse: logSse(t, tHat) };
  };
  let best = at(0);
  for (let b = 0.02; b <= 4 + 1e-9; b += 0.02) {
    const cand = at(b);
    if (cand.sse < best.sse) best = cand;
  }
  // Golden-section refinement around the best grid point.
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
 * Fits measured times to one cost form by least squares:
 *
 * - linear forms $t = a\,g + c$: non-negative least squares on t itself
 *   (a ≥ 0, c ≥ 0); R² is of t (so the largest timings weigh most);
 * - `"n*f+n"`, $t = a\,n f + e\,n + c$: the same with a second coefficient, a cost
 *   per row (a per-step overhead, when steps are batches of fixed size) next to the
 *   per-row-and-feature work; (a, e, c) ≥ 0 by non-negative least squares on t. It
 *   needs at least two distinct f to tell a from e (else e takes the whole cost);
 * - `"power"` without overhead, $t = a n^b$: ordinary least squares of
 *   $\ln t = \ln a + b \ln n$; R² is of ln t;
 * - `"power"` with overhead, $t = a n^b + c$: b profiled over [0, 4] (grid
 *   then golden section), (a, c) ≥ 0 by least squares of the relative errors
 *   $(t - \hat t)/t$, b chosen to minimise the log-space SSE; R² is of ln t.
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
 * assert.ok(fit.r2 > 0.999999);
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
  if (form === "power") {
    if (new Set(g).size < 2) raise("range", context, "needs at least two distinct values of n");
    if (overhead) {
      const { b, line, tHat } = fitPowerWithOverhead(g, t);
      return finish(form, t, tHat, line.a, b, line.c, k);
    }
    const { intercept, slope } = _ols(g.map(Math.log), t.map(Math.log));
    const a = Math.exp(intercept);
    return finish(form, t, g.map((v) => a * v ** slope), a, slope, 0, k);
  }
  if (g.every((v) => v === 0)) raise("range", context, "every term of the form is 0");
  if (form === "n*f+n") {
    const n = Float64Array.from(observations, (o) => o.n!);
    const columns = overhead ? [g, n, new Float64Array(m).fill(1)] : [g, n];
    const [a, e, c = 0] = _nonNegativeLeastSquares(columns, t).beta;
    return finish(form, t, g.map((v, i) => a * v + e * n[i] + c), a, 1, c, k, e);
  }
  const { a, c } = _nonNegativeLine(g, t, new Float64Array(m).fill(1), overhead);
  return finish(form, t, g.map((v) => a * v + c), a, 1, c, k);
}

/** Options of {@link compareCostModels}. */
export interface CompareCostOptions extends CostFitOptions {
  /** Forms to try. @default every form whose sizes all observations carry */
  forms?: readonly CostForm[];
}

/** What {@link compareCostModels} returns. */
export interface CostComparison {
  /** One fit per form, best (lowest AIC) first. */
  fits: CostFit[];
  /** The fit with the lowest AIC. */
  best: CostFit;
}

/**
 * Fits several cost forms to the same timings and ranks them by AIC on
 * log-space residuals (see {@link CostFit.aic}); R² values are not comparable
 * across forms fitted in different spaces, AIC is, and it charges the power
 * law for its extra exponent.
 *
 * @param observations Timings with sizes.
 * @param options See {@link CompareCostOptions}.
 * @returns The fits sorted by AIC and the best one.
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
  fits.sort((x, y) => x.aic - y.aic);
  return { fits, best: fits[0] };
}
