// Private: Beta draws for the traffic simulator, from two Gamma draws
// (Marsaglia & Tsang 2000, "A simple method for generating gamma variables").
import type { Rng } from "../random/mod.ts";

/** A Gamma(shape, 1) draw; shape > 0 (boosted by U^{1/shape} below 1). */
export function gammaDraw(rng: Rng, shape: number): number {
  if (shape < 1) return gammaDraw(rng, shape + 1) * Math.pow(rng.random(), 1 / shape);
  const d = shape - 1 / 3, c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0, u = rng.random();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function betaDraw(rng: Rng, a: number, b: number): number {
  const x = gammaDraw(rng, a), y = gammaDraw(rng, b);
  return x / (x + y);
}
