import assert from "node:assert/strict";
import fc from "fast-check";
import { splitByArm } from "@lib/experiment/mod.ts";

Deno.test("splitByArm() keeps the order of the users within each arm", () => {
  const { control, treatment } = splitByArm([3, 1, 4, 1, 5, 9], [1, 0, 0, 1, 0, 1]);
  assert.deepEqual(Array.from(control), [1, 4, 5]);
  assert.deepEqual(Array.from(treatment), [3, 1, 9]);
});

Deno.test("splitByArm() returns an empty arm when every user is in the other one", () => {
  const { control, treatment } = splitByArm(new Int32Array([2, 7]), new Uint8Array([0, 0]));
  assert.deepEqual(Array.from(control), [2, 7]);
  assert.equal(treatment.length, 0);
});

Deno.test("splitByArm() partitions the values and does not change its inputs", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 0, max: 1 })), {
        minLength: 1,
      }),
      (rows) => {
        const values = rows.map((r) => r[0]), arm = rows.map((r) => r[1]);
        const copy = [...values];
        const { control, treatment } = splitByArm(values, arm);
        assert.equal(control.length + treatment.length, values.length);
        assert.deepEqual(Array.from(treatment), values.filter((_, i) => arm[i] === 1));
        assert.deepEqual(values, copy);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("splitByArm() rejects invalid input with a message", () => {
  const context = "Cannot compute splitByArm:";
  assert.throws(() => splitByArm([1, 2], [0]), {
    name: "RangeError",
    message: `${context} values and arm must have the same length, got 2 and 1`,
  });
  assert.throws(() => splitByArm([1, 2], [0, 2]), {
    name: "RangeError",
    message: `${context} arm[1] must be 0 or 1, got 2`,
  });
  assert.throws(() => splitByArm([], []), {
    name: "RangeError",
    message: `${context} values must not be empty`,
  });
  assert.throws(() => splitByArm([1, NaN], [0, 1]), {
    name: "RangeError",
    message: `${context} values[1] must be finite, got NaN`,
  });
});
