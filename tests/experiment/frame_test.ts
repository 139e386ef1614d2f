import assert from "node:assert/strict";
import { simulateExperiment } from "@lib/experiment/mod.ts";
import { toDataFrame } from "@lib/experiment/frame.ts";

Deno.test("toDataFrame() turns simulator columns into a DataFrame", () => {
  const sim = simulateExperiment({ users: 500, days: 7 }, { seed: 1 });
  const df = toDataFrame({ ...sim.daily });
  assert.deepEqual(df.shape, [7, Object.keys(sim.daily).length]);
  assert.deepEqual(df.columns, Object.keys(sim.daily));
  assert.deepEqual(df["controlActive"].values, Array.from(sim.daily.controlActive));
  const users = toDataFrame({ ...sim.users });
  assert.equal(users.shape[0], 500);
});

Deno.test("toDataFrame() rejects no columns, unequal lengths and non-arrays", () => {
  assert.throws(() => toDataFrame({}), {
    name: "RangeError",
    message: "Cannot build a DataFrame: columns must contain at least one column",
  });
  assert.throws(() => toDataFrame({ a: [1, 2], b: [1] }), {
    name: "RangeError",
    message:
      'Cannot build a DataFrame: all columns must have the same length, got 2 for "a" and 1 for "b"',
  });
  // deno-lint-ignore no-explicit-any
  assert.throws(() => toDataFrame({ a: 3 as any }), {
    name: "TypeError",
    message: 'Cannot build a DataFrame: column "a" must be an array',
  });
});
