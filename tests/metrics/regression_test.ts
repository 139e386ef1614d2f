import assert from "node:assert/strict";
import fc from "fast-check";
import {
  meanAbsoluteError,
  meanSquaredError,
  r2Score,
  rootMeanSquaredError,
} from "@lib/metrics/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { throwsWith } from "./_throws.ts";

// scikit-learn's mean_squared_error / mean_absolute_error / r2_score docstrings.
const Y = [3, -0.5, 2, 7], P = [2.5, 0.0, 2, 8];

Deno.test("meanSquaredError(), rootMeanSquaredError(), meanAbsoluteError() match scikit-learn", () => {
  assert.equal(meanSquaredError(Y, P), 0.375); // (0.25 + 0.25 + 0 + 1) / 4
  assert.equal(rootMeanSquaredError(Y, P), Math.sqrt(0.375)); // 0.612…
  assert.equal(meanAbsoluteError(Y, P), 0.5); // (0.5 + 0.5 + 0 + 1) / 4
});

Deno.test("r2Score() matches scikit-learn's docstring (0.948…)", () => {
  // Mean 2.875; residual 1.5; total 29.1875: 1 − 1.5 / 29.1875.
  assertClose(r2Score(Y, P), 1 - 1.5 / 29.1875);
  assertClose(r2Score(Y, P), 0.9486081370449679, { rel: 1e-15 });
});

Deno.test("the regression metrics weight samples", () => {
  const w = [1, 1, 2, 0];
  assert.equal(meanSquaredError(Y, P, { sampleWeight: w }), 0.125); // (0.25 + 0.25) / 4
  assert.equal(meanAbsoluteError(Y, P, { sampleWeight: w }), 0.25);
  assert.equal(rootMeanSquaredError(Y, P, { sampleWeight: w }), Math.sqrt(0.125));
  // Weighted mean of y: (3 − 0.5 + 4) / 4 = 1.625; spread 1.890625 + 4.515625 + 2·0.140625.
  assertClose(r2Score(Y, P, { sampleWeight: w }), 1 - 0.5 / 6.6875);
});

Deno.test("r2Score() follows force_finite: constant yTrue gives 1 or 0; one sample NaN", () => {
  assert.equal(r2Score([2, 2, 2], [2, 2, 2]), 1);
  assert.equal(r2Score([2, 2, 2], [2, 2, 3]), 0);
  assert.ok(Number.isNaN(r2Score([1], [2])));
  assert.ok(r2Score([1, 2, 3], [3, 2, 1]) < 0); // worse than the mean: 1 − 8/2 = −3
  assert.equal(r2Score([1, 2, 3], [3, 2, 1]), -3);
});

Deno.test("the regression metrics with integer weights equal repeated samples", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.double({ min: -50, max: 50, noNaN: true }),
          fc.double({ min: -50, max: 50, noNaN: true }),
          fc.integer({ min: 1, max: 3 }),
        ),
        { minLength: 2, maxLength: 30 },
      ),
      (rows) => {
        const y = rows.map((r) => r[0]), p = rows.map((r) => r[1]), w = rows.map((r) => r[2]);
        const ry = y.flatMap((v, i) => new Array(w[i]).fill(v));
        const rp = p.flatMap((v, i) => new Array(w[i]).fill(v));
        const opt = { sampleWeight: w };
        const close = { rel: 1e-9, abs: 1e-9 };
        assertClose(meanSquaredError(y, p, opt), meanSquaredError(ry, rp), close);
        assertClose(meanAbsoluteError(y, p, opt), meanAbsoluteError(ry, rp), close);
        assertClose(r2Score(y, p, opt), r2Score(ry, rp), close);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("rootMeanSquaredError() is at least meanAbsoluteError()", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.double({ min: -50, max: 50, noNaN: true }),
          fc.double({ min: -50, max: 50, noNaN: true }),
        ),
        {
          minLength: 1,
          maxLength: 30,
        },
      ),
      (rows) => {
        const y = rows.map((r) => r[0]), p = rows.map((r) => r[1]);
        // (Up to rounding, and squares of residuals below 1e-154 underflowing to 0.)
        assert.ok(rootMeanSquaredError(y, p) >= meanAbsoluteError(y, p) * (1 - 1e-12) - 1e-150);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("the regression metrics reject mismatched, empty and non-finite inputs", () => {
  throwsWith(
    () => meanSquaredError([1, 2], [1]),
    RangeError,
    "Cannot compute meanSquaredError: yTrue and yPred must have the same length, got 2 and 1",
  );
  throwsWith(
    () => meanAbsoluteError([], []),
    RangeError,
    "Cannot compute meanAbsoluteError: yTrue must not be empty",
  );
  throwsWith(
    () => r2Score([1, NaN], [1, 2]),
    RangeError,
    "Cannot compute r2Score: yTrue[1] must be finite, got NaN",
  );
  throwsWith(
    () => rootMeanSquaredError([1, 2], [1, 2], { sampleWeight: [1, -1] }),
    RangeError,
    "Cannot compute rootMeanSquaredError: sampleWeight[1] must be non-negative, got -1",
  );
  throwsWith(
    () => r2Score({ length: 2 } as unknown as number[], [1, 2]),
    TypeError,
    "Cannot compute r2Score: yTrue must be an array of numbers, got object",
  );
});
