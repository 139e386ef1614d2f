import assert from "node:assert/strict";
import { simulateRankerComparison, teamDraftInterleave } from "@lib/experiment/mod.ts";
import { createRng, type Rng } from "@lib/random/mod.ts";

/** A coin that returns the given sequence of uniforms. */
const coins = (values: number[]): Rng => ({ random: () => values.shift()! }) as unknown as Rng;

Deno.test("teamDraftInterleave() follows the draft rounds of Radlinski et al. (2008), worked by hand", () => {
  // A = (a, b, c, d), B = (b, e, a, f). Round 1: the coin gives A first (u < ½): A picks a,
  // then B picks b. Round 2: the coin gives B first: B picks e, A picks c. List a b e c.
  const r = teamDraftInterleave(["a", "b", "c", "d"], ["b", "e", "a", "f"], 4, coins([0.2, 0.9]));
  assert.deepEqual(r.items, ["a", "b", "e", "c"]);
  assert.deepEqual(r.teams, ["A", "B", "B", "A"]);
});

Deno.test("teamDraftInterleave() keeps the teams balanced and picks each ranker's best unused item", () => {
  const rng = createRng(3);
  for (let trial = 0; trial < 200; trial++) {
    const a = Array.from({ length: 10 }, (_, i) => i);
    const b = [...a].sort(() => rng.random() - 0.5);
    const r = teamDraftInterleave(a, b, 8, rng);
    assert.equal(new Set(r.items).size, r.items.length);
    let nA = 0, nB = 0;
    r.items.forEach((item, k) => {
      r.teams[k] === "A" ? nA++ : nB++;
      assert.ok(Math.abs(nA - nB) <= 1 || k % 2 === 0);
      const ranking = r.teams[k] === "A" ? a : b;
      const best = ranking.find((x) => !r.items.slice(0, k).includes(x));
      assert.equal(item, best);
    });
    assert.equal(nA, 4); // 8 picks: 4 each
  }
  // Identical rankings give the ranking itself.
  assert.deepEqual(teamDraftInterleave([1, 2, 3], [1, 2, 3], 3, rng).items, [1, 2, 3]);
  // Short rankings end the list early.
  assert.equal(teamDraftInterleave([1], [1], 3, rng).items.length, 1);
});

Deno.test("simulateRankerComparison() finds the better ranker more often by interleaving", () => {
  const r = simulateRankerComparison({ queryCounts: [400, 1600], repeats: 30 }, { seed: 5 });
  assert.ok(r.interleavingPower[1] > r.abPower[1] + 0.15, JSON.stringify(r));
  assert.ok(r.clicksPerQuery.b > r.clicksPerQuery.a && r.preference.b > r.preference.a);
  assert.equal(r.abStatistics[1].length, 30);
  const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
  assert.ok(mean(r.interleavingStatistics[1]) > mean(r.abStatistics[1]) + 0.5);
  // The statistics grow like √queries: ×4 queries, about ×2 the mean statistic.
  const growth = mean(r.interleavingStatistics[1]) / mean(r.interleavingStatistics[0]);
  assert.ok(growth > 1.5 && growth < 2.6, `growth ${growth}`);
  // With equal rankers neither test should detect a "better" B beyond chance.
  const aa = simulateRankerComparison(
    { queryCounts: [800], repeats: 60, qualityB: 1 },
    { seed: 6 },
  );
  assert.ok(aa.interleavingPower[0] <= 0.1 && aa.abPower[0] <= 0.1, JSON.stringify(aa));
});

Deno.test("teamDraftInterleave() and simulateRankerComparison() validate their input", () => {
  const rng = createRng(1);
  assert.throws(() => teamDraftInterleave([1, 1], [1, 2], 2, rng), {
    name: "RangeError",
    message: "Cannot run teamDraftInterleave: rankingA must not repeat an item",
  });
  assert.throws(() => teamDraftInterleave([1], [1], 0, rng), RangeError);
  assert.throws(() => teamDraftInterleave("ab" as never, [1], 1, rng), TypeError);
  assert.throws(() => simulateRankerComparison({ queryCounts: [100, 50] }, { seed: 1 }), {
    name: "RangeError",
    message: "Cannot run simulateRankerComparison: queryCounts must be ascending, got 100,50",
  });
  assert.throws(() => simulateRankerComparison({ shown: 30 }, { seed: 1 }), RangeError);
  assert.throws(() => simulateRankerComparison({ relevantShare: 1 }, { seed: 1 }), RangeError);
});
