import { assertProbabilityArray, assertSameLength, raise } from "../_shared/validate.ts";

/** A monotone step function from scores to probabilities, fitted by {@link fitIsotonicCalibration}. */
export interface IsotonicCalibration {
  /** Lowest score of each block, increasing. */
  readonly lows: Float64Array;
  /** Calibrated probability of each block, non-decreasing. */
  readonly values: Float64Array;
  /** Number of fitting rows in each block. */
  readonly counts: Float64Array;
}

/**
 * Isotonic recalibration (Zadrozny & Elkan, 2002): the non-decreasing function of
 * the score that minimises the squared error to the 0/1 labels, found by the
 * **pool-adjacent-violators** algorithm (Ayer et al., 1955; Barlow et al., 1972).
 * Sort the rows by score, pool rows with equal scores, then walk the blocks from the
 * lowest score up: whenever a block's mean label is below the previous block's,
 * merge the two into one block with the weighted mean (equal means are merged too),
 * and repeat backwards until the means increase strictly. Each block's mean is its calibrated probability.
 *
 * Unlike Platt scaling (two parameters, a sigmoid of the log-odds) it assumes only
 * that a higher score never means a lower probability, so it can repair any monotone
 * miscalibration; it needs more data, and ties many scores to one value (a step
 * function). Fit it on held-out rows (validation), never on the rows it is judged on.
 *
 * @param yTrue Labels, 0 or 1.
 * @param yProb Scores in [0, 1] (e.g. a model's probabilities), same length, at least one.
 * @returns The blocks: their lowest scores, probabilities and sizes.
 * @throws {RangeError} If the lengths differ, `yProb` is empty or outside [0, 1], or a label is not 0 or 1.
 * @see notebooks/01_setup.ipynb
 * @example Worked by hand: labels 1 0 0 1 0 1 at scores 0.1 … 0.6
 * ```ts
 * import assert from "node:assert/strict";
 * import { applyIsotonicCalibration, fitIsotonicCalibration } from "@lib/models/mod.ts";
 * // 1 | 0 violate → pool (1/2); then 0 → pool (1/3); 1 | 0 → pool (1/2); then 1.
 * const iso = fitIsotonicCalibration([1, 0, 0, 1, 0, 1], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
 * assert.deepEqual([...iso.values], [1 / 3, 1 / 2, 1]);
 * assert.deepEqual([...iso.lows], [0.1, 0.4, 0.6]);
 * assert.deepEqual([...applyIsotonicCalibration([0.05, 0.45, 0.9], iso)], [1 / 3, 1 / 2, 1]);
 * ```
 */
export function fitIsotonicCalibration(
  yTrue: ArrayLike<number>,
  yProb: ArrayLike<number>,
): IsotonicCalibration {
  const context = "fit isotonic calibration";
  assertProbabilityArray(yProb, "yProb", context);
  assertSameLength(yTrue, yProb, ["yTrue", "yProb"], context);
  const n = yProb.length;
  if (n === 0) raise("range", context, "yProb must not be empty");
  for (let i = 0; i < n; i++) {
    if (yTrue[i] !== 0 && yTrue[i] !== 1) {
      raise("range", context, `yTrue must hold only 0 and 1, got ${yTrue[i]} at ${i}`);
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => yProb[a] - yProb[b]);
  // Blocks as a stack: label sum, row count, lowest score.
  const sums: number[] = [], counts: number[] = [], lows: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const top = sums.length - 1;
    if (top >= 0 && yProb[i] === yProb[order[k - 1]]) {
      sums[top] += yTrue[i], counts[top] += 1; // equal scores share one block
    } else {
      sums.push(yTrue[i]), counts.push(1), lows.push(yProb[i]);
    }
    // Pool while the last block's mean does not rise above the previous one's.
    while (
      sums.length > 1 &&
      sums.at(-2)! / counts.at(-2)! >= sums.at(-1)! / counts.at(-1)!
    ) {
      const s = sums.pop()!, c = counts.pop()!;
      lows.pop();
      sums[sums.length - 1] += s, counts[counts.length - 1] += c;
    }
  }
  return {
    lows: Float64Array.from(lows),
    values: Float64Array.from(sums, (s, b) => s / counts[b]),
    counts: Float64Array.from(counts),
  };
}

/**
 * Applies an isotonic recalibration: each score gets the probability of the block
 * with the largest lowest score not above it (scores below the first block get the
 * first block's value), a non-decreasing step function.
 *
 * @param yProb Scores in [0, 1].
 * @param calibration From {@link fitIsotonicCalibration}.
 * @returns The recalibrated probabilities.
 * @throws {RangeError} If a score is outside [0, 1] or the calibration has no block.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { applyIsotonicCalibration } from "@lib/models/mod.ts";
 * const iso = { lows: [0, 0.5], values: [0.1, 0.7], counts: [10, 10] };
 * assert.deepEqual([...applyIsotonicCalibration([0.2, 0.5, 0.9], iso as never)], [0.1, 0.7, 0.7]);
 * ```
 */
export function applyIsotonicCalibration(
  yProb: ArrayLike<number>,
  calibration: IsotonicCalibration,
): Float64Array {
  const context = "apply isotonic calibration";
  assertProbabilityArray(yProb, "yProb", context);
  const { lows, values } = calibration ?? {};
  if (!lows || !values || lows.length === 0 || lows.length !== values.length) {
    raise("range", context, "calibration must have as many lows as values, at least one");
  }
  return Float64Array.from(yProb, (p) => {
    let lo = 0, hi = lows.length - 1; // the last block whose low is ≤ p (or block 0)
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lows[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return values[lo];
  });
}
