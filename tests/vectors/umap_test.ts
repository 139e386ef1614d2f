import assert from "node:assert/strict";
import { fromRows, umapProject } from "@lib/vectors/mod.ts";
import { createRng } from "@lib/random/mod.ts";

function twoClusters(seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from(
    { length: 60 },
    (_, i) => [i < 30 ? 0 : 20, rng.normal(), rng.normal(), rng.normal()],
  );
}

Deno.test("umapProject() is reproducible from the seed and depends on it", () => {
  const m = fromRows(twoClusters(1));
  const a = umapProject(m, { nNeighbors: 8, nEpochs: 80, seed: 4 });
  assert.deepEqual(umapProject(m, { nNeighbors: 8, nEpochs: 80, seed: 4 }), a);
  assert.notDeepEqual(umapProject(m, { nNeighbors: 8, nEpochs: 80, seed: 5 }).data, a.data);
});

Deno.test("umapProject() keeps two separated clusters apart", () => {
  const xy = umapProject(fromRows(twoClusters(2)), { nNeighbors: 8, nEpochs: 150, seed: 1 });
  const centre = (from: number) =>
    [0, 1].map((c) => {
      let s = 0;
      for (let i = from; i < from + 30; i++) s += xy.data[i * 2 + c];
      return s / 30;
    });
  const spread = (from: number, mid: number[]) => {
    let s = 0;
    for (let i = from; i < from + 30; i++) {
      s += Math.hypot(xy.data[i * 2] - mid[0], xy.data[i * 2 + 1] - mid[1]);
    }
    return s / 30;
  };
  const a = centre(0), b = centre(30);
  const gap = Math.hypot(a[0] - b[0], a[1] - b[1]);
  assert.ok(gap > 2 * Math.max(spread(0, a), spread(30, b)), `gap ${gap}`);
});

Deno.test("umapProject() rejects too many neighbours and a missing seed", () => {
  const m = fromRows(twoClusters(3).slice(0, 5));
  assert.throws(
    () => umapProject(m, { nNeighbors: 5, seed: 1 }),
    /nNeighbors must be at most 4, got 5/,
  );
  assert.throws(() => umapProject(m, { nNeighbors: 3 }), /pass a seed or rng/);
});
