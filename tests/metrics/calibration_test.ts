import assert from "node:assert/strict";
import fc from "fast-check";
import { brierScoreLoss, calibrationCurve } from "@lib/metrics/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { throwsWith } from "./_throws.ts";

Deno.test("brierScoreLoss() matches scikit-learn's docstring (0.0375)", () => {
  // (0.1² + 0.1² + 0.2² + 0.3²) / 4 = 0.15 / 4.
  assertClose(brierScoreLoss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]), 0.0375, { rel: 1e-15 });
  // scikit-learn's docstring: thresholded predictions (> 0.5) score 0.
  assert.equal(brierScoreLoss([0, 1, 1, 0], [0, 1, 1, 0]), 0);
});

Deno.test("brierScoreLoss() weights samples: (2·0.01 + 0.09) / 3", () => {
  assertClose(brierScoreLoss([0, 1], [0.1, 0.7], { sampleWeight: [2, 1] }), (2 * 0.01 + 0.09) / 3);
});

Deno.test("calibrationCurve() matches scikit-learn's calibration_curve docstring", () => {
  const yTrue = [0, 0, 0, 0, 1, 1, 1, 1, 1];
  const yProb = [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1];
  const c = calibrationCurve(yTrue, yProb, { nBins: 3 });
  assert.deepEqual(c.fractionOfPositives, [0, 0.5, 1]);
  assertClose(c.meanPredicted, [0.2, 0.525, 0.85]);
  assert.deepEqual(c.counts, [3, 2, 4]);
  assert.deepEqual(c.binIndex, [0, 1, 2]);
  assertClose(c.binEdges, [0, 1 / 3, 2 / 3, 1]);
});

Deno.test("calibrationCurve() puts a probability on an inner edge in the lower bin", () => {
  // numpy searchsorted(edges[1:-1], p, side="left"): bins [0, 0.5], (0.5, 1].
  const c = calibrationCurve([0, 1, 1, 0], [0, 0.5, 0.50001, 1], { nBins: 2 });
  assert.deepEqual(c.counts, [2, 2]);
  assert.deepEqual(c.fractionOfPositives, [0.5, 0.5]);
});

Deno.test("calibrationCurve() leaves out empty bins and says which bins remain", () => {
  const c = calibrationCurve([0, 1], [0.1, 0.9]);
  assert.deepEqual(c.binIndex, [0, 4]);
  assert.deepEqual(c.counts, [1, 1]);
  assert.equal(c.binEdges.length, 6);
});

Deno.test("calibrationCurve() quantile strategy puts edges at numpy's linear percentiles", () => {
  // Sorted probabilities 0.1 … 0.8 (n = 6): the median sits at position 2.5, i.e. 0.35.
  const yProb = [0.4, 0.1, 0.8, 0.3, 0.6, 0.2], yTrue = [0, 0, 1, 1, 1, 0];
  const c = calibrationCurve(yTrue, yProb, { nBins: 2, strategy: "quantile" });
  assertClose(c.binEdges, [0.1, 0.35, 0.8]);
  assert.deepEqual(c.counts, [3, 3]);
  assertClose(c.fractionOfPositives, [1 / 3, 2 / 3]);
  assertClose(c.meanPredicted, [0.2, 0.6]);
});

Deno.test("calibrationCurve() bins cover every sample and means stay inside their bins", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(fc.integer({ min: 0, max: 1 }), fc.double({ min: 0, max: 1, noNaN: true })),
        {
          minLength: 1,
          maxLength: 60,
        },
      ),
      fc.integer({ min: 1, max: 12 }),
      fc.constantFrom("uniform" as const, "quantile" as const),
      (rows, nBins, strategy) => {
        const yTrue = rows.map((r) => r[0]), yProb = rows.map((r) => r[1]);
        const c = calibrationCurve(yTrue, yProb, { nBins, strategy });
        assert.equal(c.counts.reduce((a, b) => a + b, 0), rows.length);
        c.binIndex.forEach((b, i) => {
          assert.ok(c.meanPredicted[i] >= c.binEdges[b] - 1e-12);
          assert.ok(c.meanPredicted[i] <= c.binEdges[b + 1] + 1e-12);
          assert.ok(c.fractionOfPositives[i] >= 0 && c.fractionOfPositives[i] <= 1);
        });
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("brierScoreLoss() and calibrationCurve() reject probabilities outside [0, 1]", () => {
  throwsWith(
    () => brierScoreLoss([0, 1], [-0.1, 0.5]),
    RangeError,
    "Cannot compute brierScoreLoss: yProb[0] must be a probability in [0, 1], got -0.1",
  );
  throwsWith(
    () => calibrationCurve([0, 1], [0.1, 1.5]),
    RangeError,
    "Cannot compute calibrationCurve: yProb[1] must be a probability in [0, 1], got 1.5",
  );
  throwsWith(
    () => brierScoreLoss([0, 5], [0.1, 0.5]),
    RangeError,
    "Cannot compute brierScoreLoss: yTrue[1] must be 0 or 1, got 5",
  );
});

Deno.test("calibrationCurve() rejects a bad nBins or strategy", () => {
  throwsWith(
    () => calibrationCurve([0, 1], [0.1, 0.5], { nBins: 0 }),
    RangeError,
    "Cannot compute calibrationCurve: nBins must be at least 1, got 0",
  );
  throwsWith(
    () => calibrationCurve([0, 1], [0.1, 0.5], { nBins: 2.5 }),
    RangeError,
    "Cannot compute calibrationCurve: nBins must be an integer, got 2.5",
  );
  throwsWith(
    () => calibrationCurve([0, 1], [0.1, 0.5], { strategy: "kmeans" as "uniform" }),
    RangeError,
    'Cannot compute calibrationCurve: strategy must be one of "uniform", "quantile", got "kmeans"',
  );
});
