import { createPolicy, createWorld, logFeatures, simulateSessions } from "@lib/world/mod.ts";

const world = createWorld({}, { seed: 1 });
const week = simulateSessions(world, createPolicy("popularity"), { days: 7, seed: 2 });

Deno.bench("createWorld() with the default sizes", () => {
  createWorld({}, { seed: 1 });
});

for (const kind of ["popularity", "random", "oracle"] as const) {
  Deno.bench(`simulateSessions() ${kind}: 30 days × 2,000 sessions × 20 posts`, { n: 3 }, () => {
    simulateSessions(world, createPolicy(kind), {
      days: 30,
      sessionsPerDay: 2000,
      feedSize: 20,
      seed: 2,
    });
  });
}

Deno.bench("logFeatures() of 7 days (280,000 rows)", { n: 3 }, () => {
  logFeatures(world, week);
});
