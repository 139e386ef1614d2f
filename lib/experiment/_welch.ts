// Private helper of the margin tests (non-inferiority, equivalence): the
// Welch difference of means, its standard error and degrees of freedom.
import { assertFiniteArray, raise } from "../_shared/validate.ts";
import { meanVariance } from "./_stats.ts";

/** Welch summary of treatment − control. */
export interface WelchDifference {
  /** Mean of the treatment minus mean of the control. */
  difference: number;
  /** Standard error √(s_c²/n_c + s_t²/n_t). */
  standardError: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
}

/** Validates both arms (finite, at least 2 values each) and summarises them. */
export function welchDifference(
  control: ArrayLike<number>,
  treatment: ArrayLike<number>,
  context: string,
): WelchDifference {
  assertFiniteArray(control, "control", context);
  assertFiniteArray(treatment, "treatment", context);
  for (const [name, x] of [["control", control], ["treatment", treatment]] as const) {
    if (x.length < 2) {
      raise("range", context, `${name} must have at least 2 values, got ${x.length}`);
    }
  }
  const c = meanVariance(control), t = meanVariance(treatment);
  const vc = c.variance / control.length, vt = t.variance / treatment.length;
  const se = Math.sqrt(vc + vt);
  if (se === 0) raise("range", context, "control and treatment must not both be constant");
  const df = (vc + vt) ** 2 /
    (vc ** 2 / (control.length - 1) + vt ** 2 / (treatment.length - 1));
  return { difference: t.mean - c.mean, standardError: se, df };
}
