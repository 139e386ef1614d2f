import type { Rng } from "../random/mod.ts";
import { raise } from "../_shared/validate.ts";
import { eligibleRange, sampleRange } from "./_traffic.ts";
import { type History, recordImpression } from "./history.ts";
import type { ImpressionLog } from "./log.ts";
import type { Policy, SessionContext } from "./policy.ts";
import { truthKernel } from "./_kernel.ts";
import { examinationProbability } from "./truth.ts";
import type { World } from "./types.ts";

/** Everything a simulation keeps between sessions: buffers, streams, counters. */
export interface Simulation {
  readonly world: World;
  readonly policy: Policy;
  readonly log: ImpressionLog;
  readonly history: History;
  readonly feedSize: number;
  readonly numCandidates: number;
  readonly rngs: { traffic: Rng; policy: Rng; outcome: Rng; reaction: Rng };
  readonly kernel: ReturnType<typeof truthKernel>;
  readonly examination: Float64Array;
  readonly candidateStamp: Int32Array;
  readonly shownStamp: Int32Array;
  readonly scratch: Int32Array;
  readonly candidates: Int32Array;
  readonly propensity: Float64Array;
  readonly context: string;
}

/** Allocates the buffers of a simulation. */
export function createSimulation(
  fields: Pick<Simulation, "world" | "policy" | "log" | "history" | "rngs" | "context"> & {
    feedSize: number;
    numCandidates: number;
  },
): Simulation {
  const { world, feedSize, numCandidates } = fields;
  return {
    ...fields,
    kernel: truthKernel(world),
    examination: examinationProbability(world, feedSize),
    candidateStamp: new Int32Array(world.numItems).fill(-1),
    shownStamp: new Int32Array(world.numItems).fill(-1),
    scratch: new Int32Array(world.numItems),
    candidates: new Int32Array(numCandidates),
    propensity: new Float64Array(feedSize),
  };
}

/**
 * Serves one session: draws candidates, lets the policy rank them, draws the
 * user's reactions into the log from row `row`, then updates the counters.
 */
export function serveSession(
  sim: Simulation,
  sessionId: number,
  day: number,
  time: number,
  user: number,
  device: number,
  row: number,
): void {
  const { world, log, feedSize, kernel, rngs, candidateStamp, shownStamp, propensity } = sim;
  const hour = Math.floor(time - day * 24), weekday = day % 7;
  const [start, end] = eligibleRange(world, time);
  if (end - start < feedSize) {
    raise(
      "range",
      sim.context,
      `only ${end - start} posts are eligible on day ${day} at hour ${hour}, fewer than ` +
        `feedSize=${feedSize}; raise numItems or itemLifetimeDays`,
    );
  }
  const k = Math.min(sim.numCandidates, end - start);
  const candidates = k === sim.numCandidates ? sim.candidates : sim.candidates.subarray(0, k);
  sampleRange(start, end, k, rngs.traffic, candidateStamp, sessionId, sim.scratch, candidates);
  for (let j = 0; j < k; j++) candidateStamp[candidates[j]] = sessionId;
  propensity.fill(NaN);
  const history = sim.history;
  const context: SessionContext = {
    sessionId,
    day,
    hour,
    weekday,
    time,
    device,
    feedSize,
    history,
    propensity,
  };
  const ranked = sim.policy(world, user, candidates, context, rngs.policy);
  if (ranked == null || !(ranked.length >= feedSize)) {
    raise(
      "range",
      sim.context,
      `the policy must return at least feedSize=${feedSize} item ids, got ${ranked?.length} in session ${sessionId}`,
    );
  }
  const contextLogit = kernel.context(user, hour, weekday, device);
  for (let p = 0; p < feedSize; p++) {
    const item = ranked[p], r = row + p;
    if (candidateStamp[item] !== sessionId) {
      raise(
        "range",
        sim.context,
        `the policy returned ${item} in session ${sessionId}, which is not a candidate`,
      );
    }
    if (shownStamp[item] === sessionId) {
      raise("range", sim.context, `the policy returned item ${item} twice in session ${sessionId}`);
    }
    shownStamp[item] = sessionId;
    const logit = contextLogit + kernel.item(user, item, time);
    log.sessionId[r] = sessionId;
    log.day[r] = day;
    log.hour[r] = hour;
    log.weekday[r] = weekday;
    log.time[r] = time;
    log.userId[r] = user;
    log.itemId[r] = item;
    log.position[r] = p;
    log.device[r] = device;
    log.propensity[r] = propensity[p];
    if (rngs.outcome.random() < sim.examination[p] / (1 + Math.exp(-logit))) {
      log.engaged[r] = 1;
      const quality = world.truth.itemQuality[item];
      log.dwellSeconds[r] = Math.exp(rngs.reaction.normal(2.7 + 0.5 * quality, 0.6));
      log.liked[r] = rngs.reaction.random() < 1 / (1 + Math.exp(-(logit + 1.5))) ? 1 : 0;
    }
  }
  for (let r = row; r < row + feedSize; r++) {
    recordImpression(world, history, user, log.itemId[r], log.position[r], log.engaged[r]);
  }
}
