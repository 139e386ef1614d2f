import assert from "node:assert/strict";
import { fromRows, kMeans } from "@lib/vectors/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("kMeans() finds the two groups of a hand-worked 1-D example", () => {
  // {1, 2, 3} and {10, 11, 12}: means 2 and 11, inertia 2 · (1 + 0 + 1) = 4.
  const m = fromRows([[1], [10], [2], [11], [3], [12]]);
  for (const seed of [1, 2, 3, 4, 5]) {
    const r = kMeans(m, { k: 2, seed });
    assert.deepEqual([...r.centroids.data].sort((a, b) => a - b), [2, 11]);
    assert.equal(r.inertia, 4);
    assert.equal(r.labels[0], r.labels[2]);
    assert.notEqual(r.labels[0], r.labels[1]);
  }
});

Deno.test("kMeans() with k = 1 gives the mean and the total sum of squares", () => {
  const rng = createRng(3);
  const rows = Array.from({ length: 50 }, () => [rng.normal(1, 2), rng.normal(-1, 1)]);
  const r = kMeans(fromRows(rows), { k: 1, seed: 1 });
  const mean = [0, 1].map((c) => rows.reduce((s, v) => s + v[c], 0) / rows.length);
  assertClose(r.centroids.data[0], mean[0], { abs: 1e-5 });
  assertClose(r.centroids.data[1], mean[1], { abs: 1e-5 });
  const ss = rows.reduce((s, v) => s + (v[0] - mean[0]) ** 2 + (v[1] - mean[1]) ** 2, 0);
  assertClose(r.inertia, ss, { rel: 1e-5 });
});

Deno.test("kMeans() separates three well-separated blobs and reproduces from the seed", () => {
  const rng = createRng(7);
  const centres = [[0, 0], [20, 0], [0, 20]];
  const rows = Array.from({ length: 90 }, (_, i) => centres[i % 3].map((c) => c + rng.normal()));
  const a = kMeans(fromRows(rows), { k: 3, seed: 11 });
  for (let i = 3; i < 90; i++) assert.equal(a.labels[i], a.labels[i % 3]);
  assert.equal(new Set(a.labels).size, 3);
  assert.deepEqual(kMeans(fromRows(rows), { k: 3, seed: 11 }), a);
});

Deno.test("kMeans() counts its assignment passes, the last one included", () => {
  // k = 1: pass 1 puts every vector in cluster 0, pass 2 changes nothing.
  assert.equal(kMeans(fromRows([[0], [1], [5]]), { k: 1, seed: 1 }).iterations, 2);
});

Deno.test("kMeans() stopped by maxIterations returns labels of the centroids it returns", () => {
  const rng = createRng(5);
  const m = fromRows(Array.from({ length: 60 }, () => [rng.normal(), rng.normal()]));
  const x = (i: number) => [m.data[2 * i], m.data[2 * i + 1]];
  for (const maxIterations of [1, 2]) {
    const r = kMeans(m, { k: 4, seed: 3, maxIterations });
    assert.equal(r.iterations, maxIterations);
    const c = r.centroids.data;
    const d2 = (i: number, j: number) => (x(i)[0] - c[2 * j]) ** 2 + (x(i)[1] - c[2 * j + 1]) ** 2;
    let inertia = 0;
    for (let i = 0; i < m.rows; i++) {
      const nearest = [0, 1, 2, 3].reduce((b, j) => (d2(i, j) < d2(i, b) ? j : b), 0);
      assert.equal(r.labels[i], nearest);
      inertia += d2(i, r.labels[i]);
    }
    assertClose(r.inertia, inertia, { rel: 1e-12 });
  }
  // One pass moves no centre: the centroids are k-means++ picks among the vectors.
  const once = kMeans(m, { k: 4, seed: 3, maxIterations: 1 });
  for (let j = 0; j < 4; j++) {
    const [cx, cy] = [once.centroids.data[2 * j], once.centroids.data[2 * j + 1]];
    assert.ok(
      Array.from({ length: m.rows }, (_, i) => x(i)).some(([a, b]) => a === cx && b === cy),
    );
  }
});

Deno.test("kMeans() rejects bad input", () => {
  const m = fromRows([[0], [1]]);
  assert.throws(() => kMeans(m, { k: 3, seed: 1 }), {
    message: "Cannot run kMeans: k must be at most 2, got 3",
  });
  assert.throws(() => kMeans(m, { k: 1, seed: 1, maxIterations: 0 }), RangeError);
  assert.throws(() => kMeans(m, { k: 1 }), TypeError);
  assert.throws(
    () => kMeans({ data: [0, 1], rows: 2, cols: 1 } as never, { k: 1, seed: 1 }),
    TypeError,
  );
});
