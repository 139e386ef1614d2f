import { assertFiniteNumber, assertPositive, raise } from "../_shared/validate.ts";
import type { World } from "../world/mod.ts";

/** The log columns that {@link timeToFirstEngagement} reads. */
export interface FirstEngagementLog {
  /** Day of each impression. */
  readonly day: ArrayLike<number>;
  /** Hours since the start of day 0, ascending. */
  readonly time: ArrayLike<number>;
  /** The post shown. */
  readonly itemId: ArrayLike<number>;
  /** 1 if the user engaged, else 0. */
  readonly engaged: ArrayLike<number>;
}

/** Options of {@link timeToFirstEngagement}. */
export interface FirstEngagementOptions {
  /** Hours after its creation during which a post is followed. @default the world's post lifetime */
  followUpHours?: number;
}

/** The result of {@link timeToFirstEngagement}: one entry per post created during the log. */
export interface FirstEngagement {
  /** The posts followed: created in the log's first day or later, with a full follow-up inside the log. */
  itemId: Int32Array;
  /** Hours from creation to the first impression (`NaN`: none within the follow-up). */
  firstImpressionHours: Float64Array;
  /** Hours from creation to the first engagement (`NaN`: none within the follow-up). */
  firstEngagementHours: Float64Array;
  /** Share of the followed posts engaged with at least once within the follow-up. */
  engagedShare: number;
  /** Median hours to the first engagement, counting posts never engaged as infinitely late (`NaN` if fewer than half were engaged). */
  medianHours: number;
}

/**
 * How long new posts wait for their first engagement – the cold-start delay.
 * A post created at hour $t_i$ is followed for $h$ hours if it was created
 * during the log and $t_i + h$ falls before the log's end; its waiting time is
 *
 * $$ T_i = \min\{ t_r : \text{row } r \text{ shows post } i,\ \text{engaged}_r = 1 \} - t_i $$
 *
 * (and likewise for the first impression), or none if that is after
 * $t_i + h$. Posts never engaged count as infinitely late in the median, so
 * the median answers "half of the new posts were engaged within … hours".
 * Compare policies with {@link shareWithin}.
 *
 * @param world The world the log was simulated in.
 * @param log Columns `day`, `time`, `itemId`, `engaged`, sorted by time.
 * @param options The follow-up window.
 * @returns The followed posts, their waiting times and a summary.
 * @throws {RangeError} On columns of different lengths, an empty or unsorted log, a bad
 *   follow-up, or when no post has a full follow-up inside the log.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { timeToFirstEngagement } from "@lib/bias/mod.ts";
 * import { createPolicy, createWorld, simulateSessions } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 100, numItems: 1000 }, { seed: 1 });
 * const log = simulateSessions(world, createPolicy("random"), { days: 4, sessionsPerDay: 100, seed: 2 });
 * const wait = timeToFirstEngagement(world, log, { followUpHours: 48 });
 * assert.ok(wait.itemId.length > 0);
 * assert.ok(wait.engagedShare >= 0 && wait.engagedShare <= 1);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function timeToFirstEngagement(
  world: World,
  log: FirstEngagementLog,
  options: FirstEngagementOptions = {},
): FirstEngagement {
  const context = "measure the time to first engagement";
  const { followUpHours = world.itemLifetimeDays * 24 } = options;
  assertPositive(followUpHours, "followUpHours", context);
  const n = log?.time?.length;
  for (const name of ["day", "itemId", "engaged"] as const) {
    if (typeof n !== "number" || log[name]?.length !== n) {
      raise("range", context, `log.${name} and log.time must be arrays of the same length`);
    }
  }
  if (n === 0) raise("range", context, "the log must not be empty");
  for (let r = 1; r < n; r++) {
    if (!(log.time[r] >= log.time[r - 1])) {
      raise("range", context, `the log must be sorted by time, but time[${r}] < time[${r - 1}]`);
    }
  }
  const start = 24 * log.day[0], end = 24 * (log.day[n - 1] + 1);
  const createdAt = world.items.createdAt;
  const followed: number[] = [];
  for (let i = 0; i < world.numItems; i++) {
    if (createdAt[i] >= start && createdAt[i] + followUpHours <= end) followed.push(i);
  }
  if (followed.length === 0) {
    raise(
      "range",
      context,
      `no post was created between hour ${start} and ${end - followUpHours}: ` +
        `the log is too short for a follow-up of ${followUpHours} hours`,
    );
  }
  const slot = new Map(followed.map((i, j) => [i, j]));
  const impression = new Float64Array(followed.length).fill(NaN);
  const engagement = new Float64Array(followed.length).fill(NaN);
  for (let r = 0; r < n; r++) {
    const j = slot.get(log.itemId[r]);
    if (j === undefined) continue;
    const wait = log.time[r] - createdAt[log.itemId[r]];
    if (wait > followUpHours) continue;
    if (Number.isNaN(impression[j])) impression[j] = wait;
    if (log.engaged[r] && Number.isNaN(engagement[j])) engagement[j] = wait;
  }
  const engaged = engagement.filter((h) => !Number.isNaN(h)).sort();
  const at = (k: number) => (k < engaged.length ? engaged[k] : Infinity);
  const m = followed.length;
  const median = m % 2 === 1 ? at((m - 1) / 2) : (at(m / 2 - 1) + at(m / 2)) / 2;
  return {
    itemId: Int32Array.from(followed),
    firstImpressionHours: impression,
    firstEngagementHours: engagement,
    engagedShare: engaged.length / followed.length,
    medianHours: Number.isFinite(median) ? median : NaN,
  };
}

/**
 * The share of waiting times at or below each point of a grid (an empirical
 * distribution function in which `NaN`, "never", counts as above every point):
 *
 * $$ F(h) = \frac{\#\{ i : T_i \le h \}}{n}. $$
 *
 * @param hours Waiting times; `NaN` for "never".
 * @param grid Points at which to evaluate.
 * @returns One share per grid point.
 * @throws {RangeError} If `hours` is empty or `grid` holds a non-finite value.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { shareWithin } from "@lib/bias/mod.ts";
 * assert.deepEqual(shareWithin([1, 5, NaN, 2], [0, 2, 10]), [0, 0.5, 0.75]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function shareWithin(hours: ArrayLike<number>, grid: ArrayLike<number>): number[] {
  const context = "compute shareWithin";
  if (hours == null || typeof hours.length !== "number" || hours.length === 0) {
    raise("range", context, "hours must be a non-empty array");
  }
  const sorted = Float64Array.from(hours).filter((h) => !Number.isNaN(h)).sort();
  return Array.from(grid, (h, k) => {
    assertFiniteNumber(h, `grid[${k}]`, context);
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= h) lo = mid + 1;
      else hi = mid;
    }
    return lo / hours.length;
  });
}
