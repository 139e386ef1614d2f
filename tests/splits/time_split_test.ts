import assert from "node:assert/strict";
import fc from "fast-check";
import { splitSizes, timeSplit } from "@lib/splits/mod.ts";
import { assertPartition, namedRatios } from "./_partition.ts";

Deno.test("timeSplit() trains on the past: max time of a part < min time of the next", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 3, maxLength: 200 }),
      fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 4 }),
      (times, weights) => {
        const ratios = namedRatios(weights);
        let split: Record<string, Int32Array>;
        try {
          split = timeSplit(times, { ratios });
        } catch (e) {
          assert.match((e as Error).message, /distinct times|would get no rows/);
          return;
        }
        const parts = Object.values(split);
        assertPartition(parts, times.length);
        for (let p = 0; p < parts.length; p++) {
          assert.ok(parts[p].length > 0);
          const ts = [...parts[p]].map((i) => times[i]);
          assert.ok(ts.every((t, j) => j === 0 || ts[j - 1] <= t), "chronological order");
          if (p > 0) {
            const prevMax = Math.max(...[...parts[p - 1]].map((i) => times[i]));
            assert.ok(prevMax < Math.min(...ts), "ties stay on one side");
          }
        }
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("timeSplit() with distinct times has exactly the largest-remainder sizes", () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.integer({ min: -1e6, max: 1e6 }), {
        minLength: 5,
        maxLength: 200,
      }),
      fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 4 }),
      (times, weights) => {
        const ratios = namedRatios(weights);
        let sizes: Record<string, number>;
        try {
          sizes = splitSizes(times.length, ratios);
        } catch {
          fc.pre(false);
          return;
        }
        const split = timeSplit(times, { ratios });
        for (const name of Object.keys(ratios)) assert.equal(split[name].length, sizes[name]);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("timeSplit() moves a cut to the nearer end of a run of equal times", () => {
  // Sorted times: 1 1 2 2 2 2 3 3 3 3 (rows 0–9 already in order); 70:30 targets a cut after
  // 7 rows, inside the run of 3s (positions 6–9). Its ends are 6 (distance 1) and 10
  // (distance 3, and it would empty the test part): the cut moves to 6.
  const times = [1, 1, 2, 2, 2, 2, 3, 3, 3, 3];
  const { train, test } = timeSplit(times, { ratios: { train: 0.7, test: 0.3 } });
  assert.deepEqual([...train], [0, 1, 2, 3, 4, 5]);
  assert.deepEqual([...test], [6, 7, 8, 9]);
  // 50:50 targets 5, inside the run of 2s (positions 2–5): ends 2 (distance 3) and 6 (1).
  const half = timeSplit(times, { ratios: { train: 0.5, test: 0.5 } });
  assert.deepEqual([...half.train], [0, 1, 2, 3, 4, 5]);
});

Deno.test("timeSplit() orders each part by time and validates on the most recent rows", () => {
  const years = [2015, 2012, 2014, 2013, 2016, 2011, 2017, 2018, 2019, 2010];
  const { train, validation, test } = timeSplit(years, {
    ratios: { train: 0.6, validation: 0.2, test: 0.2 },
  });
  assert.deepEqual([...train].map((i) => years[i]), [2010, 2011, 2012, 2013, 2014, 2015]);
  assert.deepEqual([...validation].map((i) => years[i]), [2016, 2017]);
  assert.deepEqual([...test].map((i) => years[i]), [2018, 2019]);
});

Deno.test("timeSplit() rejects NaN times, too few distinct times and bad ratios", () => {
  const ratios = { train: 0.5, test: 0.5 };
  assert.throws(
    () => timeSplit([1, 2, NaN, 4], { ratios }),
    new RangeError("Cannot make a time split: times[2] must be a finite time, got NaN"),
  );
  assert.throws(
    () => timeSplit(["2020", "2021"] as unknown as number[], { ratios }),
    new TypeError("Cannot make a time split: times[0] must be a number, got string"),
  );
  assert.throws(
    () => timeSplit([5, 5, 5, 5], { ratios }),
    new RangeError(
      "Cannot make a time split: only 1 distinct times for 2 parts " +
        "(rows with the same time stay in one part)",
    ),
  );
  assert.throws(() => timeSplit([1, 2, 3], { ratios: { a: 0.5, b: 0.4 } }), /sum to 1/);
});
