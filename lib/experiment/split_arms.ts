import { assertFiniteArray, assertSameLength, raise } from "../_shared/validate.ts";

/** A per-user metric split into its two arms, in the original order within each arm. */
export interface ArmSplit {
  /** Values of the users with arm 0. */
  control: Float64Array;
  /** Values of the users with arm 1. */
  treatment: Float64Array;
}

/**
 * Splits a per-user metric by arm (0 = control, 1 = treatment) into the two samples
 * a two-sample test takes: `const { control, treatment } = splitByArm(x, arm);`
 * then `welchTTest(control, treatment)`. Order within each arm is kept.
 *
 * @param values One value per user (finite numbers).
 * @param arm One arm per user, 0 or 1 (e.g. `simulateExperiment(...).users.arm`).
 * @returns `{ control, treatment }` as new arrays (the inputs are not changed).
 * @throws {RangeError} If the lengths differ, `values` is empty or has a non-finite
 *   value, or an arm is neither 0 nor 1.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitByArm } from "@lib/experiment/mod.ts";
 * const { control, treatment } = splitByArm([3, 1, 4, 1, 5], [0, 1, 1, 0, 1]);
 * assert.deepEqual(Array.from(control), [3, 1]);
 * assert.deepEqual(Array.from(treatment), [1, 4, 5]);
 * ```
 */
export function splitByArm(values: ArrayLike<number>, arm: ArrayLike<number>): ArmSplit {
  const context = "compute splitByArm";
  assertFiniteArray(values, "values", context);
  assertFiniteArray(arm, "arm", context);
  assertSameLength(values, arm, ["values", "arm"], context);
  let treated = 0;
  for (let i = 0; i < arm.length; i++) {
    if (arm[i] !== 0 && arm[i] !== 1) {
      raise("range", context, `arm[${i}] must be 0 or 1, got ${arm[i]}`);
    }
    treated += arm[i];
  }
  const control = new Float64Array(arm.length - treated), treatment = new Float64Array(treated);
  for (let i = 0, c = 0, t = 0; i < arm.length; i++) {
    if (arm[i] === 1) treatment[t++] = values[i];
    else control[c++] = values[i];
  }
  return { control, treatment };
}
