/**
 * The distribution of the one-sample two-sided Kolmogorov–Smirnov statistic Dₙ for
 * finite n (SciPy's `kstwo`), following Simard & L'Ecuyer (2011), "Computing the
 * two-sided Kolmogorov–Smirnov distribution", J. Stat. Softw. 39(11), as SciPy's
 * `_ksstats.py` does: Ruben–Gambino closed forms at the ends, the Durbin matrix
 * (Marsaglia, Tsang & Wang 2003) for small n·x², 2·Smirnov's one-sided exact tail
 * for large n·x², Pelz–Good's asymptotic series otherwise.
 *
 * @module
 */

const PI2 = Math.PI ** 2;
const SQRT2PI = Math.sqrt(2 * Math.PI);

function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}

/**
 * Smirnov's exact one-sided tail P(Dₙ⁺ ≥ d) (Birnbaum & Tingey 1951):
 * $$d\sum_{j=0}^{\lfloor n(1-d)\rfloor}\binom{n}{j}\left(d+\tfrac jn\right)^{j-1}\left(1-d-\tfrac jn\right)^{n-j}.$$
 */
export function _smirnovTail(n: number, d: number): number {
  if (d <= 0) return 1;
  if (d >= 1) return 0;
  const jMax = Math.floor(n * (1 - d) + 1e-12);
  const lfN = logFactorial(n);
  let lfJ = 0;
  const logs: number[] = [];
  for (let j = 0; j <= jMax; j++) {
    if (j > 0) lfJ += Math.log(j);
    const a = d + j / n, b = 1 - d - j / n;
    if (b <= 0 && n - j > 0) continue;
    const lfNJ = logFactorial(n - j);
    logs.push(lfN - lfJ - lfNJ + (j - 1) * Math.log(a) + (n - j > 0 ? (n - j) * Math.log(b) : 0));
  }
  const top = Math.max(...logs);
  const sum = logs.reduce((s, l) => s + Math.exp(l - top), 0);
  return Math.min(1, d * Math.exp(top) * sum);
}

function matMul(a: Float64Array, b: Float64Array, m: number): Float64Array<ArrayBuffer> {
  const c = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) c[i * m + j] += aik * b[k * m + j];
    }
  }
  return c;
}

/** P(Dₙ ≤ d) by the Durbin matrix, computed as Marsaglia, Tsang & Wang (2003). */
export function _durbinCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd), h = k - nd, m = 2 * k - 1;
  let H: Float64Array<ArrayBuffer> = new Float64Array(m * m);
  const v = new Float64Array(m), w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  v[m - 1] = (1 + Math.max(2 * h - 1, 0) ** m - 2 * h ** m) * fac;
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - i + 1];
  }
  for (let r = 0; r < m; r++) H[r * m] = v[r];
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c];
  let P: Float64Array<ArrayBuffer> = new Float64Array(m * m);
  for (let i = 0; i < m; i++) P[i * m + i] = 1;
  let expP = 0, expH = 0, nn = n;
  const big = 2 ** 128;
  while (nn > 0) {
    if (nn % 2) {
      P = matMul(P, H, m);
      expP += expH;
    }
    H = matMul(H, H, m);
    expH *= 2;
    if (Math.abs(H[(k - 1) * m + k - 1]) > big) {
      H = H.map((x) => x / big);
      expH += 128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = P[(k - 1) * m + k - 1];
  for (let i = 1; i <= n; i++) {
    p = i * p / n;
    if (Math.abs(p) < 1 / big) {
      p *= big;
      expP -= 128;
    }
  }
  return p * 2 ** expP;
}

/** Pelz & Good (1976) asymptotic series for P(Dₙ ≤ x). */
export function _pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z, z4 = z2 * z2, z6 = z4 * z2;
  const qlog = -PI2 / 8 / z2;
  if (qlog < -708) return 0;
  const q = Math.exp(qlog);
  const pi4 = PI2 * PI2, pi6 = pi4 * PI2;
  const k1a = -z2, k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4, k2b = (2 * z4 - 5 * z2) * PI2 / 4, k2c = pi4 * (1 - 2 * z2) / 16;
  const k3d = pi6 * (5 - 30 * z2) / 64, k3c = pi4 * (-60 * z2 + 212 * z4) / 16;
  const k3b = PI2 * (135 * z4 - 96 * z6) / 4, k3a = -30 * z6 - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil(16 * z / Math.PI);
  for (let k = maxk; k >= 1; k--) {
    const m = 2 * k - 1, m2 = m * m, m4 = m2 * m2, m6 = m4 * m2;
    const qp = q ** (8 * k);
    const coeffs = [
      1,
      k1a + k1b * m2,
      k2a + k2b * m2 + k2c * m4,
      k3a + k3b * m2 + k3c * m4 + k3d * m6,
    ];
    for (let i = 0; i < 4; i++) K[i] = K[i] * qp + coeffs[i];
  }
  const div = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = K[i] * q * SQRT2PI / div[i];
  const q2 = Math.exp(-PI2 / 2 / z2);
  let k2extra = 0, k3extra = 0;
  const s3z = Math.sqrt(3) * z;
  for (let k = maxk; k >= 1; k--) {
    const k2 = k * k, qp = q2 ** k2, kpi = Math.PI * k;
    k2extra += k2 * qp;
    k3extra += (s3z + kpi) * (s3z - kpi) * k2 * qp;
  }
  K[2] += k2extra * PI2 * SQRT2PI / (-36 * z ** 3);
  K[3] += k3extra * PI2 * SQRT2PI / (216 * z6);
  return K[0] + K[1] / n ** 0.5 + K[2] / n + K[3] / n ** 1.5;
}

const clip = (p: number) => Math.min(1, Math.max(0, p));

/** Survival function P(Dₙ ≥ x) of the one-sample two-sided KS statistic (SciPy `kstwo.sf`). */
export function _kolmogorovSf(n: number, x: number): number {
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    const logP = logFactorial(n) - n * Math.log(n) + n * Math.log(2 * t - 1);
    return clip(1 - Math.exp(logP));
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n);
  if (x >= 0.5) return clip(2 * _smirnovTail(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 4) return clip(1 - _durbinCdf(n, x));
    return clip(2 * _smirnovTail(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip(2 * _smirnovTail(n, x));
  if (nx2 >= 18) return 0;
  const cdf = n <= 100000 && n * x ** 1.5 <= 1.4 ? _durbinCdf(n, x) : _pelzGoodCdf(n, x);
  return clip(1 - cdf);
}
