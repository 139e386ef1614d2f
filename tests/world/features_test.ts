import assert from "node:assert/strict";
import fc from "fast-check";
import {
  candidateFeatures,
  createHistory,
  createPolicy,
  createWorld,
  CTR_PRIOR,
  featureNames,
  logFeatures,
  type Policy,
  simulateSessions,
} from "@lib/world/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { smallLog, smallWorld } from "./_fixtures.ts";

const world = createWorld({ numUsers: 3, numAuthors: 2, numItems: 40, numTopics: 2 }, { seed: 7 });

/** A hand-made log: user 0 engages with item 0 at t = 10; user 1 sees it at the same time. */
function handLog() {
  return {
    userId: [0, 1, 0, 2],
    itemId: [0, 0, 0, 0],
    position: [0, 0, 0, 0],
    engaged: [1, 0, 0, 1],
    time: [10, 10, 20, 30],
    device: [0, 1, 0, 2],
  };
}

Deno.test("logFeatures() counters use only impressions strictly before each row (hand-made case)", () => {
  const x = logFeatures(world, handLog());
  const col = (name: string) => x.names.indexOf(name);
  const at = (row: number, name: string) => x.values[row * x.numFeatures + col(name)];
  const prior = (e: number, n: number) => (e + CTR_PRIOR.engagements) / (n + CTR_PRIOR.impressions);
  // Rows 0 and 1 share t = 10: neither sees the other, nor itself.
  for (const r of [0, 1]) {
    assert.equal(at(r, "item_log_impressions"), 0);
    assertClose(at(r, "item_ctr"), prior(0, 0), { rel: 1e-6 });
    assert.equal(at(r, "user_log_sessions"), 0);
  }
  // Row 2 (user 0, t = 20) sees rows 0 and 1: 2 impressions of item 0, 1 engagement, by user 0.
  assertClose(at(2, "item_log_impressions"), Math.log1p(2), { rel: 1e-6 });
  assertClose(at(2, "item_ctr"), prior(1, 2), { rel: 1e-6 });
  assertClose(at(2, "user_ctr"), prior(1, 1), { rel: 1e-6 });
  assertClose(at(2, "user_log_sessions"), Math.log1p(1), { rel: 1e-6 });
  assertClose(at(2, "user_author_log_engagements"), Math.log1p(1), { rel: 1e-6 });
  assertClose(at(2, "user_topic_ctr"), prior(1, 1), { rel: 1e-6 });
  // Row 3 (user 2, t = 30) sees rows 0–2 but not its own engagement.
  assertClose(at(3, "item_ctr"), prior(1, 3), { rel: 1e-6 });
  assertClose(at(3, "user_ctr"), prior(0, 0), { rel: 1e-6 });
  assert.equal(at(3, "user_author_log_engagements"), 0);
  // Static and context features.
  assertClose(at(2, "item_age_hours"), 20 - world.items.createdAt[0], { rel: 1e-6 });
  assert.equal(at(1, "device_desktop"), 1);
  assert.equal(at(1, "device_mobile"), 0);
  assertClose(at(2, "hour_sin"), Math.sin((2 * Math.PI * 20) / 24), { abs: 1e-6 });
});

Deno.test("logFeatures() with lagHours sees only rows older than the lag", () => {
  const x = logFeatures(world, handLog(), { lagHours: 15 });
  const c = x.names.indexOf("item_log_impressions");
  // Row 2 (t = 20) sees rows before t = 5: none; row 3 (t = 30) sees rows before t = 15: two.
  assert.equal(x.values[2 * x.numFeatures + c], 0);
  assertClose(x.values[3 * x.numFeatures + c], Math.log1p(2), { rel: 1e-6 });
});

Deno.test("logFeatures() rows are unchanged by any change to later outcomes (no leakage)", () => {
  const w = smallWorld();
  const log = smallLog(w, { days: 1, sessionsPerDay: 30 });
  const full = logFeatures(w, log);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: log.numRows - 1 }), fc.nat(100), (cut, shiftBy) => {
      const T = log.time[cut];
      // Rewrite the future: flip every outcome at time ≥ T and swap every post at time > T.
      const engaged = Uint8Array.from(log.engaged, (e, r) => log.time[r] >= T ? 1 - e : e);
      const itemId = Int32Array.from(
        log.itemId,
        (i, r) => log.time[r] > T ? (i + 1 + shiftBy) % w.numItems : i,
      );
      const changed = logFeatures(w, { ...log, engaged, itemId });
      const F = full.numFeatures;
      for (let r = 0; r < log.numRows && log.time[r] <= T; r++) {
        const row = (m: typeof full) => m.values.subarray(r * F, (r + 1) * F);
        assert.deepEqual(row(changed), row(full), `row ${r}`);
      }
    }),
    { seed: 42, numRuns: 50 },
  );
});

Deno.test("logFeatures() on selected rows equals the same rows of the full matrix", () => {
  const w = smallWorld();
  const log = smallLog(w);
  const full = logFeatures(w, log), F = full.numFeatures;
  const rows = [0, 5, 999, 1000, log.numRows - 1];
  const part = logFeatures(w, log, { rows });
  assert.deepEqual([...part.rows], rows);
  rows.forEach((r, j) =>
    assert.deepEqual(
      part.values.subarray(j * F, (j + 1) * F),
      full.values.subarray(r * F, (r + 1) * F),
    )
  );
});

Deno.test("candidateFeatures() at serving time equal logFeatures() of the logged rows (no skew)", () => {
  const w = smallWorld();
  const served = new Map<string, Float32Array>();
  const popularity = createPolicy("popularity");
  const spy: Policy = (wd, user, candidates, context, rng) => {
    const x = candidateFeatures(wd, context.history, user, candidates, context);
    candidates.forEach((item, j) =>
      served.set(
        `${context.sessionId}:${item}`,
        x.values.slice(j * x.numFeatures, (j + 1) * x.numFeatures),
      )
    );
    return popularity(wd, user, candidates, context, rng);
  };
  const log = simulateSessions(w, spy, {
    days: 2,
    sessionsPerDay: 60,
    feedSize: 10,
    numCandidates: 30,
    seed: 2,
  });
  const x = logFeatures(w, log), F = x.numFeatures;
  for (let r = 0; r < log.numRows; r++) {
    const live = served.get(`${log.sessionId[r]}:${log.itemId[r]}`)!;
    assert.deepEqual(x.values.subarray(r * F, (r + 1) * F), live, `row ${r}`);
  }
});

Deno.test("featureNames() lists one column per feature, with one-hot blocks sized by the world", () => {
  const names = featureNames(world);
  assert.equal(new Set(names).size, names.length);
  assert.equal(names.filter((n) => n.startsWith("item_topic_")).length, world.numTopics);
  assert.equal(names.filter((n) => n.startsWith("user_country_")).length, 5);
  assert.equal(names.filter((n) => n.startsWith("device_")).length, 3);
  const x = candidateFeatures(world, createHistory(world), 0, [1, 2], { time: 0, device: 0 });
  assert.equal(x.numFeatures, names.length);
  assert.equal(x.values.length, 2 * names.length);
});

Deno.test("logFeatures() rejects unsorted logs, bad rows and bad ids with messages", () => {
  const context = "Cannot compute logFeatures";
  assert.throws(
    () => logFeatures(world, { ...handLog(), time: [10, 5, 20, 30] }),
    {
      name: "RangeError",
      message: `${context}: the log must be sorted by time, but time[1] < time[0]`,
    },
  );
  assert.throws(
    () => logFeatures(world, handLog(), { rows: [2, 1] }),
    {
      name: "RangeError",
      message: `${context}: rows must be strictly ascending, but rows[1] <= rows[0]`,
    },
  );
  assert.throws(
    () => logFeatures(world, handLog(), { rows: [4] }),
    /rows\[0\] must be at most 3, got 4/,
  );
  assert.throws(
    () => logFeatures(world, handLog(), { lagHours: -1 }),
    /lagHours must be at least 0, got -1/,
  );
  assert.throws(
    () => logFeatures(world, { ...handLog(), userId: [0, 1, 3, 0] }),
    { name: "RangeError", message: `${context}: userId[2] must be an integer in [0, 3), got 3` },
  );
  assert.throws(
    () => logFeatures(world, { ...handLog(), engaged: [0, 2, 0, 0] }),
    /engaged\[1\] must be 0 or 1, got 2/,
  );
  assert.throws(
    () => logFeatures(world, { ...handLog(), position: [0, 0] }),
    /userId and position must have the same length, got 4 and 2/,
  );
});
