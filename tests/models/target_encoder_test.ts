import assert from "node:assert/strict";
import { targetEncoder } from "@lib/models/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("targetEncoder() shrinks category means towards the overall mean", () => {
  // Hand-derived: μ = (4 + 6 + 8 + 2)/4 = 5; "x" has sum 18 over 3, "y" sum 2 over 1.
  const enc = targetEncoder(["x", "x", "x", "y"], [4, 6, 8, 2], { prior: 2 });
  assert.equal(enc.mean, 5);
  assertClose(enc.encode("x"), (18 + 10) / 5);
  assertClose(enc.encode("y"), (2 + 10) / 3);
  assert.equal(enc.encode("z"), 5);
  // prior 0 gives the raw mean; a large prior gives μ.
  assert.equal(targetEncoder(["x", "x", "y"], [1, 3, 9], { prior: 0 }).encode("x"), 2);
  assertClose(targetEncoder(["x", "y"], [0, 10], { prior: 1e9 }).encode("x"), 5, { rel: 1e-6 });
});

Deno.test("targetEncoder() leaves a training example's own target out", () => {
  const enc = targetEncoder(["x", "x", "y"], [4, 8, 3], { prior: 1 });
  const mu = 5;
  assertClose(enc.encodeTraining("x", 4), (8 + mu) / 2);
  // A category seen once falls back to μ for its own example.
  assertClose(enc.encodeTraining("y", 3), mu);
  // Without a prior, a singleton's leave-one-out encoding is μ (no other example).
  assert.equal(targetEncoder(["x", "y"], [1, 3], { prior: 0 }).encodeTraining("y", 3), 2);
});

Deno.test("targetEncoder() rejects bad input", () => {
  assert.throws(() => targetEncoder(["a"], [1, 2]), {
    message: "Cannot fit targetEncoder: keys and targets must have the same length, got 1 and 2",
  });
  assert.throws(() => targetEncoder(["a"], [1], { prior: -1 }), {
    message: "Cannot fit targetEncoder: prior must be at least 0, got -1",
  });
  assert.throws(() => targetEncoder([1 as unknown as string], [1]), {
    name: "TypeError",
    message: "Cannot fit targetEncoder: keys must be an array of strings",
  });
  assert.throws(() => targetEncoder(["a"], [1]).encodeTraining("b", 1), {
    message: 'Cannot encode with targetEncoder: "b" is not a training category',
  });
});
