import { createWorld } from "../../../lib/world/world.ts";
import { createPolicy } from "../../../lib/world/policies.ts";
import { epsilonGreedyPolicy } from "../../../lib/world/exploration.ts";
import { simulateSessions } from "../../../lib/world/simulate.ts";
import { sessionMetrics } from "../../../lib/world/metrics.ts";
import { shadowPolicy, shadowTargetProbabilities } from "../../../lib/bias/shadow.ts";
import { ipsEstimate } from "../../../lib/bias/ips.ts";
import { barChart } from "../../../lib/plot/bar.ts";
import { pairedComparison } from "../../../lib/claims/paired.ts";
import { describeComparison } from "../../../lib/claims/describe.ts";
import { type Experiment, num } from "./types.ts";

const FEED_SIZE = 10, NUM_CANDIDATES = 30;

/** Chapter 3: exploration buys an unbiased estimate of a new policy, at a cost in engagement. */
export const explorationRate: Experiment = {
  id: "exploration-rate",
  chapter: "03_data_collection",
  title: "Exploration rate and off-policy estimates",
  intro: "The popularity policy explores: a share $\\varepsilon$ of sessions get a random feed. " +
    "From those logs, inverse-propensity scoring (`ipsEstimate` of `lib/bias`) estimates what a " +
    "new policy (recency × followers) would get, with weights $1/p_i$. Less exploration means " +
    "fewer useful rows and a wider interval; more exploration costs engagement today. The run " +
    "simulates the chapter's world in a Web Worker.",
  afterCell: "off-policy-read",
  worker: true,
  controls: [
    {
      kind: "range",
      name: "epsilon",
      label: "exploration rate ε",
      min: 0.05,
      max: 1,
      step: 0.05,
      value: 0.3,
    },
    { kind: "range", name: "days", label: "days of logs", min: 1, max: 14, step: 1, value: 14 },
    {
      kind: "range",
      name: "sessionsPerDay",
      label: "sessions per day",
      min: 200,
      max: 2000,
      step: 100,
      value: 2000,
    },
    { kind: "range", name: "seed", label: "seed", min: 0, max: 100, step: 1, value: 42 },
  ],
  testParams: { epsilon: 0.5, days: 2, sessionsPerDay: 200, seed: 7 },
  run(params, progress) {
    const epsilon = num(params, "epsilon"), days = num(params, "days"), seed = num(params, "seed");
    const world = createWorld({ numUsers: 2000, numItems: 3000, numDays: 14 }, { seed });
    const sim = {
      days,
      sessionsPerDay: num(params, "sessionsPerDay"),
      feedSize: FEED_SIZE,
      numCandidates: NUM_CANDIDATES,
      seed: seed + 1,
    };
    const candidate = () => createPolicy("recencyFollowers");
    progress(1, 4);
    const shadow = shadowPolicy(
      epsilonGreedyPolicy(createPolicy("popularity"), { epsilon }),
      candidate(),
    );
    const log = simulateSessions(world, shadow.policy, sim);
    progress(2, 4);
    const truth = sessionMetrics(simulateSessions(world, candidate(), sim)).engagementsPerSession;
    progress(3, 4);
    const served = simulateSessions(world, createPolicy("popularity"), sim);
    const current = sessionMetrics(served).engagementsPerSession;
    const est = ipsEstimate(log.engaged, log.propensity, {
      targetProbabilities: shadowTargetProbabilities(log, shadow.feed()),
      clusters: log.sessionId,
    });
    const exploring = sessionMetrics(log).engagementsPerSession;
    progress(4, 4);
    const ips = FEED_SIZE * est.ips, se = FEED_SIZE * est.ipsStandardError;
    const figure = barChart([
      "current, served",
      `current, ε = ${epsilon}`,
      "new: IPS",
      "new: SNIPS",
    ], [{
      values: [current, exploring, ips, FEED_SIZE * est.snips],
      error: [0, 0, 1.96 * se, 1.96 * FEED_SIZE * est.snipsStandardError],
    }], {
      title: "Engagements per session: logged, and estimated for the new policy (95% intervals)",
      xTitle: "policy: how its value was obtained",
      yTitle: "engagements per session",
      hLines: [{ at: truth, label: "new policy served online" }],
    });
    const covers = Math.abs(ips - truth) <= 1.96 * se;
    return {
      figure: figure.toJSON(),
      numbers: [
        { key: "truth", label: "new policy, served online", value: truth, format: "fixed3" },
        { key: "ips", label: "IPS estimate", value: ips, format: "fixed3" },
        { key: "halfWidth", label: "95 % half-width", value: 1.96 * se, format: "fixed3" },
        {
          key: "ess",
          label: "effective sample (rows)",
          value: est.effectiveSampleSize,
          format: "integer",
        },
        {
          key: "cost",
          label: "engagement lost to exploration",
          value: 1 - exploring / current,
          format: "percent",
        },
      ],
      // Session s has the same user, day and time in both logs (the same simulation seed).
      summary: `The IPS interval ${covers ? "covers" : "misses"} the online value. ` +
        `Engagements per session: ${
          describeComparison(
            `exploring ${(100 * epsilon).toFixed(0)} % of sessions`,
            "the current policy",
            pairedComparison(perSession(log), perSession(served)),
          )
        }, paired by session.`,
    };
  },
};

/** Engagements in each session of a simulated log (session ids run 0, 1, …). */
function perSession(log: { engaged: ArrayLike<number>; sessionId: ArrayLike<number> }) {
  const sums = new Float64Array(log.sessionId[log.sessionId.length - 1] + 1);
  for (let r = 0; r < log.sessionId.length; r++) sums[log.sessionId[r]] += log.engaged[r];
  return sums;
}
