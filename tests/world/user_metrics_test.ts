import assert from "node:assert/strict";
import { guardrailMetrics, sessionMetrics, userTotals } from "@lib/world/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { smallLog, smallWorld } from "./_fixtures.ts";

// Worked by hand: user 0 has sessions 0 and 2, user 1 has session 1.
// Session 0: two engagements (dwell 20 + 10, one like); session 1: none; session 2: one (dwell 6).
const log = {
  sessionId: [0, 0, 1, 1, 2, 2],
  userId: [0, 0, 1, 1, 0, 0],
  engaged: [1, 1, 0, 0, 0, 1],
  dwellSeconds: [20, 10, 0, 0, 0, 6],
  liked: [1, 0, 0, 0, 0, 0],
};

Deno.test("userTotals() sums sessions, engagements, dwell and likes per user (worked example)", () => {
  const t = userTotals(log, { numUsers: 3 });
  assert.deepEqual([...t.sessions], [2, 1, 0]);
  assert.deepEqual([...t.engagedSessions], [2, 0, 0]);
  assert.deepEqual([...t.engagements], [3, 0, 0]);
  assert.deepEqual([...t.dwellSeconds], [36, 0, 0]);
  assert.deepEqual([...t.likes], [1, 0, 0]);
});

Deno.test("userTotals() adds up to the session-level metrics of a simulated log", () => {
  const world = smallWorld();
  const simulated = smallLog(world);
  const t = userTotals(simulated, { numUsers: world.numUsers });
  const m = sessionMetrics(simulated);
  const sum = (x: ArrayLike<number>) => Array.from(x).reduce((a, b) => a + b, 0);
  assert.equal(sum(t.sessions), m.numSessions);
  assertClose(sum(t.engagedSessions) / m.numSessions, m.engagedSessionRate);
  assertClose(sum(t.engagements) / m.numSessions, m.engagementsPerSession);
});

Deno.test("guardrailMetrics() divides dwell and likes by sessions and engagements", () => {
  const g = guardrailMetrics(log);
  assertClose(g.dwellSecondsPerSession, 36 / 3);
  assertClose(g.dwellSecondsPerEngagement, 36 / 3);
  assertClose(g.likesPerSession, 1 / 3);
  assertClose(g.likesPerEngagement, 1 / 3);
  const none = guardrailMetrics({
    ...log,
    engaged: [0, 0, 0, 0, 0, 0],
    dwellSeconds: [0, 0, 0, 0, 0, 0],
  });
  assert.ok(Number.isNaN(none.dwellSecondsPerEngagement) && none.dwellSecondsPerSession === 0);
});

Deno.test("userTotals() and guardrailMetrics() reject invalid logs", () => {
  assert.throws(
    () => userTotals(log, { numUsers: 1 }),
    {
      name: "RangeError",
      message: "Cannot compute userTotals: userId[2] must be an integer in [0, 1), got 1",
    },
  );
  assert.throws(() => userTotals(log, { numUsers: 0 }), /numUsers must be at least 1/);
  assert.throws(
    () => guardrailMetrics({ ...log, liked: [1] }),
    /Cannot compute guardrailMetrics: sessionId and liked must have the same length/,
  );
  assert.throws(
    () => guardrailMetrics({ sessionId: [], userId: [], engaged: [], dwellSeconds: [], liked: [] }),
    /the log must not be empty/,
  );
});
