import assert from "node:assert/strict";
import { examplesToReach } from "@lib/capacity/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("examplesToReach() interpolates linearly in log n", () => {
  // 0.6 at 100, 0.9 at 10000: 0.7 is one third of the way in log10 n, 10^(2 + 2/3) = 464.16
  const r = examplesToReach([100, 10_000], [0.6, 0.9], 0.7);
  assert.ok(r.reached);
  assertClose(r.examples, 10 ** (2 + 2 / 3), { rel: 1e-12 });
});

Deno.test("examplesToReach() takes the first crossing and returns exact sizes at the ends", () => {
  const sizes = [100, 200, 400, 800];
  // Crosses 0.8 between 200 and 400, falls back below and crosses again later: the first counts.
  const r = examplesToReach(sizes, [0.5, 0.7, 0.9, 0.7], 0.8);
  assert.ok(r.reached);
  assertClose(r.examples, 200 * Math.SQRT2, { rel: 1e-12 });
  assert.deepEqual(examplesToReach(sizes, [0.9, 0.95, 0.96, 0.97], 0.8), {
    reached: true,
    examples: 100,
  });
  assert.deepEqual(examplesToReach(sizes, [0.5, 0.6, 0.7, 0.8], 0.8), {
    reached: true,
    examples: 800,
  });
});

Deno.test("examplesToReach() reports the best score when the target is never reached", () => {
  assert.deepEqual(examplesToReach([10, 20, 30], [0.6, 0.72, 0.71], 0.75), {
    reached: false,
    bestScore: 0.72,
  });
});

Deno.test("examplesToReach() rejects invalid arguments", () => {
  const context = "Cannot find the examples to reach a score";
  assert.throws(() => examplesToReach([10, 20], [0.5], 0.6), {
    name: "RangeError",
    message: `${context}: sizes and scores must have the same length, got 2 and 1`,
  });
  assert.throws(() => examplesToReach([20, 10], [0.5, 0.6], 0.6), {
    name: "RangeError",
    message: `${context}: sizes must be positive and strictly increasing, got 10 at 1`,
  });
  assert.throws(() => examplesToReach([0, 10], [0.5, 0.6], 0.6), {
    name: "RangeError",
    message: `${context}: sizes must be positive and strictly increasing, got 0 at 0`,
  });
  assert.throws(() => examplesToReach([], [], 0.6), {
    name: "RangeError",
    message: `${context}: sizes must not be empty`,
  });
  assert.throws(() => examplesToReach([10], [0.5], NaN), {
    name: "RangeError",
    message: `${context}: target must be finite, got NaN`,
  });
});
