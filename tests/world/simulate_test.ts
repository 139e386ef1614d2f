import assert from "node:assert/strict";
import {
  createPolicy,
  createWorld,
  examinationProbability,
  type Policy,
  replayHistory,
  simulateSessions,
  trueEngagementProbability,
} from "@lib/world/mod.ts";
import { smallLog, smallWorld } from "./_fixtures.ts";

const COLUMNS = [
  "sessionId",
  "day",
  "hour",
  "weekday",
  "time",
  "userId",
  "itemId",
  "position",
  "device",
  "engaged",
  "dwellSeconds",
  "liked",
  "propensity",
] as const; // deno-fmt-ignore

Deno.test("simulateSessions() gives identical logs for one seed and different logs for two", () => {
  const world = smallWorld();
  const a = smallLog(world, { seed: 5 }), b = smallLog(world, { seed: 5 });
  const c = smallLog(world, { seed: 6 });
  for (const name of COLUMNS) assert.deepEqual(a[name], b[name], name);
  assert.notDeepEqual(a.userId, c.userId);
  assert.notDeepEqual(a.engaged, c.engaged);
});

Deno.test("simulateSessions() logs contiguous sessions in time order with positions 0 … feedSize−1", () => {
  const world = smallWorld();
  const log = smallLog(world);
  assert.equal(log.numRows, 3 * 100 * 10);
  assert.equal(log.numSessions, 300);
  for (let r = 0; r < log.numRows; r++) {
    assert.equal(log.sessionId[r], Math.floor(r / 10));
    assert.equal(log.position[r], r % 10);
    if (r > 0) assert.ok(log.time[r] >= log.time[r - 1]);
    assert.equal(log.day[r], Math.floor(log.time[r] / 24));
    assert.equal(log.hour[r], Math.floor(log.time[r] - 24 * log.day[r]));
    assert.equal(log.weekday[r], log.day[r] % 7);
    // Shown posts exist and are at most itemLifetimeDays old.
    const age = log.time[r] - world.items.createdAt[log.itemId[r]];
    assert.ok(age >= 0 && age <= world.itemLifetimeDays * 24);
    // Users only have sessions after signing up.
    assert.ok(world.users.signupDay[log.userId[r]] <= log.day[r]);
    if (!log.engaged[r]) assert.equal(log.dwellSeconds[r] + log.liked[r], 0);
    else assert.ok(log.dwellSeconds[r] > 0);
  }
});

Deno.test("simulateSessions() engagement rate matches the mean true probability within binomial error", () => {
  const world = createWorld({}, { seed: 21 });
  const log = simulateSessions(world, createPolicy("recencyFollowers"), {
    days: 4,
    sessionsPerDay: 1000,
    seed: 22,
  });
  const relevance = trueEngagementProbability(world, log);
  const theta = examinationProbability(world, log.feedSize);
  let expected = 0, variance = 0, observed = 0;
  for (let r = 0; r < log.numRows; r++) {
    const p = theta[log.position[r]] * relevance[r];
    expected += p;
    variance += p * (1 - p);
    observed += log.engaged[r];
  }
  // A sum of independent Bernoulli draws: mean Σp, variance Σp(1−p); allow 4 standard errors.
  const se = Math.sqrt(variance);
  assert.ok(
    Math.abs(observed - expected) < 4 * se,
    `observed ${observed}, expected ${expected} ± ${se}`,
  );
});

Deno.test("simulateSessions() shows position bias: CTR falls with position as θ_p = (p + 1)^−η", () => {
  const world = createWorld({ positionBiasPower: 1 }, { seed: 31 });
  // A random policy makes relevance independent of position, so CTR(p) ∝ θ_p.
  const log = simulateSessions(world, createPolicy("random"), {
    days: 5,
    sessionsPerDay: 2000,
    feedSize: 10,
    seed: 32,
  });
  const relevance = trueEngagementProbability(world, log);
  const clicks = new Float64Array(10), impressions = new Float64Array(10);
  const expected = new Float64Array(10), variance = new Float64Array(10);
  for (let r = 0; r < log.numRows; r++) {
    const p = log.position[r], prob = relevance[r] / (p + 1);
    clicks[p] += log.engaged[r];
    impressions[p]++;
    expected[p] += prob;
    variance[p] += prob * (1 - prob);
  }
  for (let p = 0; p < 10; p++) {
    const se = Math.sqrt(variance[p]);
    assert.ok(
      Math.abs(clicks[p] - expected[p]) < 4 * se,
      `position ${p}: ${clicks[p]} vs ${expected[p]} ± ${se}`,
    );
  }
  const ctr = Array.from(clicks, (c, p) => c / impressions[p]);
  // With η = 1, CTR(0) / CTR(1) ≈ 2 and CTR(0) / CTR(9) ≈ 10.
  assert.ok(ctr[0] / ctr[1] > 1.7 && ctr[0] / ctr[1] < 2.3, `ratio ${ctr[0] / ctr[1]}`);
  assert.ok(ctr[0] / ctr[9] > 7, `ratio ${ctr[0] / ctr[9]}`);
});

Deno.test("simulateSessions() without position bias gives flat CTR under a random policy", () => {
  const world = createWorld({ positionBiasPower: 0 }, { seed: 31 });
  const log = simulateSessions(world, createPolicy("random"), {
    days: 3,
    sessionsPerDay: 2000,
    feedSize: 2,
    seed: 32,
  });
  const ctr = [0, 1].map((p) => {
    let c = 0, n = 0;
    for (let r = p; r < log.numRows; r += 2) (c += log.engaged[r]), n++;
    return c / n;
  });
  // Two rates near 0.1 from 6000 impressions each: SE of the difference ≈ √(2·0.09/6000) ≈ 0.0055.
  assert.ok(Math.abs(ctr[0] - ctr[1]) < 0.022, `${ctr}`);
});

Deno.test("simulateSessions() popularity feedback loop concentrates impressions on few posts", () => {
  const world = smallWorld(3);
  const options = { days: 6, sessionsPerDay: 300, feedSize: 10, numCandidates: 60, seed: 4 };
  const topShare = (policy: Policy) => {
    const log = simulateSessions(world, policy, options);
    const counts = new Float64Array(world.numItems);
    for (let r = 0; r < log.numRows; r++) if (log.position[r] < 3) counts[log.itemId[r]]++;
    const sorted = Array.from(counts).sort((a, b) => b - a);
    const top = sorted.slice(0, Math.round(0.05 * world.numItems)).reduce((s, v) => s + v, 0);
    return top / sorted.reduce((s, v) => s + v, 0);
  };
  const popular = topShare(createPolicy("popularity")), random = topShare(createPolicy("random"));
  assert.ok(popular > random + 0.1, `top-5 % share of top-3 impressions: ${popular} vs ${random}`);
});

Deno.test("simulateSessions() gives two policies the same traffic for one seed", () => {
  const world = smallWorld();
  const a = smallLog(world, { seed: 8 });
  const b = simulateSessions(world, createPolicy("random"), {
    days: 3,
    sessionsPerDay: 100,
    feedSize: 10,
    numCandidates: 40,
    seed: 8,
  }); // deno-fmt-ignore
  assert.deepEqual(a.userId, b.userId);
  assert.deepEqual(a.time, b.time);
  assert.deepEqual(a.device, b.device);
  assert.notDeepEqual(a.itemId, b.itemId);
});

Deno.test("simulateSessions() continues from startDay with a given history, leaving it unchanged", () => {
  const world = smallWorld();
  const first = smallLog(world, { days: 2 });
  const history = replayHistory(world, first);
  const before = structuredClone(history);
  const policy = createPolicy("popularity");
  const seen: number[] = [];
  const spy: Policy = (w, u, c, ctx, rng) => {
    seen.push(ctx.history.totals[0]);
    return policy(w, u, c, ctx, rng);
  };
  const next = simulateSessions(world, spy, {
    startDay: 2,
    days: 1,
    sessionsPerDay: 50,
    feedSize: 10,
    numCandidates: 40,
    seed: 3,
    history,
  }); // deno-fmt-ignore
  assert.deepEqual(history, before);
  assert.equal(seen[0], first.numRows);
  assert.equal(seen[1], first.numRows + 10);
  assert.ok(next.day.every((d) => d === 2));
});

Deno.test("simulateSessions() logs the propensities a policy reports and NaN otherwise", () => {
  const world = smallWorld();
  const random = smallLog(world);
  assert.ok(random.propensity.every((p) => p === 1), "deterministic policies report 1");
  const silent: Policy = (_w, _u, candidates) => candidates.slice();
  const log = simulateSessions(world, silent, {
    days: 1,
    sessionsPerDay: 5,
    feedSize: 3,
    numCandidates: 5,
    seed: 1,
  });
  assert.ok(log.propensity.every(Number.isNaN));
});
