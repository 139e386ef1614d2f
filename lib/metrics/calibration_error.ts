/**
 * The expected calibration error of predicted probabilities.
 *
 * @module
 */

import type { NumberArray } from "./_validate.ts";
import { calibrationCurve, type CalibrationCurveOptions } from "./calibration.ts";

/**
 * Expected calibration error: the gap between the mean prediction and the
 * observed rate in each bin of {@link calibrationCurve}, weighted by the bin's
 * share of the samples (Naeini, Cooper and Hauskrecht, 2015),
 *
 * $$\mathrm{ECE} = \sum_b \frac{n_b}{n}\,\lvert \bar y_b - \bar p_b \rvert .$$
 *
 * @param yTrue True labels, 0 or 1.
 * @param yProb Predicted probability of class 1, in [0, 1].
 * @param options Bins, as {@link calibrationCurve} (default 10 uniform bins).
 * @returns A number in [0, 1]; 0 when every bin's mean prediction equals its rate.
 * @throws {RangeError} As {@link calibrationCurve}.
 * @see notebooks/01_setup.ipynb
 * @example Two bins: |0 − 0.2| · 2/4 + |1 − 0.7| · 2/4 = 0.25
 * ```ts
 * import assert from "node:assert/strict";
 * import { expectedCalibrationError } from "@lib/metrics/mod.ts";
 * const ece = expectedCalibrationError([0, 0, 1, 1], [0.1, 0.3, 0.6, 0.8], { nBins: 2 });
 * assert.ok(Math.abs(ece - 0.25) < 1e-12);
 * ```
 */
export function expectedCalibrationError(
  yTrue: NumberArray,
  yProb: NumberArray,
  options: CalibrationCurveOptions = {},
): number {
  const { nBins = 10, strategy = "uniform" } = options;
  const c = calibrationCurve(yTrue, yProb, { nBins, strategy });
  let sum = 0;
  c.counts.forEach((n, b) => sum += n * Math.abs(c.fractionOfPositives[b] - c.meanPredicted[b]));
  return sum / yTrue.length;
}
