/** An impression log: one row per shown post, sorted by time, as typed columns. */
export interface ImpressionLog {
  /** Number of rows (impressions). */
  readonly numRows: number;
  /** Number of sessions. */
  readonly numSessions: number;
  /** Posts shown per session; a session's rows are contiguous, positions 0 … feedSize−1. */
  readonly feedSize: number;
  /** Session of the impression, 0, 1, … in time order. */
  readonly sessionId: Int32Array;
  /** Day of the session. */
  readonly day: Int32Array;
  /** Hour of day, 0–23. */
  readonly hour: Uint8Array;
  /** Day of the week, 0 = Monday. */
  readonly weekday: Uint8Array;
  /** Hours since the start of day 0. */
  readonly time: Float64Array;
  /** The user who saw the post. */
  readonly userId: Int32Array;
  /** The post shown. */
  readonly itemId: Int32Array;
  /** Feed position, 0 = top. */
  readonly position: Int32Array;
  /** Index into `DEVICES`. */
  readonly device: Uint8Array;
  /** 1 if the user engaged (opened, replied, …), else 0. */
  readonly engaged: Uint8Array;
  /** Seconds spent on the post when engaged, else 0. */
  readonly dwellSeconds: Float32Array;
  /** 1 if the user also liked the post (only when engaged). */
  readonly liked: Uint8Array;
  /** Probability that the policy put this post here (`NaN` when the policy did not say). */
  readonly propensity: Float32Array;
}

/** A zero-filled log with room for `numSessions × feedSize` rows. */
export function allocateLog(numSessions: number, feedSize: number): ImpressionLog {
  const n = numSessions * feedSize;
  return {
    numRows: n,
    numSessions,
    feedSize,
    sessionId: new Int32Array(n),
    day: new Int32Array(n),
    hour: new Uint8Array(n),
    weekday: new Uint8Array(n),
    time: new Float64Array(n),
    userId: new Int32Array(n),
    itemId: new Int32Array(n),
    position: new Int32Array(n),
    device: new Uint8Array(n),
    engaged: new Uint8Array(n),
    dwellSeconds: new Float32Array(n),
    liked: new Uint8Array(n),
    propensity: new Float32Array(n),
  };
}
