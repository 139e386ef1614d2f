import type { Rng } from "../random/mod.ts";
import { raise } from "../_shared/validate.ts";
import { DEVICES, type World } from "./types.ts";

/** Session arrivals of one day, sorted by time (buffers are reused across days). */
export interface DayTraffic {
  readonly time: Float64Array;
  readonly user: Int32Array;
  readonly device: Uint8Array;
}

/**
 * Draws `count` sessions of day `day`: the hour from the diurnal traffic curve,
 * the user in proportion to activity among users signed up by then, the
 * device (the user's usual one 80 % of the time).
 */
export function drawDayTraffic(
  world: World,
  day: number,
  count: number,
  rng: Rng,
  out: DayTraffic,
  context: string,
): void {
  const { userActivity, hourTraffic } = world.truth;
  const cumulative = new Float64Array(world.numUsers);
  let total = 0;
  for (let u = 0; u < world.numUsers; u++) {
    if (world.users.signupDay[u] <= day) total += userActivity[u];
    cumulative[u] = total;
  }
  if (total === 0) raise("range", context, `no user has signed up by day ${day}`);
  let hourTotal = 0;
  for (let h = 0; h < 24; h++) hourTotal += hourTraffic[h];
  for (let s = 0; s < count; s++) {
    let x = rng.random() * hourTotal, hour = 0;
    while (hour < 23 && (x -= hourTraffic[hour]) >= 0) hour++;
    out.time[s] = day * 24 + hour + rng.random();
  }
  out.time.subarray(0, count).sort();
  for (let s = 0; s < count; s++) {
    // First user whose cumulative activity exceeds x (users not signed up have zero width).
    const x = rng.random() * total;
    let lo = 0, hi = world.numUsers - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    out.user[s] = lo;
    out.device[s] = rng.random() < 0.8
      ? world.users.primaryDevice[lo]
      : Math.floor(rng.random() * DEVICES.length);
  }
}

/** First index in the ascending `values` whose value exceeds `x`. */
function firstAbove(values: Float64Array, x: number): number {
  let lo = 0, hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Eligible posts at `time` are those created at most `itemLifetimeDays` ago;
 * item ids are in creation order, so they form the id range `[start, end)`.
 */
export function eligibleRange(world: World, time: number): [number, number] {
  const createdAt = world.items.createdAt;
  return [firstAbove(createdAt, time - world.itemLifetimeDays * 24), firstAbove(createdAt, time)];
}

/**
 * Fills `out[0..k)` with `k` distinct ids drawn uniformly from `[start, end)`,
 * in draw order: rejection against `stamp` for sparse draws, a partial
 * Fisher–Yates shuffle on `scratch` for dense ones.
 */
export function sampleRange(
  start: number,
  end: number,
  k: number,
  rng: Rng,
  stamp: Int32Array,
  stampValue: number,
  scratch: Int32Array,
  out: Int32Array,
): void {
  const size = end - start;
  if (2 * k <= size) {
    for (let j = 0; j < k;) {
      const i = start + Math.floor(rng.random() * size);
      if (stamp[i] === stampValue) continue;
      stamp[i] = stampValue;
      out[j++] = i;
    }
    return;
  }
  for (let j = 0; j < size; j++) scratch[j] = start + j;
  for (let j = 0; j < k; j++) {
    const r = j + Math.floor(rng.random() * (size - j));
    const t = scratch[r];
    scratch[r] = scratch[j];
    scratch[j] = t;
    out[j] = t;
  }
}
