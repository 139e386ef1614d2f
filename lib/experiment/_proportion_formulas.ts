// Private: the four normal-approximation formulas for two proportions, as
// control-arm sizes (unrounded) and as power, so that sample size, power and
// minimum detectable effect agree for every method.
import { normalCdf } from "./_stats.ts";
import type { Alternative } from "./types.ts";

/** See `ProportionSizeMethod` in proportion_size.ts. */
export type Method = "unpooled" | "pooled" | "continuity" | "arcsine";

/** The four methods, for validation and iteration. */
export const METHODS: readonly Method[] = ["unpooled", "pooled", "continuity", "arcsine"];

/** The design of a test: critical z, z of the power, allocation ratio and alternative. */
export interface Design {
  zAlpha: number;
  zBeta: number;
  ratio: number;
  alternative: Alternative;
}

/** Cohen's h = 2 asin √p₂ − 2 asin √p₁. */
export function arcsineDifference(p1: number, p2: number): number {
  return 2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(p1));
}

/** Power of a z-test whose statistic has mean `shift` under H₁ (both tails when two-sided). */
export function powerFromShift(shift: number, zAlpha: number, alternative: Alternative): number {
  if (alternative === "greater") return normalCdf(shift - zAlpha);
  if (alternative === "less") return normalCdf(-shift - zAlpha);
  return normalCdf(shift - zAlpha) + normalCdf(-shift - zAlpha);
}

/**
 * The shift s at which a two-sided test reaches the power Φ(z_β) counting both
 * rejection tails, Φ(s − z) + Φ(−s − z) = power (statsmodels' `NormalIndPower`);
 * one-sided: s = z_α + z_β.
 */
function shiftForPower(zAlpha: number, zBeta: number, twoSided: boolean): number {
  if (!twoSided) return zAlpha + zBeta;
  const power = normalCdf(zBeta);
  let lo = 0, hi = zAlpha + zBeta;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (powerFromShift(mid, zAlpha, "two-sided") < power) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Standard deviations (per √user of the control arm) under H₀ (pooled) and H₁. */
function sigmas(p1: number, p2: number, r: number) {
  const pBar = (p1 + r * p2) / (1 + r);
  return {
    null: Math.sqrt(pBar * (1 - pBar) * (1 + 1 / r)),
    alt: Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2) / r),
  };
}

/** The Fleiss–Tytun–Ury term c = (r + 1)/(r·|Δ|). */
const correction = (diff: number, r: number) => (r + 1) / (r * Math.abs(diff));

/** Users in the control arm (unrounded) for rates p₁ → p₂ ≠ p₁. */
export function controlSize(p1: number, p2: number, method: Method, design: Design): number {
  const { zAlpha, zBeta, ratio: r, alternative } = design;
  const diff = p2 - p1;
  if (method === "arcsine") {
    const h = arcsineDifference(p1, p2),
      s = shiftForPower(zAlpha, zBeta, alternative === "two-sided");
    return s * s * (1 + 1 / r) / (h * h);
  }
  const sd = sigmas(p1, p2, r);
  if (method === "unpooled") return (zAlpha + zBeta) ** 2 * sd.alt ** 2 / (diff * diff);
  const pooled = (zAlpha * sd.null + zBeta * sd.alt) ** 2 / (diff * diff);
  if (method === "pooled") return pooled;
  const root = 1 + Math.sqrt(1 + 2 * correction(diff, r) / pooled);
  return pooled / 4 * root * root;
}

/**
 * Power with n control users: the inverse of {@link controlSize}. Pooled:
 * the test rejects when Δ̂√n/σ₀ exceeds z_α, and Δ̂ ~ N(Δ, σ₁²/n) under H₁.
 * Continuity: the pooled power at n′ = (√n − c/(2√n))², which inverts the
 * Fleiss–Tytun–Ury correction exactly.
 */
export function power(p1: number, p2: number, n: number, method: Method, design: Design): number {
  const { zAlpha, ratio: r, alternative } = design;
  const diff = p2 - p1;
  if (method === "arcsine") {
    return powerFromShift(
      arcsineDifference(p1, p2) * Math.sqrt(n * r / (1 + r)),
      zAlpha,
      alternative,
    );
  }
  const sd = sigmas(p1, p2, r);
  if (method === "unpooled") {
    return powerFromShift(diff * Math.sqrt(n) / sd.alt, zAlpha, alternative);
  }
  let effective = n;
  if (method === "continuity") {
    if (diff === 0) return powerFromShift(0, zAlpha, alternative);
    effective = Math.max(0, Math.sqrt(n) - correction(diff, r) / (2 * Math.sqrt(n))) ** 2;
  }
  const tail = (d: number) => normalCdf((d * Math.sqrt(effective) - zAlpha * sd.null) / sd.alt);
  if (alternative === "greater") return tail(diff);
  if (alternative === "less") return tail(-diff);
  return tail(diff) + tail(-diff);
}
