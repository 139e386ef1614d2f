import assert from "node:assert/strict";
import { actionMeanRewardModel, simulateBanditLog } from "@lib/bias/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("simulateBanditLog() logs propensities and target probabilities of its own policies", () => {
  const log = simulateBanditLog({ numRows: 500, numContexts: 4, numActions: 5, seed: 3 });
  for (let x = 0; x < 4; x++) {
    assertClose(log.targetPolicy[x].reduce((s, p) => s + p, 0), 1, { rel: 1e-12 });
  }
  for (let i = 0; i < 500; i++) {
    assert.equal(log.targetProbability[i], log.targetPolicy[log.context[i]][log.action[i]]);
    assert.ok(log.propensity[i] > 0 && log.propensity[i] <= 1);
    assert.ok(log.reward[i] === 0 || log.reward[i] === 1);
  }
  // The true value is the mean over contexts of Σ_a π(a|x) μ(x, a).
  let v = 0;
  for (let x = 0; x < 4; x++) {
    log.targetPolicy[x].forEach((p, a) => (v += (p * log.meanReward[x][a]) / 4));
  }
  assertClose(log.trueValue, v, { rel: 1e-12 });
});

Deno.test("simulateBanditLog() draws actions with their logged propensities", () => {
  // One context: the share of rows with action a estimates the logging probability of a.
  const log = simulateBanditLog({ numRows: 40000, numContexts: 1, numActions: 3, seed: 9 });
  for (let a = 0; a < 3; a++) {
    const rows = log.action.filter((b) => b === a).length;
    const p = log.propensity[log.action.indexOf(a)];
    assert.ok(Math.abs(rows / 40000 - p) < 4 * Math.sqrt((p * (1 - p)) / 40000), `action ${a}`);
  }
  // And rewards with their means: the mean reward of action a estimates μ(0, a).
  for (let a = 0; a < 3; a++) {
    const r = log.reward.filter((_, i) => log.action[i] === a);
    const mu = log.meanReward[0][a];
    const mean = r.reduce((s, v) => s + v, 0) / r.length;
    assert.ok(Math.abs(mean - mu) < 4 * Math.sqrt((mu * (1 - mu)) / r.length), `reward of ${a}`);
  }
});

Deno.test("simulateBanditLog() with a world seed shares the world, not the rows", () => {
  const a = simulateBanditLog({ numRows: 50, seed: 1, worldSeed: 4 });
  const b = simulateBanditLog({ numRows: 50, seed: 2, worldSeed: 4 });
  assert.deepEqual(a.meanReward, b.meanReward);
  assert.notDeepEqual(a.action, b.action);
  assert.deepEqual(
    simulateBanditLog({ numRows: 50, seed: 1 }),
    simulateBanditLog({ numRows: 50, seed: 1 }),
  );
});

Deno.test("simulateBanditLog() rejects bad options", () => {
  assert.throws(
    () => simulateBanditLog({ numRows: 0, seed: 1 }),
    /Cannot simulate a bandit log: numRows/,
  );
  assert.throws(() => simulateBanditLog({ numRows: 5, numActions: 1.5, seed: 1 }), /numActions/);
  assert.throws(
    () => simulateBanditLog({ numRows: 5, loggingSharpness: -1, seed: 1 }),
    /loggingSharpness/,
  );
  assert.throws(() => simulateBanditLog({ numRows: 5 } as never), /seed or rng/);
});

Deno.test("actionMeanRewardModel() predicts each action's mean logged reward", () => {
  // A hand-made log: action 0 rewarded 1 of 2 times, action 1 never logged; π(·|x=0) = (0.25, 0.75).
  const log = {
    context: Int32Array.of(0, 0),
    action: Int32Array.of(0, 0),
    reward: Float64Array.of(1, 0),
    propensity: Float64Array.of(0.5, 0.5),
    targetProbability: Float64Array.of(0.25, 0.25),
    meanReward: [Float64Array.of(0.5, 0.5)],
    targetPolicy: [Float64Array.of(0.25, 0.75)],
    trueValue: 0.5,
  };
  const model = actionMeanRewardModel(log);
  assert.deepEqual(Array.from(model.actionReward), [0.5, 0]);
  assert.deepEqual(Array.from(model.predictedRewards), [0.5, 0.5]);
  assert.deepEqual(Array.from(model.directValues), [0.125, 0.125]); // 0.25 · 0.5 + 0.75 · 0
  assert.throws(
    () => actionMeanRewardModel({} as never),
    /Cannot fit the action-mean reward model: log must come/,
  );
});
