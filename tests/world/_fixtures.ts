import {
  createPolicy,
  createWorld,
  type ImpressionLog,
  type SimulateOptions,
  simulateSessions,
  type World,
} from "@lib/world/mod.ts";

/** A small world that simulates in milliseconds. */
export function smallWorld(seed = 1): World {
  return createWorld({ numUsers: 300, numAuthors: 40, numItems: 1500, numDays: 10 }, { seed });
}

/** A short popularity-policy log of `smallWorld()`. */
export function smallLog(world: World, options: Partial<SimulateOptions> = {}): ImpressionLog {
  return simulateSessions(world, createPolicy("popularity"), {
    days: 3,
    sessionsPerDay: 100,
    feedSize: 10,
    numCandidates: 40,
    seed: 11,
    ...options,
  });
}
