import assert from "node:assert/strict";
import { equalLooks, groupSequentialBoundaries, sequentialDecision } from "@lib/experiment/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("groupSequentialBoundaries() reproduces the O'Brien–Fleming-type Lan–DeMets table", () => {
  // Five equally spaced looks, two-sided α = 0.05 (α/2 per side): gsDesign sfLDOF and
  // Reboussin et al. (2000) ld98 give 4.8769, 3.3569, 2.6803, 2.2898, 2.0310.
  const d = groupSequentialBoundaries(equalLooks(5));
  assertClose(d.boundaries, [4.8769, 3.3569, 2.6803, 2.2898, 2.0310], { abs: 3e-4 });
  // Spending per side: α₁(t) = 2(1 − Φ(z_{0.9875}/√t));
  // α₁(0.2) = 2(1 − Φ(5.0119)) = 5.39e-7.
  assertClose(d.cumulativeAlpha[0], 2 * 5.389e-7, { rel: 1e-3 });
  assertClose(d.cumulativeAlpha[4], 0.05, { abs: 1e-12 });
  assertClose(d.nominalAlpha[4], 0.04225, { abs: 1e-5 });
  assert.equal(d.spending, "obrien-fleming");
});

Deno.test("groupSequentialBoundaries() reproduces Pocock-type spending boundaries", () => {
  // α₁(t) = α₁ ln(1 + (e − 1)t); DeMets & Lan (1994), table: 2.44, 2.43, 2.41, 2.40, 2.39.
  const d = groupSequentialBoundaries(equalLooks(5), { spending: "pocock" });
  assertClose(d.boundaries, [2.438, 2.427, 2.41, 2.397, 2.386], { abs: 1e-3 });
});

Deno.test("groupSequentialBoundaries() with one look is the fixed-horizon test", () => {
  assertClose(groupSequentialBoundaries([1]).boundaries[0], 1.959963984540054, { abs: 1e-9 });
  assertClose(
    groupSequentialBoundaries([1], { alternative: "greater" }).boundaries[0],
    1.6448536269514722,
    { abs: 1e-9 },
  );
});

Deno.test("groupSequentialBoundaries() one-sided at α matches two-sided at 2α", () => {
  const one = groupSequentialBoundaries(equalLooks(4), { alpha: 0.025, alternative: "less" });
  const two = groupSequentialBoundaries(equalLooks(4), { alpha: 0.05 });
  assertClose(one.boundaries, two.boundaries, { abs: 1e-4 });
  assertClose(one.nominalAlpha, two.nominalAlpha.map((a) => a / 2), { abs: 1e-6 });
});

Deno.test("groupSequentialBoundaries() holds alpha for Brownian-motion paths (Monte Carlo)", () => {
  // 20,000 simulated null paths Z_k = S_k/√t_k over 10 looks; SE of the rate ≈ 0.0015.
  const looks = equalLooks(10), d = groupSequentialBoundaries(looks);
  const rng = createRng(2024);
  let crossed = 0, naive = 0;
  for (let e = 0; e < 20000; e++) {
    let s = 0, hitNaive = false;
    for (let k = 0; k < looks.length; k++) {
      s += rng.normal(0, Math.sqrt(0.1));
      const z = s / Math.sqrt(looks[k]);
      if (!hitNaive && Math.abs(z) >= 1.959964) hitNaive = true;
      if (Math.abs(z) >= d.boundaries[k]) {
        crossed++;
        break;
      }
    }
    if (hitNaive) naive++;
  }
  assertClose(crossed / 20000, 0.05, { abs: 0.005 });
  // Armitage, McPherson & Rowe (1969): 10 looks at nominal 0.05 give about 0.19.
  assertClose(naive / 20000, 0.193, { abs: 0.015 });
});

Deno.test("groupSequentialBoundaries() handles many looks and unequal spacing", () => {
  const d = groupSequentialBoundaries(equalLooks(40));
  assert.ok(d.boundaries.every((c, k) => k === 0 || c < d.boundaries[k - 1]));
  // 2.155: the more looks, the higher the last boundary.
  assert.ok(d.boundaries[39] > 2.1 && d.boundaries[39] < 2.2);
  const u = groupSequentialBoundaries([0.1, 0.5, 1]);
  assert.ok(u.boundaries[0] > 6 && u.boundaries[2] < 2);
  const partial = groupSequentialBoundaries([0.25, 0.5]); // monitoring stopped at half the info
  assert.ok(partial.cumulativeAlpha[1] < 0.05);
});

Deno.test("sequentialDecision() stops at the first crossing", () => {
  const d = groupSequentialBoundaries(equalLooks(5));
  assert.deepEqual(sequentialDecision([1, 2.5, 2.8], d), { rejected: true, stoppedAt: 2 });
  assert.deepEqual(sequentialDecision([-5, 0], d), { rejected: true, stoppedAt: 0 });
  assert.deepEqual(sequentialDecision([1, 2, 2.5, 2.2, 2.0], d), {
    rejected: false,
    stoppedAt: null,
  });
  assert.deepEqual(sequentialDecision([], d), { rejected: false, stoppedAt: null });
  const greater = groupSequentialBoundaries(equalLooks(2), { alternative: "greater" });
  assert.equal(sequentialDecision([-9, -9], greater).rejected, false);
  const less = groupSequentialBoundaries(equalLooks(2), { alternative: "less" });
  assert.equal(sequentialDecision([-9], less).rejected, true);
});

Deno.test("groupSequentialBoundaries() and sequentialDecision() reject bad input", () => {
  const context = "Cannot compute groupSequentialBoundaries:";
  assert.throws(() => groupSequentialBoundaries([]), {
    name: "RangeError",
    message: `${context} informationFractions must not be empty`,
  });
  assert.throws(() => groupSequentialBoundaries([0.5, 0.5]), {
    name: "RangeError",
    message: `${context} informationFractions must be strictly increasing, got 0.5 then 0.5`,
  });
  assert.throws(
    () => groupSequentialBoundaries([0, 1]),
    /informationFractions\[0\] must be in \(0, 1\], got 0/,
  );
  assert.throws(
    () => groupSequentialBoundaries([0.5, 1.2]),
    /informationFractions\[1\] must be in \(0, 1\], got 1.2/,
  );
  assert.throws(
    () => groupSequentialBoundaries([1], { alpha: 1 }),
    /alpha must be strictly between 0 and 1, got 1/,
  );
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => groupSequentialBoundaries([1], { spending: "haybittle" as any }),
    /spending must be one of/,
  );
  assert.throws(() => equalLooks(0), /looks must be at least 1, got 0/);
  const d = groupSequentialBoundaries(equalLooks(2));
  assert.throws(() => sequentialDecision([1, 2, 3], d), {
    name: "RangeError",
    message: "Cannot apply sequentialDecision: got 3 z statistics for a design of 2 looks",
  });
});
