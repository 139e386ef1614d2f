import assert from "node:assert/strict";
import {
  experimentDuration,
  sampleSizeForMeans,
  sampleSizeForProportions,
} from "@lib/experiment/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// Standard normal quantiles (e.g. Abramowitz & Stegun table 26.5):
const z975 = 1.959963984540054, z95 = 1.6448536269514722, z80 = 0.8416212335729143;

Deno.test("sampleSizeForProportions() follows the textbook formula for 10% → 12%", () => {
  // n = (z_{0.975} + z_{0.80})² · (p1(1−p1) + p2(1−p2)) / (p1 − p2)²
  //   = (1.959964 + 0.841621)² · (0.09 + 0.1056) / 0.0004 = 7.848880 · 489 = 3838.10 → 3839
  const exact = (z975 + z80) ** 2 * (0.1 * 0.9 + 0.12 * 0.88) / 0.02 ** 2;
  assertClose(exact, 3838.1022, { abs: 1e-3 });
  assert.deepEqual(sampleSizeForProportions(0.1, 0.12), {
    control: 3839,
    treatment: 3839,
    total: 7678,
  });
  // The formula is symmetric in the direction of the change.
  assert.deepEqual(sampleSizeForProportions(0.12, 0.1), {
    control: 3839,
    treatment: 3839,
    total: 7678,
  });
});

Deno.test("sampleSizeForProportions() handles one-sided tests and unequal allocation", () => {
  // One-sided: (1.644854 + 0.841621)² · 0.1956 / 0.0004 = 3023.27 → 3024
  assert.equal(sampleSizeForProportions(0.1, 0.12, { alternative: "greater" }).control, 3024);
  assert.equal(sampleSizeForProportions(0.12, 0.1, { alternative: "less" }).control, 3024);
  assertClose((z95 + z80) ** 2 * 0.1956 / 0.0004, 3023.27, { abs: 0.01 });
  // ratio 2: n_c = 7.848880 · (0.09 + 0.1056/2) / 0.0004 = 2802.05 → 2803, n_t = 5604.1 → 5605
  const r = sampleSizeForProportions(0.1, 0.12, { ratio: 2 });
  assert.deepEqual(r, { control: 2803, treatment: 5605, total: 8408 });
  // power 0.9: z_{0.9} = 1.281552 → (3.241516)² · 489 = 5138.0 → 5139
  assert.equal(sampleSizeForProportions(0.1, 0.12, { power: 0.9 }).control, 5139);
});

Deno.test("sampleSizeForMeans() gives 393 per arm for Cohen's d = 0.2", () => {
  // 2 · (1.959964 + 0.841621)² / 0.2² = 392.44 → 393 (G*Power's t-based answer is 394)
  assert.deepEqual(sampleSizeForMeans(1, 0.2), { control: 393, treatment: 393, total: 786 });
  // Scale invariance: sd 10, mde 2 is the same design.
  assert.deepEqual(sampleSizeForMeans(10, 2), sampleSizeForMeans(1, 0.2));
  // ratio 3: n_c = 7.848880 · (1 + 1/3) / 0.04 = 261.63 → 262, n_t = 784.9 → 785
  assert.deepEqual(sampleSizeForMeans(1, 0.2, { ratio: 3 }), {
    control: 262,
    treatment: 785,
    total: 1047,
  });
});

Deno.test("sampleSizeForProportions() rejects bad rates and directions", () => {
  const context = "Cannot compute sampleSizeForProportions:";
  assert.throws(() => sampleSizeForProportions(0, 0.1), {
    name: "RangeError",
    message: `${context} baselineRate must be strictly between 0 and 1, got 0`,
  });
  assert.throws(
    () => sampleSizeForProportions(0.1, 1),
    /treatmentRate must be strictly between 0 and 1, got 1/,
  );
  assert.throws(() => sampleSizeForProportions(0.1, 0.1), {
    name: "RangeError",
    message: `${context} treatmentRate must differ from baselineRate, both are 0.1`,
  });
  assert.throws(
    () => sampleSizeForProportions(0.12, 0.1, { alternative: "greater" }),
    /alternative "greater" needs treatmentRate > baselineRate/,
  );
  assert.throws(
    () => sampleSizeForProportions(0.1, 0.12, { alternative: "less" }),
    /alternative "less" needs treatmentRate < baselineRate/,
  );
});

Deno.test("sampleSizeForProportions() rejects alpha, power and ratio out of range", () => {
  for (const alpha of [0, 1, -0.5]) {
    assert.throws(
      () => sampleSizeForProportions(0.1, 0.12, { alpha }),
      /alpha must be strictly between 0 and 1/,
    );
  }
  for (const power of [0, 1, 1.2]) {
    assert.throws(
      () => sampleSizeForProportions(0.1, 0.12, { power }),
      {
        name: "RangeError",
        message:
          `Cannot compute sampleSizeForProportions: power must be strictly between 0 and 1, got ${power}`,
      },
    );
  }
  assert.throws(
    () => sampleSizeForProportions(0.1, 0.12, { power: 0.04 }),
    /power must be greater than alpha, got power=0.04, alpha=0.05/,
  );
  assert.throws(
    () => sampleSizeForProportions(0.1, 0.12, { ratio: 0 }),
    /ratio must be positive, got 0/,
  );
});

Deno.test("sampleSizeForMeans() rejects negative effect sizes and non-positive sd", () => {
  assert.throws(() => sampleSizeForMeans(1, -0.2), {
    name: "RangeError",
    message:
      "Cannot compute sampleSizeForMeans: mde must be positive (an absolute difference), got -0.2",
  });
  assert.throws(() => sampleSizeForMeans(1, 0), /mde must be positive/);
  assert.throws(() => sampleSizeForMeans(0, 0.2), /sd must be positive, got 0/);
  assert.throws(
    () => sampleSizeForMeans(1, 0.2, { power: 1 }),
    /power must be strictly between 0 and 1, got 1/,
  );
});

Deno.test("experimentDuration() divides users by daily traffic and can round to weeks", () => {
  assert.deepEqual(experimentDuration(7678, 1000), {
    days: 8,
    usersPerDay: 1000,
    totalUsers: 7678,
  });
  assert.equal(experimentDuration(7678, 1000, { trafficFraction: 0.5 }).days, 16);
  assert.equal(experimentDuration(7678, 1000, { trafficFraction: 0.5, wholeWeeks: true }).days, 21);
  assert.equal(experimentDuration(7000, 1000, { wholeWeeks: true }).days, 7);
  assert.equal(experimentDuration(1, 1e6).days, 1);
});

Deno.test("experimentDuration() rejects bad traffic", () => {
  assert.throws(() => experimentDuration(0, 100), {
    name: "RangeError",
    message: "Cannot compute experimentDuration: totalUsers must be at least 1, got 0",
  });
  assert.throws(() => experimentDuration(100, 0), /dailyUsers must be positive, got 0/);
  assert.throws(
    () => experimentDuration(100, 10, { trafficFraction: 1.5 }),
    /trafficFraction must be in \(0, 1\], got 1.5/,
  );
  assert.throws(
    () => experimentDuration(100, 10, { trafficFraction: 0 }),
    /trafficFraction must be in \(0, 1\], got 0/,
  );
});
