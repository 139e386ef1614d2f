import assert from "node:assert/strict";
import { dailyExposure, giniCoefficient } from "@lib/bias/mod.ts";
import { createPolicy, createWorld, simulateSessions } from "@lib/world/mod.ts";

const world = createWorld({ numUsers: 500, numItems: 1500, numDays: 10 }, { seed: 21 });

Deno.test("dailyExposure() counts the eligible posts of each day, shown or not", () => {
  // Day 2 runs from hour 48 to 72; a post is eligible if created before hour 72 and still
  // alive after hour 48 (lifetime 7 days = 168 hours).
  const t = world.items.createdAt;
  const eligible: number[] = [];
  for (let i = 0; i < world.numItems; i++) if (t[i] < 72 && t[i] + 168 > 48) eligible.push(i);
  const shown = [eligible[0], eligible[0], eligible[0], eligible[1]];
  const exposure = dailyExposure(world, { day: [2, 2, 2, 2], itemId: shown }, { topFraction: 0.5 });
  assert.deepEqual(exposure.day, [2]);
  assert.deepEqual(exposure.eligibleItems, [eligible.length]);
  assert.deepEqual(exposure.impressions, [4]);
  const counts = eligible.map((i) => shown.filter((s) => s === i).length);
  assert.deepEqual(exposure.gini, [giniCoefficient(counts)]);
  assert.deepEqual(exposure.topShare, [1]); // both shown posts are in the top half
  assert.deepEqual(exposure.unseenShare, [(eligible.length - 2) / eligible.length]);
});

Deno.test("dailyExposure() shows the popularity loop: more concentrated than random feeds", () => {
  const options = { days: 6, sessionsPerDay: 500, feedSize: 10, numCandidates: 50, seed: 22 };
  const random = dailyExposure(world, simulateSessions(world, createPolicy("random"), options));
  const popular = dailyExposure(
    world,
    simulateSessions(world, createPolicy("popularity"), options),
  );
  // Day 0 has no history, so popularity serves candidates in draw order, like random.
  for (let d = 1; d < 6; d++) {
    assert.ok(
      popular.gini[d] > random.gini[d] + 0.1,
      `day ${d}: ${popular.gini[d]} vs ${random.gini[d]}`,
    );
    assert.ok(popular.topShare[d] > random.topShare[d]);
  }
  assert.ok(popular.gini[5] > popular.gini[0]);
});

Deno.test("dailyExposure() rejects bad input", () => {
  const context = "Cannot measure daily exposure";
  assert.throws(() => dailyExposure(world, { day: [0, 0], itemId: [1] }), {
    name: "RangeError",
    message: `${context}: log.day and log.itemId must be arrays of the same length`,
  });
  assert.throws(() => dailyExposure(world, { day: [], itemId: [] }), {
    name: "RangeError",
    message: `${context}: the log must not be empty`,
  });
  assert.throws(() => dailyExposure(world, { day: [0], itemId: [1500] }), {
    name: "RangeError",
    message: `${context}: itemId[0] must be at most 1499, got 1500`,
  });
  assert.throws(() => dailyExposure(world, { day: [0], itemId: [1] }, { topFraction: 2 }), {
    name: "RangeError",
    message: `${context}: topFraction must be in (0, 1], got 2`,
  });
});
