import assert from "node:assert/strict";
import fc from "fast-check";
import { euclideanToMany, fromRows, knnClassify } from "@lib/vectors/mod.ts";
import { createRng } from "@lib/random/mod.ts";

Deno.test("knnClassify() with k = 1 returns the label of the brute-force nearest row (property)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 30 }), (seed, n) => {
      const rng = createRng(seed);
      const rows = Array.from({ length: n }, () => [rng.normal(), rng.normal(), rng.normal()]);
      const labels = rows.map(() => rng.int(0, 4));
      const query = [rng.normal(), rng.normal(), rng.normal()];
      const dist = euclideanToMany(query, fromRows(rows));
      const nearest = dist.indexOf(Math.min(...dist));
      assert.equal(
        knnClassify(fromRows(rows), labels, fromRows([query]), { k: 1 })[0],
        labels[nearest],
      );
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("knnClassify() votes by majority and breaks ties by the nearest neighbour", () => {
  const train = fromRows([[0], [1], [2], [10]]);
  // Query 0.4: neighbours 0 (label 1), 1 (label 0), 2 (label 0) → majority 0.
  assert.deepEqual([...knnClassify(train, [1, 0, 0, 1], fromRows([[0.4]]), { k: 3 })], [0]);
  // k = 2: one vote each; label 1 has the nearest neighbour.
  assert.deepEqual([...knnClassify(train, [1, 0, 0, 1], fromRows([[0.4]]), { k: 2 })], [1]);
});

Deno.test("knnClassify() rejects mismatched sizes and bad labels", () => {
  const train = fromRows([[0, 0], [1, 1]]);
  assert.throws(
    () => knnClassify(train, [0], fromRows([[0, 0]]), { k: 1 }),
    /one label per row of train, got 1 and 2/,
  );
  assert.throws(
    () => knnClassify(train, [0, 1], fromRows([[0]]), { k: 1 }),
    /same number of columns, got 2 and 1/,
  );
  assert.throws(
    () => knnClassify(train, [0, 1.5], fromRows([[0, 0]]), { k: 1 }),
    /trainLabels\[1\] must be a non-negative integer/,
  );
  assert.throws(
    () => knnClassify(train, [0, 1], fromRows([[0, 0]]), { k: 3 }),
    /k must be at most 2/,
  );
});
