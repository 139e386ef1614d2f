import assert from "node:assert/strict";
import {
  cosineSimilarity,
  cosineToMany,
  euclideanDistance,
  euclideanToMany,
  fromRows,
} from "@lib/vectors/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("cosineSimilarity() matches hand-worked values", () => {
  // (1, 2, 3)·(4, 5, 6) = 32; |a| = √14, |b| = √77: 32 / √1078 = 0.974631846…
  assertClose(cosineSimilarity([1, 2, 3], [4, 5, 6]), 32 / Math.sqrt(14 * 77));
  assertClose(cosineSimilarity(Float32Array.of(1, 0), [1, 1]), Math.SQRT1_2, { rel: 1e-12 });
  assert.equal(cosineSimilarity([1, 0], [0, 5]), 0);
});

Deno.test("cosineSimilarity() is scale invariant and bounded", () => {
  const a = [0.3, -1.2, 2.5], b = [1.1, 0.4, -0.7];
  assertClose(cosineSimilarity(a, b), cosineSimilarity(a.map((x) => 7 * x), b), { rel: 1e-12 });
  assert.ok(Math.abs(cosineSimilarity(a, b)) <= 1);
});

Deno.test("euclideanDistance() matches hand-worked values", () => {
  assert.equal(euclideanDistance([1, 2, 3], [4, 6, 3]), 5);
  assert.equal(euclideanDistance([2, 2], [2, 2]), 0);
});

Deno.test("cosineToMany() and euclideanToMany() agree with the pairwise functions", () => {
  const rows = [[1, 2, 3], [-1, 0.5, 2], [0, 0, 1]];
  const q = [0.2, -0.4, 1];
  const m = fromRows(rows);
  assertClose(cosineToMany(q, m), rows.map((r) => cosineSimilarity(q, r)), { rel: 1e-6 });
  assertClose(euclideanToMany(q, m), rows.map((r) => euclideanDistance(q, r)), { rel: 1e-6 });
});

Deno.test("similarity functions reject zero vectors, NaN and length mismatches", () => {
  assert.throws(
    () => cosineSimilarity([1, 2], [1, 2, 3]),
    /Cannot compute cosineSimilarity: a and b must have the same length, got 2 and 3/,
  );
  assert.throws(() => cosineSimilarity([1, 1], [0, 0]), /b is a zero vector/);
  assert.throws(() => cosineSimilarity([NaN, 1], [1, 1]), /a\[0\] must be finite, got NaN/);
  assert.throws(() => euclideanDistance([1], [1, 2]), /same length, got 1 and 2/);
  assert.throws(() => euclideanDistance([], []), /a must not be empty/);
  const m = fromRows([[1, 0], [0, 0]]);
  assert.throws(() => cosineToMany([1, 1], m), /row 1 of matrix is a zero vector/);
  assert.throws(() => cosineToMany([0, 0], fromRows([[1, 0]])), /query is a zero vector/);
  assert.throws(() => euclideanToMany([1, 2, 3], m), /same length, got 3 and 2/);
  const bad = { data: Float32Array.of(1, NaN), rows: 1, cols: 2 };
  assert.throws(
    () => euclideanToMany([1, 2], bad),
    /matrix must be finite, got NaN at row 0, column 1/,
  );
  assert.throws(
    () => euclideanToMany([1, 2], { data: new Float32Array(3), rows: 2, cols: 2 }),
    /matrix.data must have rows × cols = 4 entries, got 3/,
  );
});

Deno.test("fromRows() rejects ragged and empty input", () => {
  assert.throws(() => fromRows([]), /vectors must not be empty/);
  assert.throws(() => fromRows([[1, 2], [3]]), /vector 1 has 1/);
});
