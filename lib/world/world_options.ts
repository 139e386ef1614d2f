/** Seasonality of engagement: amplitudes of the daily and weekly cycles, in logit units. */
export interface SeasonalityOptions {
  /** Amplitude of the hour-of-day cycle (peak at 20:00). @default 0.3 */
  daily?: number;
  /** Amplitude of the weekday cycle (peak at the weekend; day 0 is a Monday). @default 0.2 */
  weekly?: number;
}

/** A distribution shift that starts on a given day (an incident for chapter 7). */
export interface ShiftOptions {
  /** First day of the shift. */
  day: number;
  /** Added to every user's interest vector from `day` on (length `numTopics`). @default zeros */
  interestDelta?: readonly number[];
  /** Relative posting rate of each topic's authors for posts created from `day` on. @default ones */
  topicWeights?: readonly number[];
}

/** Sizes and knobs of {@link createWorld}. */
export interface WorldOptions {
  /** Number of users. @default 2000 */
  numUsers?: number;
  /** Number of authors. @default 200 */
  numAuthors?: number;
  /** Number of posts over the whole timeline (new ones arrive every day). @default 5000 */
  numItems?: number;
  /** Number of latent topics K. @default 8 */
  numTopics?: number;
  /** Length of the timeline in days. @default 30 */
  numDays?: number;
  /** Days a post stays eligible for feeds. @default 7 */
  itemLifetimeDays?: number;
  /** Share of users who sign up during the timeline (cold-start users). @default 0.1 */
  newUserShare?: number;
  /** Exponent η of the position bias $\theta_p = (p+1)^{-\eta}$ (0 = none). @default 0.8 */
  positionBiasPower?: number;
  /** Daily and weekly seasonality. @default { daily: 0.3, weekly: 0.2 } */
  seasonality?: SeasonalityOptions;
  /** A shift of user interests and/or of the topic mix of new posts. @default none */
  shift?: ShiftOptions;
  /** Intercept of the true logit. @default -2.5 */
  baseLogit?: number;
  /** Scale of the user–item affinity $z_u^\top m_i$. @default 1.2 */
  affinityScale?: number;
  /** Standard deviation of the fixed user–item taste term. @default 0.5 */
  pairNoiseSd?: number;
  /** Loss of logit per day of post age. @default 0.15 */
  freshnessDecay?: number;
}
