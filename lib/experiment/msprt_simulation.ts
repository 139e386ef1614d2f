import { assertPositive } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";
import { msprt } from "./msprt.ts";
import { _lookStream, type LookStreamOptions, type RuleOutcome } from "./peeking.ts";
import { equalLooks, groupSequentialBoundaries } from "./sequential.ts";

/** Options of {@link simulateAlwaysValid}. */
export interface AlwaysValidOptions extends LookStreamOptions {
  /** Mixture standard deviation τ of the mSPRT, in conversion-rate units (> 0). */
  tau: number;
  /**
   * Also apply O'Brien–Fleming boundaries (their computation takes about a second
   * for 40 looks); when false, `groupSequential` is null. @default true
   */
  groupSequential?: boolean;
}

/** Result of {@link simulateAlwaysValid}: both rules on the same simulated streams. */
export interface AlwaysValidResult {
  /** The mSPRT, checked at every look. */
  msprt: RuleOutcome;
  /** O'Brien–Fleming group-sequential boundaries at the same looks (null when not asked). */
  groupSequential: RuleOutcome | null;
  /** Mean look at which each rule stopped, counting non-stopping experiments as `looks`. */
  meanStoppingLook: { msprt: number; groupSequential: number };
}

/**
 * Runs conversion experiments look by look (as `simulatePeeking`) and applies the
 * always-valid {@link msprt} and O'Brien–Fleming boundaries to the same data. At
 * each look the mSPRT gets the difference of rates and its unpooled variance
 * p̂_A(1 − p̂_A)/n + p̂_B(1 − p̂_B)/n.
 *
 * @param options See {@link AlwaysValidOptions}; `tau` is required.
 * @param random `{ seed }` or `{ rng }`.
 * @returns Rejection rates (false-positive rates when the rates are equal).
 * @throws {RangeError} On out-of-range options.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateAlwaysValid } from "@lib/experiment/mod.ts";
 * const r = simulateAlwaysValid({ experiments: 500, looks: 20, tau: 0.01 }, { seed: 1 });
 * assert.ok(r.msprt.rejectionRate < 0.08);
 * ```
 */
export function simulateAlwaysValid(
  options: AlwaysValidOptions,
  random: RandomOptions,
): AlwaysValidResult {
  const context = "run simulateAlwaysValid";
  const { experiments, looks, usersPerLook, baselineRate, treatmentRate, alpha } = _lookStream(
    options,
    context,
  );
  const { tau, groupSequential = true } = options ?? ({} as AlwaysValidOptions);
  assertPositive(tau, "tau", context);
  const rng = resolveRng(random, context);
  const bounds = groupSequential
    ? groupSequentialBoundaries(equalLooks(looks), { alpha }).boundaries
    : new Array(looks).fill(Infinity);
  const atM = new Int32Array(looks), atG = new Int32Array(looks);
  let stopM = 0, stopG = 0;
  for (let e = 0; e < experiments; e++) {
    let xc = 0, xt = 0, doneM = -1, doneG = groupSequential ? -1 : 0;
    for (let k = 0; k < looks && (doneM < 0 || doneG < 0); k++) {
      xc += rng.binomial(usersPerLook, baselineRate);
      xt += rng.binomial(usersPerLook, treatmentRate);
      const n = usersPerLook * (k + 1), pc = xc / n, pt = xt / n;
      const v = (pc * (1 - pc) + pt * (1 - pt)) / n, pooled = (xc + xt) / (2 * n);
      const se = Math.sqrt(pooled * (1 - pooled) * 2 / n);
      if (doneM < 0 && v > 0 && msprt(pt - pc, v, { tau, alpha }).reject) (doneM = k), atM[k]++;
      if (doneG < 0 && se > 0 && Math.abs((pt - pc) / se) >= bounds[k]) (doneG = k), atG[k]++;
    }
    stopM += doneM < 0 ? looks : doneM + 1;
    stopG += doneG < 0 ? looks : doneG + 1;
  }
  const outcome = (at: Int32Array): RuleOutcome => {
    const cumulativeRate: number[] = [];
    let sum = 0;
    for (let k = 0; k < looks; k++) cumulativeRate.push((sum += at[k]) / experiments);
    return { rejectionRate: sum / experiments, cumulativeRate };
  };
  return {
    msprt: outcome(atM),
    groupSequential: groupSequential ? outcome(atG) : null,
    meanStoppingLook: {
      msprt: stopM / experiments,
      groupSequential: groupSequential ? stopG / experiments : NaN,
    },
  };
}
