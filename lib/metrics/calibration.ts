/**
 * Calibration of predicted probabilities: the Brier score and the
 * reliability (calibration) curve.
 *
 * @module
 */

import { assertInteger, assertOneOf } from "../_shared/validate.ts";
import {
  assertBinaryProbabilities,
  checkSampleWeight,
  contextOf,
  type NumberArray,
} from "./_validate.ts";

/** Options of {@link brierScoreLoss}. */
export interface BrierOptions {
  /** Per-sample weights (non-negative, positive sum). @default undefined (all 1) */
  sampleWeight?: NumberArray;
}

/**
 * Brier score: the mean squared difference between the predicted
 * probability of class 1 and the outcome.
 *
 * $$\mathrm{BS} = \frac{1}{\sum_i w_i}\sum_i w_i\,(p_i - y_i)^2$$
 *
 * Binary, as scikit-learn's `brier_score_loss` with the default
 * `scale_by_half` for binary input (the plain mean, in [0, 1]).
 *
 * @param yTrue True labels, 0 or 1 (a single class is allowed).
 * @param yProb Predicted probability of class 1, in [0, 1].
 * @param options See {@link BrierOptions}.
 * @returns A number in [0, 1]; 0 for certain, correct predictions.
 * @throws {RangeError} On empty or mismatched arrays, non-finite values,
 * labels other than 0/1, probabilities outside [0, 1] or an invalid
 * `sampleWeight`.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example scikit-learn's `brier_score_loss` docstring
 * ```ts
 * import assert from "node:assert/strict";
 * import { brierScoreLoss } from "@lib/metrics/mod.ts";
 * const bs = brierScoreLoss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]);
 * assert.ok(Math.abs(bs - 0.0375) < 1e-15);
 * ```
 */
export function brierScoreLoss(
  yTrue: NumberArray,
  yProb: NumberArray,
  options: BrierOptions = {},
): number {
  const context = contextOf("brierScoreLoss");
  assertBinaryProbabilities(yTrue, yProb, context);
  const weight = checkSampleWeight(options.sampleWeight, yTrue, context);
  let sum = 0, total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weight === undefined ? 1 : weight[i];
    const d = yProb[i] - yTrue[i];
    sum += w * d * d;
    total += w;
  }
  return sum / total;
}

/** How {@link calibrationCurve} places its bin edges. */
export type CalibrationStrategy = "uniform" | "quantile";

/** Options of {@link calibrationCurve}. */
export interface CalibrationCurveOptions {
  /** Number of bins (integer ≥ 1). @default 5 */
  nBins?: number;
  /**
   * `"uniform"`: equal-width bins on [0, 1]; `"quantile"`: edges at the
   * quantiles of `yProb` (numpy's linear percentile), so bins hold about
   * equally many samples.
   * @default "uniform"
   */
  strategy?: CalibrationStrategy;
}

/** A reliability curve over the non-empty bins, in increasing order. */
export interface CalibrationCurve {
  /** Fraction of samples with label 1 in each bin. */
  fractionOfPositives: number[];
  /** Mean predicted probability in each bin. */
  meanPredicted: number[];
  /** Number of samples in each bin. */
  counts: number[];
  /** Index (0 … nBins − 1) of each returned bin among all bins. */
  binIndex: number[];
  /** All nBins + 1 bin edges, from the lowest to the highest. */
  binEdges: number[];
}

/**
 * The reliability diagram's points: for each bin of predicted probability,
 * the observed fraction of positives against the mean prediction. A
 * calibrated model lies on the diagonal.
 *
 * $$\text{bin } b:\quad \bar y_b = \frac{1}{n_b}\sum_{i \in b} y_i,\qquad
 *   \bar p_b = \frac{1}{n_b}\sum_{i \in b} p_i$$
 *
 * As scikit-learn's `calibration_curve`: a probability equal to an inner
 * edge falls in the lower bin (`searchsorted(edges[1:-1], p)`, so bins are
 * [e₀, e₁], (e₁, e₂], …), and empty bins are left out, so the arrays may be
 * shorter than `nBins`.
 *
 * @param yTrue True labels, 0 or 1.
 * @param yProb Predicted probability of class 1, in [0, 1].
 * @param options See {@link CalibrationCurveOptions}.
 * @returns `{ fractionOfPositives, meanPredicted, counts, binIndex, binEdges }`.
 * @throws {RangeError} On empty or mismatched arrays, non-finite values,
 * labels other than 0/1, probabilities outside [0, 1], `nBins` not an
 * integer ≥ 1 or an unknown `strategy`.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example scikit-learn's `calibration_curve` docstring
 * ```ts
 * import assert from "node:assert/strict";
 * import { calibrationCurve } from "@lib/metrics/mod.ts";
 * const yTrue = [0, 0, 0, 0, 1, 1, 1, 1, 1];
 * const yProb = [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1];
 * const c = calibrationCurve(yTrue, yProb, { nBins: 3 });
 * assert.deepEqual(c.fractionOfPositives, [0, 0.5, 1]);
 * assert.deepEqual(c.counts, [3, 2, 4]);
 * assert.ok(Math.abs(c.meanPredicted[1] - 0.525) < 1e-15);
 * ```
 */
export function calibrationCurve(
  yTrue: NumberArray,
  yProb: NumberArray,
  options: CalibrationCurveOptions = {},
): CalibrationCurve {
  const context = contextOf("calibrationCurve");
  const { nBins = 5, strategy = "uniform" } = options;
  assertBinaryProbabilities(yTrue, yProb, context);
  assertInteger(nBins, "nBins", context, { min: 1 });
  assertOneOf(strategy, ["uniform", "quantile"], "strategy", context);
  const edges = strategy === "uniform" ? uniformEdges(nBins) : quantileEdges(yProb, nBins);
  const sums = new Float64Array(nBins), positives = new Float64Array(nBins);
  const counts = new Float64Array(nBins);
  for (let i = 0; i < yProb.length; i++) {
    const b = searchLeft(edges, yProb[i]);
    sums[b] += yProb[i];
    positives[b] += yTrue[i];
    counts[b]++;
  }
  const out: CalibrationCurve = {
    fractionOfPositives: [],
    meanPredicted: [],
    counts: [],
    binIndex: [],
    binEdges: edges,
  };
  for (let b = 0; b < nBins; b++) {
    if (counts[b] === 0) continue;
    out.fractionOfPositives.push(positives[b] / counts[b]);
    out.meanPredicted.push(sums[b] / counts[b]);
    out.counts.push(counts[b]);
    out.binIndex.push(b);
  }
  return out;
}

/** numpy's `linspace(0, 1, n + 1)`: i·(1/n), the last edge exactly 1. */
function uniformEdges(n: number): number[] {
  const step = 1 / n;
  return Array.from({ length: n + 1 }, (_, i) => (i === n ? 1 : i * step));
}

/** numpy's `percentile(p, linspace(0, 1, n + 1) * 100)`, method "linear". */
function quantileEdges(values: NumberArray, n: number): number[] {
  const sorted = Float64Array.from(values).sort();
  const m = sorted.length;
  return uniformEdges(n).map((q) => {
    const h = ((q * 100) / 100) * (m - 1);
    const lo = Math.floor(h), t = h - lo;
    const a = sorted[lo], b = sorted[Math.min(lo + 1, m - 1)];
    const diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t; // numpy's _lerp
  });
}

/** Bin of `p`: the number of inner edges strictly below it. */
function searchLeft(edges: number[], p: number): number {
  let lo = 0, hi = edges.length - 2; // inner edges are edges[1 … n−1]
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid + 1] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
