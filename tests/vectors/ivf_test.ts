import assert from "node:assert/strict";
import { buildIvfIndex, fromRows, recallAtK, searchIvf, topKCosine } from "@lib/vectors/mod.ts";
import { createRng } from "@lib/random/mod.ts";

/** Seeded items around `centres` directions in `dim` dimensions. */
function clustered(n: number, dim: number, centres: number, seed: number) {
  const rng = createRng(seed);
  const c = Array.from({ length: centres }, () => Array.from({ length: dim }, () => rng.normal()));
  return fromRows(
    Array.from({ length: n }, (_, i) => c[i % centres].map((v) => v + 0.3 * rng.normal())),
  );
}

Deno.test("buildIvfIndex() puts every item in exactly one bucket and separates clear clusters", () => {
  // Four tight clusters around the axes ±x, ±y: four buckets recover them exactly.
  const rows = [[1, 0], [-1, 0], [0, 1], [0, -1]].flatMap(([a, b]) =>
    [0.05, -0.05, 0.1].map((e) => [a + e * b, b + e * a])
  );
  const index = buildIvfIndex(fromRows(rows), { lists: 4, seed: 3 });
  const all = index.buckets.flatMap((b) => [...b]).sort((a, b) => a - b);
  assert.deepEqual(all, rows.map((_, i) => i));
  assert.deepEqual(index.buckets.map((b) => [...b]).sort((a, b) => a[0] - b[0]), [
    [0, 1, 2],
    [3, 4, 5],
    [6, 7, 8],
    [9, 10, 11],
  ]);
  // Centroids are unit vectors.
  for (let c = 0; c < 4; c++) {
    const [x, y] = index.centroids.subarray(2 * c, 2 * c + 2);
    assert.ok(Math.abs(Math.hypot(x, y) - 1) < 1e-6);
  }
});

Deno.test("searchIvf() probing every bucket is exact top-k", () => {
  const items = clustered(600, 8, 12, 1), queries = clustered(20, 8, 12, 2);
  const index = buildIvfIndex(items, { lists: 10, seed: 4 });
  const exact = topKCosine(queries, items, { k: 5 });
  const all = searchIvf(index, queries, { k: 5, probes: 10 });
  assert.deepEqual([...all.indices], [...exact.indices]);
  assert.ok(all.scanned.every((s) => s === 600));
  assert.equal(recallAtK(exact.indices, all.indices, 5), 1);
});

Deno.test("searchIvf() recall never falls and work grows as more buckets are probed", () => {
  // More probes scan a superset of items, so every true neighbour found before is found again.
  const items = clustered(2000, 16, 30, 5), queries = clustered(50, 16, 30, 6);
  const index = buildIvfIndex(items, { lists: 32, seed: 7 });
  const exact = topKCosine(queries, items, { k: 10 });
  let [lastRecall, lastScan] = [0, 0];
  for (const probes of [1, 2, 4, 8, 16, 32]) {
    const found = searchIvf(index, queries, { k: 10, probes });
    const recall = recallAtK(exact.indices, found.indices, 10);
    const scan = found.scanned.reduce((a, b) => a + b, 0);
    assert.ok(recall >= lastRecall && scan >= lastScan, `probes ${probes}: ${recall}, ${scan}`);
    [lastRecall, lastScan] = [recall, scan];
  }
  assert.equal(lastRecall, 1);
  const one = searchIvf(index, queries, { k: 10, probes: 1 });
  assert.ok(
    one.scanned.reduce((a, b) => a + b, 0) < 50 * 2000 / 4,
    "one probe scans a small share",
  );
});

Deno.test("searchIvf() fills the slots beyond the probed items with −1", () => {
  const items = fromRows([[1, 0], [0.9, 0.1], [0, 1]]);
  const index = buildIvfIndex(items, { lists: 3, seed: 1 });
  const found = searchIvf(index, fromRows([[0, 1]]), { k: 2, probes: 1 });
  assert.deepEqual([...found.indices], [2, -1]);
  assert.equal(found.scores[1], -Infinity);
});

Deno.test("recallAtK() is the mean share of the exact top k found", () => {
  // Query 1: {1, 2} vs {2, 1} → 1; query 2: {3, 4} vs {3, 9} → 1/2; mean 3/4.
  assert.equal(recallAtK([1, 2, 3, 4], [2, 1, 3, 9], 2), 0.75);
  assert.equal(recallAtK([5], [6], 1), 0);
});

Deno.test("IVF functions reject bad input", () => {
  const items = fromRows([[1, 0], [0, 1]]);
  assert.throws(
    () => buildIvfIndex(items, { lists: 3, seed: 1 }),
    /Cannot build an IVF index: lists must be at most 2, got 3/,
  );
  assert.throws(() => buildIvfIndex(items, { lists: 1 }), /seed or rng/);
  assert.throws(
    () => buildIvfIndex(fromRows([[0, 0], [1, 1]]), { lists: 1, seed: 1 }),
    /row 0 of items is a zero vector/,
  );
  const index = buildIvfIndex(items, { lists: 2, seed: 1 });
  assert.throws(
    () => searchIvf(index, fromRows([[1, 0, 0]]), { k: 1, probes: 1 }),
    /same number of columns, got 3 and 2/,
  );
  assert.throws(
    () => searchIvf(index, items, { k: 1, probes: 3 }),
    /probes must be at most 2, got 3/,
  );
  assert.throws(
    () => recallAtK([1, 2], [1], 1),
    /Cannot compute recall@k: exact and approx must have the same length, got 2 and 1/,
  );
  assert.throws(() => recallAtK([1, 2, 3], [1, 2, 3], 2), /positive multiple of k = 2, got 3/);
});
