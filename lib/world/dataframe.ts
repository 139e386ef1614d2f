import { DataFrame } from "danfojs";
import { assertInteger } from "../_shared/validate.ts";
import { assertKnownOptions } from "./_options.ts";
import type { FeatureMatrix } from "./features.ts";
import type { ImpressionLog } from "./log.ts";
import { COUNTRIES, DEVICES, type World } from "./types.ts";

/** Which rows to show: `count` rows from `start`. */
export interface RowWindow {
  /** First row. @default 0 */
  start?: number;
  /** Number of rows (fewer when the table ends). @default 10 */
  count?: number;
}

function window(total: number, options: RowWindow, context: string): [number, number] {
  assertKnownOptions(options, ["start", "count"], context);
  const { start = 0, count = 10 } = options;
  assertInteger(start, "start", context, { min: 0 });
  assertInteger(count, "count", context, { min: 1 });
  return [start, Math.min(total, start + count)];
}

function frame(
  columns: Record<string, (row: number) => number | string>,
  from: number,
  to: number,
): DataFrame {
  const data: Record<string, (number | string)[]> = {};
  for (const [name, get] of Object.entries(columns)) {
    data[name] = Array.from({ length: to - from }, (_, j) => get(from + j));
  }
  return new DataFrame(data, { index: Array.from({ length: to - from }, (_, j) => from + j) });
}

/**
 * A few rows of an impression log as a danfojs DataFrame, devices by name,
 * for display in a notebook.
 *
 * @param log An {@link ImpressionLog}.
 * @param options Which rows, see {@link RowWindow}.
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createPolicy, createWorld, logToDataFrame, simulateSessions } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 30, numItems: 200 }, { seed: 1 });
 * const log = simulateSessions(world, createPolicy("random"), { days: 1, sessionsPerDay: 5, feedSize: 4, numCandidates: 8, seed: 1 });
 * const df = logToDataFrame(log, { count: 3 });
 * assert.deepEqual(df.shape, [3, 13]);
 * ```
 */
export function logToDataFrame(log: ImpressionLog, options: RowWindow = {}): DataFrame {
  const [from, to] = window(log.numRows, options, "show a log as a DataFrame");
  return frame(
    {
      sessionId: (r) => log.sessionId[r],
      day: (r) => log.day[r],
      hour: (r) => log.hour[r],
      weekday: (r) => log.weekday[r],
      time: (r) => Math.round(log.time[r] * 100) / 100,
      userId: (r) => log.userId[r],
      itemId: (r) => log.itemId[r],
      position: (r) => log.position[r],
      device: (r) => DEVICES[log.device[r]],
      engaged: (r) => log.engaged[r],
      dwellSeconds: (r) => Math.round(log.dwellSeconds[r] * 10) / 10,
      liked: (r) => log.liked[r],
      propensity: (r) => log.propensity[r],
    },
    from,
    to,
  );
}

/**
 * A few feature rows as a DataFrame, one column per feature name.
 *
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { candidateFeatures, createHistory, createWorld, featuresToDataFrame } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 10, numItems: 100 }, { seed: 1 });
 * const x = candidateFeatures(world, createHistory(world), 0, [1, 2], { time: 5, device: 0 });
 * assert.deepEqual(featuresToDataFrame(x).shape, [2, x.numFeatures]);
 * ```
 */
export function featuresToDataFrame(features: FeatureMatrix, options: RowWindow = {}): DataFrame {
  const [from, to] = window(features.numRows, options, "show features as a DataFrame");
  const F = features.numFeatures;
  const columns = Object.fromEntries(
    features.names.map((name, c) => [name, (r: number) => features.values[r * F + c]]),
  );
  return frame(columns, from, to);
}

/**
 * A few posts with what a learner may observe about them (no latent quality).
 *
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createWorld, itemsToDataFrame } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 10, numItems: 100 }, { seed: 1 });
 * assert.deepEqual(itemsToDataFrame(world, { count: 5 }).shape, [5, 6]);
 * ```
 */
export function itemsToDataFrame(world: World, options: RowWindow = {}): DataFrame {
  const [from, to] = window(world.numItems, options, "show items as a DataFrame");
  const { author, topic, createdAt, length, hasMedia } = world.items;
  return frame(
    {
      author: (i) => author[i],
      authorFollowers: (i) => world.authors.followers[author[i]],
      topic: (i) => topic[i],
      createdAt: (i) => Math.round(createdAt[i] * 100) / 100,
      length: (i) => length[i],
      hasMedia: (i) => hasMedia[i],
    },
    from,
    to,
  );
}

/**
 * A few users with what a learner may observe about them (no interests).
 *
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createWorld, usersToDataFrame } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 10 }, { seed: 1 });
 * assert.deepEqual(usersToDataFrame(world).shape, [10, 3]);
 * ```
 */
export function usersToDataFrame(world: World, options: RowWindow = {}): DataFrame {
  const [from, to] = window(world.numUsers, options, "show users as a DataFrame");
  const { country, primaryDevice, signupDay } = world.users;
  return frame(
    {
      country: (u) => COUNTRIES[country[u]],
      primaryDevice: (u) => DEVICES[primaryDevice[u]],
      signupDay: (u) => signupDay[u],
    },
    from,
    to,
  );
}
