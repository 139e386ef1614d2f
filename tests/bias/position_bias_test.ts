import assert from "node:assert/strict";
import { estimatePositionBias } from "@lib/bias/mod.ts";
import {
  createPolicy,
  createWorld,
  examinationProbability,
  simulateSessions,
} from "@lib/world/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("estimatePositionBias() divides each position's CTR by the top position's", () => {
  // Position 0: 2 of 4 engaged (0.5); position 1: 1 of 4 (0.25) → θ̂₁ = 0.5.
  // SE(θ̂₁) = 0.5 · sqrt((1 − 0.25)/(4 · 0.25) + (1 − 0.5)/(4 · 0.5)) = 0.5 · sqrt(0.75 + 0.25) = 0.5.
  const log = { position: [0, 1, 0, 1, 0, 1, 0, 1], engaged: [1, 1, 1, 0, 0, 0, 0, 0] };
  const bias = estimatePositionBias(log);
  assert.deepEqual(bias.impressions, [4, 4]);
  assert.deepEqual(bias.engagements, [2, 1]);
  assert.deepEqual(bias.examination, [1, 0.5]);
  assert.deepEqual(bias.standardError, [0, 0.5]);
  const subset = estimatePositionBias(log, { rows: [0, 1, 2, 3] });
  assert.deepEqual(subset.ctr, [1, 0.5]);
});

Deno.test("estimatePositionBias() recovers the world's examination probabilities from random feeds", () => {
  const world = createWorld({ numUsers: 1000, numItems: 2000, numDays: 14 }, { seed: 3 });
  const log = simulateSessions(world, createPolicy("random"), {
    days: 14,
    sessionsPerDay: 600,
    feedSize: 6,
    numCandidates: 30,
    seed: 4,
  });
  const bias = estimatePositionBias(log);
  const truth = examinationProbability(world, 6);
  for (let p = 1; p < 6; p++) {
    assert.ok(
      Math.abs(bias.examination[p] - truth[p]) < 3.5 * bias.standardError[p],
      `position ${p}: ${bias.examination[p]} ± ${bias.standardError[p]}, truth ${truth[p]}`,
    );
  }
  assertClose(bias.impressions.reduce((a, b) => a + b, 0), log.numRows);
});

Deno.test("estimatePositionBias() on a ranking policy's log overstates the bias", () => {
  // The popularity policy puts posts with more engagement on top, so the CTR ratio mixes
  // examination with relevance: the estimate falls faster than θ_p.
  const world = createWorld({ numUsers: 1000, numItems: 2000, numDays: 7 }, { seed: 3 });
  const log = simulateSessions(world, createPolicy("popularity"), {
    days: 7,
    sessionsPerDay: 1000,
    feedSize: 6,
    numCandidates: 30,
    seed: 4,
  });
  const bias = estimatePositionBias(log);
  const truth = examinationProbability(world, 6);
  assert.ok(bias.examination[5] < truth[5]);
});

Deno.test("estimatePositionBias() rejects bad input", () => {
  const context = "Cannot estimate position bias";
  assert.throws(() => estimatePositionBias({ position: [0, 1], engaged: [0] }), {
    name: "RangeError",
    message: `${context}: position and engaged must have the same length, got 2 and 1`,
  });
  assert.throws(() => estimatePositionBias({ position: [0, 1], engaged: [0, 1] }), {
    name: "RangeError",
    message: `${context}: position 0 needs at least one engagement to compare with`,
  });
  assert.throws(() => estimatePositionBias({ position: [0, 1.5], engaged: [1, 1] }), {
    name: "RangeError",
    message: `${context}: position[1] must be an integer, got 1.5`,
  });
  assert.throws(() => estimatePositionBias({ position: [0], engaged: [1] }, { rows: [3] }), {
    name: "RangeError",
    message: `${context}: rows[0] must be at most 0, got 3`,
  });
});
