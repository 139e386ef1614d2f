import assert from "node:assert/strict";
import fc from "fast-check";
import { fitStandardizer, standardize } from "@lib/models/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("fitStandardizer() gives column means and population standard deviations", () => {
  // Rows [1, 10], [3, 10], [5, 40]: means 3 and 20; sd √(8/3) and √(200).
  const s = fitStandardizer([1, 10, 3, 10, 5, 40], 2);
  assertClose(s.mean, [3, 20], { rel: 1e-7 });
  assertClose(s.std, [Math.sqrt(8 / 3), Math.sqrt(200)], { rel: 1e-7 });
});

Deno.test("standardize() gives mean 0 and sd 1 on the fitted rows (0 for a constant column)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 20 }),
      (column) => {
        const z = standardize(column, fitStandardizer(column, 1));
        const mean = z.reduce((a, b) => a + b, 0) / z.length;
        assertClose(mean, 0, { abs: 1e-5 });
        const sd = Math.sqrt(z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length);
        const constant = column.every((v) => v === column[0]);
        assertClose(sd, constant ? 0 : 1, { abs: 1e-5 });
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("fitStandardizer() treats a column with a vanishing spread as constant", () => {
  const s = fitStandardizer([0, 1e-40], 1);
  assert.equal(s.std[0], 1);
  assertClose(standardize([0, 1e-40], s), [-5e-41, 5e-41].map(Math.fround), { abs: 1e-45 });
});

Deno.test("fitStandardizer() and standardize() reject malformed input", () => {
  assert.throws(
    () => fitStandardizer([1, 2, 3], 2),
    new RangeError(
      "Cannot fit a standardizer: values must hold a positive whole number of rows of 2, got length 3",
    ),
  );
  assert.throws(
    () => fitStandardizer([1, NaN], 1),
    new RangeError("Cannot fit a standardizer: values[1] must be finite, got NaN"),
  );
  assert.throws(
    () => fitStandardizer([1], 0),
    new RangeError("Cannot fit a standardizer: numFeatures must be at least 1, got 0"),
  );
  assert.throws(
    () => standardize([1, 2, 3], fitStandardizer([1, 2], 2)),
    new RangeError("Cannot standardize: values must hold whole rows of 2 columns, got length 3"),
  );
});
