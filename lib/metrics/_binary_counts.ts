/**
 * Cumulative true/false positive counts at every distinct score, the common
 * ground of the ROC and precision–recall curves and of threshold tuning
 * (scikit-learn's `confusion_matrix_at_thresholds`).
 *
 * @module
 */

import { raise } from "../_shared/validate.ts";
import { checkBinaryScores, contextOf, type NumberArray } from "./_validate.ts";
import { argsortDescending } from "./_sort.ts";

/**
 * `tps[i]`/`fps[i]`: (weighted) positives/negatives with score ≥
 * `thresholds[i]`; thresholds are the distinct scores, decreasing.
 */
export interface ThresholdCounts {
  thresholds: Float64Array;
  tps: Float64Array;
  fps: Float64Array;
}

/**
 * Sorts by decreasing score (stable) and accumulates the counts at the last
 * index of every run of equal scores. Samples of weight 0 are dropped first,
 * so they add no threshold (as scikit-learn). `yTrue` must hold 0/1.
 */
export function thresholdCounts(
  yTrue: NumberArray,
  yScore: NumberArray,
  weight?: NumberArray,
): ThresholdCounts {
  let keep: Uint32Array | undefined;
  if (weight !== undefined) {
    let m = 0;
    keep = new Uint32Array(yTrue.length);
    for (let i = 0; i < yTrue.length; i++) if (weight[i] !== 0) keep[m++] = i;
    keep = keep.subarray(0, m);
  }
  const n = keep === undefined ? yScore.length : keep.length;
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) score[i] = yScore[keep === undefined ? i : keep[i]];
  const order = argsortDescending(score);
  const thresholds = new Float64Array(n), tps = new Float64Array(n), fps = new Float64Array(n);
  let tp = 0, fp = 0, m = 0;
  let current = score[order[0]];
  for (let r = 0; r < n; r++) {
    const j = order[r];
    const src = keep === undefined ? j : keep[j];
    const w = weight === undefined ? 1 : weight[src];
    if (yTrue[src] === 1) tp += w;
    else fp += w;
    const next = r === n - 1 ? NaN : score[order[r + 1]];
    if (next !== current) {
      thresholds[m] = current;
      tps[m] = tp;
      fps[m] = fp;
      m++;
      current = next;
    }
  }
  return {
    thresholds: thresholds.subarray(0, m),
    tps: tps.subarray(0, m),
    fps: fps.subarray(0, m),
  };
}

/**
 * Validates binary labels, scores and weights for `metric`, then returns the
 * {@link ThresholdCounts}. `require`: which classes must carry positive
 * weight (`"both"` for ROC, `"positive"` for precision–recall).
 */
export function validatedCounts(
  yTrue: NumberArray,
  yScore: NumberArray,
  sampleWeight: unknown,
  metric: string,
  require: "both" | "positive",
): ThresholdCounts {
  const context = contextOf(metric);
  const weight = checkBinaryScores(yTrue, yScore, sampleWeight, context);
  const counts = thresholdCounts(yTrue, yScore, weight);
  const last = counts.tps.length - 1;
  const positives = counts.tps[last], negatives = counts.fps[last];
  const qualifier = weight === undefined ? "" : " with positive weight";
  if (require === "both" && (positives === 0 || negatives === 0)) {
    const only = positives === 0 ? 0 : 1;
    raise(
      "range",
      context,
      `yTrue must contain both classes 0 and 1${qualifier}, got only ${only}`,
    );
  }
  if (require === "positive" && positives === 0) {
    raise("range", context, `yTrue must contain at least one positive (1)${qualifier}, got none`);
  }
  return counts;
}
