import { assertFiniteArray, assertPositive, raise } from "../_shared/validate.ts";

/** What {@link scalingVerdict} returns. */
export interface ScalingVerdict {
  /** Median of the measured time ratios. */
  median: number;
  /** Smallest and largest measured ratio. */
  low: number;
  high: number;
  /**
   * `"faster"`: every ratio exceeds claimed × margin; `"slower"`: every ratio is below
   * claimed / margin; `"as claimed"`: every ratio lies within the margin;
   * `"inconclusive"`: the repeats straddle the margin (some within or on one side, some beyond).
   */
  verdict: "faster" | "slower" | "as claimed" | "inconclusive";
  /** One sentence: `"8× the rows cost 12.1× the time (repeats 11.0× to 13.2×): more than …"`. */
  text: string;
}

/**
 * Compares measured time ratios (one per repeat, e.g. t(8n)/t(n)) with the ratio an
 * asymptotic cost claims, with a margin for noise: the verdict is `"faster"` or `"slower"`
 * only when **every** repeat lies beyond the margin on that side, `"as claimed"` only when
 * every repeat lies within it, and `"inconclusive"` when the repeats disagree.
 *
 * @param ratios Measured time ratios, one per repeat (> 0).
 * @param claimed The ratio the cost model claims (> 0).
 * @param options `what` grew (e.g. `"8× the rows"`) and the `margin` (> 1, default 1.25).
 * @returns A {@link ScalingVerdict}.
 * @throws {RangeError} On empty or non-positive ratios, claimed ≤ 0 or margin ≤ 1.
 * @see notebooks/02_capacity.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scalingVerdict } from "@lib/capacity/mod.ts";
 * assert.equal(scalingVerdict([11, 12, 13], 8, { what: "8× the rows" }).verdict, "faster");
 * assert.equal(scalingVerdict([7, 9, 9.5], 8, { what: "8× the rows" }).verdict, "as claimed");
 * assert.equal(scalingVerdict([7, 9, 10.5], 8, { what: "8× the rows" }).verdict, "inconclusive");
 * assert.equal(scalingVerdict([2, 2.1], 64, { what: "64× the features" }).verdict, "slower");
 * ```
 */
export function scalingVerdict(
  ratios: ArrayLike<number>,
  claimed: number,
  options: { what: string; margin?: number },
): ScalingVerdict {
  const context = "judge a scaling ratio";
  assertFiniteArray(ratios, "ratios", context);
  if (ratios.length === 0) raise("range", context, "ratios must not be empty");
  if (Array.from(ratios).some((r) => r <= 0)) raise("range", context, "ratios must be positive");
  assertPositive(claimed, "claimed", context);
  const { what, margin = 1.25 } = options ?? {};
  if (!(margin > 1)) raise("range", context, `margin must be greater than 1, got ${margin}`);
  const sorted = Array.from(ratios).sort((a, b) => a - b);
  const m = sorted.length;
  const median = m % 2 ? sorted[(m - 1) / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
  const [low, high] = [sorted[0], sorted[m - 1]];
  const verdict = low > claimed * margin
    ? "faster"
    : high < claimed / margin
    ? "slower"
    : low >= claimed / margin && high <= claimed * margin
    ? "as claimed"
    : "inconclusive";
  const x = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)}×`;
  const reading = verdict === "faster"
    ? `more than the ${x(claimed)} claimed, beyond the ${x(margin)} margin in every repeat`
    : verdict === "slower"
    ? `less than the ${x(claimed)} claimed, beyond the ${x(margin)} margin in every repeat`
    : verdict === "as claimed"
    ? `consistent with the ${x(claimed)} claimed, within the ${x(margin)} margin in every repeat`
    : `inconclusive: the repeats straddle the ${x(margin)} margin around the ${x(claimed)} claimed`;
  const text = `${what} cost ${x(median)} the time (repeats ${x(low)} to ${x(high)}): ${reading}.`;
  return { median, low, high, verdict, text };
}
