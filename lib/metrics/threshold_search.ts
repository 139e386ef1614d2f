/**
 * Choosing a decision threshold: the one that maximises a metric (F1,
 * accuracy, balanced accuracy, Youden's J) or minimises the expected cost of
 * false positives and false negatives.
 *
 * @module
 */

import { assertFiniteNumber, assertOneOf, raise } from "../_shared/validate.ts";
import { checkBinaryScores, contextOf, divide, type NumberArray } from "./_validate.ts";
import { thresholdCounts } from "./_binary_counts.ts";
import { metricsFromCounts, type ThresholdMetrics } from "./_threshold_metrics.ts";

/** A chosen threshold, the value it reaches and its full metrics. */
export interface ThresholdChoice {
  /** The threshold: a score of the data, or `Infinity` (predict nothing positive). */
  threshold: number;
  /** The optimised metric, or the mean cost, at that threshold. */
  value: number;
  /** All metrics of the rule "score ≥ threshold". */
  metrics: ThresholdMetrics;
}

type Objective = (tp: number, fp: number, tn: number, fn: number) => number;

/**
 * Evaluates `gain` at `Infinity` and at every distinct score (decreasing) and
 * keeps the first maximum, i.e. the highest threshold among equals.
 */
function sweep(
  yTrue: NumberArray,
  yScore: NumberArray,
  weight: NumberArray | undefined,
  gain: Objective,
): { threshold: number; tp: number; fp: number; pos: number; neg: number } {
  const { thresholds, tps, fps } = thresholdCounts(yTrue, yScore, weight);
  const pos = tps[tps.length - 1], neg = fps[fps.length - 1];
  let best = { threshold: Infinity, tp: 0, fp: 0, pos, neg };
  let bestGain = gain(0, 0, neg, pos);
  for (let i = 0; i < tps.length; i++) {
    const g = gain(tps[i], fps[i], neg - fps[i], pos - tps[i]);
    if (g > bestGain) {
      bestGain = g;
      best = { threshold: thresholds[i], tp: tps[i], fp: fps[i], pos, neg };
    }
  }
  return best;
}

/** Metrics that {@link bestThreshold} can maximise. */
export type ThresholdMetric = "f1" | "accuracy" | "balancedAccuracy" | "youden";

const OBJECTIVES: Record<ThresholdMetric, Objective> = {
  f1: (tp, fp, _tn, fn) => divide(2 * tp, 2 * tp + fp + fn, 0),
  accuracy: (tp, fp, tn, fn) => (tp + tn) / (tp + fp + tn + fn),
  balancedAccuracy: (tp, fp, tn, fn) => (tp / (tp + fn) + tn / (tn + fp)) / 2,
  youden: (tp, fp, tn, fn) => tp / (tp + fn) - fp / (fp + tn),
};

/** Options of {@link bestThreshold}. */
export interface BestThresholdOptions {
  /**
   * `"f1"` 2TP / (2TP + FP + FN); `"accuracy"`; `"balancedAccuracy"`
   * (TPR + TNR) / 2; `"youden"` J = TPR − FPR.
   * @default "f1"
   */
  metric?: ThresholdMetric;
  /** Per-sample weights (non-negative, positive sum). @default undefined (all 1) */
  sampleWeight?: NumberArray;
}

/**
 * The threshold whose rule "score ≥ threshold" maximises `metric`, among the
 * distinct scores and `Infinity`, found in one O(n log n) sweep.
 *
 * $$t^\ast = \arg\max_{t \in \{s_i\} \cup \{\infty\}} M\big(TP(t), FP(t), TN(t), FN(t)\big)$$
 *
 * Ties between thresholds go to the highest (fewest positive predictions).
 * Both classes must be present (with positive weight) in `yTrue`.
 *
 * @param yTrue True labels, 0 and 1 both present.
 * @param yScore Scores or probabilities.
 * @param options See {@link BestThresholdOptions}.
 * @returns `{ threshold, value, metrics }`.
 * @throws {RangeError} On empty or mismatched arrays, non-finite values,
 * labels other than 0/1, a single class, an unknown `metric` or an invalid
 * `sampleWeight`.
 * @throws {TypeError} If an argument is not a numeric array.
 * @see notebooks/01_setup.ipynb
 *
 * @example F1 is best at 0.35: TP 2, FP 1, FN 0, F1 = 4/5
 * ```ts
 * import assert from "node:assert/strict";
 * import { bestThreshold } from "@lib/metrics/mod.ts";
 * const best = bestThreshold([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * assert.equal(best.threshold, 0.35);
 * assert.equal(best.value, 0.8);
 * ```
 */
export function bestThreshold(
  yTrue: NumberArray,
  yScore: NumberArray,
  options: BestThresholdOptions = {},
): ThresholdChoice {
  const context = contextOf("bestThreshold");
  const { metric = "f1" } = options;
  const weight = checkBinaryScores(yTrue, yScore, options.sampleWeight, context);
  assertOneOf(metric, Object.keys(OBJECTIVES) as ThresholdMetric[], "metric", context);
  const gain = OBJECTIVES[metric];
  const { threshold, tp, fp, pos, neg } = sweep(yTrue, yScore, weight, gain);
  if (pos === 0 || neg === 0) {
    const qualifier = weight === undefined ? "" : " with positive weight";
    const only = pos === 0 ? 0 : 1;
    raise(
      "range",
      context,
      `yTrue must contain both classes 0 and 1${qualifier}, got only ${only}`,
    );
  }
  const metrics = metricsFromCounts(threshold, tp, fp, neg - fp, pos - tp);
  return { threshold, value: gain(tp, fp, neg - fp, pos - tp), metrics };
}

/** Options of {@link minCostThreshold}. */
export interface MinCostThresholdOptions {
  /** Cost of one false positive (finite, ≥ 0). @default 1 */
  costFp?: number;
  /** Cost of one false negative (finite, ≥ 0). @default 1 */
  costFn?: number;
  /** Per-sample weights (non-negative, positive sum). @default undefined (all 1) */
  sampleWeight?: NumberArray;
}

/**
 * The threshold whose rule "score ≥ threshold" has the lowest mean cost per
 * sample, among the distinct scores and `Infinity`.
 *
 * $$t^\ast = \arg\min_{t} \frac{c_{FP}\,FP(t) + c_{FN}\,FN(t)}{\sum_i w_i}$$
 *
 * For calibrated probabilities the optimum is near
 * c_FP / (c_FP + c_FN) (Elkan 2001). Ties go to the highest threshold. A
 * single class is allowed.
 *
 * @param yTrue True labels, 0 or 1.
 * @param yScore Scores or probabilities.
 * @param options See {@link MinCostThresholdOptions}.
 * @returns `{ threshold, value, metrics }`, `value` being the mean cost.
 * @throws {RangeError} On empty or mismatched arrays, non-finite values,
 * labels other than 0/1, negative or non-finite costs or an invalid
 * `sampleWeight`.
 * @throws {TypeError} If an argument is not a numeric array or a cost is not
 * a number.
 * @see notebooks/01_setup.ipynb
 *
 * @example A false negative costs 5: predict 1 from 0.35 on (FP 1, FN 0)
 * ```ts
 * import assert from "node:assert/strict";
 * import { minCostThreshold } from "@lib/metrics/mod.ts";
 * const best = minCostThreshold([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], { costFn: 5 });
 * assert.equal(best.threshold, 0.35);
 * assert.equal(best.value, 0.25);
 * ```
 */
export function minCostThreshold(
  yTrue: NumberArray,
  yScore: NumberArray,
  options: MinCostThresholdOptions = {},
): ThresholdChoice {
  const context = contextOf("minCostThreshold");
  const { costFp = 1, costFn = 1 } = options;
  const weight = checkBinaryScores(yTrue, yScore, options.sampleWeight, context);
  assertFiniteNumber(costFp, "costFp", context, { min: 0 });
  assertFiniteNumber(costFn, "costFn", context, { min: 0 });
  const cost = (fp: number, fn: number, total: number) => (costFp * fp + costFn * fn) / total;
  const { threshold, tp, fp, pos, neg } = sweep(
    yTrue,
    yScore,
    weight,
    (tp, fp, tn, fn) => -cost(fp, fn, tp + fp + tn + fn),
  );
  const metrics = metricsFromCounts(threshold, tp, fp, neg - fp, pos - tp);
  return { threshold, value: cost(fp, pos - tp, pos + neg), metrics };
}
