import assert from "node:assert/strict";
import { shareWithin, timeToFirstEngagement } from "@lib/bias/mod.ts";
import { createWorld } from "@lib/world/mod.ts";

const world = createWorld({ numUsers: 50, numItems: 400, numDays: 5 }, { seed: 41 });

Deno.test("timeToFirstEngagement() measures hours from creation to first impression and engagement", () => {
  // A log of days 0–2 (hours 0–72) and a 24-hour follow-up: posts created in [0, 48] are followed.
  const t = world.items.createdAt;
  const followed = [...Array(world.numItems).keys()].filter((i) => t[i] >= 0 && t[i] + 24 <= 72);
  const [a, b, c] = followed;
  const at = (i: number, h: number) => t[i] + h;
  const rows = [
    { day: 0, time: at(a, 1), itemId: a, engaged: 0 },
    { day: 0, time: at(a, 2), itemId: a, engaged: 1 }, // a: shown after 1 h, engaged after 2 h
    { day: 0, time: at(a, 3), itemId: a, engaged: 1 },
    { day: 0, time: at(b, 5), itemId: b, engaged: 0 }, // b: shown, never engaged
    { day: 0, time: at(c, 30), itemId: c, engaged: 1 }, // c: after the 24-hour follow-up
    { day: 2, time: 71, itemId: 0, engaged: 0 },
  ].sort((x, y) => x.time - y.time);
  const log = {
    day: rows.map((r) => Math.floor(r.time / 24)),
    time: rows.map((r) => r.time),
    itemId: rows.map((r) => r.itemId),
    engaged: rows.map((r) => r.engaged),
  };
  const result = timeToFirstEngagement(world, log, { followUpHours: 24 });
  assert.deepEqual([...result.itemId], followed);
  const j = (i: number) => followed.indexOf(i);
  assert.ok(Math.abs(result.firstImpressionHours[j(a)] - 1) < 1e-9);
  assert.ok(Math.abs(result.firstEngagementHours[j(a)] - 2) < 1e-9);
  assert.ok(Math.abs(result.firstImpressionHours[j(b)] - 5) < 1e-9);
  assert.ok(Number.isNaN(result.firstEngagementHours[j(b)]));
  assert.ok(Number.isNaN(result.firstImpressionHours[j(c)]));
  assert.equal(result.engagedShare, 1 / followed.length);
  assert.ok(Number.isNaN(result.medianHours)); // fewer than half were engaged
});

Deno.test("timeToFirstEngagement() median counts never-engaged posts as infinitely late", () => {
  const t = world.items.createdAt;
  const followed = [...Array(world.numItems).keys()].filter((i) => t[i] >= 0 && t[i] + 24 <= 48);
  // Engage every followed post k hours after creation, k = 1, 2, …, except the last one.
  const rows = followed.slice(0, -1).map((i, k) => ({ time: t[i] + (k % 10) + 1, itemId: i }))
    .sort((x, y) => x.time - y.time);
  const log = {
    day: [...rows.map((r) => Math.floor(r.time / 24)), 1],
    time: [...rows.map((r) => r.time), 47.9],
    itemId: [...rows.map((r) => r.itemId), 0],
    engaged: [...rows.map(() => 1), 0],
  };
  const result = timeToFirstEngagement(world, log, { followUpHours: 24 });
  const hours = [...result.firstEngagementHours].map((h) => (Number.isNaN(h) ? Infinity : h))
    .sort((x, y) => x - y);
  const m = hours.length;
  const median = m % 2 ? hours[(m - 1) / 2] : (hours[m / 2 - 1] + hours[m / 2]) / 2;
  assert.ok(Math.abs(result.medianHours - median) < 1e-9);
  assert.equal(result.engagedShare, (m - 1) / m);
});

Deno.test("shareWithin() is the empirical distribution with NaN counted as never", () => {
  assert.deepEqual(shareWithin([1, 5, NaN, 2], [0, 1, 2, 10]), [0, 0.25, 0.5, 0.75]);
  assert.deepEqual(shareWithin([NaN], [100]), [0]);
});

Deno.test("timeToFirstEngagement() and shareWithin() reject bad input", () => {
  const context = "Cannot measure the time to first engagement";
  const log = { day: [0, 0], time: [5, 1], itemId: [0, 1], engaged: [0, 0] };
  assert.throws(() => timeToFirstEngagement(world, log), {
    name: "RangeError",
    message: `${context}: the log must be sorted by time, but time[1] < time[0]`,
  });
  assert.throws(() => timeToFirstEngagement(world, { ...log, engaged: [0] }), {
    name: "RangeError",
    message: `${context}: log.engaged and log.time must be arrays of the same length`,
  });
  assert.throws(
    () =>
      timeToFirstEngagement(world, { day: [0], time: [1], itemId: [0], engaged: [0] }, {
        followUpHours: 48,
      }),
    {
      name: "RangeError",
      message:
        `${context}: no post was created between hour 0 and -24: the log is too short for a follow-up of 48 hours`,
    },
  );
  assert.throws(() => timeToFirstEngagement(world, log, { followUpHours: 0 }), {
    name: "RangeError",
    message: `${context}: followUpHours must be positive, got 0`,
  });
  assert.throws(() => shareWithin([], [1]), {
    name: "RangeError",
    message: "Cannot compute shareWithin: hours must be a non-empty array",
  });
  assert.throws(() => shareWithin([1], [Infinity]), {
    name: "RangeError",
    message: "Cannot compute shareWithin: grid[0] must be finite, got Infinity",
  });
});
