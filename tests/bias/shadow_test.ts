import assert from "node:assert/strict";
import { ipsEstimate, shadowPolicy, shadowTargetProbabilities } from "@lib/bias/mod.ts";
import {
  createPolicy,
  createWorld,
  epsilonGreedyPolicy,
  examinationProbability,
  simulateSessions,
  trueEngagementProbability,
} from "@lib/world/mod.ts";

const world = createWorld({ numUsers: 500, numItems: 1500, numDays: 10 }, { seed: 11 });
const options = { days: 10, sessionsPerDay: 2000, feedSize: 10, numCandidates: 20, seed: 12 };

Deno.test("shadowPolicy() leaves the log unchanged and records the candidate's feed", () => {
  const logging = () => epsilonGreedyPolicy(createPolicy("popularity"), { epsilon: 0.3 });
  const small = { ...options, days: 2, sessionsPerDay: 50 };
  const shadow = shadowPolicy(logging(), createPolicy("recencyFollowers"));
  const log = simulateSessions(world, shadow.policy, small);
  const plain = simulateSessions(world, logging(), small);
  assert.deepEqual(log.itemId, plain.itemId);
  assert.deepEqual(log.propensity, plain.propensity);
  const feed = shadow.feed();
  assert.equal(feed.numSessions, 100);
  assert.equal(feed.itemId.length, 100 * small.feedSize);
  // The candidate alone, with the same traffic and candidates, serves the recorded feed:
  // recencyFollowers does not read the history, so it ranks each session the same way.
  const alone = simulateSessions(world, createPolicy("recencyFollowers"), small);
  assert.deepEqual(feed.itemId, alone.itemId);
  assert.deepEqual(feed.userId, alone.userId);
  assert.deepEqual(feed.time, alone.time);
});

Deno.test("IPS with a shadow policy estimates its engagements per session within 3 standard errors", () => {
  // Logging: popularity with 30 % random sessions. Evaluated: recencyFollowers. Truth: its
  // expected engagements per session on the same sessions, Σ_p θ_p r(u, item_p) / sessions.
  const shadow = shadowPolicy(
    epsilonGreedyPolicy(createPolicy("popularity"), { epsilon: 0.3 }),
    createPolicy("recencyFollowers"),
  );
  const log = simulateSessions(world, shadow.policy, options);
  const feed = shadow.feed();
  const r = trueEngagementProbability(world, feed);
  const theta = examinationProbability(world, feed.feedSize);
  let truth = 0;
  for (let i = 0; i < r.length; i++) truth += theta[feed.position[i]] * r[i];
  truth /= feed.numSessions;
  const est = ipsEstimate(log.engaged, log.propensity, {
    targetProbabilities: shadowTargetProbabilities(log, feed),
    clusters: log.sessionId,
  });
  const value = options.feedSize * est.ips, se = options.feedSize * est.ipsStandardError;
  assert.ok(se < 0.1 * truth, `standard error ${se} too large for truth ${truth}`);
  assert.ok(Math.abs(value - truth) < 3 * se, `IPS ${value} ± ${se}, truth ${truth}`);
  const snips = options.feedSize * est.snips;
  assert.ok(Math.abs(snips - truth) < 3 * options.feedSize * est.snipsStandardError);
  assert.ok(Math.abs(est.meanWeight - 1) < 0.1, `mean weight ${est.meanWeight}`);
});

Deno.test("shadowPolicy() refuses a random candidate, whose propensities it cannot record", () => {
  const shadow = shadowPolicy(createPolicy("popularity"), createPolicy("random"));
  assert.throws(
    () => simulateSessions(world, shadow.policy, { ...options, days: 1, sessionsPerDay: 5 }),
    {
      name: "RangeError",
      message:
        "Cannot run a shadow policy: the candidate policy must be deterministic, but it stated propensity 0.05",
    },
  );
  assert.throws(() => shadowPolicy(createPolicy("popularity"), "oracle" as never), {
    name: "TypeError",
    message: "Cannot create a shadow policy: candidate must be a policy function, got string",
  });
});

Deno.test("shadowTargetProbabilities() marks the rows where the feeds agree, and rejects unknown sessions", () => {
  const feed = {
    numSessions: 2,
    feedSize: 2,
    sessionId: Int32Array.of(0, 0, 1, 1),
    position: Int32Array.of(0, 1, 0, 1),
    userId: Int32Array.of(0, 0, 1, 1),
    itemId: Int32Array.of(5, 6, 7, 8),
    time: Float64Array.of(0, 0, 1, 1),
    device: Uint8Array.of(0, 0, 0, 0),
  };
  const log = { sessionId: [0, 0, 1, 1], position: [0, 1, 0, 1], itemId: [6, 6, 7, 9] };
  assert.deepEqual([...shadowTargetProbabilities(log, feed)], [0, 1, 1, 0]);
  assert.throws(
    () => shadowTargetProbabilities({ sessionId: [2], position: [0], itemId: [1] }, feed),
    {
      name: "RangeError",
      message:
        "Cannot match a log with a shadow feed: log row 0 (session 2, position 0) has no shadow feed row",
    },
  );
});
