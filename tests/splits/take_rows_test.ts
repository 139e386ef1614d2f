import assert from "node:assert/strict";
import { takeRows } from "@lib/splits/mod.ts";

Deno.test("takeRows() keeps the typed array type and the order of the indices", () => {
  const y = Int32Array.of(10, 11, 12, 13);
  const out = takeRows(y, [3, 3, 0]);
  assert.ok(out instanceof Int32Array);
  assert.deepEqual([...out], [13, 13, 10]);
  assert.deepEqual([...y], [10, 11, 12, 13], "input unchanged");
});

Deno.test("takeRows() selects matrix rows and strings from plain arrays", () => {
  const x = [[1, 2], [3, 4], [5, 6]];
  const picked = takeRows(x, Int32Array.of(2, 1));
  assert.deepEqual(picked, [[5, 6], [3, 4]]);
  assert.equal(picked[0], x[2], "rows are shared, not copied");
  assert.deepEqual(takeRows(["a", "b", "c"], []), []);
});

Deno.test("takeRows() rejects indices out of range and non-arrays", () => {
  assert.throws(
    () => takeRows([1, 2, 3], [0, 3]),
    new RangeError("Cannot take rows: indices[1] must be an integer in [0, 3), got 3"),
  );
  assert.throws(
    () => takeRows(new Float64Array(2), [0.5]),
    new RangeError("Cannot take rows: indices[0] must be an integer in [0, 2), got 0.5"),
  );
  assert.throws(
    () => takeRows("abc" as unknown as string[], [0]),
    new TypeError("Cannot take rows: rows must be an array"),
  );
  assert.throws(
    () => takeRows([1], null as unknown as number[]),
    new TypeError("Cannot take rows: indices must be an array of integers"),
  );
});
