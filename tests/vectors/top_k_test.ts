import assert from "node:assert/strict";
import fc from "fast-check";
import { cosineSimilarity, type DenseMatrix, fromRows, topKCosine } from "@lib/vectors/mod.ts";
import { createRng } from "@lib/random/mod.ts";

function randomMatrix(rows: number, cols: number, seed: number): DenseMatrix {
  const rng = createRng(seed);
  return { data: Float32Array.from({ length: rows * cols }, () => rng.normal()), rows, cols };
}

function row(m: DenseMatrix, i: number): Float32Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols) as Float32Array;
}

Deno.test("topKCosine() returns the brute-force top k (property, any batch size)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 40 }), // items
      fc.integer({ min: 1, max: 9 }), // queries
      fc.integer({ min: 1, max: 12 }), // dim
      fc.integer({ min: 1, max: 40 }), // k (capped at items)
      fc.integer({ min: 1, max: 5 }), // batch size
      fc.integer({ min: 0, max: 1e6 }), // seed
      (n, nq, d, kRaw, batchSize, seed) => {
        const items = randomMatrix(n, d, seed), queries = randomMatrix(nq, d, seed + 1);
        const k = Math.min(kRaw, n);
        const got = topKCosine(queries, items, { k, batchSize });
        for (let q = 0; q < nq; q++) {
          const exact = Array.from(
            { length: n },
            (_, i) => cosineSimilarity(row(queries, q), row(items, i)),
          );
          const sorted = [...exact].sort((a, b) => b - a);
          for (let r = 0; r < k; r++) {
            const i = got.indices[q * k + r];
            // Each returned score is the item's cosine and the r-th largest cosine (up to float32).
            assert.ok(Math.abs(got.scores[q * k + r] - exact[i]) < 1e-5);
            assert.ok(Math.abs(exact[i] - sorted[r]) < 1e-5);
            if (r > 0) assert.ok(got.scores[q * k + r] <= got.scores[q * k + r - 1]);
          }
          assert.equal(new Set(got.indices.subarray(q * k, (q + 1) * k)).size, k);
        }
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("topKCosine() breaks ties by the lower index", () => {
  const items = fromRows([[1, 0], [0, 1], [2, 0], [3, 0]]);
  const { indices } = topKCosine(fromRows([[1, 0]]), items, { k: 3 });
  assert.deepEqual([...indices], [0, 2, 3]);
});

Deno.test("topKCosine() rejects zero rows, bad k and dimension mismatches", () => {
  const items = fromRows([[1, 0], [0, 0]]);
  assert.throws(
    () => topKCosine(fromRows([[1, 0]]), items, { k: 1 }),
    /Cannot compute topKCosine: row 1 of items is a zero vector/,
  );
  const ok = fromRows([[1, 0], [0, 1]]);
  assert.throws(() => topKCosine(fromRows([[1, 0]]), ok, { k: 3 }), /k must be at most 2, got 3/);
  assert.throws(() => topKCosine(fromRows([[1, 0]]), ok, { k: 0 }), /k must be at least 1/);
  assert.throws(
    () => topKCosine(fromRows([[1, 0, 0]]), ok, { k: 1 }),
    /queries and items must have the same number of columns, got 3 and 2/,
  );
  assert.throws(() => topKCosine(fromRows([[0, 0]]), ok, { k: 1 }), /row 0 of queries is a zero/);
});
