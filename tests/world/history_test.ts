import assert from "node:assert/strict";
import {
  createHistory,
  createPolicy,
  type History,
  type Policy,
  recordImpression,
  replayHistory,
  simulateSessions,
} from "@lib/world/mod.ts";
import { smallWorld } from "./_fixtures.ts";

Deno.test("replayHistory() of a log equals the live counters the policy saw at the end", () => {
  const world = smallWorld();
  let last: { history: History; sessionId: number } | undefined;
  const popularity = createPolicy("popularity");
  const spy: Policy = (w, u, c, ctx, rng) => {
    last = { history: structuredClone(ctx.history), sessionId: ctx.sessionId };
    return popularity(w, u, c, ctx, rng);
  };
  const log = simulateSessions(world, spy, {
    days: 2,
    sessionsPerDay: 50,
    feedSize: 6,
    numCandidates: 20,
    seed: 1,
  });
  // Before the last session, the live history holds every earlier row.
  const before = replayHistory(world, log, { until: log.time[last!.sessionId * 6] });
  assert.deepEqual(before, last!.history);
  const all = replayHistory(world, log);
  assert.deepEqual([...all.totals], [log.numRows, log.engaged.reduce((s, v) => s + v, 0)]);
  assert.equal(all.userSessions.reduce((s, v) => s + v, 0), log.numSessions);
  assert.equal(all.itemImpressions.reduce((s, v) => s + v, 0), log.numRows);
});

Deno.test("recordImpression() updates every counter of the user, item, author and topic", () => {
  const world = smallWorld();
  const h = createHistory(world);
  const item = 17, author = world.items.author[item], topic = world.items.topic[item];
  recordImpression(world, h, 4, item, 0, 1);
  recordImpression(world, h, 4, item, 1, 0);
  assert.equal(h.userSessions[4], 1);
  assert.equal(h.userImpressions[4], 2);
  assert.equal(h.userEngagements[4], 1);
  assert.equal(h.itemImpressions[item], 2);
  assert.equal(h.authorEngagements[author], 1);
  assert.equal(h.userAuthorEngagements[4 * world.numAuthors + author], 1);
  assert.equal(h.userTopicImpressions[4 * world.numTopics + topic], 2);
  assert.equal(h.userTopicEngagements[4 * world.numTopics + topic], 1);
  assert.deepEqual([...h.totals], [2, 1]);
});

Deno.test("replayHistory() rejects bad input with messages", () => {
  const world = smallWorld();
  const log = { userId: [0], itemId: [0], position: [0], engaged: [1], time: [0] };
  assert.throws(
    () => replayHistory(world, log, { until: NaN }),
    { name: "RangeError", message: "Cannot replay a history: until must be finite, got NaN" },
  );
  assert.throws(
    () => replayHistory(world, { ...log, itemId: [99999] }),
    {
      name: "RangeError",
      message: "Cannot replay a history: itemId[0] must be an integer in [0, 1500), got 99999",
    },
  );
});
