import assert from "node:assert/strict";
import fc from "fast-check";
import { benjaminiHochberg, bonferroni } from "@lib/experiment/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// Benjamini & Hochberg (1995), section 4: 15 p-values from a clinical trial. At q = 0.05
// BH rejects the 4 smallest; Bonferroni (0.05/15 = 0.00333) rejects 3.
const bh1995 = [
  0.0001,
  0.0004,
  0.0019,
  0.0095,
  0.0201,
  0.0278,
  0.0298,
  0.0344,
  0.0459,
  0.324,
  0.4262,
  0.5719,
  0.6528,
  0.759,
  1,
];

Deno.test("benjaminiHochberg() reproduces the example of Benjamini & Hochberg (1995)", () => {
  const r = benjaminiHochberg(bh1995);
  assert.equal(r.rejections, 4);
  assert.deepEqual(r.rejected.slice(0, 5), [true, true, true, true, false]);
  // Adjusted: min over j ≥ i of 15·p₍ⱼ₎/j:
  // 0.0015, 0.003, 0.0095, 0.035625, then 0.0603 …
  assertClose(r.adjustedPValues.slice(0, 5), [0.0015, 0.003, 0.0095, 0.035625, 0.0603], {
    rel: 1e-12,
  });
  assert.equal(bonferroni(bh1995).rejections, 3);
});

Deno.test("benjaminiHochberg() matches R p.adjust / stdlib padjust in any input order", () => {
  // stdlib padjust([0.008, 0.03, 0.123, 0.6, 0.2], 'bh') -> [0.04, 0.075, ~0.205, 0.6, 0.25]
  const r = benjaminiHochberg([0.008, 0.03, 0.123, 0.6, 0.2]);
  assertClose(r.adjustedPValues, [0.04, 0.075, 0.205, 0.6, 0.25], { rel: 1e-12 });
  // R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "BH") = 0.05 everywhere; all rejected at 0.05.
  const flat = benjaminiHochberg([0.05, 0.01, 0.04, 0.02, 0.03]);
  assertClose(flat.adjustedPValues, [0.05, 0.05, 0.05, 0.05, 0.05], { rel: 1e-12 });
  assert.equal(flat.rejections, 5);
});

Deno.test("bonferroni() multiplies by m and caps at 1", () => {
  // stdlib padjust([0.1496, 0.0275, 0.3053, 0.1599, 0.2061], 'bonferroni')
  //   -> [0.748, ~0.138, …, ~0.799, 1]
  const r = bonferroni([0.1496, 0.0275, 0.3053, 0.1599, 0.2061], { alpha: 0.2 });
  assertClose(r.adjustedPValues, [0.748, 0.1375, 1, 0.7995, 1], { rel: 1e-12 });
  assert.deepEqual(r.rejected, [false, true, false, false, false]);
  assert.equal(r.alpha, 0.2);
});

Deno.test("benjaminiHochberg() is bounded by the raw and the Bonferroni p-values and order-invariant", () => {
  const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
    minLength: 1,
    maxLength: 40,
  });
  fc.assert(
    fc.property(pValues, (p) => {
      const bh = benjaminiHochberg(p), bf = bonferroni(p);
      p.forEach((v, i) => {
        assert.ok(bh.adjustedPValues[i] >= v - 1e-15);
        assert.ok(bh.adjustedPValues[i] <= bf.adjustedPValues[i] + 1e-15);
      });
      assert.ok(bh.rejections >= bf.rejections);
      const reversed = benjaminiHochberg([...p].reverse());
      assert.deepEqual(reversed.adjustedPValues, [...bh.adjustedPValues].reverse());
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("bonferroni() and benjaminiHochberg() reject empty input, p outside [0, 1] and bad alpha", () => {
  assert.throws(() => bonferroni([]), {
    name: "RangeError",
    message: "Cannot apply bonferroni: pValues must not be empty",
  });
  assert.throws(() => benjaminiHochberg([0.2, 1.2]), {
    name: "RangeError",
    message: "Cannot apply benjaminiHochberg: pValues[1] must be a probability in [0, 1], got 1.2",
  });
  assert.throws(
    () => benjaminiHochberg([0.2], { alpha: 0 }),
    /alpha must be strictly between 0 and 1, got 0/,
  );
});
