/**
 * Options and column types of {@link simulateExperiment}.
 *
 * @module
 */
/** Options of {@link simulateExperiment}; every field has a default. */
export interface SimulationOptions {
  /** Users who enter the experiment (before any logging loss). @default 50000 */
  users?: number;
  /** Days the experiment runs; day 0 is a Monday. @default 28 */
  days?: number;
  /** Probability that a user is assigned to treatment. @default 0.5 */
  treatmentShare?: number;
  /** Users arrive uniformly over the first `arrivalDays` days. @default min(7, days) */
  arrivalDays?: number;
  /** Mean daily conversion propensity of users, m. @default 0.05 */
  baselineRate?: number;
  /**
   * Beta concentration κ: propensities ~ Beta(κm, κ(1 − m)); smaller means more
   * heterogeneous users. @default 10
   */
  concentration?: number;
  /** True relative lift of the conversion probability in treatment. @default 0 */
  treatmentEffect?: number;
  /**
   * Extra relative lift on a user's first treated day, decaying with
   * `noveltyHalfLife` (negative: change aversion). @default 0
   */
  noveltyEffect?: number;
  /** Half-life of the novelty effect in days since the user's first exposure. @default 3 */
  noveltyHalfLife?: number;
  /** Daily probability that a control user churns (never returns). @default 0.02 */
  churnRate?: number;
  /** Relative change of the churn rate in treatment (−0.2 = 20% less churn). @default 0 */
  churnEffect?: number;
  /** Conversion multipliers Monday … Sunday. @default [1, 1, 1, 1, 1.05, 0.85, 0.8] */
  dayOfWeekMultipliers?: number[];
  /** Days of the pre-experiment period that gives the CUPED covariate. @default 14 */
  preDays?: number;
  /** Revenue per conversion is lognormal: exp(N(revenueLogMean, revenueLogSd²)). @default 3 */
  revenueLogMean?: number;
  /** See `revenueLogMean`. @default 1 */
  revenueLogSd?: number;
  /**
   * Share of treatment users lost by a logging bug (an SRM): the bug hits only
   * users with below-median propensity (at twice this rate), so it also biases
   * the treatment arm upwards. In [0, 0.5]. @default 0
   */
  srmLossRate?: number;
}

/** One row per logged user. Arm: 0 = control, 1 = treatment. */
export interface UserColumns {
  /** User index (0 … users − 1; lost users leave gaps). */
  userId: Int32Array;
  /** 0 = control, 1 = treatment. */
  arm: Uint8Array;
  /** Day of first exposure. */
  entryDay: Int32Array;
  /** The user's hidden daily conversion propensity. */
  propensity: Float64Array;
  /** Conversions in the pre-experiment period (the CUPED covariate). */
  preConversions: Int32Array;
  /** Days active during the experiment (retention). */
  activeDays: Int32Array;
  /** Conversions during the experiment. */
  conversions: Int32Array;
  /** Revenue during the experiment. */
  revenue: Float64Array;
  /** 1 if the user churned before the end. */
  churned: Uint8Array;
}

/** One row per active user-day. */
export interface LogColumns {
  /** The user of the row. */
  userId: Int32Array;
  /** Day of the experiment (0 = a Monday). */
  day: Int32Array;
  /** 0 = control, 1 = treatment. */
  arm: Uint8Array;
  /** 1 if the user converted that day. */
  converted: Uint8Array;
  /** Revenue of that day (0 without a conversion). */
  revenue: Float64Array;
}

/** Per-day aggregates of each arm, one row per day. */
export interface DailyColumns {
  /** Day of the experiment (0 = a Monday). */
  day: Int32Array;
  /** Active (not yet churned) control users that day. */
  controlActive: Int32Array;
  /** Active treatment users that day. */
  treatmentActive: Int32Array;
  /** Control users first exposed that day. */
  controlNew: Int32Array;
  /** Treatment users first exposed that day. */
  treatmentNew: Int32Array;
  /** Control conversions that day. */
  controlConversions: Int32Array;
  /** Treatment conversions that day. */
  treatmentConversions: Int32Array;
  /** Control revenue that day. */
  controlRevenue: Float64Array;
  /** Treatment revenue that day. */
  treatmentRevenue: Float64Array;
  /** Control conversions / active control users (0 on a day without users). */
  controlRate: Float64Array;
  /** Treatment conversions / active treatment users (0 on a day without users). */
  treatmentRate: Float64Array;
}

/** Result of {@link simulateExperiment}. */
export interface SimulatedExperiment {
  /** One row per logged user. */
  users: UserColumns;
  /** One row per active user-day. */
  logs: LogColumns;
  /** One row per day, both arms. */
  daily: DailyColumns;
  /** Treatment users dropped by the SRM bug (absent from users and logs). */
  lostUsers: number;
  /** The options used, defaults filled in. */
  options: Required<SimulationOptions>;
}
