import assert from "node:assert/strict";
import fc from "fast-check";
import { _binColumns, _binOf, _cutPoints } from "@lib/models/forest/_binning.ts";

Deno.test("_cutPoints() puts a cut between every pair of distinct values when they fit", () => {
  const cuts = _cutPoints(Float64Array.from([3, 1, 2, 2, 5]), 255);
  assert.deepEqual([...cuts], [1.5, 2.5, 4]);
  assert.deepEqual([..._cutPoints(Float64Array.from([7, 7, 7]), 255)], []);
});

Deno.test("_cutPoints() with ties cuts at quantiles of the rows, never inside a tie", () => {
  // 8 rows, 2 bins: the median falls inside the run of 2s, so the cut goes after it (4 rows ≤ 2).
  const cuts = _cutPoints(Float64Array.from([1, 2, 2, 2, 3, 4, 5, 6]), 2);
  assert.deepEqual([...cuts], [2.5]);
});

Deno.test("_binColumns() codes satisfy code ≤ b ⇔ x ≤ thresholds[b]", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
      fc.integer({ min: 2, max: 255 }),
      (values, maxBins) => {
        const data = _binColumns(Float64Array.from(values), values.length, 1, maxBins);
        const cuts = data.thresholds[0];
        assert.ok(cuts.length <= maxBins - 1);
        for (let b = 1; b < cuts.length; b++) assert.ok(cuts[b] > cuts[b - 1]);
        for (let i = 0; i < values.length; i++) {
          assert.equal(data.codes[i], _binOf(cuts, values[i]));
          for (let b = 0; b < cuts.length; b++) {
            assert.equal(data.codes[i] <= b, values[i] <= cuts[b]);
          }
        }
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});
