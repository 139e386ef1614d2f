import assert from "node:assert/strict";
import fc from "fast-check";
import {
  createHistory,
  createPolicy,
  createWorld,
  epsilonGreedyPolicy,
  type Policy,
  rankByScores,
  scorePolicy,
  type SessionContext,
  sessionMetrics,
  simulateSessions,
  trueEngagementProbability,
} from "@lib/world/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { smallWorld } from "./_fixtures.ts";

Deno.test("createPolicy('oracle') beats the popularity policy on engaged sessions", () => {
  const world = createWorld({}, { seed: 41 });
  const options = { days: 5, sessionsPerDay: 500, seed: 42 };
  const oracle = sessionMetrics(simulateSessions(world, createPolicy("oracle"), options));
  const popular = sessionMetrics(simulateSessions(world, createPolicy("popularity"), options));
  // 2,500 sessions each: the SE of an engaged-session rate is at most √(0.25/2500) = 0.01.
  assert.ok(
    oracle.engagedSessionRate > popular.engagedSessionRate + 0.1,
    `oracle ${oracle.engagedSessionRate} vs popularity ${popular.engagedSessionRate}`,
  );
  assert.ok(oracle.engagementsPerSession > 1.5 * popular.engagementsPerSession);
});

Deno.test("createPolicy('oracle') shows each session's posts in order of true probability", () => {
  const world = smallWorld();
  const log = simulateSessions(world, createPolicy("oracle"), {
    days: 1,
    sessionsPerDay: 20,
    feedSize: 8,
    numCandidates: 30,
    seed: 1,
  }); // deno-fmt-ignore
  const p = trueEngagementProbability(world, log);
  for (let r = 1; r < log.numRows; r++) {
    if (log.position[r] > 0) assert.ok(p[r] <= p[r - 1], `row ${r}`);
  }
});

Deno.test("createPolicy() built-ins rank by their documented scores", () => {
  const world = smallWorld();
  const history = createHistory(world);
  history.itemEngagements[500] = 9;
  history.itemEngagements[501] = 3;
  const context = {
    sessionId: 0,
    day: 5,
    hour: 12,
    weekday: 5,
    time: 132,
    device: 0,
    feedSize: 3,
    history,
    propensity: new Float64Array(3),
  } satisfies SessionContext; // deno-fmt-ignore
  const candidates = Int32Array.from([499, 501, 500, 502]);
  const rng = createRng(1);
  const popular = createPolicy("popularity")(world, 0, candidates, context, rng);
  assert.deepEqual(Array.from(popular), [500, 501, 499, 502]);
  assert.deepEqual([...context.propensity], [1, 1, 1]);
  const score = (i: number) =>
    Math.log1p(world.authors.followers[world.items.author[i]]) *
    2 ** (-(132 - world.items.createdAt[i]) / 12);
  const rule = createPolicy("recencyFollowers", { halfLifeHours: 12 })(
    world,
    0,
    candidates,
    context,
    rng,
  );
  assert.deepEqual(Array.from(rule), [...candidates].sort((a, b) => score(b) - score(a)));
  const random = createPolicy("random")(world, 0, candidates, context, rng);
  assert.deepEqual(Array.from(random).sort(), [...candidates].sort());
  assert.deepEqual([...context.propensity], [0.25, 0.25, 0.25]);
  assert.deepEqual([...candidates], [499, 501, 500, 502], "candidates are not changed");
});

Deno.test("createPolicy() rejects unknown kinds and options", () => {
  assert.throws(
    () => createPolicy("best" as "random"),
    {
      name: "RangeError",
      message:
        'Cannot create a policy: kind must be one of "random", "popularity", "recencyFollowers", "oracle", got "best"',
    },
  );
  assert.throws(
    () => createPolicy("popularity", { halfLifeHours: 3 }),
    /Cannot create a policy: unknown option "halfLifeHours" in options; none are accepted$/,
  );
  assert.throws(
    // @ts-expect-error: a typo on purpose
    () => createPolicy("recencyFollowers", { halflife: 3 }),
    /unknown option "halflife" in options; known options are "halfLifeHours"/,
  );
  assert.throws(
    () => createPolicy("recencyFollowers", { halfLifeHours: 0 }),
    /halfLifeHours must be at least/,
  );
});

Deno.test("rankByScores() sorts descending, stably, with NaN last", () => {
  assert.deepEqual([...rankByScores([7, 8, 9, 10], [1, NaN, 3, 1])], [9, 7, 10, 8]);
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 200 }), (scores) => {
      const ids = scores.map((_, j) => 100 + j);
      const expected = ids.map((id, j) => [id, scores[j]]).sort((a, b) =>
        b[1] - a[1] || a[0] - b[0]
      );
      assert.deepEqual([...rankByScores(ids, scores)], expected.map(([id]) => id));
    }),
    { seed: 42, numRuns: 200 },
  );
  assert.throws(
    () => rankByScores([1, 2], [1]),
    {
      name: "RangeError",
      message:
        "Cannot rank by scores: candidates and scores must have the same length, got 2 and 1",
    },
  );
});

Deno.test("scorePolicy() ranks by the model's scores of the candidates' feature rows", () => {
  const world = smallWorld();
  // A "model" that scores the post's age: the newest first.
  const newest = scorePolicy((x) => {
    const c = x.names.indexOf("item_age_hours");
    return Float64Array.from({ length: x.numRows }, (_, r) => -x.values[r * x.numFeatures + c]);
  });
  const log = simulateSessions(world, newest, {
    days: 1,
    sessionsPerDay: 10,
    feedSize: 5,
    numCandidates: 20,
    seed: 1,
  });
  for (let r = 1; r < log.numRows; r++) {
    if (log.position[r] > 0) {
      assert.ok(log.itemId[r] < log.itemId[r - 1], "ids are in creation order");
    }
  }
  assert.throws(
    () =>
      simulateSessions(world, scorePolicy(() => [1, 2]), {
        days: 1,
        sessionsPerDay: 1,
        feedSize: 2,
        numCandidates: 5,
        seed: 1,
      }),
    {
      name: "RangeError",
      message:
        "Cannot rank with a score policy: score must return one score per row, got 2 for 5 rows",
    },
  );
  assert.throws(
    () => scorePolicy("model" as never),
    {
      name: "TypeError",
      message: "Cannot create a score policy: score must be a function, got string",
    },
  );
});

Deno.test("epsilonGreedyPolicy() explores an ε share of sessions and logs exact propensities", () => {
  const world = smallWorld();
  const base = createPolicy("popularity");
  const options = { days: 2, sessionsPerDay: 1000, feedSize: 5, numCandidates: 20, seed: 4 };
  const greedy = simulateSessions(world, epsilonGreedyPolicy(base, { epsilon: 0 }), options);
  assert.ok(greedy.propensity.every((p) => p === 1));
  const log = simulateSessions(world, epsilonGreedyPolicy(base, { epsilon: 0.3 }), options);
  // Propensity of a row: 0.7 + 0.3/20 where the post is the base's choice, else 0.3/20.
  let baseChoice = 0, sessions = 0, explored = 0;
  for (let r = 0; r < log.numRows; r++) {
    const p = log.propensity[r];
    const isBase = Math.abs(p - (0.7 + 0.015)) < 1e-6;
    assert.ok(isBase || Math.abs(p - 0.015) < 1e-6, `propensity ${p}`);
    if (isBase) baseChoice++;
    if (log.position[r] === 0) {
      sessions++;
      if (!isBase) explored++;
    }
  }
  // Top slot: explored with probability 0.3·(1 − 1/20) = 0.285; SE √(0.285·0.715/2000) ≈ 0.010.
  assertClose(explored / sessions, 0.285, { abs: 0.04 });
  assert.ok(baseChoice > 0.6 * log.numRows);
});

Deno.test("epsilonGreedyPolicy() rejects bad ε, unknown options and a non-function base", () => {
  const base = createPolicy("popularity");
  assert.throws(
    () => epsilonGreedyPolicy(base, { epsilon: 1.5 }),
    {
      name: "RangeError",
      message: "Cannot create an epsilon-greedy policy: epsilon must be at most 1, got 1.5",
    },
  );
  // @ts-expect-error: a typo on purpose
  assert.throws(() => epsilonGreedyPolicy(base, { eps: 0.1 }), /unknown option "eps"/);
  assert.throws(
    () => epsilonGreedyPolicy("popularity" as unknown as Policy),
    { name: "TypeError", message: /base must be a policy function, got string/ },
  );
});
