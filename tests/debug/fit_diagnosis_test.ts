import assert from "node:assert/strict";
import { diagnoseFit } from "@lib/debug/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("diagnoseFit() applies its rule in order: underfitting, overfitting, good fit", () => {
  // Training loss stuck above the target: underfitting even though validation follows it.
  const under = diagnoseFit([1, 0.8, 0.7], [1.05, 0.85, 0.74], { targetLoss: 0.4 });
  assert.equal(under.verdict, "underfitting");
  // Training loss reaches the target but validation is 50 % above it: overfitting (gap).
  const gap = diagnoseFit([1, 0.5, 0.4], [1, 0.62, 0.6], { targetLoss: 0.4 });
  assert.equal(gap.verdict, "overfitting");
  assertClose(gap.gap, 0.5);
  // Validation rising from its minimum at epoch 1 by 10 %: overfitting (rise).
  const rise = diagnoseFit([1, 0.45, 0.4], [1, 0.44, 0.484], { targetLoss: 0.4 });
  assert.equal(rise.verdict, "overfitting");
  assert.equal(rise.bestEpoch, 1);
  assertClose(rise.rise, 0.1);
  const fine = diagnoseFit([1, 0.5, 0.4], [1, 0.5, 0.44], { targetLoss: 0.4 });
  assert.equal(fine.verdict, "good fit");
});

Deno.test("diagnoseFit() tolerances move the verdict boundaries", () => {
  const train = [0.5, 0.42], val = [0.5, 0.46];
  assert.equal(diagnoseFit(train, val, { targetLoss: 0.4 }).verdict, "good fit"); // 0.42 ≤ 0.42
  assert.equal(
    diagnoseFit(train, val, { targetLoss: 0.4, targetTolerance: 0.01 }).verdict,
    "underfitting",
  );
  assert.equal(
    diagnoseFit(train, val, { targetLoss: 0.4, gapTolerance: 0.05 }).verdict,
    "overfitting",
  );
});

Deno.test("diagnoseFit() measures the gap against max(train, target), not train alone", () => {
  // Hand-derived: train 0.00103, val 0.00154 (still falling), target 0.1. The old relative gap
  // (0.00154 − 0.00103)/0.00103 = 0.495 would call this overfitting; against the target it is
  // 0.00051/0.1 = 0.0051, and the rise is 0: a good fit.
  const nearZero = diagnoseFit([0.5, 0.01, 0.00103], [0.6, 0.002, 0.00154], { targetLoss: 0.1 });
  assert.equal(nearZero.verdict, "good fit");
  assertClose(nearZero.gap, 0.0051);
  assert.equal(nearZero.rise, 0);
  // A gap large against the target still is overfitting: (0.55 − 0.000003)/0.1 ≈ 5.5.
  const wide = diagnoseFit([0.7, 0.01, 0.000003], [0.6, 0.5, 0.55], { targetLoss: 0.1 });
  assert.equal(wide.verdict, "overfitting");
  assertClose(wide.gap, 5.49997);
});

Deno.test("diagnoseFit() rejects bad input", () => {
  assert.throws(() => diagnoseFit([1, 2], [1], { targetLoss: 1 }), {
    message:
      "Cannot run diagnoseFit: trainLoss and validationLoss must have the same length, got 2 and 1",
  });
  assert.throws(() => diagnoseFit([], [], { targetLoss: 1 }), {
    message: "Cannot run diagnoseFit: trainLoss must not be empty",
  });
  assert.throws(() => diagnoseFit([1], [1], { targetLoss: -1 }), {
    message: "Cannot run diagnoseFit: targetLoss must be at least 0, got -1",
  });
});
