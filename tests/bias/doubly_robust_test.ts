import assert from "node:assert/strict";
import { doublyRobustEstimate, ipsEstimate } from "@lib/bias/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("doublyRobustEstimate() on a hand-worked log of two rows", () => {
  // Target policy π = (0.2, 0.8); reward model q̂ = (0.5, 0.3): direct term 0.2·0.5 + 0.8·0.3 = 0.34.
  // Row 1: action 0 logged with p = 0.8, reward 1: w = 0.25, term 0.34 + 0.25·(1 − 0.5) = 0.465.
  // Row 2: action 1 logged with p = 0.2, reward 0: w = 4, term 0.34 + 4·(0 − 0.3) = −0.86.
  // DR = (0.465 − 0.86) / 2 = −0.1975; sd of the terms = |0.465 + 0.86| / √2, SE = sd / √2 = 0.6625.
  const options = {
    targetProbabilities: [0.2, 0.8],
    predictedRewards: [0.5, 0.3],
    directValues: [0.34, 0.34],
  };
  const est = doublyRobustEstimate([1, 0], [0.8, 0.2], options);
  assertClose(est.value, -0.1975, { abs: 1e-12 });
  assertClose(est.standardError, 0.6625, { abs: 1e-12 });
  assertClose(est.directMethod, 0.34, { abs: 1e-12 });
  assert.equal(est.n, 2);
  // Clipping at 2 caps row 2's weight: (0.465 + 0.34 − 2·0.3) / 2 = 0.1025.
  assertClose(
    doublyRobustEstimate([1, 0], [0.8, 0.2], { ...options, maxWeight: 2 }).value,
    0.1025,
    {
      abs: 1e-12,
    },
  );
});

Deno.test("doublyRobustEstimate() with a zero reward model is IPS", () => {
  const rewards = [1, 0, 1, 1, 0], propensities = [0.5, 0.25, 0.1, 0.8, 0.3];
  const targetProbabilities = [0.2, 0.9, 0.5, 0.1, 0.4];
  const zeros = rewards.map(() => 0);
  const dr = doublyRobustEstimate(rewards, propensities, {
    targetProbabilities,
    predictedRewards: zeros,
    directValues: zeros,
  });
  assertClose(dr.value, ipsEstimate(rewards, propensities, { targetProbabilities }).ips, {
    rel: 1e-12,
  });
});

// One context, three actions, logging p = (0.5, 0.3, 0.2), Bernoulli means μ = (0.1, 0.5, 0.9),
// evaluated policy π = (0.2, 0.2, 0.6): V = 0.02 + 0.10 + 0.54 = 0.66. A wrong reward model
// q̂ = (0.4, 0.4, 0.4) gives the direct method 0.4, biased; DR must still be exactly unbiased.
const P = [0.5, 0.3, 0.2], MU = [0.1, 0.5, 0.9], PI = [0.2, 0.2, 0.6], QHAT = [0.4, 0.4, 0.4];

Deno.test("doublyRobustEstimate() is exactly unbiased with a wrong reward model (expectation over every log)", () => {
  const outcomes = [0, 1, 2].flatMap((a) =>
    [0, 1].map((r) => ({ a, r, q: P[a] * (r ? MU[a] : 1 - MU[a]) }))
  );
  for (const n of [1, 2]) {
    let logs = [{ prob: 1, rows: [] as { a: number; r: number }[] }];
    for (let i = 0; i < n; i++) {
      logs = logs.flatMap((l) =>
        outcomes.map((o) => ({ prob: l.prob * o.q, rows: [...l.rows, o] }))
      );
    }
    let expected = 0, directExpected = 0;
    for (const { prob, rows } of logs) {
      const est = doublyRobustEstimate(rows.map((o) => o.r), rows.map((o) => P[o.a]), {
        targetProbabilities: rows.map((o) => PI[o.a]),
        predictedRewards: rows.map((o) => QHAT[o.a]),
        directValues: rows.map(() => 0.4),
      });
      expected += prob * est.value;
      directExpected += prob * est.directMethod;
    }
    assertClose(expected, 0.66, { rel: 1e-12 });
    assertClose(directExpected, 0.4, { rel: 1e-12 });
  }
});

Deno.test("doublyRobustEstimate() rejects bad input", () => {
  const ok = { targetProbabilities: [0.5], predictedRewards: [0.1], directValues: [0.2] };
  assert.throws(
    () => doublyRobustEstimate([1, 0], [0.5], ok),
    /Cannot compute a doubly robust estimate: rewards and propensities must have the same length, got 2 and 1/,
  );
  assert.throws(() => doublyRobustEstimate([], [], ok), /rewards must not be empty/);
  assert.throws(
    () => doublyRobustEstimate([1], [0], ok),
    /propensities\[0\] must be in \(0, 1\], got 0/,
  );
  assert.throws(
    () => doublyRobustEstimate([1], [0.5], { ...ok, targetProbabilities: [1.5] }),
    /targetProbabilities\[0\] must be in \[0, 1\], got 1.5/,
  );
  assert.throws(
    () => doublyRobustEstimate([1], [0.5], { ...ok, directValues: undefined as never }),
    TypeError,
  );
  assert.throws(
    () => doublyRobustEstimate([1], [0.5], { ...ok, predictedRewards: [0.1, 0.2] }),
    /rewards and predictedRewards must have the same length, got 1 and 2/,
  );
  assert.throws(
    () => doublyRobustEstimate([1], [0.5], { ...ok, maxWeight: 0 }),
    /maxWeight must be positive, got 0/,
  );
});
