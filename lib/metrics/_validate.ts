/**
 * Validation shared by the metrics, on top of `lib/_shared/validate.ts`. Every
 * message names the metric, the argument and the offending value, e.g.
 * `Cannot compute rocAucScore: yTrue[3] must be 0 or 1, got 2`.
 *
 * @module
 */

import {
  assertFiniteArray,
  assertInteger,
  assertNumberArray,
  assertProbabilityArray,
  assertSameLength,
  type NumberArray,
  raise,
} from "../_shared/validate.ts";

export type { NumberArray };

/** The `context` of an error message: `"compute <metric>"`. */
export function contextOf(metric: string): string {
  return `compute ${metric}`;
}

/**
 * Checks two paired arrays: numeric, the same length, non-empty and finite
 * (in that order, so a length mismatch is reported before a bad entry).
 */
export function assertPair(
  a: unknown,
  b: unknown,
  names: [string, string],
  context: string,
): asserts a is NumberArray {
  assertNumberArray(a, names[0], context);
  assertNumberArray(b, names[1], context);
  assertSameLength(a, b, names, context);
  assertFiniteArray(a, names[0], context);
  assertFiniteArray(b, names[1], context);
}

/** Throws a RangeError unless every entry of `y` is 0 or 1. */
export function assertBinaryLabels(y: NumberArray, name: string, context: string): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v !== 0 && v !== 1) raise("range", context, `${name}[${i}] must be 0 or 1, got ${v}`);
  }
}

/**
 * Validates optional sample weights: same length as `yTrue`, finite,
 * non-negative, with a positive sum. Returns them (or `undefined`).
 */
export function checkSampleWeight(
  weight: unknown,
  yTrue: NumberArray,
  context: string,
): NumberArray | undefined {
  if (weight === undefined) return undefined;
  assertNumberArray(weight, "sampleWeight", context);
  assertSameLength(yTrue, weight, ["yTrue", "sampleWeight"], context);
  assertFiniteArray(weight, "sampleWeight", context);
  let sum = 0;
  for (let i = 0; i < weight.length; i++) {
    if (weight[i] < 0) {
      raise("range", context, `sampleWeight[${i}] must be non-negative, got ${weight[i]}`);
    }
    sum += weight[i];
  }
  if (!(sum > 0)) raise("range", context, `sampleWeight must have a positive sum, got ${sum}`);
  return weight;
}

/**
 * Checks binary labels against probabilities of class 1: a valid pair
 * ({@link assertPair}), labels 0 or 1, probabilities in [0, 1].
 */
export function assertBinaryProbabilities(
  yTrue: NumberArray,
  yProb: NumberArray,
  context: string,
): void {
  assertPair(yTrue, yProb, ["yTrue", "yProb"], context);
  assertBinaryLabels(yTrue, "yTrue", context);
  assertProbabilityArray(yProb, "yProb", context);
}

/**
 * Checks binary labels against scores ({@link assertPair}, labels 0 or 1) and
 * the optional sample weights; returns the weights (or `undefined`).
 */
export function checkBinaryScores(
  yTrue: NumberArray,
  yScore: NumberArray,
  sampleWeight: unknown,
  context: string,
): NumberArray | undefined {
  assertPair(yTrue, yScore, ["yTrue", "yScore"], context);
  assertBinaryLabels(yTrue, "yTrue", context);
  return checkSampleWeight(sampleWeight, yTrue, context);
}

/** Validates the `zeroDivision` option: 0, 1 or NaN. */
export function assertZeroDivision(value: unknown, context: string): asserts value is number {
  if (value !== 0 && value !== 1 && !Number.isNaN(value)) {
    const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
    raise("range", context, `zeroDivision must be 0, 1 or NaN, got ${shown}`);
  }
}

/** `k` as an integer ≥ 1 (default: `n`, every item). */
export function resolveK(k: unknown, n: number, context: string): number {
  if (k === undefined) return n;
  assertInteger(k, "k", context, { min: 1 });
  return k;
}

/** Throws a RangeError unless every relevance grade is ≥ 0. */
export function assertRelevance(y: NumberArray, name: string, context: string): void {
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0) {
      raise("range", context, `${name}[${i}] must be a non-negative relevance grade, got ${y[i]}`);
    }
  }
}

/** `numerator / denominator`, or `zeroDivision` when the denominator is 0. */
export function divide(numerator: number, denominator: number, zeroDivision: number): number {
  return denominator === 0 ? zeroDivision : numerator / denominator;
}
