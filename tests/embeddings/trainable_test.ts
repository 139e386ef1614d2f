import assert from "node:assert/strict";
import fc from "fast-check";
import { createEmbeddingTable, lookup, sumDuplicateRows } from "@lib/embeddings/mod.ts";
import { setupTf, tf } from "@lib/tf/mod.ts";
import { createRng } from "@lib/random/mod.ts";

await setupTf();

Deno.test("sumDuplicateRows() equals a dense scatter-add (property)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 20 }),
      fc.integer({ min: 0, max: 1000 }),
      (dim, indices, seed) => {
        const rng = createRng(seed);
        const values = Float32Array.from({ length: indices.length * dim }, () => rng.int(-9, 10));
        const dense = new Float32Array(6 * dim);
        indices.forEach((r, i) => {
          for (let k = 0; k < dim; k++) dense[r * dim + k] += values[i * dim + k];
        });
        const sparse = sumDuplicateRows(indices, values, dim);
        assert.deepEqual([...sparse.indices].sort(), [...new Set(indices)].sort());
        sparse.indices.forEach((r, j) => {
          assert.deepEqual([...sparse.values.subarray(j * dim, (j + 1) * dim)], [
            ...dense.subarray(r * dim, (r + 1) * dim),
          ]);
        });
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("createEmbeddingTable() is reproducible and lookup() returns the rows", () => {
  const a = createEmbeddingTable({ vocabSize: 6, dim: 3, seed: 4 });
  const b = createEmbeddingTable({ vocabSize: 6, dim: 3, seed: 4 });
  assert.deepEqual(a.dataSync(), b.dataSync());
  const rows = lookup(a, [5, 0, 5]);
  const all = a.arraySync();
  assert.deepEqual(rows.arraySync(), [all[5], all[0], all[5]]);
  const zeros = createEmbeddingTable({ vocabSize: 2, dim: 2, seed: 0, init: "zeros" });
  assert.deepEqual([...zeros.dataSync()], [0, 0, 0, 0]);
  tf.dispose([a, b, rows, zeros]);
});

Deno.test("createEmbeddingTable() explains invalid options", () => {
  assert.throws(
    () => createEmbeddingTable({ vocabSize: 0, dim: 2, seed: 1 }),
    new RangeError("Cannot create an embedding table: vocabSize must be at least 1, got 0"),
  );
  assert.throws(
    () => createEmbeddingTable({ vocabSize: 2, dim: 2, seed: 1, init: "normal" as "zeros" }),
    new RangeError(
      'Cannot create an embedding table: init must be one of "uniform", "zeros", got "normal"',
    ),
  );
});

Deno.test("lookup() explains invalid tables and indices", () => {
  const table = createEmbeddingTable({ vocabSize: 3, dim: 2, seed: 1 });
  assert.throws(
    () => lookup(table, [0, 3]),
    new RangeError("Cannot look up embedding rows: indices[1] must be an integer in [0, 3), got 3"),
  );
  assert.throws(
    () => lookup([[1]] as unknown as tf.Tensor2D, [0]),
    new TypeError("Cannot look up embedding rows: table must be a rank-2 tf.Tensor"),
  );
  table.dispose();
});

Deno.test("sumDuplicateRows() explains a values array of the wrong length", () => {
  assert.throws(
    () => sumDuplicateRows([0, 1], [1, 2, 3], 2),
    new RangeError(
      "Cannot sum duplicate rows: values must hold indices.length × dim = 4 numbers, got 3",
    ),
  );
});
