import {
  assertFiniteNumber,
  assertInteger,
  assertOneOf,
  assertOpenUnit,
} from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";
import { normalQuantile } from "./_stats.ts";
import {
  equalLooks,
  groupSequentialBoundaries,
  type GroupSequentialDesign,
  type SpendingFunction,
} from "./sequential.ts";

/** The simulated conversion streams shared by {@link simulatePeeking} and `simulateAlwaysValid`. */
export interface LookStreamOptions {
  /** Number of simulated experiments. @default 2000 */
  experiments?: number;
  /** Equally spaced looks per experiment. @default 10 */
  looks?: number;
  /** Users added to each arm between looks. @default 500 */
  usersPerLook?: number;
  /** Control conversion rate. @default 0.1 */
  baselineRate?: number;
  /** Treatment conversion rate; equal to `baselineRate` (an A/A test) by default. */
  treatmentRate?: number;
  /** Two-sided significance level. @default 0.05 */
  alpha?: number;
}

/** {@link LookStreamOptions} with their defaults filled in and validated. */
export function _lookStream(
  options: LookStreamOptions | undefined,
  context: string,
): Required<LookStreamOptions> {
  const {
    experiments = 2000,
    looks = 10,
    usersPerLook = 500,
    baselineRate = 0.1,
    treatmentRate = options?.baselineRate ?? 0.1,
    alpha = 0.05,
  } = options ?? {};
  assertInteger(experiments, "experiments", context, { min: 1 });
  assertInteger(looks, "looks", context, { min: 1 });
  assertInteger(usersPerLook, "usersPerLook", context, { min: 1 });
  assertFiniteNumber(baselineRate, "baselineRate", context, { min: 0, max: 1 });
  assertFiniteNumber(treatmentRate, "treatmentRate", context, { min: 0, max: 1 });
  assertOpenUnit(alpha, "alpha", context);
  return { experiments, looks, usersPerLook, baselineRate, treatmentRate, alpha };
}

/** Options of {@link simulatePeeking}. */
export interface PeekingOptions extends LookStreamOptions {
  /** Spending function of the valid sequential design. @default "obrien-fleming" */
  spending?: SpendingFunction;
}

/** Rejection rates of one decision rule. */
export interface RuleOutcome {
  /** Share of experiments that rejected H₀ at some look. */
  rejectionRate: number;
  /** Share that had rejected by each look (non-decreasing; last = rejectionRate). */
  cumulativeRate: number[];
}

/** Result of {@link simulatePeeking}. */
export interface PeekingResult {
  /** Naive peeking: reject at the first look with |z| ≥ z_{1−α/2}. */
  naive: RuleOutcome;
  /** Fixed horizon: one test at the last look only. */
  fixedHorizon: { rejectionRate: number };
  /** Group-sequential: reject at the first look with |z_k| ≥ c_k. */
  sequential: RuleOutcome;
  /** The group-sequential design used. */
  design: GroupSequentialDesign;
  /** Number of experiments simulated. */
  experiments: number;
}

/**
 * Simulates repeated significance testing ("peeking") in conversion experiments
 * and compares three rules: naive peeking at every look with the fixed-horizon
 * critical value, a single test at the end, and the group-sequential design of
 * {@link groupSequentialBoundaries}. With equal rates (an A/A test, the default)
 * each rejection rate is a false-positive rate: naive peeking inflates it well
 * above α (Armitage, McPherson & Rowe 1969: about 0.19 with 10 looks at α = 0.05),
 * the other two keep it at α. With different rates they are powers.
 *
 * Each look adds `usersPerLook` users per arm with Binomial conversions and
 * computes the pooled two-proportion z statistic on all data so far
 * (as {@link twoProportionZTest}); looks are equally spaced in information.
 *
 * @param options See {@link PeekingOptions}.
 * @param random `{ seed }` or `{ rng }`.
 * @throws {RangeError} On out-of-range options.
 * @throws {TypeError} Without a seed or rng.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulatePeeking } from "@lib/experiment/mod.ts";
 * const r = simulatePeeking({ experiments: 400, looks: 10 }, { seed: 1 });
 * assert.ok(r.naive.rejectionRate > r.sequential.rejectionRate);
 * ```
 */
export function simulatePeeking(options: PeekingOptions, random: RandomOptions): PeekingResult {
  const context = "run simulatePeeking";
  const { experiments, looks, usersPerLook, baselineRate, treatmentRate, alpha } = _lookStream(
    options,
    context,
  );
  const { spending = "obrien-fleming" } = options;
  assertOneOf(spending, ["obrien-fleming", "pocock"] as const, "spending", context);
  const rng = resolveRng(random, context);
  const design = groupSequentialBoundaries(equalLooks(looks), { alpha, spending });
  const zFixed = normalQuantile(1 - alpha / 2);
  const naiveAt = new Int32Array(looks), sequentialAt = new Int32Array(looks);
  let fixed = 0;
  for (let e = 0; e < experiments; e++) {
    let xc = 0, xt = 0, naiveDone = false, sequentialDone = false;
    for (let k = 0; k < looks; k++) {
      xc += rng.binomial(usersPerLook, baselineRate);
      xt += rng.binomial(usersPerLook, treatmentRate);
      const n = usersPerLook * (k + 1), pooled = (xc + xt) / (2 * n);
      const se = Math.sqrt(pooled * (1 - pooled) * 2 / n);
      const z = se === 0 ? 0 : (xt - xc) / n / se;
      if (!naiveDone && Math.abs(z) >= zFixed) {
        naiveDone = true;
        naiveAt[k]++;
      }
      if (!sequentialDone && Math.abs(z) >= design.boundaries[k]) {
        sequentialDone = true;
        sequentialAt[k]++;
      }
      if (k === looks - 1 && Math.abs(z) >= zFixed) fixed++;
    }
  }
  const outcome = (at: Int32Array): RuleOutcome => {
    const cumulativeRate: number[] = [];
    let sum = 0;
    for (let k = 0; k < looks; k++) cumulativeRate.push((sum += at[k]) / experiments);
    return { rejectionRate: sum / experiments, cumulativeRate };
  };
  return {
    naive: outcome(naiveAt),
    fixedHorizon: { rejectionRate: fixed / experiments },
    sequential: outcome(sequentialAt),
    design,
    experiments,
  };
}
