import {
  assertFiniteArray,
  assertFiniteNumber,
  assertOneOf,
  assertSameLength,
  raise,
} from "../_shared/validate.ts";

/** Options of {@link findPlateau}. */
export interface PlateauOptions {
  /** Largest remaining gain that still counts as "no longer improving" (≥ 0). */
  tolerance: number;
  /** Whether higher scores (`"maximize"`) or lower ones (`"minimize"`, losses) are better. @default "maximize" */
  direction?: "maximize" | "minimize";
  /**
   * `"absolute"`: the gain is a difference of scores. `"relative"`: the gain is
   * divided by |best score| (which must not be 0). @default "absolute"
   */
  gain?: "absolute" | "relative";
}

/** The result of {@link findPlateau}. */
export interface Plateau {
  /** Whether a plateau was found. */
  found: boolean;
  /** Index of the plateau size, or `undefined` when none was found. */
  index: number | undefined;
  /** The plateau size: the smallest size within tolerance of the best score. */
  size: number | undefined;
  /** The score at the plateau size. */
  score: number | undefined;
  /** The best score over all sizes (the first one on ties). */
  bestScore: number;
  /** The size at which the best score occurs. */
  bestSize: number;
  /** The gain left from the plateau size to the best score (≥ 0, as defined by `gain`). */
  remainingGain: number | undefined;
  /** A sentence saying what was found and why. */
  reason: string;
}

/**
 * Finds where a learning curve levels off: the smallest size after which more
 * data improves the score by at most `tolerance`. With the best score
 * $m^\star = \max_j m_j$ (or $\min$ for `"minimize"`), the remaining gain at
 * size $i$ is
 *
 * $$ g_i = m^\star - m_i \ (\texttt{"absolute"}), \qquad
 *    g_i = \frac{m^\star - m_i}{|m^\star|} \ (\texttt{"relative"}) $$
 *
 * (signs flipped for `"minimize"`), and the plateau is the smallest $i$ with
 * $g_i \le$ `tolerance` – no larger size is more than `tolerance` better,
 * because none beats $m^\star$. Pass mean scores (e.g. `curve.validation.mean`)
 * so that noise does not decide.
 *
 * No plateau: when that $i$ is the largest size, nothing confirms the curve has
 * levelled off (the score still rose by more than `tolerance` at the last
 * step), so `found` is `false`, `index`/`size`/`score` are `undefined` and
 * `reason` says so; likewise for a single size.
 *
 * @param sizes Training-set sizes, strictly increasing.
 * @param scores The score at each size.
 * @param options Tolerance, direction and kind of gain.
 * @returns The plateau (or why there is none).
 * @throws {RangeError} On different lengths, non-finite values, sizes not strictly
 *   increasing, a negative tolerance, or a relative gain with a best score of 0.
 *
 * @example Accuracy 0.9 − 0.5·e^(−n/100): the gap to the best falls below 0.01 at n = 400
 * ```ts
 * import assert from "node:assert/strict";
 * import { findPlateau } from "@lib/curves/mod.ts";
 * const sizes = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];
 * const scores = sizes.map((n) => 0.9 - 0.5 * Math.exp(-n / 100));
 * const plateau = findPlateau(sizes, scores, { tolerance: 0.01 });
 * assert.equal(plateau.size, 400);
 * assert.equal(findPlateau([1, 2, 3], [0.1, 0.2, 0.3], { tolerance: 0.01 }).found, false);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function findPlateau(
  sizes: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: PlateauOptions,
): Plateau {
  const context = "find a plateau";
  const { tolerance, direction = "maximize", gain = "absolute" } = options ?? {};
  assertFiniteArray(sizes, "sizes", context);
  assertFiniteArray(scores, "scores", context);
  assertSameLength(sizes, scores, ["sizes", "scores"], context);
  for (let i = 1; i < sizes.length; i++) {
    if (sizes[i] <= sizes[i - 1]) {
      raise(
        "range",
        context,
        `sizes must be strictly increasing, got ${sizes[i - 1]} then ${sizes[i]}`,
      );
    }
  }
  assertFiniteNumber(tolerance, "tolerance", context, { min: 0 });
  assertOneOf(direction, ["maximize", "minimize"], "direction", context);
  assertOneOf(gain, ["absolute", "relative"], "gain", context);
  const sign = direction === "maximize" ? 1 : -1;
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (sign * scores[i] > sign * scores[best]) best = i;
  const bestScore = scores[best];
  if (gain === "relative" && bestScore === 0) {
    raise("range", context, "a relative gain needs a non-zero best score, got 0");
  }
  const scale = gain === "relative" ? Math.abs(bestScore) : 1;
  const gainAt = (i: number) => (sign * (bestScore - scores[i])) / scale;
  let index = 0;
  while (gainAt(index) > tolerance) index++;
  const base = { bestScore, bestSize: sizes[best] };
  const none = { ...base, found: false, index: undefined, size: undefined, score: undefined };
  if (sizes.length === 1) {
    return { ...none, remainingGain: undefined, reason: "a plateau needs at least two sizes" };
  }
  const last = sizes.length - 1;
  if (index === last) {
    return {
      ...none,
      remainingGain: undefined,
      reason: `no plateau: every size below ${sizes[last]} is more than ${tolerance} ` +
        `(${gain}) worse than its score ${bestScore}; the curve is still improving`,
    };
  }
  return {
    ...base,
    found: true,
    index,
    size: sizes[index],
    score: scores[index],
    remainingGain: gainAt(index),
    reason: `from size ${sizes[index]} on, more data gains at most ${tolerance} (${gain}): ` +
      `score ${scores[index]}, best ${bestScore} at size ${sizes[best]}`,
  };
}
