import assert from "node:assert/strict";
import { createWorld, examinationProbability, trueEngagementProbability } from "@lib/world/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

Deno.test("trueEngagementProbability() follows the documented logit, term by term", () => {
  const world = createWorld({ numUsers: 20, numItems: 200, numTopics: 4, pairNoiseSd: 0 }, {
    seed: 5,
  });
  const t = world.truth, K = 4;
  const [u, i, time, device] = [7, 42, 24 * 5 + 20.5, 1]; // day 5 (a Saturday), 20:30
  let dot = 0;
  for (let k = 0; k < K; k++) dot += t.userInterests[u * K + k] * t.itemTopicMix[i * K + k];
  const ageDays = (time - world.items.createdAt[i]) / 24;
  const logit = t.baseLogit + t.userEffect[u] + t.hourEffect[20] + t.weekdayEffect[5] +
    t.deviceEffect[device] + t.itemEffect[i] + t.affinityScale * dot - t.freshnessDecay * ageDays;
  const [p] = trueEngagementProbability(world, {
    userId: [u],
    itemId: [i],
    time: [time],
    device: [device],
  });
  assertClose(p, sigmoid(logit), { rel: 1e-12 });
  // The item effect is latent quality + 0.3·media + author quality.
  const author = world.items.author[i];
  assertClose(
    t.itemEffect[i],
    t.itemQuality[i] + 0.3 * world.items.hasMedia[i] + t.authorQuality[author],
  );
});

Deno.test("trueEngagementProbability() has a fixed user–item taste term with the configured spread", () => {
  const quiet = createWorld({ numUsers: 200, numItems: 300, pairNoiseSd: 0 }, { seed: 5 });
  const noisy = createWorld({ numUsers: 200, numItems: 300, pairNoiseSd: 0.5 }, { seed: 5 });
  const n = 20000;
  const keys = {
    // 20,000 distinct (user, item) pairs.
    userId: Array.from({ length: n }, (_, r) => Math.floor(r / 100)),
    itemId: Array.from({ length: n }, (_, r) => r % 300),
    time: new Array(n).fill(100),
    device: new Array(n).fill(0),
  };
  const logit = (p: number) => Math.log(p / (1 - p));
  const a = trueEngagementProbability(quiet, keys), b = trueEngagementProbability(noisy, keys);
  const diff = Array.from(a, (p, r) => logit(b[r]) - logit(p));
  const mean = diff.reduce((s, v) => s + v) / n;
  const sd = Math.sqrt(diff.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  // ε ~ N(0, 0.5²): the sample mean has SE 0.5/√20000 ≈ 0.0035; the SD is within a few %.
  assertClose(mean, 0, { abs: 0.015 });
  assertClose(sd, 0.5, { rel: 0.03 });
  // The same pair always gets the same value.
  assert.deepEqual(trueEngagementProbability(noisy, keys), b);
});

Deno.test("trueEngagementProbability() adds the interest shift from the shift day on", () => {
  const options = { numUsers: 20, numItems: 200, numTopics: 3, numDays: 10, pairNoiseSd: 0 };
  const base = createWorld(options, { seed: 5 });
  const shifted = createWorld({ ...options, shift: { day: 4, interestDelta: [2, 0, 0] } }, {
    seed: 5,
  });
  const at = (time: number) => ({ userId: [3], itemId: [150], time: [time], device: [0] });
  assertClose(
    trueEngagementProbability(shifted, at(95))[0],
    trueEngagementProbability(base, at(95))[0],
  );
  const logit = (p: number) => Math.log(p / (1 - p));
  const delta = logit(trueEngagementProbability(shifted, at(97))[0]) -
    logit(trueEngagementProbability(base, at(97))[0]);
  assertClose(delta, base.truth.affinityScale * 2 * base.truth.itemTopicMix[150 * 3], {
    rel: 1e-9,
  });
});

Deno.test("trueEngagementProbability() rejects bad columns with messages", () => {
  const world = createWorld({ numUsers: 20, numItems: 50 }, { seed: 1 });
  const ok = { userId: [0], itemId: [0], time: [0], device: [0] };
  const context = "Cannot compute trueEngagementProbability";
  assert.throws(
    () => trueEngagementProbability(world, { ...ok, itemId: [0, 1] }),
    {
      name: "RangeError",
      message: `${context}: userId and itemId must have the same length, got 1 and 2`,
    },
  );
  assert.throws(
    () => trueEngagementProbability(world, { ...ok, userId: [20] }),
    { name: "RangeError", message: `${context}: userId[0] must be an integer in [0, 20), got 20` },
  );
  assert.throws(
    () => trueEngagementProbability(world, { ...ok, itemId: [1.5] }),
    /itemId\[0\] must be an integer in \[0, 50\), got 1.5/,
  );
  assert.throws(
    () => trueEngagementProbability(world, { ...ok, device: [3] }),
    /device\[0\] must be an integer in \[0, 3\)/,
  );
  assert.throws(
    () => trueEngagementProbability(world, { ...ok, time: [NaN] }),
    /time\[0\] must be finite, got NaN/,
  );
  assert.throws(
    () => trueEngagementProbability(world, { ...ok, time: undefined as unknown as number[] }),
    { name: "TypeError", message: `${context}: log must have a column "time"` },
  );
});

Deno.test("examinationProbability() is (p + 1)^−η and rejects a bad count", () => {
  const world = createWorld({ numUsers: 5, positionBiasPower: 0.5 }, { seed: 1 });
  assertClose(examinationProbability(world, 3), [1, 2 ** -0.5, 3 ** -0.5]);
  const flat = createWorld({ numUsers: 5, positionBiasPower: 0 }, { seed: 1 });
  assert.deepEqual([...examinationProbability(flat, 3)], [1, 1, 1]);
  assert.throws(
    () => examinationProbability(world, 0),
    {
      name: "RangeError",
      message: "Cannot compute examinationProbability: numPositions must be at least 1, got 0",
    },
  );
});
