import { type RandomOptions, resolveRng } from "../random/mod.ts";
import { contextEffects, generateAuthors, generateItems, generateUsers } from "./_generate.ts";
import { resolveWorldOptions } from "./_world_options.ts";
import type { World } from "./types.ts";
import type { WorldOptions } from "./world_options.ts";

/**
 * Creates a seeded simulated social feed: users with latent interests over K
 * topics, authors, posts arriving over `numDays` days, and a hidden true
 * engagement model (`world.truth`). Everything else on the world is what a
 * learner may observe.
 *
 * Users, authors and items come from independent random streams, so changing
 * `numItems` leaves the users unchanged.
 *
 * @param options Sizes and knobs, see {@link WorldOptions}.
 * @param random `{ seed }` or `{ rng }`.
 * @returns A {@link World}.
 * @throws {RangeError} For a size below 1, an unknown option, or a shift of the wrong length.
 * @see notebooks/01_setup.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createWorld } from "@lib/world/mod.ts";
 * const world = createWorld({ numUsers: 50, numItems: 300 }, { seed: 1 });
 * assert.equal(world.users.country.length, 50);
 * assert.equal(world.truth.userInterests.length, 50 * world.numTopics);
 * assert.deepEqual(createWorld({ numUsers: 50 }, { seed: 1 }).users, world.users);
 * ```
 */
export function createWorld(options: WorldOptions = {}, random: RandomOptions): World {
  const context = "create a world";
  const {
    numUsers,
    numAuthors,
    numItems,
    numTopics,
    numDays,
    itemLifetimeDays,
    newUserShare,
    positionBiasPower,
    baseLogit,
    affinityScale,
    pairNoiseSd,
    freshnessDecay,
    daily,
    weekly,
    ones,
    shiftDay,
    interestDelta,
    topicWeights,
  } = resolveWorldOptions(options, context);
  const rng = resolveRng(random, context);
  const [userRng, authorRng, itemRng] = [rng.fork(), rng.fork(), rng.fork()];
  const users = generateUsers(numUsers, numTopics, numDays, newUserShare, userRng);
  const authors = generateAuthors(numAuthors, numTopics, authorRng);
  const weights = { before: ones, after: topicWeights, shiftHour: shiftDay * 24 };
  const items = generateItems(
    numItems,
    numTopics,
    numDays,
    itemLifetimeDays,
    authors,
    weights,
    itemRng,
  );
  const itemEffect = new Float64Array(numItems);
  const itemShiftAffinity = new Float64Array(numItems);
  for (let i = 0; i < numItems; i++) {
    itemEffect[i] = items.quality[i] + 0.3 * items.hasMedia[i] + authors.quality[items.author[i]];
    let delta = 0;
    for (let k = 0; k < numTopics; k++) delta += interestDelta[k] * items.mix[i * numTopics + k];
    itemShiftAffinity[i] = affinityScale * delta;
  }
  return {
    numUsers,
    numAuthors,
    numItems,
    numTopics,
    numDays,
    itemLifetimeDays,
    users: {
      country: users.country,
      primaryDevice: users.primaryDevice,
      signupDay: users.signupDay,
    },
    authors: { topic: authors.topic, followers: authors.followers },
    items: {
      author: items.author,
      topic: items.topic,
      createdAt: items.createdAt,
      length: items.length,
      hasMedia: items.hasMedia,
    },
    truth: {
      userInterests: users.interests,
      userActivity: users.activity,
      userEffect: users.effect,
      authorQuality: authors.quality,
      authorActivity: authors.activity,
      itemQuality: items.quality,
      itemTopicMix: items.mix,
      itemEffect,
      itemShiftAffinity,
      ...contextEffects(daily, weekly),
      baseLogit,
      affinityScale,
      freshnessDecay,
      pairNoiseSd,
      positionBiasPower,
      shiftDay,
      pairNoiseSalt: rng.int(0, 2 ** 31),
    },
  };
}
