import assert from "node:assert/strict";
import { dailySessionMetrics, sessionMetrics } from "@lib/world/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { smallLog, smallWorld } from "./_fixtures.ts";

// Three sessions of three impressions over two days, worked by hand:
// session 0 (day 0): engaged at positions 0 and 2; session 1 (day 0): none;
// session 2 (day 1): engaged at position 1.
const log = {
  sessionId: [0, 0, 0, 1, 1, 1, 2, 2, 2],
  day: [0, 0, 0, 0, 0, 0, 1, 1, 1],
  position: [0, 1, 2, 0, 1, 2, 0, 1, 2],
  engaged: [1, 0, 1, 0, 0, 0, 0, 1, 0],
};

Deno.test("sessionMetrics() separates component metrics from end-to-end metrics (worked example)", () => {
  const m = sessionMetrics(log, { k: 2 });
  assert.equal(m.numSessions, 3);
  assert.equal(m.numImpressions, 9);
  assert.equal(m.k, 2);
  assertClose(m.engagementRate, 3 / 9);
  assertClose(m.ctrAtK, 2 / 6); // positions 0–1: engagements at rows 0 and 7
  assertClose(m.engagedSessionRate, 2 / 3);
  assertClose(m.engagementsPerSession, 1);
  assertClose(sessionMetrics(log, { k: 1 }).ctrAtK, 1 / 3);
  // The default k is 5, more than the feed: CTR@k is then the overall rate.
  assertClose(sessionMetrics(log).ctrAtK, 3 / 9);
});

Deno.test("dailySessionMetrics() splits the worked example by day", () => {
  const d = dailySessionMetrics(log, { k: 2 });
  assert.deepEqual([...d.day], [0, 1]);
  assert.deepEqual([...d.numSessions], [2, 1]);
  assertClose(d.engagedSessionRate, [1 / 2, 1]);
  assertClose(d.engagementsPerSession, [1, 1]);
  assertClose(d.ctrAtK, [1 / 4, 1 / 2]);
  assertClose(d.engagementRate, [2 / 6, 1 / 3]);
});

Deno.test("dailySessionMetrics() weighted by sessions adds up to sessionMetrics()", () => {
  const sim = smallLog(smallWorld());
  const all = sessionMetrics(sim), daily = dailySessionMetrics(sim);
  assert.equal(daily.numSessions.reduce((s, v) => s + v, 0), all.numSessions);
  const weighted = daily.engagedSessionRate.reduce((s, v, j) => s + v * daily.numSessions[j], 0);
  assertClose(weighted / all.numSessions, all.engagedSessionRate);
  assert.ok(all.engagedSessionRate >= all.engagementRate);
});

Deno.test("sessionMetrics() rejects bad input with messages", () => {
  const context = "Cannot compute sessionMetrics";
  assert.throws(
    () => sessionMetrics({ ...log, engaged: [1] }),
    {
      name: "RangeError",
      message: `${context}: sessionId and engaged must have the same length, got 9 and 1`,
    },
  );
  assert.throws(
    () => sessionMetrics({ sessionId: [], day: [], position: [], engaged: [] }),
    { name: "RangeError", message: `${context}: the log must not be empty` },
  );
  assert.throws(() => sessionMetrics(log, { k: 0 }), /k must be at least 1, got 0/);
  // @ts-expect-error: a typo on purpose
  assert.throws(() => dailySessionMetrics(log, { K: 3 }), /unknown option "K" in options/);
  assert.throws(
    () => sessionMetrics({ ...log, day: undefined as unknown as number[] }),
    { name: "TypeError", message: `${context}: day must be an array of numbers, got undefined` },
  );
});
