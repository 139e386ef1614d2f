/**
 * Small least-squares solvers for cost models: one slope with an optional
 * intercept, both constrained to be ≥ 0, with optional weights.
 *
 * @module
 */

/** Fitted slope and intercept with the weighted residual sum of squares. */
export interface LineFit {
  a: number;
  c: number;
  sse: number;
}

function sseOf(
  g: ArrayLike<number>,
  t: ArrayLike<number>,
  w: ArrayLike<number>,
  a: number,
  c: number,
) {
  let sse = 0;
  for (let i = 0; i < t.length; i++) sse += w[i] * (t[i] - a * g[i] - c) ** 2;
  return sse;
}

/**
 * Minimises Σ wᵢ (tᵢ − a gᵢ − c)² over a ≥ 0 (and c ≥ 0 when `intercept`,
 * else c = 0). With two unknowns the non-negative solution is the
 * unconstrained one when that is feasible, and otherwise the better of the
 * two one-variable fits on the faces a = 0 and c = 0 (the KKT conditions of
 * a convex quadratic).
 */
export function _nonNegativeLine(
  g: ArrayLike<number>,
  t: ArrayLike<number>,
  w: ArrayLike<number>,
  intercept: boolean,
): LineFit {
  let sw = 0, sg = 0, st = 0, sgg = 0, sgt = 0;
  for (let i = 0; i < t.length; i++) {
    sw += w[i];
    sg += w[i] * g[i];
    st += w[i] * t[i];
    sgg += w[i] * g[i] * g[i];
    sgt += w[i] * g[i] * t[i];
  }
  const slopeOnly = sgg > 0 ? Math.max(0, sgt / sgg) : 0;
  if (!intercept) return { a: slopeOnly, c: 0, sse: sseOf(g, t, w, slopeOnly, 0) };
  const det = sw * sgg - sg * sg;
  if (det > 1e-12 * sw * sgg) {
    const a = (sw * sgt - sg * st) / det;
    const c = (st - a * sg) / sw;
    if (a >= 0 && c >= 0) return { a, c, sse: sseOf(g, t, w, a, c) };
  }
  const onlySlope = { a: slopeOnly, c: 0, sse: sseOf(g, t, w, slopeOnly, 0) };
  const constant = Math.max(0, st / sw);
  const onlyConstant = { a: 0, c: constant, sse: sseOf(g, t, w, 0, constant) };
  return onlySlope.sse <= onlyConstant.sse ? onlySlope : onlyConstant;
}

/** Ordinary least squares y ≈ β₀ + β₁ x; returns the intercept and slope. */
export function _ols(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { intercept: number; slope: number } {
  const m = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < m; i++) {
    mx += x[i] / m;
    my += y[i] / m;
  }
  let sxx = 0, sxy = 0;
  for (let i = 0; i < m; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope };
}

/** Coefficient of determination 1 − SSE/SST of `y` (1 when SST = 0 and SSE = 0). */
export function _rSquared(y: ArrayLike<number>, yHat: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i] / y.length;
  let sse = 0, sst = 0;
  for (let i = 0; i < y.length; i++) {
    sse += (y[i] - yHat[i]) ** 2;
    sst += (y[i] - mean) ** 2;
  }
  if (sst === 0) return sse === 0 ? 1 : -Infinity;
  return 1 - sse / sst;
}
