import type { Rng } from "../random/mod.ts";

// Aligned with COUNTRIES and DEVICES in types.ts.
const COUNTRY_WEIGHTS = [0.35, 0.25, 0.15, 0.15, 0.1];
const DEVICE_WEIGHTS = [0.65, 0.25, 0.1];

/** Index drawn from unnormalised `weights` by inversion. */
export function drawIndex(weights: ArrayLike<number>, total: number, rng: Rng): number {
  let x = rng.random() * total;
  for (let i = 0; i < weights.length - 1; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/** Users: country, device, sign-up day, interests, activity and engagement offset. */
export function generateUsers(
  numUsers: number,
  numTopics: number,
  numDays: number,
  newUserShare: number,
  rng: Rng,
) {
  const country = new Uint8Array(numUsers);
  const primaryDevice = new Uint8Array(numUsers);
  const signupDay = new Int32Array(numUsers);
  const interests = new Float64Array(numUsers * numTopics);
  const activity = new Float64Array(numUsers);
  const effect = new Float64Array(numUsers);
  for (let u = 0; u < numUsers; u++) {
    country[u] = drawIndex(COUNTRY_WEIGHTS, 1, rng);
    primaryDevice[u] = drawIndex(DEVICE_WEIGHTS, 1, rng);
    const isNew = numDays > 1 && rng.random() < newUserShare;
    signupDay[u] = isNew ? rng.int(1, numDays) : -rng.int(0, 730);
    for (let k = 0; k < numTopics; k++) {
      // Each country leans towards one topic, so country carries a little signal.
      const lean = k === country[u] % numTopics ? 0.5 : 0;
      interests[u * numTopics + k] = rng.normal(lean, 1);
    }
    // Log-normal with mean 1: exp(N(−σ²/2, σ)).
    activity[u] = Math.exp(rng.normal(-0.32, 0.8));
    effect[u] = 0.3 * Math.log(activity[u]) + rng.normal(0, 0.3);
  }
  return { country, primaryDevice, signupDay, interests, activity, effect };
}

/** Authors: topic, latent quality, follower count and posting rate. */
export function generateAuthors(numAuthors: number, numTopics: number, rng: Rng) {
  const topic = new Uint8Array(numAuthors);
  const followers = new Int32Array(numAuthors);
  const quality = new Float64Array(numAuthors);
  const activity = new Float64Array(numAuthors);
  for (let a = 0; a < numAuthors; a++) {
    topic[a] = rng.int(0, numTopics);
    quality[a] = rng.normal(0, 0.5);
    followers[a] = Math.round(Math.exp(5 + 1.2 * quality[a] + rng.normal(0, 1)));
    activity[a] = Math.exp(rng.normal(0, 0.8));
  }
  return { topic, followers, quality, activity };
}

/** Posts: creation time (sorted), author, topic mix, length, media and quality. */
export function generateItems(
  numItems: number,
  numTopics: number,
  numDays: number,
  lifetimeDays: number,
  authors: { topic: Uint8Array; activity: Float64Array },
  topicWeights: { before: ArrayLike<number>; after: ArrayLike<number>; shiftHour: number },
  rng: Rng,
) {
  const createdAt = new Float64Array(numItems);
  const start = -lifetimeDays * 24, span = (numDays + lifetimeDays) * 24;
  for (let i = 0; i < numItems; i++) createdAt[i] = start + rng.random() * span;
  createdAt.sort();
  const numAuthors = authors.topic.length;
  const postingWeights = (w: ArrayLike<number>) =>
    Float64Array.from({ length: numAuthors }, (_, a) => authors.activity[a] * w[authors.topic[a]]);
  const before = postingWeights(topicWeights.before), after = postingWeights(topicWeights.after);
  const totalBefore = before.reduce((s, v) => s + v, 0);
  const totalAfter = after.reduce((s, v) => s + v, 0);
  const author = new Int32Array(numItems);
  const topic = new Uint8Array(numItems);
  const mix = new Float64Array(numItems * numTopics);
  const length = new Int32Array(numItems);
  const hasMedia = new Uint8Array(numItems);
  const quality = new Float64Array(numItems);
  const logits = new Float64Array(numTopics);
  for (let i = 0; i < numItems; i++) {
    const shifted = createdAt[i] >= topicWeights.shiftHour;
    const a = drawIndex(shifted ? after : before, shifted ? totalAfter : totalBefore, rng);
    author[i] = a;
    const main = rng.random() < 0.8 ? authors.topic[a] : rng.int(0, numTopics);
    // Topic mix: a softmax peaked on the main topic; `topic` is its largest share.
    let best = 0, sum = 0;
    for (let k = 0; k < numTopics; k++) {
      logits[k] = (k === main ? 2.5 : 0) + rng.normal(0, 0.8);
      if (logits[k] > logits[best]) best = k;
    }
    const max = logits[best];
    for (let k = 0; k < numTopics; k++) sum += logits[k] = Math.exp(logits[k] - max);
    for (let k = 0; k < numTopics; k++) mix[i * numTopics + k] = logits[k] / sum;
    topic[i] = best;
    quality[i] = rng.normal(0, 0.5);
    hasMedia[i] = rng.random() < 1 / (1 + Math.exp(1 - quality[i])) ? 1 : 0;
    length[i] = Math.min(280, Math.max(5, Math.round(Math.exp(rng.normal(Math.log(100), 0.6)))));
  }
  return { createdAt, author, topic, mix, length, hasMedia, quality };
}

/** Daily and weekly seasonality of the logit, device effects and hourly traffic. */
export function contextEffects(daily: number, weekly: number) {
  const hourEffect = new Float64Array(24), hourTraffic = new Float64Array(24);
  for (let h = 0; h < 24; h++) {
    // Both peak at 20:00.
    hourEffect[h] = daily * Math.sin((2 * Math.PI * (h - 14)) / 24);
    hourTraffic[h] = 1 + 0.6 * Math.sin((2 * Math.PI * (h - 14)) / 24);
  }
  // Day 0 is a Monday; the weekly effect peaks over the weekend.
  const weekdayEffect = Float64Array.from(
    { length: 7 },
    (_, d) => weekly * Math.cos((2 * Math.PI * (d - 5.5)) / 7),
  );
  const deviceEffect = Float64Array.from([0.1, -0.1, 0]);
  return { hourEffect, hourTraffic, weekdayEffect, deviceEffect };
}
