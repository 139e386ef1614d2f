import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";
import { createRng, type RandomOptions, resolveRng } from "../random/mod.ts";

/** Options of {@link simulateBanditLog}. */
export interface BanditLogOptions extends RandomOptions {
  /** Logged rows (one context and one action each). */
  numRows: number;
  /** Distinct contexts (e.g. user segments), drawn uniformly per row. @default 20 */
  numContexts?: number;
  /** Actions (e.g. posts) available in every context. @default 10 */
  numActions?: number;
  /** Inverse temperature of the logging policy's softmax over its own scores. @default 1.5 */
  loggingSharpness?: number;
  /** Inverse temperature of the evaluated policy's softmax over the true log-odds. @default 2 */
  targetSharpness?: number;
  /**
   * Seed of the world (μ and both policies), so that several logs can share one
   * world and one true value. @default the world is drawn from `seed`/`rng` too
   */
  worldSeed?: number;
}

/** A simulated log of a stochastic policy, with the truth needed to judge estimators. */
export interface BanditLog {
  /** Context of each row. */
  context: Int32Array;
  /** Action the logging policy took. */
  action: Int32Array;
  /** Reward observed (0 or 1). */
  reward: Float64Array;
  /** Probability $p_i$ with which the logging policy took the row's action. */
  propensity: Float64Array;
  /** Probability $\pi_i$ with which the evaluated policy takes the row's action. */
  targetProbability: Float64Array;
  /** `meanReward[x][a]`: true probability of a reward. */
  meanReward: Float64Array[];
  /** `targetPolicy[x][a]`: the evaluated policy's probabilities. */
  targetPolicy: Float64Array[];
  /** True value of the evaluated policy: $\frac1X\sum_x\sum_a \pi(a\mid x)\,\mu(x, a)$. */
  trueValue: number;
}

/**
 * Simulates a contextual bandit log whose importance weights vary. Each
 * context $x$ and action $a$ get a true reward probability
 * $\mu(x,a) = \sigma(z_{xa})$, $z_{xa} \sim N(-2, 1)$; the logging policy is a
 * softmax over its own, unrelated scores $s_{xa} \sim N(0, 1)$ with inverse
 * temperature $\beta_\ell$ (`loggingSharpness`), so its propensities range from
 * rare to common; the evaluated policy is a softmax over $z_{xa}$ with
 * $\beta_t$ (`targetSharpness`): it prefers the actions that truly pay, which
 * the logging policy often takes rarely, so $w = \pi/p$ spans orders of
 * magnitude. The world (μ, both policies) is drawn first (from `worldSeed`
 * when given), then the rows.
 *
 * @param options Sizes, sharpnesses, and `seed` or `rng`.
 * @returns The rows, the true μ and target policy, and the true value.
 * @throws {RangeError} On sizes that are not positive integers or a negative sharpness.
 *
 * @example The true value is a mean of μ under the target policy
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateBanditLog } from "@lib/bias/mod.ts";
 * const log = simulateBanditLog({ numRows: 100, seed: 1 });
 * assert.equal(log.reward.length, 100);
 * assert.ok(log.trueValue > 0 && log.trueValue < 1);
 * // Two logs of one world share its true value.
 * assert.equal(simulateBanditLog({ numRows: 10, seed: 2, worldSeed: 5 }).trueValue,
 *   simulateBanditLog({ numRows: 10, seed: 3, worldSeed: 5 }).trueValue);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function simulateBanditLog(options: BanditLogOptions): BanditLog {
  const context = "simulate a bandit log";
  const {
    numRows,
    numContexts = 20,
    numActions = 10,
    loggingSharpness = 1.5,
    targetSharpness = 2,
    worldSeed,
  } = options ?? {};
  assertInteger(numRows, "numRows", context, { min: 1 });
  assertInteger(numContexts, "numContexts", context, { min: 1 });
  assertInteger(numActions, "numActions", context, { min: 1 });
  assertFiniteNumber(loggingSharpness, "loggingSharpness", context, { min: 0 });
  assertFiniteNumber(targetSharpness, "targetSharpness", context, { min: 0 });
  const rng = resolveRng(options, context);
  const worldRng = worldSeed === undefined ? rng : createRng(worldSeed);
  const softmax = (scores: number[], beta: number) => {
    const max = Math.max(...scores);
    const e = scores.map((s) => Math.exp(beta * (s - max)));
    const total = e.reduce((a, b) => a + b, 0);
    return Float64Array.from(e, (v) => v / total);
  };
  const meanReward: Float64Array[] = [], targetPolicy: Float64Array[] = [];
  const logging: Float64Array[] = [];
  let trueValue = 0;
  for (let x = 0; x < numContexts; x++) {
    const z = Array.from({ length: numActions }, () => worldRng.normal(-2, 1));
    const s = Array.from({ length: numActions }, () => worldRng.normal(0, 1));
    meanReward.push(Float64Array.from(z, (v) => 1 / (1 + Math.exp(-v))));
    targetPolicy.push(softmax(z, targetSharpness));
    logging.push(softmax(s, loggingSharpness));
    for (let a = 0; a < numActions; a++) trueValue += targetPolicy[x][a] * meanReward[x][a];
  }
  trueValue /= numContexts;
  const ctx = new Int32Array(numRows), action = new Int32Array(numRows);
  const reward = new Float64Array(numRows), propensity = new Float64Array(numRows);
  const targetProbability = new Float64Array(numRows);
  for (let i = 0; i < numRows; i++) {
    const x = rng.int(0, numContexts);
    let u = rng.random(), a = 0;
    while (a < numActions - 1 && u >= logging[x][a]) u -= logging[x][a++];
    ctx[i] = x;
    action[i] = a;
    propensity[i] = logging[x][a];
    targetProbability[i] = targetPolicy[x][a];
    reward[i] = rng.bernoulli(meanReward[x][a]) ? 1 : 0;
  }
  return {
    context: ctx,
    action,
    reward,
    propensity,
    targetProbability,
    meanReward,
    targetPolicy,
    trueValue,
  };
}

/** The two columns a reward model gives {@link doublyRobustEstimate}. */
export interface RewardModelColumns {
  /** $\hat q(x_i, a_i)$ for each row's logged action. */
  predictedRewards: Float64Array;
  /** $\sum_a \pi(a \mid x_i)\, \hat q(x_i, a)$ for each row. */
  directValues: Float64Array;
  /** $\hat q(a)$: the model's reward of each action. */
  actionReward: Float64Array;
}

/**
 * A deliberately crude reward model for a bandit log: the mean logged reward of
 * each action, ignoring the context, $\hat q(x, a) = \bar r_a$ (0 for an action
 * never logged). Biased wherever rewards depend on the context, which is what
 * shows that the doubly robust estimate does not need a good model.
 *
 * @param log A log from {@link simulateBanditLog}.
 * @returns The model's predictions for the logged actions and its direct values.
 * @throws {TypeError} If `log` lacks the bandit columns.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { actionMeanRewardModel, simulateBanditLog } from "@lib/bias/mod.ts";
 * const log = simulateBanditLog({ numRows: 200, seed: 1 });
 * const model = actionMeanRewardModel(log);
 * assert.equal(model.predictedRewards[0], model.actionReward[log.action[0]]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function actionMeanRewardModel(log: BanditLog): RewardModelColumns {
  const context = "fit the action-mean reward model";
  if (!(log?.action instanceof Int32Array) || !Array.isArray(log.targetPolicy)) {
    raise("type", context, "log must come from simulateBanditLog (action, reward, targetPolicy)");
  }
  const numActions = log.targetPolicy[0].length;
  const sum = new Float64Array(numActions), count = new Float64Array(numActions);
  log.action.forEach((a, i) => {
    sum[a] += log.reward[i];
    count[a]++;
  });
  const actionReward = sum.map((s, a) => (count[a] > 0 ? s / count[a] : 0));
  return {
    predictedRewards: Float64Array.from(log.action, (a) => actionReward[a]),
    directValues: Float64Array.from(
      log.context,
      (x) => log.targetPolicy[x].reduce((s, p, a) => s + p * actionReward[a], 0),
    ),
    actionReward,
  };
}
