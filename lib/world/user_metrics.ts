import { assertInteger, assertNumberArray, assertSameLength, raise } from "../_shared/validate.ts";

/** The log columns {@link userTotals} and {@link guardrailMetrics} read. */
export interface UserLog {
  /** Session of each impression (rows of a session contiguous). */
  readonly sessionId: ArrayLike<number>;
  /** User of each impression. */
  readonly userId: ArrayLike<number>;
  /** 1 if engaged, else 0. */
  readonly engaged: ArrayLike<number>;
  /** Seconds spent on the post (0 when not engaged). */
  readonly dwellSeconds: ArrayLike<number>;
  /** 1 if the post was liked. */
  readonly liked: ArrayLike<number>;
}

/** Per-user totals of a log, indexed by user id. */
export interface UserTotals {
  /** Sessions of each user. */
  readonly sessions: Int32Array;
  /** Sessions with at least one engagement. */
  readonly engagedSessions: Int32Array;
  /** Engagements. */
  readonly engagements: Int32Array;
  /** Seconds of dwell time. */
  readonly dwellSeconds: Float64Array;
  /** Likes. */
  readonly likes: Int32Array;
}

function validate(log: UserLog, context: string): void {
  for (const name of ["sessionId", "userId", "engaged", "dwellSeconds", "liked"] as const) {
    assertNumberArray(log?.[name], name, context);
    assertSameLength(log.sessionId, log[name], ["sessionId", name], context);
  }
  if (log.sessionId.length === 0) raise("range", context, "the log must not be empty");
}

/**
 * Totals per user: sessions, engaged sessions, engagements, dwell time and
 * likes. An online metric such as the share of engaged sessions is a mean over
 * sessions, but sessions of one user are not independent (the same person,
 * the same tastes); a test that treats them as independent understates the
 * variance. Aggregating to users first gives one independent unit per user.
 *
 * @param log Columns `sessionId`, `userId`, `engaged`, `dwellSeconds`, `liked`.
 * @param options `numUsers`: the length of the returned arrays (user ids are 0 … numUsers − 1).
 * @returns A {@link UserTotals}.
 * @throws {RangeError} If the log is empty, its columns differ in length, or a
 *   user id is not an integer in [0, numUsers).
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { userTotals } from "@lib/world/mod.ts";
 * const t = userTotals({
 *   sessionId: [0, 0, 1, 1, 2, 2], userId: [1, 1, 0, 0, 1, 1], engaged: [1, 1, 0, 0, 0, 0],
 *   dwellSeconds: [10, 5, 0, 0, 0, 0], liked: [1, 0, 0, 0, 0, 0],
 * }, { numUsers: 2 });
 * assert.deepEqual([...t.sessions], [1, 2]);
 * assert.deepEqual([...t.engagedSessions], [0, 1]);
 * assert.deepEqual([...t.engagements], [0, 2]);
 * ```
 */
export function userTotals(log: UserLog, options: { numUsers: number }): UserTotals {
  const context = "compute userTotals";
  validate(log, context);
  const numUsers = options?.numUsers;
  assertInteger(numUsers, "numUsers", context, { min: 1 });
  const sessions = new Int32Array(numUsers), engagedSessions = new Int32Array(numUsers);
  const engagements = new Int32Array(numUsers), likes = new Int32Array(numUsers);
  const dwellSeconds = new Float64Array(numUsers);
  let sessionEngaged = false;
  for (let r = 0; r < log.sessionId.length; r++) {
    const u = log.userId[r];
    if (!Number.isInteger(u) || u < 0 || u >= numUsers) {
      raise("range", context, `userId[${r}] must be an integer in [0, ${numUsers}), got ${u}`);
    }
    if (r === 0 || log.sessionId[r] !== log.sessionId[r - 1]) sessions[u]++, sessionEngaged = false;
    if (log.engaged[r] && !sessionEngaged) engagedSessions[u]++, sessionEngaged = true;
    engagements[u] += log.engaged[r];
    dwellSeconds[u] += log.dwellSeconds[r];
    likes[u] += log.liked[r];
  }
  return { sessions, engagedSessions, engagements, dwellSeconds, likes };
}

/** Guardrail metrics of a served policy: what an engagement-tuned ranker must not erode. */
export interface GuardrailMetrics {
  /** Mean dwell time per session, in seconds. */
  readonly dwellSecondsPerSession: number;
  /** Mean dwell time per engagement, in seconds: do the engagements carry attention? */
  readonly dwellSecondsPerEngagement: number;
  /** Likes per session. */
  readonly likesPerSession: number;
  /** Likes per engagement: do users like what they open? */
  readonly likesPerEngagement: number;
}

/**
 * Guardrail metrics: dwell time and likes, per session and per engagement. A
 * ranker tuned on engagements can raise them with posts people open and
 * leave at once (click-bait); these metrics, logged but not optimised, show it.
 *
 * @param log Columns `sessionId`, `userId`, `engaged`, `dwellSeconds`, `liked`.
 * @returns A {@link GuardrailMetrics}; the per-engagement values are `NaN` without engagements.
 * @throws {RangeError} If the log is empty or its columns differ in length.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { guardrailMetrics } from "@lib/world/mod.ts";
 * const g = guardrailMetrics({
 *   sessionId: [0, 0, 1, 1], userId: [0, 0, 1, 1], engaged: [1, 1, 0, 0],
 *   dwellSeconds: [30, 10, 0, 0], liked: [1, 0, 0, 0],
 * });
 * assert.equal(g.dwellSecondsPerSession, 20);
 * assert.equal(g.dwellSecondsPerEngagement, 20);
 * assert.equal(g.likesPerEngagement, 0.5);
 * ```
 */
export function guardrailMetrics(log: UserLog): GuardrailMetrics {
  validate(log, "compute guardrailMetrics");
  let sessions = 0, engagements = 0, dwell = 0, likes = 0;
  for (let r = 0; r < log.sessionId.length; r++) {
    if (r === 0 || log.sessionId[r] !== log.sessionId[r - 1]) sessions++;
    engagements += log.engaged[r];
    dwell += log.dwellSeconds[r];
    likes += log.liked[r];
  }
  return {
    dwellSecondsPerSession: dwell / sessions,
    dwellSecondsPerEngagement: engagements > 0 ? dwell / engagements : Number.NaN,
    likesPerSession: likes / sessions,
    likesPerEngagement: engagements > 0 ? likes / engagements : Number.NaN,
  };
}
