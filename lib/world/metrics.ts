import { assertInteger, assertNumberArray, assertSameLength, raise } from "../_shared/validate.ts";
import { assertKnownOptions } from "./_options.ts";

/** The log columns the session metrics read (rows of a session are contiguous). */
export interface MetricsLog {
  /** Session of each impression. */
  readonly sessionId: ArrayLike<number>;
  /** Day of each impression. */
  readonly day: ArrayLike<number>;
  /** Feed position, 0 = top. */
  readonly position: ArrayLike<number>;
  /** 1 if engaged, else 0. */
  readonly engaged: ArrayLike<number>;
}

/** Online metrics of a served policy. */
export interface SessionMetrics {
  /** Number of sessions. */
  readonly numSessions: number;
  /** Number of impressions. */
  readonly numImpressions: number;
  /** The cut-off of {@link SessionMetrics.ctrAtK}. */
  readonly k: number;
  /** Component metric: engagements per impression over all positions. */
  readonly engagementRate: number;
  /** Component metric: engagements per impression in the top k positions. */
  readonly ctrAtK: number;
  /** End-to-end metric: share of sessions with at least one engagement. */
  readonly engagedSessionRate: number;
  /** End-to-end metric: mean engagements per session. */
  readonly engagementsPerSession: number;
}

const CONTEXT = "compute sessionMetrics";

function accumulate(log: MetricsLog, from: number, to: number, k: number): SessionMetrics {
  let sessions = 0, engagedSessions = 0, engagements = 0, topImpressions = 0, topEngagements = 0;
  let sessionEngaged = false;
  for (let r = from; r < to; r++) {
    if (r === from || log.sessionId[r] !== log.sessionId[r - 1]) {
      if (sessionEngaged) engagedSessions++;
      sessions++;
      sessionEngaged = false;
    }
    const e = log.engaged[r];
    engagements += e;
    if (e) sessionEngaged = true;
    if (log.position[r] < k) {
      topImpressions++;
      topEngagements += e;
    }
  }
  if (sessionEngaged) engagedSessions++;
  return {
    numSessions: sessions,
    numImpressions: to - from,
    k,
    engagementRate: engagements / (to - from),
    ctrAtK: topEngagements / topImpressions,
    engagedSessionRate: engagedSessions / sessions,
    engagementsPerSession: engagements / sessions,
  };
}

function validate(log: MetricsLog, options: { k?: number }): number {
  assertKnownOptions(options, ["k"], CONTEXT);
  const { k = 5 } = options;
  assertInteger(k, "k", CONTEXT, { min: 1 });
  for (const name of ["sessionId", "day", "position", "engaged"] as const) {
    assertNumberArray(log?.[name], name, CONTEXT);
    assertSameLength(log.sessionId, log[name], ["sessionId", name], CONTEXT);
  }
  if (log.sessionId.length === 0) raise("range", CONTEXT, "the log must not be empty");
  return k;
}

/**
 * Session-level online metrics of a log: the component metric a ranking
 * model is tuned on (CTR@k, engagements per impression in the top k) next to
 * the end-to-end metrics the product cares about (engaged sessions, engagements
 * per session),
 *
 * $$\text{CTR@}k = \frac{\sum_{p < k} \text{engaged}}{\#\{\text{impressions at } p < k\}},\qquad
 * \text{engaged sessions} = \frac{\#\{s : \sum_{i \in s} \text{engaged}_i \ge 1\}}{\#\text{sessions}}.$$
 *
 * @param log Columns `sessionId`, `day`, `position`, `engaged`.
 * @param options `k` for CTR@k. @default { k: 5 }
 * @returns A {@link SessionMetrics}.
 * @throws {RangeError} If the log is empty or its columns differ in length.
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sessionMetrics } from "@lib/world/mod.ts";
 * // Two sessions of two impressions; one engagement at position 1 of session 0.
 * const m = sessionMetrics(
 *   { sessionId: [0, 0, 1, 1], day: [0, 0, 0, 0], position: [0, 1, 0, 1], engaged: [0, 1, 0, 0] },
 *   { k: 1 },
 * );
 * assert.equal(m.ctrAtK, 0);
 * assert.equal(m.engagedSessionRate, 0.5);
 * assert.equal(m.engagementsPerSession, 0.5);
 * ```
 */
export function sessionMetrics(log: MetricsLog, options: { k?: number } = {}): SessionMetrics {
  const k = validate(log, options);
  return accumulate(log, 0, log.sessionId.length, k);
}

/** {@link SessionMetrics} per day, as columns (one entry per day present in the log). */
export interface DailySessionMetrics {
  /** The day. */
  readonly day: Int32Array;
  /** Sessions that day. */
  readonly numSessions: Int32Array;
  /** Engagements per impression. */
  readonly engagementRate: Float64Array;
  /** Engagements per impression in the top k. */
  readonly ctrAtK: Float64Array;
  /** Share of sessions with at least one engagement. */
  readonly engagedSessionRate: Float64Array;
  /** Mean engagements per session. */
  readonly engagementsPerSession: Float64Array;
}

/**
 * {@link sessionMetrics} for each day of a log (rows of a day contiguous, as in
 * a simulated log): the daily series in which seasonality, shifts and
 * incidents show up.
 *
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { dailySessionMetrics } from "@lib/world/mod.ts";
 * const d = dailySessionMetrics({
 *   sessionId: [0, 0, 1, 1], day: [3, 3, 4, 4], position: [0, 1, 0, 1], engaged: [1, 0, 0, 0],
 * });
 * assert.deepEqual([...d.day], [3, 4]);
 * assert.deepEqual([...d.engagedSessionRate], [1, 0]);
 * ```
 */
export function dailySessionMetrics(
  log: MetricsLog,
  options: { k?: number } = {},
): DailySessionMetrics {
  const k = validate(log, options);
  const n = log.day.length, starts: number[] = [];
  for (let r = 0; r < n; r++) if (r === 0 || log.day[r] !== log.day[r - 1]) starts.push(r);
  const per = starts.map((from, j) => accumulate(log, from, starts[j + 1] ?? n, k));
  const column = (
    key: "engagementRate" | "ctrAtK" | "engagedSessionRate" | "engagementsPerSession",
  ) => Float64Array.from(per, (m) => m[key]);
  return {
    day: Int32Array.from(starts, (r) => log.day[r]),
    numSessions: Int32Array.from(per, (m) => m.numSessions),
    engagementRate: column("engagementRate"),
    ctrAtK: column("ctrAtK"),
    engagedSessionRate: column("engagedSessionRate"),
    engagementsPerSession: column("engagementsPerSession"),
  };
}
