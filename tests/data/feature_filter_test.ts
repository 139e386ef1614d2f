import assert from "node:assert/strict";
import { correlationFilter } from "@lib/data/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("correlationFilter() gives the hand-derived Pearson correlation and keeps by threshold", () => {
  // x = 1..5, y = 2, 4, 5, 4, 5: Sxy = 6, Sxx = 10, Syy = 6, so r = 6 / √60 ≈ 0.7746 (by hand).
  // Column 1 is the negated column 0 (|r| the same); column 2 is constant (r counted as 0).
  const x = [1, 2, 3, 4, 5].map((v) => [v, -v, 7]);
  const y = [2, 4, 5, 4, 5];
  const { kept, correlation } = correlationFilter(x, y, 0.7);
  assertClose(correlation[0], 6 / Math.sqrt(60), { rel: 1e-12 });
  assertClose(correlation[1], 6 / Math.sqrt(60), { rel: 1e-12 });
  assert.equal(correlation[2], 0);
  assert.deepEqual(Array.from(kept), [0, 1]);
  assert.deepEqual(Array.from(correlationFilter(x, y, 0.8).kept), []);
  assert.deepEqual(Array.from(correlationFilter(x, y, 0).kept), [0, 1, 2]);
});

Deno.test("correlationFilter() rejects bad input", () => {
  assert.throws(() => correlationFilter([[1]], [1], 0.1), /at least 2 rows/);
  assert.throws(
    () => correlationFilter([[1], [2]], [1], 0.1),
    /x and y must have the same length, got 2 and 1/,
  );
  assert.throws(() => correlationFilter([[1], [2, 3]], [1, 2], 0.1), /row 1 has 2/);
  assert.throws(() => correlationFilter([[1], [NaN]], [1, 2], 0.1), /x\[1\]\[0\] must be finite/);
  assert.throws(() => correlationFilter([[1], [2]], [1, 2], 1.5), /threshold must be at most 1/);
});
