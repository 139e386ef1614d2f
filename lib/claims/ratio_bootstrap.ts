import { resolveRng } from "../random/mod.ts";
import {
  assertFiniteArray,
  assertInteger,
  assertOpenUnit,
  assertSameLength,
  raise,
} from "../_shared/validate.ts";
import type { RandomOptions } from "../random/mod.ts";
import { _percentileInterval, type BootstrapInterval } from "./bootstrap.ts";

/** Per unit (user), the numerator and the denominator of a ratio metric. */
export interface UnitTotals {
  /** Per unit, e.g. the dwell seconds of a user (finite). */
  numerator: ArrayLike<number>;
  /** Per unit, e.g. the user's engagements (finite, with a positive sum). */
  denominator: ArrayLike<number>;
}

/** Options of {@link ratioBootstrapCi}. */
export interface RatioBootstrapOptions extends RandomOptions {
  /**
   * A second ratio over the same units to subtract, for a paired comparison
   * (e.g. the same users under another policy): the units are resampled jointly.
   */
  minus?: UnitTotals;
  /** Number of resamples. @default 2000 */
  resamples?: number;
  /** Confidence level. @default 0.95 */
  level?: number;
}

function checkTotals(t: UnitTotals, name: string, context: string): void {
  if (t === null || typeof t !== "object") {
    raise("type", context, `${name} must be an object { numerator, denominator }`);
  }
  assertFiniteArray(t.numerator, `${name}.numerator`, context);
  assertFiniteArray(t.denominator, `${name}.denominator`, context);
  assertSameLength(
    t.numerator,
    t.denominator,
    [`${name}.numerator`, `${name}.denominator`],
    context,
  );
}

const sum = (x: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
};

/**
 * Percentile bootstrap interval of a **ratio metric over units** (Efron &
 * Tibshirani 1993, ch. 13; for ratio metrics in online experiments, Deng,
 * Knoblich & Lu 2018): R = Σ numerator / Σ denominator, e.g. dwell seconds per
 * engagement, with users as the resampled units. The impressions of one user
 * are correlated, so resampling users, not impressions, gives an interval that
 * respects the clustering. With `minus`, the interval is of R_a − R_b over the
 * same units, resampled jointly (a paired comparison of two policies that
 * served the same users).
 *
 * With every denominator 1, R is the mean of the numerators, and the draws, so
 * the interval, are those of {@link bootstrapCi} of the numerators (or of their
 * differences) with the same seed.
 *
 * @param a Per-unit numerator and denominator.
 * @param options `seed` or `rng`; `minus`, `resamples`, `level`.
 * @returns `{ estimate, low, high, level }`; `estimate` is R_a (− R_b).
 * @throws {RangeError} If the arrays differ in length, have fewer than two units or a
 *   non-finite value, a resample has a denominator sum of 0, the full sample has a
 *   denominator sum that is not positive, `resamples` is below 100 or `level` is not in (0, 1).
 * @throws {TypeError} If an arm is not an object or neither `seed` nor `rng` is given.
 * @see notebooks/01_setup.ipynb
 *
 * @example Dwell seconds per engagement of four users: (30 + 4 + 12 + 46) / (3 + 1 + 1 + 3) = 11.5.
 * ```ts
 * import assert from "node:assert/strict";
 * import { ratioBootstrapCi } from "@lib/claims/mod.ts";
 * const dwell = { numerator: [30, 4, 12, 46], denominator: [3, 1, 1, 3] };
 * const ci = ratioBootstrapCi(dwell, { seed: 1, resamples: 500 });
 * assert.equal(ci.estimate, 11.5);
 * assert.ok(ci.low <= 11.5 && 11.5 <= ci.high);
 * ```
 */
export function ratioBootstrapCi(
  a: UnitTotals,
  options: RatioBootstrapOptions,
): BootstrapInterval {
  const context = "compute ratioBootstrapCi";
  const { minus, resamples = 2000, level = 0.95 } = options ?? {};
  checkTotals(a, "a", context);
  if (minus !== undefined) {
    checkTotals(minus, "minus", context);
    assertSameLength(a.numerator, minus.numerator, ["a", "minus"], context);
  }
  const n = a.numerator.length;
  if (n < 2) raise("range", context, `the arms must have at least 2 units, got ${n}`);
  for (const [t, name] of [[a, "a"], [minus, "minus"]] as const) {
    if (t !== undefined && !(sum(t.denominator) > 0)) {
      raise("range", context, `${name}.denominator must have a positive sum`);
    }
  }
  assertInteger(resamples, "resamples", context, { min: 100 });
  assertOpenUnit(level, "level", context);
  const rng = resolveRng(options, context);
  const arms = [a, ...(minus ? [minus] : [])].map((t) => ({
    num: Float64Array.from(t.numerator),
    den: Float64Array.from(t.denominator),
  }));
  const ratio = (pick: (i: number) => number) =>
    arms.map(({ num, den }) => {
      let sn = 0, sd = 0;
      for (let i = 0; i < n; i++) {
        const j = pick(i);
        sn += num[j], sd += den[j];
      }
      if (sd === 0) {
        raise("range", context, "a resample has a denominator sum of 0; give more units");
      }
      return sn / sd;
    }).reduce((x, y) => x - y);
  const draw = new Int32Array(n);
  const stats = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) draw[i] = rng.int(0, n);
    stats[b] = ratio((i) => draw[i]);
  }
  return _percentileInterval(stats, ratio((i) => i), level);
}
