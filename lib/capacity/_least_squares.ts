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

/** Solves the small dense system A x = y by Gaussian elimination; undefined when singular. */
function solve(a: number[][], y: number[]): number[] | undefined {
  const k = y.length;
  const m = a.map((row, i) => [...row, y[i]]);
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (!(Math.abs(m[pivot][col]) > 1e-12)) return undefined;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const factor = m[r][col] / m[col][col];
      for (let j = col; j <= k; j++) m[r][j] -= factor * m[col][j];
    }
  }
  return m.map((row, i) => row[k] / row[i]);
}

/**
 * Minimises Σᵢ (tᵢ − Σⱼ βⱼ Xᵢⱼ)² over β ≥ 0 for a handful of columns X (here at most
 * three). Every subset of columns is fitted without constraints and the feasible fit
 * with the smallest SSE is kept: the optimum of a convex quadratic over the
 * non-negative orthant is the unconstrained optimum on its own support, so this is
 * exact. Columns are scaled to unit norm first, which keeps the normal equations
 * well conditioned when the columns differ by orders of magnitude (n·f against 1).
 */
export function _nonNegativeLeastSquares(
  columns: readonly ArrayLike<number>[],
  t: ArrayLike<number>,
): { beta: number[]; sse: number } {
  const p = columns.length;
  const scale = columns.map((x) => Math.sqrt(Array.from(x).reduce((s, v) => s + v * v, 0)) || 1);
  const sseOfBeta = (beta: number[]) => {
    let s = 0;
    for (let i = 0; i < t.length; i++) {
      let pred = 0;
      for (let j = 0; j < p; j++) pred += beta[j] * columns[j][i];
      s += (t[i] - pred) ** 2;
    }
    return s;
  };
  let best = { beta: new Array<number>(p).fill(0), sse: sseOfBeta(new Array(p).fill(0)) };
  for (let mask = 1; mask < 1 << p; mask++) {
    const active = [...Array(p).keys()].filter((j) => mask & (1 << j));
    const z = active.map((j) => Float64Array.from(columns[j], (v) => v / scale[j]));
    const gram = z.map((u) => z.map((v) => u.reduce((s, ui, i) => s + ui * v[i], 0)));
    const rhs = z.map((u) => u.reduce((s, ui, i) => s + ui * t[i], 0));
    const coef = solve(gram, rhs);
    if (coef === undefined || coef.some((v) => v < 0)) continue;
    const beta = new Array<number>(p).fill(0);
    active.forEach((j, r) => (beta[j] = coef[r] / scale[j]));
    const sse = sseOfBeta(beta);
    if (sse < best.sse) best = { beta, sse };
  }
  return best;
}
