// Private: option handling shared by the power and sample-size functions.
import { assertOneOf, assertOpenUnit, assertPositive, raise } from "../_shared/validate.ts";
import { criticalZ, normalQuantile } from "./_stats.ts";
import {
  type Alternative,
  ALTERNATIVES,
  type DesignOptions,
  type SampleSizeOptions,
} from "./types.ts";

import type { SampleSize } from "./sample_size.ts";

export type { DesignOptions, SampleSizeOptions };

/** Rounds n_c and n_t = ratio · n_c up to whole users (tolerating rounding noise). */
export function split(nControl: number, ratio: number): SampleSize {
  const control = Math.ceil(nControl - 1e-9), treatment = Math.ceil(ratio * nControl - 1e-9);
  return { control, treatment, total: control + treatment };
}

/** Reads alpha, alternative and ratio and returns the critical z. */
export function designOptions(options: DesignOptions | undefined, context: string) {
  const { alpha = 0.05, alternative = "two-sided", ratio = 1 } = options ?? {};
  assertOpenUnit(alpha, "alpha", context);
  assertOneOf(alternative, ALTERNATIVES, "alternative", context);
  assertPositive(ratio, "ratio", context);
  return { alpha, alternative, ratio, zAlpha: criticalZ(alpha, alternative) };
}

/** As {@link designOptions}, plus power and z_{1−β}. */
export function sampleSizeOptions(options: SampleSizeOptions | undefined, context: string) {
  const base = designOptions(options, context);
  const power = options?.power ?? 0.8;
  assertOpenUnit(power, "power", context);
  if (power <= base.alpha) {
    raise(
      "range",
      context,
      `power must be greater than alpha, got power=${power}, alpha=${base.alpha}`,
    );
  }
  return { ...base, power, zBeta: normalQuantile(power) };
}

/** Throws unless `p` is a rate strictly between 0 and 1. */
export function assertRate(p: unknown, name: string, context: string): asserts p is number {
  assertOpenUnit(p, name, context);
}

/** Throws unless the direction of p2 − p1 agrees with a one-sided alternative. */
export function assertDirection(
  diff: number,
  alternative: Alternative,
  context: string,
): void {
  if (alternative === "greater" && diff <= 0) {
    raise(
      "range",
      context,
      `alternative "greater" needs treatmentRate > baselineRate, got a difference of ${diff}`,
    );
  }
  if (alternative === "less" && diff >= 0) {
    raise(
      "range",
      context,
      `alternative "less" needs treatmentRate < baselineRate, got a difference of ${diff}`,
    );
  }
}
