import assert from "node:assert/strict";
import { findPlateau } from "@lib/curves/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// A saturating accuracy curve m(n) = 0.9 − 0.5·e^(−n/100) at n = 100 … 1000. The best is at
// n = 1000: m* = 0.9 − 0.5·e^(−10). The remaining gain at n = 100k is 0.5·(e^(−k) − e^(−10)):
// k = 3: 0.02487, k = 4: 0.00914, k = 5: 0.00335.
const sizes = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];
const scores = sizes.map((n) => 0.9 - 0.5 * Math.exp(-n / 100));

Deno.test("findPlateau() finds the known plateau of a saturating curve (absolute gain)", () => {
  const p = findPlateau(sizes, scores, { tolerance: 0.01 });
  assert.equal(p.found, true);
  assert.equal(p.index, 3);
  assert.equal(p.size, 400);
  assertClose(p.remainingGain!, 0.5 * (Math.exp(-4) - Math.exp(-10)));
  assert.equal(p.bestSize, 1000);
  assert.match(p.reason, /from size 400 on/);
  // Tolerance 0.02 lies between the gains at k = 3 (0.0249) and k = 4: still 400; 0.03 gives 300.
  assert.equal(findPlateau(sizes, scores, { tolerance: 0.02 }).size, 400);
  assert.equal(findPlateau(sizes, scores, { tolerance: 0.03 }).size, 300);
});

Deno.test("findPlateau() with a relative gain divides by the best score", () => {
  // Relative tolerance 0.01 allows an absolute gain of 0.01 · 0.89998 = 0.0090: k = 4 (0.00914)
  // fails, k = 5 (0.00335) passes.
  assert.equal(findPlateau(sizes, scores, { tolerance: 0.01, gain: "relative" }).size, 500);
});

Deno.test("findPlateau() on a loss curve with direction 'minimize'", () => {
  // Loss 0.2 + 1/n at n = 1, 2, 4, 8, 16, 32: the best is 0.23125 at 32; the gain at n is
  // 1/n − 1/32: n = 8 gives 0.09375 ≤ 0.1, n = 4 gives 0.21875.
  const n = [1, 2, 4, 8, 16, 32];
  const p = findPlateau(n, n.map((v) => 0.2 + 1 / v), { tolerance: 0.1, direction: "minimize" });
  assert.equal(p.size, 8);
});

Deno.test("findPlateau() measures the gain to the best score even when it is not the last", () => {
  // Noisy curve: the best (0.85) is at size 300; 0.84 at 200 is within 0.02 of it.
  const p = findPlateau([100, 200, 300, 400], [0.7, 0.84, 0.85, 0.83], { tolerance: 0.02 });
  assert.deepEqual([p.size, p.bestSize, p.bestScore], [200, 300, 0.85]);
});

Deno.test("findPlateau() counts a gain equal to the tolerance as levelled off", () => {
  // The plateau is the smallest i with g_i ≤ tolerance: with tolerance 0 a flat tail of equal
  // scores is a plateau from its first size (gain exactly 0).
  const p = findPlateau([10, 20, 40, 80], [0.5, 0.8, 0.8, 0.8], { tolerance: 0 });
  assert.deepEqual([p.found, p.index, p.size, p.remainingGain], [true, 1, 20, 0]);
});

Deno.test("findPlateau() reports no plateau with a reason when the curve still rises", () => {
  const p = findPlateau([10, 20, 40], [0.5, 0.6, 0.7], { tolerance: 0.05 });
  assert.equal(p.found, false);
  assert.equal(p.size, undefined);
  assert.equal(p.index, undefined);
  assert.equal(
    p.reason,
    "no plateau: every size below 40 is more than 0.05 (absolute) worse than its score 0.7; " +
      "the curve is still improving",
  );
  const one = findPlateau([10], [0.5], { tolerance: 0.05 });
  assert.equal(one.found, false);
  assert.equal(one.reason, "a plateau needs at least two sizes");
});

Deno.test("findPlateau() rejects bad input", () => {
  const context = "Cannot find a plateau";
  assert.throws(
    () => findPlateau([1, 2], [0.5], { tolerance: 0.1 }),
    new RangeError(`${context}: sizes and scores must have the same length, got 2 and 1`),
  );
  assert.throws(
    () => findPlateau([2, 1], [0.5, 0.6], { tolerance: 0.1 }),
    new RangeError(`${context}: sizes must be strictly increasing, got 2 then 1`),
  );
  assert.throws(
    () => findPlateau([1, 2], [0.5, NaN], { tolerance: 0.1 }),
    new RangeError(`${context}: scores[1] must be finite, got NaN`),
  );
  assert.throws(
    () => findPlateau([1, 2], [0.5, 0.6], { tolerance: -0.1 }),
    new RangeError(`${context}: tolerance must be at least 0, got -0.1`),
  );
  assert.throws(
    () => findPlateau([1, 2], [0, -0.5], { tolerance: 0.1, gain: "relative" }),
    new RangeError(`${context}: a relative gain needs a non-zero best score, got 0`),
  );
  assert.throws(
    () => findPlateau([1, 2], [0, 1], { tolerance: 0.1, direction: "max" as "maximize" }),
    /direction must be one of "maximize", "minimize", got "max"/,
  );
});
