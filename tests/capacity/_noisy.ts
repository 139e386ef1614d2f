import type { CostObservation } from "@lib/capacity/mod.ts";
import { createRng } from "@lib/random/mod.ts";

/** Timings t · exp(ε), ε ~ N(0, sd²): multiplicative noise, as measured timings have. */
export function noisy(
  sizes: Omit<CostObservation, "timeMs">[],
  truth: (o: Omit<CostObservation, "timeMs">) => number,
  sd: number,
  seed: number,
): CostObservation[] {
  const rng = createRng(seed);
  return sizes.map((o) => ({ ...o, timeMs: truth(o) * Math.exp(rng.normal(0, sd)) }));
}
