/**
 * Country codes of users; a user's `country` is an index into this list.
 *
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { COUNTRIES, createWorld } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 5 }, { seed: 1 });
 * assert.ok(COUNTRIES.includes(COUNTRIES[world.users.country[0]]));
 * ```
 */
export const COUNTRIES: readonly string[] = ["US", "IN", "BR", "GB", "DE"];

/**
 * Device names; a session's `device` is an index into this list.
 *
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DEVICES } from "@lib/world/mod.ts";
 * assert.deepEqual(DEVICES, ["mobile", "desktop", "tablet"]);
 * ```
 */
export const DEVICES: readonly string[] = ["mobile", "desktop", "tablet"];

/** What a learner may observe about users (one entry per user id). */
export interface UserTable {
  /** Index into {@link COUNTRIES}. */
  readonly country: Uint8Array;
  /** Index into {@link DEVICES}: the device most of the user's sessions use. */
  readonly primaryDevice: Uint8Array;
  /** Day of sign-up; negative before the simulation starts, positive for new users. */
  readonly signupDay: Int32Array;
}

/** What a learner may observe about authors (one entry per author id). */
export interface AuthorTable {
  /** The topic the author mostly posts about. */
  readonly topic: Uint8Array;
  /** Follower count (heavy-tailed; higher for better authors, with noise). */
  readonly followers: Int32Array;
}

/** What a learner may observe about items, i.e. posts (one entry per item id). */
export interface ItemTable {
  /** Author id of the post. */
  readonly author: Int32Array;
  /** Main topic of the post (its largest topic share). */
  readonly topic: Uint8Array;
  /** Creation time in hours since the start of day 0 (ascending in item id). */
  readonly createdAt: Float64Array;
  /** Length in characters, 5–280. */
  readonly length: Int32Array;
  /** 1 if the post has an image or video, else 0. */
  readonly hasMedia: Uint8Array;
}

/**
 * The hidden part of the world: the true engagement model. A learner never
 * reads it; evaluation against the truth and oracle policies do.
 *
 * $$P(\text{engage}) = \theta_{\text{position}} \cdot \sigma(\text{logit}),\quad
 * \text{logit} = b + \text{user}_u + \text{item}_i + s\, z_u^\top m_i - d\cdot\text{age}_i
 *   + \text{hour} + \text{weekday} + \text{device} + \varepsilon_{ui}$$
 */
export interface WorldTruth {
  /** Interest vectors $z_u$, `numUsers × numTopics`, row-major. */
  readonly userInterests: Float64Array;
  /** Relative session rate of each user (mean about 1). */
  readonly userActivity: Float64Array;
  /** Per-user logit offset (active users engage more). */
  readonly userEffect: Float64Array;
  /** Latent author quality. */
  readonly authorQuality: Float64Array;
  /** Relative posting rate of each author. */
  readonly authorActivity: Float64Array;
  /** Latent item quality. */
  readonly itemQuality: Float64Array;
  /** Topic mixes $m_i$ (rows sum to 1), `numItems × numTopics`, row-major. */
  readonly itemTopicMix: Float64Array;
  /** Item logit offset: item quality + media effect + author quality. */
  readonly itemEffect: Float64Array;
  /** Affinity change $s\,\delta^\top m_i$ from the interest shift, added from `shiftDay` on. */
  readonly itemShiftAffinity: Float64Array;
  /** Logit offset by hour of day (daily seasonality), length 24. */
  readonly hourEffect: Float64Array;
  /** Logit offset by weekday, 0 = Monday (weekly seasonality), length 7. */
  readonly weekdayEffect: Float64Array;
  /** Logit offset by device, length 3. */
  readonly deviceEffect: Float64Array;
  /** Relative session traffic by hour of day, length 24. */
  readonly hourTraffic: Float64Array;
  /** Intercept $b$. */
  readonly baseLogit: number;
  /** Affinity scale $s$. */
  readonly affinityScale: number;
  /** Freshness decay $d$ in logit per day of item age. */
  readonly freshnessDecay: number;
  /** Standard deviation of the fixed user–item taste term $\varepsilon_{ui}$. */
  readonly pairNoiseSd: number;
  /** Salt of the hash that gives $\varepsilon_{ui}$. */
  readonly pairNoiseSalt: number;
  /** Exponent $\eta$ of the examination probability $\theta_p = (p + 1)^{-\eta}$. */
  readonly positionBiasPower: number;
  /** First day of the interest shift (`Infinity` when there is none). */
  readonly shiftDay: number;
}

/**
 * A seeded simulated world: observable tables (`users`, `authors`, `items`)
 * plus the hidden {@link WorldTruth} (`truth`), which learners never read.
 *
 * @see notebooks/01_setup.ipynb
 */
export interface World {
  /** Number of users; user ids are 0 … numUsers−1. */
  readonly numUsers: number;
  /** Number of authors. */
  readonly numAuthors: number;
  /** Number of posts over the whole timeline; item ids are in creation order. */
  readonly numItems: number;
  /** Number of latent topics K. */
  readonly numTopics: number;
  /** Length of the world's timeline in days; sessions can be simulated on days 0 … numDays−1. */
  readonly numDays: number;
  /** Days a post stays eligible for feeds after its creation. */
  readonly itemLifetimeDays: number;
  /** Observable user attributes. */
  readonly users: UserTable;
  /** Observable author attributes. */
  readonly authors: AuthorTable;
  /** Observable post attributes. */
  readonly items: ItemTable;
  /** Hidden: the true engagement model. */
  readonly truth: WorldTruth;
}
