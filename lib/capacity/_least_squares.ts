/**
 * A small weighted least-squares solver for cost models: a handful of
 * coefficients, each constrained to an interval [0, upper].
 *
 * @module
 */

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

/** Result of {@link _boundedLeastSquares}. */
export interface BoundedFit {
  /** Coefficients, `0 ≤ beta[j] ≤ upper[j]`. */
  beta: number[];
  /** Weighted residual sum of squares Σ wᵢ (tᵢ − Σⱼ βⱼ Xᵢⱼ)². */
  sse: number;
}

/**
 * Minimises Σᵢ wᵢ (tᵢ − Σⱼ βⱼ Xᵢⱼ)² over 0 ≤ βⱼ ≤ upperⱼ for a handful of columns X (here at
 * most three). Each coefficient is either at 0, at its upper bound or free; every such face
 * is solved without constraints and the feasible solution with the smallest SSE is kept. The
 * optimum of a convex quadratic over a box is the unconstrained optimum of its own face, so
 * this is exact. Columns are scaled to unit weighted norm first, which keeps the normal
 * equations well conditioned when they differ by orders of magnitude (n·f against 1).
 */
export function _boundedLeastSquares(
  columns: readonly ArrayLike<number>[],
  t: ArrayLike<number>,
  weights: ArrayLike<number>,
  upper: readonly number[] = columns.map(() => Infinity),
): BoundedFit {
  const p = columns.length, m = t.length;
  const scale = columns.map((x) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += weights[i] * x[i] * x[i];
    return Math.sqrt(s) || 1;
  });
  const sseOf = (beta: number[]) => {
    let s = 0;
    for (let i = 0; i < m; i++) {
      let pred = 0;
      for (let j = 0; j < p; j++) pred += beta[j] * columns[j][i];
      s += weights[i] * (t[i] - pred) ** 2;
    }
    return s;
  };
  let best: BoundedFit = { beta: new Array<number>(p).fill(0), sse: sseOf(new Array(p).fill(0)) };
  const states = 3 ** p;
  for (let code = 0; code < states; code++) {
    const state = [...Array(p).keys()].map((j) => Math.floor(code / 3 ** j) % 3); // 0 low, 1 free, 2 up
    if (state.some((s, j) => s === 2 && !Number.isFinite(upper[j]))) continue;
    const beta = state.map((s, j) => (s === 2 ? upper[j] : 0));
    const free = state.flatMap((s, j) => (s === 1 ? [j] : []));
    if (free.length > 0) {
      const rest = Float64Array.from({ length: m }, (_, i) => {
        let v = t[i];
        for (let j = 0; j < p; j++) if (state[j] === 2) v -= upper[j] * columns[j][i];
        return v;
      });
      const z = free.map((j) => Float64Array.from(columns[j], (v) => v / scale[j]));
      const dot = (u: ArrayLike<number>, v: ArrayLike<number>) => {
        let s = 0;
        for (let i = 0; i < m; i++) s += weights[i] * u[i] * v[i];
        return s;
      };
      const coef = solve(z.map((u) => z.map((v) => dot(u, v))), z.map((u) => dot(u, rest)));
      if (coef === undefined) continue;
      free.forEach((j, r) => (beta[j] = coef[r] / scale[j]));
      if (free.some((j) => beta[j] < 0 || beta[j] > upper[j])) continue;
    }
    const sse = sseOf(beta);
    if (sse < best.sse) best = { beta, sse };
  }
  return best;
}
