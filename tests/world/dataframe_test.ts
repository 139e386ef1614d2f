import assert from "node:assert/strict";
import {
  featuresToDataFrame,
  itemsToDataFrame,
  logFeatures,
  logToDataFrame,
  usersToDataFrame,
} from "@lib/world/mod.ts";
import { smallLog, smallWorld } from "./_fixtures.ts";

const world = smallWorld();
const log = smallLog(world);

Deno.test("logToDataFrame() shows a window of log rows with device names", () => {
  const df = logToDataFrame(log, { start: 10, count: 4 });
  assert.deepEqual(df.shape, [4, 13]);
  assert.deepEqual(df.index, [10, 11, 12, 13]);
  assert.deepEqual(df.column("itemId").values, Array.from(log.itemId.subarray(10, 14)));
  assert.ok(
    df.column("device").values.every((d) => ["mobile", "desktop", "tablet"].includes(String(d))),
  );
  // A window past the end is cut short.
  assert.deepEqual(logToDataFrame(log, { start: log.numRows - 2 }).shape, [2, 13]);
});

Deno.test("featuresToDataFrame() has one column per feature name", () => {
  const x = logFeatures(world, log, { rows: [0, 1, 2] });
  const df = featuresToDataFrame(x);
  assert.deepEqual(df.columns, x.names);
  assert.equal(df.shape[0], 3);
  assert.equal(
    df.column("item_ctr").values[1],
    x.values[x.numFeatures + x.names.indexOf("item_ctr")],
  );
});

Deno.test("itemsToDataFrame() and usersToDataFrame() show only observable columns", () => {
  assert.deepEqual(itemsToDataFrame(world, { count: 3 }).columns, [
    "author",
    "authorFollowers",
    "topic",
    "createdAt",
    "length",
    "hasMedia",
  ]);
  const users = usersToDataFrame(world, { count: 2 });
  assert.deepEqual(users.columns, ["country", "primaryDevice", "signupDay"]);
  assert.equal(users.column("signupDay").values[1], world.users.signupDay[1]);
});

Deno.test("logToDataFrame() rejects a bad window with messages", () => {
  assert.throws(
    () => logToDataFrame(log, { count: 0 }),
    {
      name: "RangeError",
      message: "Cannot show a log as a DataFrame: count must be at least 1, got 0",
    },
  );
  assert.throws(
    () => itemsToDataFrame(world, { start: -1 }),
    /Cannot show items as a DataFrame: start must be at least 0, got -1/,
  );
  assert.throws(
    // @ts-expect-error: a typo on purpose
    () => usersToDataFrame(world, { rows: 3 }),
    /unknown option "rows" in options; known options are "start", "count"/,
  );
});
