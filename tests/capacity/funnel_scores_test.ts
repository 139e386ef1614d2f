import assert from "node:assert/strict";
import fc from "fast-check";
import { funnelScores } from "@lib/capacity/mod.ts";
import { ndcgAtK } from "@lib/metrics/mod.ts";

const rankOf = (scores: ArrayLike<number>) =>
  Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);

Deno.test("funnelScores() re-ranks the cheap model's top keep by the heavy model", () => {
  // Cheap order: 3, 0, 4, 1, 2. Keep 3 → {3, 0, 4}, heavy order among them: 4, 0, 3.
  const cheap = [0.8, 0.3, 0.1, 0.9, 0.5];
  const heavy = [0.5, 0.99, 0.98, 0.2, 0.7];
  assert.deepEqual(rankOf(funnelScores(cheap, heavy, 3)), [4, 0, 3, 1, 2]);
});

Deno.test("funnelScores() is the cheap ranking at keep 0 and the heavy one at keep n", () => {
  const cheap = [0.8, 0.3, 0.1, 0.9, 0.5];
  const heavy = [0.5, 0.99, 0.98, 0.2, 0.7];
  assert.deepEqual(rankOf(funnelScores(cheap, heavy, 0)), rankOf(cheap));
  assert.deepEqual(rankOf(funnelScores(cheap, heavy, 5)), rankOf(heavy));
  assert.deepEqual(rankOf(funnelScores(cheap, heavy, 50)), rankOf(heavy));
});

Deno.test("funnelScores() breaks cheap ties by index and ignores non-survivors' heavy scores", () => {
  // All cheap scores tie: item 0 survives; survivors score heavy − lowest + 1, the rest −rank.
  assert.deepEqual([...funnelScores([1, 1, 1], [4, NaN, NaN], 1)], [1, -1, -2]);
});

Deno.test("funnelScores() with a perfect heavy model never loses NDCG as keep grows", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 2, maxLength: 40 }),
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
      (relevance, noise) => {
        const cheap = relevance.map((r, i) => r + noise[i]);
        let last = -Infinity;
        for (let keep = 0; keep <= relevance.length; keep++) {
          const ndcg = ndcgAtK(relevance, funnelScores(cheap, relevance, keep), { k: 5 });
          assert.ok(ndcg >= last - 1e-12);
          last = ndcg;
        }
        assert.ok(Math.abs(last - 1) < 1e-12);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("funnelScores() rejects invalid arguments", () => {
  const context = "Cannot compute funnel scores";
  assert.throws(() => funnelScores([1, 2], [1], 1), {
    name: "RangeError",
    message: `${context}: cheapScores and heavyScores must have the same length, got 2 and 1`,
  });
  assert.throws(() => funnelScores([1, 2], [1, 2], -1), {
    name: "RangeError",
    message: `${context}: keep must be at least 0, got -1`,
  });
  assert.throws(() => funnelScores([1, 2], [NaN, NaN], 1), {
    name: "RangeError",
    message: `${context}: heavyScores[1] must be finite for a survivor, got NaN`,
  });
  assert.throws(() => funnelScores([1, NaN], [1, 2], 1), {
    name: "RangeError",
    message: `${context}: cheapScores[1] must be finite, got NaN`,
  });
});
