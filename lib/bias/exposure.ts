import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";
import type { World } from "../world/mod.ts";
import { giniCoefficient, topShare } from "./concentration.ts";

/** The log columns that {@link dailyExposure} reads. */
export interface ExposureLog {
  /** Day of each impression (rows of a day need not be contiguous). */
  readonly day: ArrayLike<number>;
  /** The post shown. */
  readonly itemId: ArrayLike<number>;
}

/** Options of {@link dailyExposure}. */
export interface DailyExposureOptions {
  /** The top fraction of items whose share of impressions is reported. @default 0.01 */
  topFraction?: number;
}

/** How impressions spread over the eligible posts, one entry per day of the log. */
export interface DailyExposure {
  /** The days, ascending. */
  day: number[];
  /** Posts eligible for feeds at some time of the day. */
  eligibleItems: number[];
  /** Impressions that day. */
  impressions: number[];
  /** Gini coefficient of impressions over the eligible posts. */
  gini: number[];
  /** Share of the day's impressions that went to the top `topFraction` of eligible posts. */
  topShare: number[];
  /** Share of eligible posts with no impression that day. */
  unseenShare: number[];
}

/**
 * Measures the popularity feedback loop: how concentrated each day's
 * impressions are over the posts that could have been shown. A policy that
 * ranks by past engagement shows the posts that were shown before, which
 * collect more engagement and are shown again; the loop shows up as a
 * rising Gini coefficient $G_d$ and top share $S_d$ (see {@link giniCoefficient},
 * {@link topShare}) of the impressions per eligible post,
 *
 * $$ x_{i,d} = \#\{\text{impressions of post } i \text{ on day } d\}, \qquad
 *    i \in E_d = \{ i : t_i < 24(d+1),\ t_i + 24 L > 24 d \}, $$
 *
 * where $t_i$ is the post's creation hour and $L$ its lifetime in days. Posts
 * never shown count as zeros, which is where the loop hides new posts.
 *
 * @param world The world the log was simulated in.
 * @param log Columns `day` and `itemId`.
 * @param options The top fraction.
 * @returns Per-day Gini, top share and share of unseen posts.
 * @throws {RangeError} On columns of different lengths, an empty log, an item id out of range,
 *   or a `topFraction` outside (0, 1].
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { dailyExposure } from "@lib/bias/mod.ts";
 * import { createPolicy, createWorld, simulateSessions } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 100, numItems: 1000 }, { seed: 1 });
 * const log = simulateSessions(world, createPolicy("popularity"), { days: 3, sessionsPerDay: 100, seed: 2 });
 * const exposure = dailyExposure(world, log);
 * assert.deepEqual(exposure.day, [0, 1, 2]);
 * assert.ok(exposure.gini.every((g) => g >= 0 && g < 1));
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function dailyExposure(
  world: World,
  log: ExposureLog,
  options: DailyExposureOptions = {},
): DailyExposure {
  const context = "measure daily exposure";
  const { topFraction = 0.01 } = options;
  assertFiniteNumber(topFraction, "topFraction", context);
  if (topFraction <= 0 || topFraction > 1) {
    raise("range", context, `topFraction must be in (0, 1], got ${topFraction}`);
  }
  const n = log?.day?.length;
  if (typeof n !== "number" || log.itemId?.length !== n) {
    raise("range", context, "log.day and log.itemId must be arrays of the same length");
  }
  if (n === 0) raise("range", context, "the log must not be empty");
  const counts = new Map<number, Map<number, number>>();
  for (let r = 0; r < n; r++) {
    const d = log.day[r], item = log.itemId[r];
    assertInteger(item, `itemId[${r}]`, context, { min: 0, max: world.numItems - 1 });
    let perItem = counts.get(d);
    if (perItem === undefined) counts.set(d, perItem = new Map());
    perItem.set(item, (perItem.get(item) ?? 0) + 1);
  }
  const out: DailyExposure = {
    day: [],
    eligibleItems: [],
    impressions: [],
    gini: [],
    topShare: [],
    unseenShare: [],
  };
  const createdAt = world.items.createdAt, lifetime = world.itemLifetimeDays * 24;
  for (const d of [...counts.keys()].sort((a, b) => a - b)) {
    const perItem = counts.get(d)!;
    const x: number[] = [];
    for (let i = 0; i < world.numItems; i++) {
      if (createdAt[i] < 24 * (d + 1) && createdAt[i] + lifetime > 24 * d) {
        x.push(perItem.get(i) ?? 0);
      }
    }
    let total = 0;
    for (const v of perItem.values()) total += v;
    out.day.push(d);
    out.eligibleItems.push(x.length);
    out.impressions.push(total);
    out.gini.push(giniCoefficient(x));
    out.topShare.push(topShare(x, topFraction));
    out.unseenShare.push(x.filter((v) => v === 0).length / x.length);
  }
  return out;
}
