import { assertFiniteArray, assertFiniteNumber, assertSameLength } from "../_shared/validate.ts";
import { earlyStoppingPoint } from "../curves/mod.ts";

/** The verdict of {@link diagnoseFit}. */
export type FitVerdict = "underfitting" | "overfitting" | "good fit";

/** Options of {@link diagnoseFit}. */
export interface FitDiagnosisOptions {
  /**
   * The loss the model should reach on its training data (e.g. the benchmark's loss, or
   * the noise floor when it is known).
   */
  targetLoss: number;
  /** Relative slack on `targetLoss`: underfitting when final train > target·(1 + tol). @default 0.05 */
  targetTolerance?: number;
  /**
   * Overfitting when the final validation loss exceeds train by this share of
   * max(train, `targetLoss`). @default 0.2
   */
  gapTolerance?: number;
  /** Overfitting when the final validation loss exceeds its minimum by this share. @default 0.05 */
  riseTolerance?: number;
}

/** Result of {@link diagnoseFit}. */
export interface FitDiagnosis {
  verdict: FitVerdict;
  /** Final training loss. */
  trainLoss: number;
  /** Final validation loss. */
  validationLoss: number;
  /** (validation − train)/max(train, targetLoss) at the end. */
  gap: number;
  /** Epoch (0-based) of the lowest validation loss. */
  bestEpoch: number;
  /** (final validation − lowest validation)/lowest validation. */
  rise: number;
  /** The rule that fired, with its numbers. */
  reason: string;
}

/**
 * Diagnoses a fit from its training and validation loss curves (lower is better),
 * with this rule, checked in order:
 *
 * 1. **underfitting** if the final training loss exceeds `targetLoss·(1 + targetTolerance)`:
 *    the model cannot even fit its training data (high bias: add capacity or features);
 * 2. **overfitting** if the final validation loss exceeds the final training loss by more
 *    than `gapTolerance` of the larger of the training loss and `targetLoss` (so that a
 *    training loss near 0 does not turn a tiny absolute gap into a large relative one), or
 *    exceeds its own minimum (the early-stopping point of
 *    `lib/curves`) by more than `riseTolerance` of it (high variance: more data,
 *    regularisation, early stopping);
 * 3. **good fit** otherwise.
 *
 * @param trainLoss Training loss per epoch (or per capacity step), finite, non-empty.
 * @param validationLoss Validation loss at the same points.
 * @param options `targetLoss` (required) and the tolerances.
 * @returns The {@link FitDiagnosis}.
 * @throws {RangeError} If the curves are empty, not finite or of different lengths, or an
 *   option is out of range.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { diagnoseFit } from "@lib/debug/mod.ts";
 * const train = [0.9, 0.5, 0.3, 0.1], val = [1.0, 0.6, 0.5, 0.7];
 * assert.equal(diagnoseFit(train, val, { targetLoss: 0.3 }).verdict, "overfitting");
 * assert.equal(diagnoseFit([0.9, 0.8, 0.8], [0.92, 0.82, 0.81], { targetLoss: 0.3 }).verdict, "underfitting");
 * // Training loss near 0, validation still falling: the gap is small against the target.
 * assert.equal(diagnoseFit([0.5, 0.01, 0.001], [0.6, 0.002, 0.0015], { targetLoss: 0.1 }).verdict, "good fit");
 * ```
 */
export function diagnoseFit(
  trainLoss: ArrayLike<number>,
  validationLoss: ArrayLike<number>,
  options: FitDiagnosisOptions,
): FitDiagnosis {
  const context = "run diagnoseFit";
  const { targetLoss, targetTolerance = 0.05, gapTolerance = 0.2, riseTolerance = 0.05 } =
    options ?? {};
  assertFiniteArray(trainLoss, "trainLoss", context);
  assertFiniteArray(validationLoss, "validationLoss", context);
  assertSameLength(trainLoss, validationLoss, ["trainLoss", "validationLoss"], context);
  assertFiniteNumber(targetLoss, "targetLoss", context, { min: 0 });
  assertFiniteNumber(targetTolerance, "targetTolerance", context, { min: 0 });
  assertFiniteNumber(gapTolerance, "gapTolerance", context, { min: 0 });
  assertFiniteNumber(riseTolerance, "riseTolerance", context, { min: 0 });
  const last = trainLoss.length - 1;
  const train = trainLoss[last], val = validationLoss[last];
  const best = earlyStoppingPoint(validationLoss, { patience: validationLoss.length });
  const gap = (val - train) / Math.max(Math.abs(train), targetLoss, 1e-12);
  const rise = (val - best.value) / Math.max(Math.abs(best.value), 1e-12);
  const f = (x: number) => x.toPrecision(3);
  const common = { trainLoss: train, validationLoss: val, gap, bestEpoch: best.index, rise };
  if (train > targetLoss * (1 + targetTolerance)) {
    return {
      ...common,
      verdict: "underfitting",
      reason: `training loss ${f(train)} is above the target ${f(targetLoss)}`,
    };
  }
  if (gap > gapTolerance || rise > riseTolerance) {
    return {
      ...common,
      verdict: "overfitting",
      reason: gap > gapTolerance
        ? `validation loss ${f(val)} exceeds training loss ${f(train)} by more than ${
          f(100 * gapTolerance)
        } % of max(training loss, target ${f(targetLoss)})`
        : `validation loss rose ${f(100 * rise)} % above its minimum at epoch ${best.index}`,
    };
  }
  return {
    ...common,
    verdict: "good fit",
    reason: `training loss ${f(train)} meets the target and validation follows it`,
  };
}
