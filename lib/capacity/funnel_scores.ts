import { assertFiniteArray, assertInteger, assertSameLength, raise } from "../_shared/validate.ts";

/**
 * The final ranking of a two-stage funnel as one score per item: the cheap
 * model ranks all n items, the `keep` best of them (ties: lower index first)
 * are re-ranked by the heavy model and placed above the rest, which keep the
 * cheap model's order. Feed the result to a ranking metric such as `ndcgAtK`
 * to score the funnel at a cut-off; `keep = 0` is the cheap model alone,
 * `keep = n` the heavy model alone.
 *
 * Only the survivors' heavy scores are read, so `heavyScores` may hold
 * anything (e.g. NaN) for the other items – as in serving, where the heavy
 * model never sees them.
 *
 * @param cheapScores First-stage scores of all items (finite).
 * @param heavyScores Second-stage scores, same length (finite for the survivors).
 * @param keep Survivors of the first stage (an integer in [0, n]; larger means all).
 * @returns Scores whose descending order is the funnel's ranking: survivors score
 *   ≥ 1 (in the heavy model's order), the others −(cheap rank), i.e. ≤ −keep.
 * @throws {RangeError} On different lengths, a negative or fractional `keep`, or a
 *   non-finite cheap score or survivor heavy score.
 * @see notebooks/02_capacity.ipynb
 *
 * @example Keep the cheap model's top 2 of 4 and let the heavy model order them
 * ```ts
 * import assert from "node:assert/strict";
 * import { funnelScores } from "@lib/capacity/mod.ts";
 * const s = funnelScores([0.9, 0.1, 0.8, 0.5], [0.2, 0.99, 0.7, 0.6], 2);
 * const order = [0, 1, 2, 3].sort((a, b) => s[b] - s[a]);
 * assert.deepEqual(order, [2, 0, 3, 1]); // item 1 is best for the heavy model but never reaches it
 * ```
 */
export function funnelScores(
  cheapScores: ArrayLike<number>,
  heavyScores: ArrayLike<number>,
  keep: number,
): Float64Array {
  const context = "compute funnel scores";
  assertFiniteArray(cheapScores, "cheapScores", context);
  assertSameLength(cheapScores, heavyScores, ["cheapScores", "heavyScores"], context);
  assertInteger(keep, "keep", context, { min: 0 });
  const n = cheapScores.length;
  const order = Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => cheapScores[b] - cheapScores[a] || a - b);
  const survivors = order.slice(0, Math.min(keep, n));
  let lowest = Infinity;
  for (const i of survivors) {
    const h = heavyScores[i];
    if (typeof h !== "number" || !Number.isFinite(h)) {
      raise("range", context, `heavyScores[${i}] must be finite for a survivor, got ${h}`);
    }
    lowest = Math.min(lowest, h);
  }
  const out = new Float64Array(n);
  order.forEach((
    i,
    rank,
  ) => (out[i] = rank < survivors.length ? heavyScores[i] - lowest + 1 : -rank));
  return out;
}
