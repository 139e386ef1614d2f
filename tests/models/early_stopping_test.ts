import assert from "node:assert/strict";
import fc from "fast-check";
import { createEarlyStopping } from "@lib/models/mod.ts";

Deno.test("createEarlyStopping() stops after `patience` epochs without improvement (Keras' rule)", () => {
  const stopper = createEarlyStopping({ patience: 3, minDelta: 0.01 });
  // 0.995 does not beat 1.0 by more than minDelta; 0.98 does.
  const values = [1.0, 0.995, 0.98, 0.99, 0.985, 0.975];
  const steps = values.map((v, i) => stopper.observe(i + 1, v));
  assert.deepEqual(steps.map((s) => s.improved), [true, false, true, false, false, false]);
  assert.deepEqual(steps.map((s) => s.stop), [false, false, false, false, false, true]);
  assert.equal(stopper.bestEpoch, 3);
  assert.equal(stopper.bestValue, 0.98);
});

Deno.test("createEarlyStopping() maximises accuracies by default and never counts NaN as better", () => {
  const acc = createEarlyStopping({ monitor: "valAcc", patience: 1 });
  assert.equal(acc.options.mode, "max");
  assert.equal(acc.observe(1, 0.7).improved, true);
  assert.equal(acc.observe(2, 0.8).improved, true);
  assert.equal(acc.observe(3, NaN).improved, false);
  assert.equal(createEarlyStopping({ monitor: "loss" }).options.mode, "min");
  assert.equal(createEarlyStopping({ monitor: "valAcc", mode: "min" }).options.mode, "min");
});

Deno.test("the best epoch of createEarlyStopping() holds the minimum seen (property)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 30 }),
      (values) => {
        const stopper = createEarlyStopping({ patience: 1000 });
        values.forEach((v, i) => stopper.observe(i + 1, v));
        const min = Math.min(...values);
        return stopper.bestValue === min && stopper.bestEpoch === values.indexOf(min) + 1;
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("createEarlyStopping() explains invalid options", () => {
  assert.throws(
    () => createEarlyStopping({ patience: -1 }),
    new RangeError("Cannot set up early stopping: patience must be at least 0, got -1"),
  );
  assert.throws(
    () => createEarlyStopping({ minDelta: -0.1 }),
    new RangeError("Cannot set up early stopping: minDelta must be at least 0, got -0.1"),
  );
  assert.throws(
    () => createEarlyStopping({ monitor: "" }),
    new TypeError(
      'Cannot set up early stopping: monitor must be a non-empty string such as "valLoss"',
    ),
  );
  assert.throws(
    () => createEarlyStopping({ mode: "up" as "max" }),
    new RangeError('Cannot set up early stopping: mode must be one of "min", "max", got "up"'),
  );
  assert.throws(
    () => createEarlyStopping({ restoreBest: 1 as unknown as boolean }),
    new TypeError("Cannot set up early stopping: restoreBest must be a boolean"),
  );
});
