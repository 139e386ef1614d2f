import assert from "node:assert/strict";
import { createHistory, createPolicy, type Policy, simulateSessions } from "@lib/world/mod.ts";
import { smallWorld } from "./_fixtures.ts";

const world = smallWorld();
const popularity = createPolicy("popularity");
const base = { days: 1, sessionsPerDay: 5, feedSize: 4, numCandidates: 8, seed: 1 };

Deno.test("simulateSessions() rejects sizes below 1 with a message naming the option", () => {
  for (const name of ["days", "sessionsPerDay", "feedSize", "numCandidates"]) {
    assert.throws(
      () => simulateSessions(world, popularity, { ...base, [name]: 0 }),
      {
        name: "RangeError",
        message: `Cannot simulate sessions: ${name} must be at least 1, got 0`,
      },
    );
  }
  assert.throws(
    () => simulateSessions(world, popularity, { ...base, startDay: -1 }),
    /startDay must be at least 0, got -1/,
  );
});

Deno.test("simulateSessions() rejects a feed longer than the candidate list", () => {
  assert.throws(
    () => simulateSessions(world, popularity, { ...base, feedSize: 30, numCandidates: 20 }),
    {
      name: "RangeError",
      message:
        "Cannot simulate sessions: feedSize must be at most numCandidates, got feedSize=30 and numCandidates=20",
    },
  );
});

Deno.test("simulateSessions() rejects days past the world's timeline", () => {
  assert.throws(
    () => simulateSessions(world, popularity, { ...base, startDay: 8, days: 3 }),
    /startDay \+ days must be at most the world's numDays=10, got 11/,
  );
});

Deno.test("simulateSessions() rejects unknown options, a missing seed and a non-function policy", () => {
  assert.throws(
    // @ts-expect-error: a typo on purpose
    () => simulateSessions(world, popularity, { ...base, sessionPerDay: 3 }),
    { name: "RangeError", message: /unknown option "sessionPerDay" in options/ },
  );
  assert.throws(
    () => simulateSessions(world, popularity, { days: 1 }),
    { name: "TypeError", message: /Cannot simulate sessions: pass a seed or rng/ },
  );
  assert.throws(
    () => simulateSessions(world, "popularity" as unknown as Policy, base),
    {
      name: "TypeError",
      message: "Cannot simulate sessions: policy must be a function, got string",
    },
  );
});

Deno.test("simulateSessions() rejects a policy output that is not a ranking of the candidates", () => {
  const short: Policy = (_w, _u, c) => c.slice(0, 2);
  assert.throws(
    () => simulateSessions(world, short, base),
    /the policy must return at least feedSize=4 item ids, got 2 in session 0/,
  );
  const foreign: Policy = () => [-1, 0, 1, 2];
  assert.throws(
    () => simulateSessions(world, foreign, base),
    /the policy returned -1 in session 0, which is not a candidate/,
  );
  const repeats: Policy = (_w, _u, c) => [c[0], c[0], c[1], c[2]];
  assert.throws(
    () => simulateSessions(world, repeats, base),
    /the policy returned item \d+ twice in session 0/,
  );
});

Deno.test("simulateSessions() explains when too few posts are eligible", () => {
  assert.throws(
    () =>
      simulateSessions(smallWorld(), popularity, { ...base, feedSize: 1000, numCandidates: 1000 }),
    /only \d+ posts are eligible on day 0 at hour \d+, fewer than feedSize=1000; raise numItems/,
  );
});

Deno.test("simulateSessions() rejects a history of another world", () => {
  const history = { ...createHistory(world), itemImpressions: new Int32Array(3) };
  assert.throws(
    () => simulateSessions(world, popularity, { ...base, history }),
    /history.itemImpressions must have length 1500 for this world/,
  );
});
