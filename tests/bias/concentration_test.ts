import assert from "node:assert/strict";
import fc from "fast-check";
import { giniCoefficient, topShare } from "@lib/bias/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("giniCoefficient() matches hand-computed values", () => {
  assert.equal(giniCoefficient([3, 3, 3]), 0);
  assert.equal(giniCoefficient([0, 0, 0, 8]), 0.75); // 1 − 1/n: one item has everything
  // [1, 2, 3, 4, 5]: Σ_i Σ_j |x_i − x_j| = 2(4·1 + 3·2 + 2·3 + 1·4) = 40, 2n²x̄ = 150 → 4/15.
  assertClose(giniCoefficient([5, 1, 4, 2, 3]), 4 / 15);
  assert.equal(giniCoefficient([0, 0]), 0);
});

Deno.test("giniCoefficient() agrees with the mean-absolute-difference definition and is bounded", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }),
      (x) => {
        const n = x.length, mean = x.reduce((a, b) => a + b, 0) / n;
        let sum = 0;
        for (const a of x) for (const b of x) sum += Math.abs(a - b);
        const expected = mean === 0 ? 0 : sum / (2 * n * n * mean);
        const g = giniCoefficient(x);
        assertClose(g, expected, { abs: 1e-12 });
        assert.ok(g >= 0 && g <= 1 - 1 / n + 1e-12);
        assertClose(giniCoefficient(x.map((v) => 3 * v)), g, { abs: 1e-12 }); // scale-invariant
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("topShare() is the share of the largest ⌈f·n⌉ values", () => {
  assert.equal(topShare([1, 1, 1, 7], 0.25), 0.7);
  assert.equal(topShare([1, 1, 1, 7], 0.5), 0.8);
  assert.equal(topShare([2, 2, 2, 2], 0.01), 0.25); // ⌈0.04⌉ = 1 of 4 equal values
  assert.equal(topShare([0, 0], 0.5), 0);
  assert.equal(topShare([4, 1], 1), 1);
});

Deno.test("giniCoefficient() and topShare() reject bad input", () => {
  assert.throws(() => giniCoefficient([1, -1]), {
    name: "RangeError",
    message: "Cannot compute giniCoefficient: values must be non-negative, got -1",
  });
  assert.throws(() => giniCoefficient([]), {
    name: "RangeError",
    message: "Cannot compute giniCoefficient: values must not be empty",
  });
  assert.throws(() => topShare([1, 2], 0), {
    name: "RangeError",
    message: "Cannot compute topShare: fraction must be in (0, 1], got 0",
  });
});
