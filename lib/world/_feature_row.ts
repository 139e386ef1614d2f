import type { History } from "./history.ts";
import { COUNTRIES, DEVICES, type World } from "./types.ts";

/**
 * Prior of every smoothed rate among the features,
 * $(\text{engagements} + 1) / (\text{impressions} + 20)$: 5 % with no data,
 * moving towards the observed rate as impressions accumulate.
 *
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CTR_PRIOR } from "@lib/world/mod.ts";
 * assert.equal(CTR_PRIOR.engagements / CTR_PRIOR.impressions, 0.05);
 * ```
 */
export const CTR_PRIOR = { engagements: 1, impressions: 20 } as const;

function smoothed(engagements: number, impressions: number): number {
  return (engagements + CTR_PRIOR.engagements) / (impressions + CTR_PRIOR.impressions);
}

const namesByTopics = new Map<number, readonly string[]>();

/** Column names of a feature row, in order (they depend on the number of topics); cached. */
export function featureNamesFor(numTopics: number): readonly string[] {
  const cached = namesByTopics.get(numTopics);
  if (cached) return cached;
  const names = Object.freeze([
    "user_account_age_days",
    "user_log_sessions",
    "user_log_impressions",
    "user_ctr",
    ...COUNTRIES.map((c) => `user_country_${c}`),
    "item_age_hours",
    "item_length",
    "item_has_media",
    ...Array.from({ length: numTopics }, (_, k) => `item_topic_${k}`),
    "author_log_followers",
    "item_log_impressions",
    "item_ctr",
    "author_ctr",
    "user_author_log_engagements",
    "user_topic_ctr",
    "hour_sin",
    "hour_cos",
    "is_weekend",
    ...DEVICES.map((d) => `device_${d}`),
  ]);
  namesByTopics.set(numTopics, names);
  return names;
}

const USER_COLUMNS = 4 + COUNTRIES.length;
const CONTEXT_COLUMNS = 3 + DEVICES.length;

/** User block: account age, past sessions, impressions, CTR, country one-hot. */
function writeUser(
  world: World,
  h: History,
  user: number,
  day: number,
  out: Float32Array,
  o: number,
) {
  out[o++] = day - world.users.signupDay[user];
  out[o++] = Math.log1p(h.userSessions[user]);
  out[o++] = Math.log1p(h.userImpressions[user]);
  out[o++] = smoothed(h.userEngagements[user], h.userImpressions[user]);
  const country = world.users.country[user];
  for (let c = 0; c < COUNTRIES.length; c++) out[o++] = c === country ? 1 : 0;
}

/** Item block and user × item history. */
function writeItem(
  world: World,
  h: History,
  user: number,
  item: number,
  time: number,
  out: Float32Array,
  o: number,
) {
  const K = world.numTopics;
  const author = world.items.author[item], topic = world.items.topic[item];
  out[o++] = time - world.items.createdAt[item];
  out[o++] = world.items.length[item] / 280;
  out[o++] = world.items.hasMedia[item];
  for (let k = 0; k < K; k++) out[o++] = k === topic ? 1 : 0;
  out[o++] = Math.log1p(world.authors.followers[author]);
  out[o++] = Math.log1p(h.itemImpressions[item]);
  out[o++] = smoothed(h.itemEngagements[item], h.itemImpressions[item]);
  out[o++] = smoothed(h.authorEngagements[author], h.authorImpressions[author]);
  out[o++] = Math.log1p(h.userAuthorEngagements[user * world.numAuthors + author]);
  const ut = user * K + topic;
  out[o++] = smoothed(h.userTopicEngagements[ut], h.userTopicImpressions[ut]);
}

/** Context block: hour as sine and cosine, weekend, device one-hot. */
function writeContext(time: number, day: number, device: number, out: Float32Array, o: number) {
  const hour = time - day * 24, weekday = ((day % 7) + 7) % 7;
  out[o++] = Math.sin((2 * Math.PI * hour) / 24);
  out[o++] = Math.cos((2 * Math.PI * hour) / 24);
  out[o++] = weekday >= 5 ? 1 : 0;
  for (let d = 0; d < DEVICES.length; d++) out[o++] = d === device ? 1 : 0;
}

/**
 * Writes the observable features of one impression into `out` from `offset`
 * (every column is written, so `out` may be a reused buffer).
 */
export function writeFeatureRow(
  world: World,
  h: History,
  user: number,
  item: number,
  time: number,
  device: number,
  out: Float32Array,
  offset: number,
): void {
  const day = Math.floor(time / 24), F = USER_COLUMNS + world.numTopics + 9 + CONTEXT_COLUMNS;
  writeUser(world, h, user, day, out, offset);
  writeItem(world, h, user, item, time, out, offset + USER_COLUMNS);
  writeContext(time, day, device, out, offset + F - CONTEXT_COLUMNS);
}

/**
 * Writes the feature rows of one session's items (one user, one time) into
 * `out`: the user and context blocks are computed once and copied.
 */
export function writeSessionRows(
  world: World,
  h: History,
  user: number,
  items: ArrayLike<number>,
  time: number,
  device: number,
  out: Float32Array,
): void {
  if (items.length === 0) return;
  const F = USER_COLUMNS + world.numTopics + 9 + CONTEXT_COLUMNS, tail = F - CONTEXT_COLUMNS;
  writeFeatureRow(world, h, user, items[0], time, device, out, 0);
  for (let j = 1, o = F; j < items.length; j++, o += F) {
    for (let c = 0; c < USER_COLUMNS; c++) out[o + c] = out[c];
    writeItem(world, h, user, items[j], time, out, o + USER_COLUMNS);
    for (let c = tail; c < F; c++) out[o + c] = out[c];
  }
}
