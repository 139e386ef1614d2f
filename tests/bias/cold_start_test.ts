import assert from "node:assert/strict";
import { coldStartBoost, shareWithin, timeToFirstEngagement } from "@lib/bias/mod.ts";
import {
  createHistory,
  createPolicy,
  createWorld,
  type Policy,
  type SessionContext,
  simulateSessions,
} from "@lib/world/mod.ts";
import { createRng } from "@lib/random/mod.ts";

const world = createWorld({ numUsers: 500, numItems: 1500, numDays: 10 }, { seed: 31 });

/** Calls a policy once on hand-picked candidates at hour 100 with a given impression count. */
function rank(
  policy: Policy,
  candidates: number[],
  impressions: Record<number, number>,
  feedSize: number,
) {
  const history = createHistory(world);
  for (const [item, n] of Object.entries(impressions)) history.itemImpressions[Number(item)] = n;
  const context: SessionContext = {
    sessionId: 0,
    day: 4,
    hour: 4,
    weekday: 4,
    time: 100,
    device: 0,
    feedSize,
    history,
    propensity: new Float64Array(feedSize).fill(NaN),
  };
  const ranked = policy(world, 0, Int32Array.from(candidates), context, createRng(1));
  return { ranked: Array.from(ranked), propensity: [...context.propensity] };
}

/** A deterministic base policy that keeps the candidates' order. */
const inOrder: Policy = (_world, _user, candidates, context) => {
  context.propensity.fill(1);
  return Int32Array.from(candidates);
};

Deno.test("coldStartBoost() puts the best-ranked new posts into the reserved positions", () => {
  // Posts 10–15 in base order; 13 and 15 are new (fewer than 20 impressions), the others old.
  const old = { 10: 50, 11: 50, 12: 50, 14: 50, 13: 0, 15: 3 };
  const boosted = coldStartBoost(inOrder, { positions: [1, 3] });
  const { ranked, propensity } = rank(boosted, [10, 11, 12, 13, 14, 15], old, 4);
  assert.deepEqual(ranked, [10, 13, 11, 15, 12, 14]);
  assert.deepEqual(propensity, [1, 1, 1, 1]);
});

Deno.test("coldStartBoost() keeps new posts the base ranks high, and the base order when none is new", () => {
  const boosted = coldStartBoost(inOrder, { positions: [2] });
  // 10 is new and already on top; the reserved position 2 takes the next new post, 14.
  assert.deepEqual(rank(boosted, [10, 11, 12, 13, 14], { 11: 30, 12: 30, 13: 30 }, 3).ranked, [
    10,
    11,
    14,
    12,
    13,
  ]);
  const none = { 10: 30, 11: 30, 12: 30 };
  assert.deepEqual(rank(boosted, [10, 11, 12], none, 3).ranked, [10, 11, 12]);
});

Deno.test("coldStartBoost() respects maxAgeHours and returns each candidate once", () => {
  const t = world.items.createdAt;
  const young = [...Array(world.numItems).keys()].filter((i) => t[i] > 90 && t[i] < 100).slice(
    0,
    2,
  );
  const aged = [...Array(world.numItems).keys()].filter((i) => t[i] > 0 && t[i] < 10).slice(0, 3);
  const candidates = [...aged, ...young];
  const boosted = coldStartBoost(inOrder, { positions: [0], maxAgeHours: 24 });
  const { ranked } = rank(boosted, candidates, {}, 3);
  assert.equal(ranked[0], young[0]); // every post has 0 impressions, but only the young are new
  assert.deepEqual([...ranked].sort((a, b) => a - b), [...candidates].sort((a, b) => a - b));
});

Deno.test("coldStartBoost() gets new posts engaged sooner than the popularity policy alone", () => {
  const options = { days: 6, sessionsPerDay: 800, feedSize: 10, numCandidates: 50, seed: 32 };
  const plain = simulateSessions(world, createPolicy("popularity"), options);
  const boosted = simulateSessions(world, coldStartBoost(createPolicy("popularity")), options);
  const follow = { followUpHours: 48 };
  const before = timeToFirstEngagement(world, plain, follow);
  const after = timeToFirstEngagement(world, boosted, follow);
  assert.deepEqual(after.itemId, before.itemId);
  const [within24Before] = shareWithin(before.firstEngagementHours, [24]);
  const [within24After] = shareWithin(after.firstEngagementHours, [24]);
  assert.ok(within24After > 1.5 * within24Before, `${within24After} vs ${within24Before}`);
  assert.ok(after.engagedShare > before.engagedShare);
});

Deno.test("coldStartBoost() logs NaN propensities over a random base, and rejects bad options", () => {
  const { propensity } = rank(
    coldStartBoost(createPolicy("random"), { positions: [0] }),
    [10, 11, 12],
    {},
    2,
  );
  assert.ok(propensity.every(Number.isNaN));
  const context = "Cannot create a cold-start boost";
  assert.throws(() => coldStartBoost(inOrder, { positions: [1, 1] }), {
    name: "RangeError",
    message: `${context}: positions must be distinct, got 1, 1`,
  });
  assert.throws(() => coldStartBoost(inOrder, { positions: [-1] }), {
    name: "RangeError",
    message: `${context}: positions[0] must be at least 0, got -1`,
  });
  assert.throws(() => coldStartBoost(inOrder, { maxImpressions: 0 }), {
    name: "RangeError",
    message: `${context}: maxImpressions must be at least 1, got 0`,
  });
  assert.throws(() => coldStartBoost(inOrder, { maxAgeHours: 0 }), {
    name: "RangeError",
    message: `${context}: maxAgeHours must be positive, got 0`,
  });
  assert.throws(() => coldStartBoost(undefined as never), {
    name: "TypeError",
    message: `${context}: base must be a policy function, got undefined`,
  });
});
