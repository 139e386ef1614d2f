import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";
import { assertLogColumns } from "./_validate_log.ts";
import { CTR_PRIOR, featureNamesFor, writeFeatureRow, writeSessionRows } from "./_feature_row.ts";
import { createHistory, type History, type HistoryLog, recordImpression } from "./history.ts";
import type { World } from "./types.ts";

export { CTR_PRIOR };

/** A row-major matrix of feature rows with its column names. */
export interface FeatureMatrix {
  /** `numRows × numFeatures` values, row-major. */
  readonly values: Float32Array;
  /** Number of rows. */
  readonly numRows: number;
  /** Number of columns. */
  readonly numFeatures: number;
  /** Column names, see {@link featureNames}. */
  readonly names: readonly string[];
}

/**
 * The names of the observable features, in column order: user features
 * (account age, past sessions, impressions, smoothed CTR, country one-hot),
 * item features (age, length, media, main-topic one-hot, author followers,
 * past impressions and CTR of item and author), user × item history
 * (past engagements with the author, CTR on the topic), and context (hour as
 * sine and cosine, weekend, device one-hot). Counts enter as `log1p`; rates are
 * smoothed towards 5 % with {@link CTR_PRIOR}.
 *
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createWorld, featureNames } from "@lib/world/mod.ts";
 * const names = featureNames(createWorld({ numUsers: 10, numTopics: 4 }, { seed: 1 }));
 * assert.ok(names.includes("item_ctr") && names.includes("item_topic_3"));
 * ```
 */
export function featureNames(world: World): string[] {
  return [...featureNamesFor(world.numTopics)];
}

/**
 * Feature rows of one user's candidate items at serving time, from the
 * counters in `history` (the past). This is what a learned policy scores.
 *
 * @param world The world.
 * @param history Counters of everything before the session.
 * @param userId The user.
 * @param itemIds The candidates.
 * @param context `time` in hours since day 0 and `device` index.
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { candidateFeatures, createHistory, createWorld } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 10, numItems: 100 }, { seed: 1 });
 * const x = candidateFeatures(world, createHistory(world), 0, [1, 2, 3], { time: 5, device: 0 });
 * assert.equal(x.values.length, 3 * x.numFeatures);
 * ```
 */
export function candidateFeatures(
  world: World,
  history: History,
  userId: number,
  itemIds: ArrayLike<number>,
  context: { time: number; device: number },
): FeatureMatrix {
  const names = featureNamesFor(world.numTopics), F = names.length;
  const values = new Float32Array(itemIds.length * F);
  writeSessionRows(world, history, userId, itemIds, context.time, context.device, values);
  return { values, numRows: itemIds.length, numFeatures: F, names };
}

/** Options of {@link logFeatures}. */
export interface LogFeaturesOptions {
  /**
   * Counters include only rows older than `lagHours` (0 = real-time counters;
   * 24 = a daily batch, a source of train/serve skew). @default 0
   */
  lagHours?: number;
  /** Log rows to compute, ascending. @default every row */
  rows?: ArrayLike<number>;
}

/**
 * Feature rows for impressions of a log, in which the historical counters of
 * each row use only rows strictly earlier in time (`time < t − lagHours`):
 * replaying the log in time order, so nothing from the impression itself or
 * its future leaks in.
 *
 * Memory is `rows × numFeatures × 4` bytes; pass `rows` to keep a subset.
 *
 * @param world The world.
 * @param log Columns `userId`, `itemId`, `position`, `engaged`, `time`, `device`, sorted by time.
 * @param options See {@link LogFeaturesOptions}.
 * @returns A {@link FeatureMatrix} plus `rows`, the log row of each feature row.
 * @throws {RangeError} If the log is not sorted by time, or `rows` is not ascending and in range.
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createPolicy, createWorld, logFeatures, simulateSessions } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 30, numItems: 200 }, { seed: 1 });
 * const log = simulateSessions(world, createPolicy("popularity"), {
 *   days: 2, sessionsPerDay: 20, feedSize: 5, numCandidates: 10, seed: 2,
 * });
 * const x = logFeatures(world, log);
 * assert.equal(x.numRows, log.numRows);
 * const col = x.names.indexOf("item_log_impressions");
 * assert.equal(x.values[col], 0); // the first impression has no past
 * ```
 */
export function logFeatures(
  world: World,
  log: HistoryLog & { readonly device: ArrayLike<number> },
  options: LogFeaturesOptions = {},
): FeatureMatrix & { rows: Int32Array } {
  const context = "compute logFeatures";
  const { lagHours = 0, rows: wanted } = options;
  assertFiniteNumber(lagHours, "lagHours", context, { min: 0 });
  assertLogColumns(
    world,
    log,
    ["userId", "itemId", "position", "engaged", "time", "device"],
    context,
  );
  const { userId, itemId, position, engaged, time, device } = log;
  const n = userId.length;
  for (let r = 1; r < n; r++) {
    if (!(time[r] >= time[r - 1])) {
      raise("range", context, `the log must be sorted by time, but time[${r}] < time[${r - 1}]`);
    }
  }
  if (wanted !== undefined) {
    for (let j = 0; j < wanted.length; j++) {
      assertInteger(wanted[j], `rows[${j}]`, context, { min: 0, max: n - 1 });
      if (j > 0 && wanted[j] <= wanted[j - 1]) {
        raise(
          "range",
          context,
          `rows must be strictly ascending, but rows[${j}] <= rows[${j - 1}]`,
        );
      }
    }
  }
  const rows = Int32Array.from(wanted ?? { length: n }, (v, r) => wanted === undefined ? r : v);
  const names = featureNamesFor(world.numTopics), F = names.length;
  const values = new Float32Array(rows.length * F);
  const history = createHistory(world);
  let applied = 0;
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j], cutoff = time[r] - lagHours;
    for (; applied < n && time[applied] < cutoff; applied++) {
      recordImpression(
        world,
        history,
        userId[applied],
        itemId[applied],
        position[applied],
        engaged[applied],
      );
    }
    writeFeatureRow(world, history, userId[r], itemId[r], time[r], device[r], values, j * F);
  }
  return { values, numRows: rows.length, numFeatures: F, names, rows };
}
