import assert from "node:assert/strict";
import { earlyStoppingPoint } from "@lib/curves/mod.ts";

// Validation loss 0.5 + (e − 10)²/100: falls until epoch 10, rises afterwards.
const uShaped = Array.from({ length: 30 }, (_, e) => 0.5 + (e - 10) ** 2 / 100);

Deno.test("earlyStoppingPoint() stops `patience` epochs after the minimum of a U-shaped loss", () => {
  for (const patience of [1, 3, 5]) {
    const point = earlyStoppingPoint(uShaped, { patience });
    assert.deepEqual(point, { index: 10, value: 0.5, stopped: true, stopIndex: 10 + patience });
  }
});

Deno.test("earlyStoppingPoint() ignores improvements smaller than minDelta", () => {
  // Epochs 3–5 improve by 0.001 each, less than minDelta = 0.01: no improvement after epoch 2,
  // so with patience 2 training stops at epoch 4 and restores epoch 2 (not the arg-min 5).
  const loss = [1, 0.5, 0.4, 0.399, 0.398, 0.397];
  assert.deepEqual(earlyStoppingPoint(loss, { patience: 2, minDelta: 0.01 }), {
    index: 2,
    value: 0.4,
    stopped: true,
    stopIndex: 4,
  });
  // Without minDelta every epoch improves.
  assert.deepEqual(earlyStoppingPoint(loss, { patience: 2 }), {
    index: 5,
    value: 0.397,
    stopped: false,
    stopIndex: undefined,
  });
});

Deno.test("earlyStoppingPoint() does not count an equal loss as an improvement", () => {
  // Keras's EarlyStopping compares with np.less (strict): with minDelta = 0 a loss equal to the
  // best so far is no improvement. Epochs 2 and 3 repeat 0.5, so patience 2 stops at epoch 3
  // and restores epoch 1.
  assert.deepEqual(earlyStoppingPoint([1, 0.5, 0.5, 0.5], { patience: 2 }), {
    index: 1,
    value: 0.5,
    stopped: true,
    stopIndex: 3,
  });
});

Deno.test("earlyStoppingPoint() resets the patience counter after an improvement", () => {
  // A bump at epochs 2–3 (wait 1, 2), recovery at epoch 4, rising after epoch 5.
  const loss = [1, 0.8, 0.85, 0.82, 0.7, 0.6, 0.65, 0.66, 0.67];
  assert.deepEqual(earlyStoppingPoint(loss, { patience: 3 }), {
    index: 5,
    value: 0.6,
    stopped: true,
    stopIndex: 8,
  });
  assert.deepEqual(earlyStoppingPoint([0.3]), {
    index: 0,
    value: 0.3,
    stopped: false,
    stopIndex: undefined,
  });
});

Deno.test("earlyStoppingPoint() rejects empty or non-finite losses and bad options", () => {
  const context = "Cannot find the early stopping point";
  assert.throws(
    () => earlyStoppingPoint([]),
    new RangeError(`${context}: valLoss must not be empty`),
  );
  assert.throws(
    () => earlyStoppingPoint([1, NaN]),
    new RangeError(`${context}: valLoss[1] must be finite, got NaN`),
  );
  assert.throws(
    () => earlyStoppingPoint([1, 0.5], { patience: 0 }),
    new RangeError(`${context}: patience must be at least 1, got 0`),
  );
  assert.throws(
    () => earlyStoppingPoint([1, 0.5], { minDelta: -1 }),
    new RangeError(`${context}: minDelta must be at least 0, got -1`),
  );
});
