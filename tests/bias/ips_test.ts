import assert from "node:assert/strict";
import { ipsEstimate } from "@lib/bias/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("ipsEstimate() on a hand-built log: uniform logging, a policy that always takes action 1", () => {
  // Logging picks action 0 or 1 with probability ½. Rows (action, reward): (0, 1), (1, 1),
  // (1, 0), (0, 0). The evaluated policy takes action 1: π = [0, 1, 1, 0], weights π/p = [0, 2, 2, 0].
  // IPS = (0·1 + 2·1 + 2·0 + 0·0) / 4 = 0.5; SNIPS = (2·1 + 2·0) / (0 + 2 + 2 + 0) = 0.5.
  const est = ipsEstimate([1, 1, 0, 0], [0.5, 0.5, 0.5, 0.5], {
    targetProbabilities: [0, 1, 1, 0],
  });
  assert.equal(est.ips, 0.5);
  assert.equal(est.snips, 0.5);
  assert.equal(est.meanWeight, 1);
  assert.equal(est.supportRows, 2);
  assert.equal(est.maxWeight, 2);
  assert.equal(est.effectiveSampleSize, 2); // (0 + 2 + 2 + 0)² / (4 + 4)
});

// One context, three actions. Logging probabilities p = (0.5, 0.3, 0.2), Bernoulli rewards
// with means μ = (0.1, 0.5, 0.9), evaluated policy π = (0.2, 0.2, 0.6). Its value is
// V = Σ_a π_a μ_a = 0.02 + 0.10 + 0.54 = 0.66.
const P = [0.5, 0.3, 0.2], MU = [0.1, 0.5, 0.9], PI = [0.2, 0.2, 0.6];
const V = 0.66;

/** Every log of `n` rows with its probability: each row is (action, reward). */
function allLogs(n: number): { prob: number; action: number[]; reward: number[] }[] {
  const outcomes = [0, 1, 2].flatMap((a) =>
    [0, 1].map((r) => ({ a, r, q: P[a] * (r ? MU[a] : 1 - MU[a]) }))
  );
  let logs = [{ prob: 1, action: [] as number[], reward: [] as number[] }];
  for (let i = 0; i < n; i++) {
    logs = logs.flatMap((l) =>
      outcomes.map((o) => ({
        prob: l.prob * o.q,
        action: [...l.action, o.a],
        reward: [...l.reward, o.r],
      }))
    );
  }
  return logs;
}

Deno.test("ipsEstimate() is exactly unbiased: its expectation over every possible log is the policy value", () => {
  // E[IPS] = Σ_a p_a (π_a / p_a) μ_a = Σ_a π_a μ_a, for any number of rows.
  for (const n of [1, 2, 3]) {
    let expected = 0, total = 0;
    for (const log of allLogs(n)) {
      const est = ipsEstimate(log.reward, log.action.map((a) => P[a]), {
        targetProbabilities: log.action.map((a) => PI[a]),
      });
      expected += log.prob * est.ips;
      total += log.prob;
    }
    assertClose(total, 1, { rel: 1e-12 });
    assertClose(expected, V, { rel: 1e-12 });
  }
});

Deno.test("ipsEstimate() SNIPS is biased in small logs but not by much", () => {
  // For n = 1 SNIPS is the reward of the single row whenever π_a > 0: its expectation is the
  // logging policy's value Σ_a p_a μ_a = 0.05 + 0.15 + 0.18 = 0.38, not V = 0.66.
  let expected1 = 0;
  for (const log of allLogs(1)) {
    const est = ipsEstimate(log.reward, [P[log.action[0]]], {
      targetProbabilities: [PI[log.action[0]]],
    });
    expected1 += log.prob * est.snips;
  }
  assertClose(expected1, 0.38, { rel: 1e-12 });
  let expected3 = 0;
  for (const log of allLogs(3)) {
    const est = ipsEstimate(log.reward, log.action.map((a) => P[a]), {
      targetProbabilities: log.action.map((a) => PI[a]),
    });
    expected3 += log.prob * est.snips;
  }
  assert.ok(Math.abs(expected3 - V) < Math.abs(expected1 - V));
});

Deno.test("ipsEstimate() standard errors: rows, or clusters whose totals are summed first", () => {
  // w·r = [2, 0, 2, 0], IPS = 1. Rows: residuals (1, −1, 1, −1), SE = sqrt(4/3 · 4) / 4,
  // the usual s/√n with s² = 4/3. Clusters {0, 1} and {2, 3}: totals 2 and 2 equal their
  // expected 2 · 1, so the SE is 0.
  const rewards = [1, 0, 1, 0], p = [0.5, 0.5, 0.5, 0.5], t = [1, 1, 1, 1];
  assertClose(
    ipsEstimate(rewards, p, { targetProbabilities: t }).ipsStandardError,
    Math.sqrt(16 / 3) / 4,
  );
  const clustered = ipsEstimate(rewards, p, { targetProbabilities: t, clusters: [0, 0, 1, 1] });
  assert.equal(clustered.ipsStandardError, 0);
  assert.equal(clustered.snipsStandardError, 0);
});

Deno.test("ipsEstimate() SNIPS standard error by the delta method", () => {
  // Weights w = [2, 2, 1, 1], rewards [1, 0, 1, 0]: SNIPS = 3/6 = 0.5; residuals
  // w(r − 0.5) = [1, −1, 0.5, −0.5]; SE = sqrt(4/3 · 2.5) / 6.
  const est = ipsEstimate([1, 0, 1, 0], [0.5, 0.5, 1, 1], { targetProbabilities: [1, 1, 1, 1] });
  assert.equal(est.snips, 0.5);
  assertClose(est.snipsStandardError, Math.sqrt((4 / 3) * 2.5) / 6);
});

Deno.test("ipsEstimate() clips weights at maxWeight and reports no support as NaN SNIPS", () => {
  const clipped = ipsEstimate([1, 1], [0.01, 0.5], { targetProbabilities: [1, 1], maxWeight: 10 });
  assert.equal(clipped.maxWeight, 10);
  assert.equal(clipped.ips, (10 + 2) / 2);
  const none = ipsEstimate([1, 0], [0.5, 0.5], { targetProbabilities: [0, 0] });
  assert.equal(none.ips, 0);
  assert.ok(Number.isNaN(none.snips));
  assert.equal(none.effectiveSampleSize, 0);
});

Deno.test("ipsEstimate() rejects bad input with a clear message", () => {
  const context = "Cannot compute an IPS estimate";
  assert.throws(() => ipsEstimate([1, 0], [0.5, 0], { targetProbabilities: [1, 1] }), {
    name: "RangeError",
    message: `${context}: propensities[1] must be in (0, 1], got 0`,
  });
  assert.throws(() => ipsEstimate([1, 0], [0.5], { targetProbabilities: [1, 1] }), {
    name: "RangeError",
    message: `${context}: rewards and propensities must have the same length, got 2 and 1`,
  });
  assert.throws(() => ipsEstimate([1], [0.5], { targetProbabilities: [1.5] }), {
    name: "RangeError",
    message: `${context}: targetProbabilities[0] must be in [0, 1], got 1.5`,
  });
  assert.throws(() => ipsEstimate([1], [0.5], {} as never), {
    name: "TypeError",
    message: `${context}: options.targetProbabilities must be given (the evaluated policy)`,
  });
  assert.throws(() => ipsEstimate([1], [0.5], { targetProbabilities: [1], clusters: [0, 1] }), {
    name: "RangeError",
    message: `${context}: rewards and clusters must have the same length, got 1 and 2`,
  });
  assert.throws(() => ipsEstimate([1], [0.5], { targetProbabilities: [1], maxWeight: 0 }), {
    name: "RangeError",
    message: `${context}: maxWeight must be positive, got 0`,
  });
  assert.throws(() => ipsEstimate([], [], { targetProbabilities: [] }), {
    name: "RangeError",
    message: `${context}: rewards must not be empty`,
  });
});
