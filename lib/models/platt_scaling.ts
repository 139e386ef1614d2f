/**
 * Platt scaling: recalibrating a classifier's probabilities on held-out data.
 *
 * @module
 */

import { assertProbabilityArray, raise } from "../_shared/validate.ts";
import { logLoss } from "../metrics/mod.ts";

/** A fitted Platt scaling: $p' = \sigma(a \operatorname{logit} p + b)$. */
export interface PlattScaling {
  /** a: below 1 pulls over-confident probabilities towards the middle. */
  readonly slope: number;
  /** b: shifts every probability in log-odds. */
  readonly intercept: number;
}

const EPS = 1e-12;
const logit = (p: number) => {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
};
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Fits Platt scaling (Platt, 1999) on held-out data: a logistic regression of
 * the label on the log-odds of the predicted probability,
 * $p' = \sigma(a\,\operatorname{logit} p + b)$, by Newton's method with step halving on the
 * log loss (without Platt's target smoothing). Fit it on validation data, never on
 * the data it will be judged on.
 *
 * @param yTrue True labels, 0 or 1, with both classes present.
 * @param yProb Predicted probability of class 1, in [0, 1] (clipped to [1e−12, 1 − 1e−12]).
 * @returns `{ slope, intercept }`; apply it with {@link applyPlattScaling}.
 * @throws {RangeError} On invalid input, a single class, or when Newton's method
 *   does not converge (separable data).
 * @see notebooks/01_setup.ipynb
 * @example Calibrated input comes back as the identity
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitPlattScaling } from "@lib/models/mod.ts";
 * // Rates 0.25 at p = 0.25 and 0.75 at p = 0.75: a = 1, b = 0.
 * const p = [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75];
 * const y = [1, 0, 0, 0, 1, 1, 1, 0];
 * const { slope, intercept } = fitPlattScaling(y, p);
 * assert.ok(Math.abs(slope - 1) < 1e-9 && Math.abs(intercept) < 1e-9);
 * ```
 */
export function fitPlattScaling(yTrue: ArrayLike<number>, yProb: ArrayLike<number>): PlattScaling {
  const context = "fit Platt scaling";
  logLoss(yTrue, yProb); // validates the labels, the probabilities and their lengths
  let positives = 0;
  for (let i = 0; i < yTrue.length; i++) positives += yTrue[i];
  if (positives === 0 || positives === yTrue.length) {
    raise("range", context, "yTrue must contain both classes");
  }
  const z = Array.from(yProb, logit);
  const loss = (a: number, b: number) => {
    let sum = 0;
    for (let i = 0; i < z.length; i++) {
      const t = a * z[i] + b; // log(1 + e^t) − y·t, computed without overflow
      sum += Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t))) - yTrue[i] * t;
    }
    return sum;
  };
  let a = 1, b = 0, current = loss(a, b);
  for (let iteration = 0; iteration < 200; iteration++) {
    let gA = 0, gB = 0, hAA = 0, hAB = 0, hBB = 0;
    for (let i = 0; i < z.length; i++) {
      const p = sigmoid(a * z[i] + b), r = p - yTrue[i], w = p * (1 - p);
      gA += r * z[i], gB += r, hAA += w * z[i] * z[i], hAB += w * z[i], hBB += w;
    }
    const det = hAA * hBB - hAB * hAB;
    if (!(det > 0)) break;
    const dA = (hBB * gA - hAB * gB) / det, dB = (hAA * gB - hAB * gA) / det;
    // Converged: the Newton step is below rounding noise (a line search would only see noise).
    if (Math.abs(dA) + Math.abs(dB) < 1e-10 * (1 + Math.abs(a) + Math.abs(b))) {
      return { slope: a - dA, intercept: b - dB };
    }
    // Halve the step until the loss does not rise by more than its rounding error.
    const tolerance = 1e-12 * (1 + current);
    let step = 1, next = loss(a - dA, b - dB);
    while (!(next <= current + tolerance) && step > 1e-10) {
      next = loss(a - (step /= 2) * dA, b - step * dB);
    }
    if (!(next <= current + tolerance)) break;
    a -= step * dA, b -= step * dB, current = next;
  }
  raise("range", context, "Newton's method did not converge (are the classes separable?)");
}

/**
 * Applies a fitted {@link PlattScaling} to probabilities.
 *
 * @param yProb Probabilities in [0, 1].
 * @param scaling From {@link fitPlattScaling}.
 * @returns The recalibrated probabilities.
 * @throws {RangeError} If a probability is outside [0, 1] or the scaling is not finite.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { applyPlattScaling } from "@lib/models/mod.ts";
 * const [p] = applyPlattScaling([0.5], { slope: 2, intercept: Math.log(3) });
 * assert.ok(Math.abs(p - 0.75) < 1e-12); // σ(ln 3) = 3/4
 * ```
 */
export function applyPlattScaling(yProb: ArrayLike<number>, scaling: PlattScaling): Float64Array {
  const context = "apply Platt scaling";
  assertProbabilityArray(yProb, "yProb", context);
  if (!Number.isFinite(scaling?.slope) || !Number.isFinite(scaling?.intercept)) {
    raise("range", context, "scaling.slope and scaling.intercept must be finite numbers");
  }
  return Float64Array.from(yProb, (p) => sigmoid(scaling.slope * logit(p) + scaling.intercept));
}
