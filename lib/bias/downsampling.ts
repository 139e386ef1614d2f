import { assertFiniteNumber, assertProbabilityArray, raise } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";

/**
 * Keeps every positive row and each negative row with probability `rate`
 * (negative down-sampling): with 1 % positives, a rate of 0.1 makes the
 * training set ten times smaller and about 9 % positive. A model trained on
 * the kept rows predicts the probability in the down-sampled data; correct it
 * with {@link recalibrateDownsampled}.
 *
 * @param labels 0/1 label of each row.
 * @param rate Share of negative rows kept, in (0, 1].
 * @param options `seed` or `rng`.
 * @returns The kept row indices, ascending.
 * @throws {RangeError} On a label other than 0 or 1, or a rate outside (0, 1].
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { downsampleNegatives } from "@lib/bias/mod.ts";
 * const kept = downsampleNegatives([1, 0, 0, 1, 0], 1, { seed: 1 });
 * assert.deepEqual(Array.from(kept), [0, 1, 2, 3, 4]); // rate 1 keeps everything
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function downsampleNegatives(
  labels: ArrayLike<number>,
  rate: number,
  options: RandomOptions,
): Int32Array {
  const context = "down-sample negatives";
  assertFiniteNumber(rate, "rate", context, { min: 0, max: 1 });
  if (rate === 0) raise("range", context, "rate must be in (0, 1], got 0");
  const rng = resolveRng(options, context);
  const kept: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) {
      raise("range", context, `labels[${i}] must be 0 or 1, got ${labels[i]}`);
    }
    if (labels[i] === 1 || rng.random() < rate) kept.push(i);
  }
  return Int32Array.from(kept);
}

/**
 * Turns probabilities learnt on negatively down-sampled data back into
 * probabilities of the full data (He et al., 2014, "Practical lessons from
 * predicting clicks on ads at Facebook"): keeping negatives at rate $w$
 * multiplies the odds by $1/w$, so
 *
 * $$ q = \frac{p}{p + (1 - p)/w} . $$
 *
 * @param probabilities Predicted probabilities $p$ in the down-sampled data, in [0, 1].
 * @param rate The negative sampling rate $w$, in (0, 1].
 * @returns The recalibrated probabilities $q$.
 * @throws {RangeError} On a probability outside [0, 1] or a rate outside (0, 1].
 *
 * @example Half positive after keeping 10 % of the negatives means 1 in 11 before
 * ```ts
 * import assert from "node:assert/strict";
 * import { recalibrateDownsampled } from "@lib/bias/mod.ts";
 * assert.ok(Math.abs(recalibrateDownsampled([0.5], 0.1)[0] - 1 / 11) < 1e-12);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function recalibrateDownsampled(
  probabilities: ArrayLike<number>,
  rate: number,
): Float64Array {
  const context = "recalibrate down-sampled probabilities";
  assertProbabilityArray(probabilities, "probabilities", context);
  assertFiniteNumber(rate, "rate", context, { min: 0, max: 1 });
  if (rate === 0) raise("range", context, "rate must be in (0, 1], got 0");
  return Float64Array.from(probabilities, (p) => p / (p + (1 - p) / rate));
}
