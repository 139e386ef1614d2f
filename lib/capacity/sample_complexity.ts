import {
  assertFiniteArray,
  assertFiniteNumber,
  assertSameLength,
  raise,
} from "../_shared/validate.ts";

/** What {@link examplesToReach} returns: the examples needed, or the best score seen. */
export type ExamplesNeeded =
  | { reached: true; examples: number }
  | { reached: false; bestScore: number };

/**
 * Sample complexity read off a learning curve: the fewest training examples
 * at which the score reaches `target` (higher is better). Between the last
 * size below the target and the first at or above it, the score is
 * interpolated linearly in $\log n$,
 *
 * $$n^\ast = n_j \left(\frac{n_{j+1}}{n_j}\right)^{(t - s_j)/(s_{j+1} - s_j)},$$
 *
 * since learning curves are roughly straight against log n. When the first
 * size already reaches the target, that size is returned (the curve says
 * nothing below it); when no size does, the result says so with the best score.
 *
 * @param sizes Training set sizes, strictly increasing and > 0.
 * @param scores The score at each size (e.g. validation accuracy).
 * @param target The score to reach.
 * @returns `{ reached: true, examples }` or `{ reached: false, bestScore }`.
 * @throws {RangeError} On empty or different-length arrays, non-finite values, or sizes
 *   that are not positive and strictly increasing.
 * @see notebooks/02_capacity.ipynb
 *
 * @example Accuracy 0.70 at 1000 examples and 0.80 at 4000: 0.75 at 2000
 * ```ts
 * import assert from "node:assert/strict";
 * import { examplesToReach } from "@lib/capacity/mod.ts";
 * const r = examplesToReach([1000, 4000], [0.7, 0.8], 0.75);
 * assert.ok(r.reached && Math.abs(r.examples - 2000) < 1e-9);
 * assert.deepEqual(examplesToReach([1000, 4000], [0.7, 0.8], 0.9), {
 *   reached: false,
 *   bestScore: 0.8,
 * });
 * ```
 */
export function examplesToReach(
  sizes: ArrayLike<number>,
  scores: ArrayLike<number>,
  target: number,
): ExamplesNeeded {
  const context = "find the examples to reach a score";
  assertFiniteArray(sizes, "sizes", context);
  assertFiniteArray(scores, "scores", context);
  assertSameLength(sizes, scores, ["sizes", "scores"], context);
  assertFiniteNumber(target, "target", context);
  if (sizes.length === 0) raise("range", context, "sizes must not be empty");
  for (let j = 0; j < sizes.length; j++) {
    if (sizes[j] <= 0 || (j > 0 && sizes[j] <= sizes[j - 1])) {
      raise(
        "range",
        context,
        `sizes must be positive and strictly increasing, got ${sizes[j]} at ${j}`,
      );
    }
  }
  if (scores[0] >= target) return { reached: true, examples: sizes[0] };
  for (let j = 1; j < sizes.length; j++) {
    if (scores[j] >= target) {
      const share = (target - scores[j - 1]) / (scores[j] - scores[j - 1]);
      return { reached: true, examples: sizes[j - 1] * (sizes[j] / sizes[j - 1]) ** share };
    }
  }
  return { reached: false, bestScore: Math.max(...Array.from(scores)) };
}
