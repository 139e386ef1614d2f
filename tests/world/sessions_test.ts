import assert from "node:assert/strict";
import { bySession, logFeatures, pastItemEngagements } from "@lib/world/mod.ts";
import { smallLog, smallWorld } from "./_fixtures.ts";

Deno.test("bySession() splits values into equal sessions without copying", () => {
  const values = Float32Array.of(1, 2, 3, 4);
  const sessions = bySession(values, 2);
  assert.deepEqual(sessions.map((s) => [...s]), [[1, 2], [3, 4]]);
  values[3] = 9;
  assert.equal(sessions[1][1], 9);
});

Deno.test("bySession() rejects a feed size that does not divide the values", () => {
  assert.throws(
    () => bySession(Float64Array.of(1, 2, 3), 2),
    {
      name: "RangeError",
      message:
        "Cannot split values by session: values.length must be a multiple of feedSize, got 3 and 2",
    },
  );
  assert.throws(() => bySession(Float64Array.of(1), 0), /feedSize must be at least 1/);
});

Deno.test("pastItemEngagements() equals a direct count of each post's earlier engagements", () => {
  // Independent check: replay the log and count, for every row, the engagements of its post in
  // rows strictly earlier in time (the features use only the past).
  const world = smallWorld();
  const log = smallLog(world);
  const counts = pastItemEngagements(logFeatures(world, log));
  const seen = new Map<number, number>();
  let r = 0;
  while (r < log.numRows) {
    let end = r;
    while (end < log.numRows && log.time[end] === log.time[r]) end++;
    for (let j = r; j < end; j++) assert.equal(counts[j], seen.get(log.itemId[j]) ?? 0, `row ${j}`);
    for (let j = r; j < end; j++) {
      seen.set(log.itemId[j], (seen.get(log.itemId[j]) ?? 0) + log.engaged[j]);
    }
    r = end;
  }
});

Deno.test("pastItemEngagements() scores a range of rows and rejects missing columns", () => {
  const world = smallWorld();
  const features = logFeatures(world, smallLog(world));
  const all = pastItemEngagements(features);
  assert.deepEqual([...pastItemEngagements(features, { from: 10, to: 20 })], [
    ...all.slice(10, 20),
  ]);
  assert.throws(
    () => pastItemEngagements({ ...features, names: [] }),
    {
      name: "RangeError",
      message: "Cannot compute pastItemEngagements: features must have a column item_ctr",
    },
  );
  assert.throws(() => pastItemEngagements(features, { from: 5, to: 2 }), /to must be at least 5/);
});
