/**
 * Result types shared by the hypothesis tests of chapter 4.
 *
 * Conventions (those of scipy and statsmodels): every comparison takes the
 * control arm first and the treatment arm second, and every effect and
 * statistic has the sign of **treatment − control**. `alternative: "greater"`
 * means the treatment is larger than the control.
 *
 * @module
 */

/** The alternative hypothesis: `"greater"` means treatment > control. */
export type Alternative = "two-sided" | "greater" | "less";

/** The three alternatives, for validation and iteration. */
export const ALTERNATIVES: readonly Alternative[] = ["two-sided", "greater", "less"];

/**
 * A point estimate with its confidence interval at level `1 − alpha`. For a
 * one-sided alternative the interval is one-sided, as in scipy: `"greater"`
 * gives `[lower, Infinity]`, `"less"` gives `[-Infinity, upper]`.
 */
export interface Estimate {
  /** The point estimate. */
  estimate: number;
  /** Lower confidence bound (`-Infinity` for `alternative: "less"`). */
  lower: number;
  /** Upper confidence bound (`Infinity` for `alternative: "greater"`). */
  upper: number;
}

/** What every two-sample test returns. */
export interface TestResult {
  /** Name of the test, e.g. `"two-proportion z-test"`. */
  test: string;
  /**
   * The test statistic, with the sign of treatment − control (for the
   * Mann–Whitney test: U of the treatment arm, above n_c·n_t/2 when treatment
   * tends to be larger).
   */
  statistic: number;
  /** The p-value for `alternative`; two-sided p = 2·min(left tail, right tail). */
  pValue: number;
  /** The alternative hypothesis tested. */
  alternative: Alternative;
  /** The significance level the decision uses. */
  alpha: number;
  /** Confidence level of the intervals: `1 − alpha`. */
  confidenceLevel: number;
  /** `pValue <= alpha` (the rule statsmodels uses). */
  significant: boolean;
  /** Absolute effect, treatment − control, with its confidence interval. */
  effect: Estimate;
  /**
   * Relative effect (lift), treatment / control − 1, with its confidence
   * interval; `null` where a ratio makes no sense (see each test).
   */
  relativeEffect: Estimate | null;
}

/** Options shared by the two-sample tests. */
export interface TestOptions {
  /** Significance level, strictly between 0 and 1. @default 0.05 */
  alpha?: number;
  /** Alternative hypothesis. @default "two-sided" */
  alternative?: Alternative;
}

/** Options of the power and sample-size functions. */
export interface DesignOptions {
  /** Significance level, strictly between 0 and 1. @default 0.05 */
  alpha?: number;
  /** Alternative hypothesis the experiment will test. @default "two-sided" */
  alternative?: Alternative;
  /** Allocation ratio n_treatment / n_control (> 0). @default 1 */
  ratio?: number;
}

/** {@link DesignOptions} plus the target power. */
export interface SampleSizeOptions extends DesignOptions {
  /** Target power 1 − β, strictly between `alpha` and 1. @default 0.8 */
  power?: number;
}
