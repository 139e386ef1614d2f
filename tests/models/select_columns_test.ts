import assert from "node:assert/strict";
import { selectColumns } from "@lib/models/mod.ts";

Deno.test("selectColumns() keeps the chosen columns of every row, in the given order", () => {
  const values = [1, 2, 3, 4, 5, 6]; // rows [1, 2, 3] and [4, 5, 6]
  assert.deepEqual([...selectColumns(values, 3, [2, 0])], [3, 1, 6, 4]);
  assert.deepEqual([...selectColumns(values, 3, [])], []);
  assert.deepEqual([...selectColumns(values, 3, [1, 1])], [2, 2, 5, 5]);
});

Deno.test("selectColumns() rejects a ragged matrix and columns out of range", () => {
  assert.throws(
    () => selectColumns([1, 2, 3], 2, [0]),
    {
      name: "RangeError",
      message:
        "Cannot select columns: values.length must be a multiple of numFeatures, got 3 and 2",
    },
  );
  assert.throws(() => selectColumns([1, 2], 2, [2]), /columns\[0\] must be at most 1, got 2/);
  assert.throws(() => selectColumns([1, 2], 0, [0]), /numFeatures must be at least 1/);
});
