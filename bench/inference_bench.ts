/**
 * What a random forest costs, for chapter 2: inference of one row and of a
 * 1000-row batch at several sizes (trees T × depth d), and training 100 trees
 * of depth 10 on 2000 × 50 rows. Inference visits at most T·d nodes per row,
 * so per-row time should grow with T·d and not with the number of features.
 * Run with `deno bench -A bench/inference_bench.ts`; divide a batch time by
 * 1000 for the per-row cost.
 *
 * @module
 */
import { fitRandomForestClassifier, type TreeClassifier } from "@lib/models/forest/mod.ts";
import { createRng } from "@lib/random/mod.ts";

const N_ROWS = 2000;
const N_FEATURES = 50;
const BATCH = 1000;
const SIZES: [trees: number, depth: number][] = [[10, 4], [100, 8], [100, 12], [300, 12]];

const rng = createRng(2);
const x = Array.from({ length: N_ROWS }, () => {
  const row = new Float64Array(N_FEATURES);
  for (let f = 0; f < N_FEATURES; f++) row[f] = rng.normal();
  return row;
});
// A nonlinear target with noise, so that trees grow to their full depth.
const y = x.map((r) => (r[0] + r[1] * r[2] - Math.abs(r[3]) + 0.5 * rng.normal() > 0 ? 1 : 0));
const batch = x.slice(0, BATCH);

Deno.bench(
  "train 100 trees, depth 10, 2000 × 50",
  { group: "train", n: 5, warmup: 1 },
  () => {
    fitRandomForestClassifier(x, y, { nTrees: 100, maxDepth: 10, seed: 1 });
  },
);

const models = new Map<string, TreeClassifier>();
for (const [trees, depth] of SIZES) {
  models.set(
    `${trees}×${depth}`,
    fitRandomForestClassifier(x, y, { nTrees: trees, maxDepth: depth, seed: 1 }),
  );
}

for (const [name, model] of models) {
  let next = 0;
  Deno.bench(
    `one row, T×d = ${name} (${model.size.totalNodes} nodes)`,
    { group: "one row" },
    () => {
      model.predictProbaRow(x[next]);
      next = (next + 1) % N_ROWS;
    },
  );
}

for (const [name, model] of models) {
  Deno.bench(`${BATCH} rows, T×d = ${name}`, { group: "1000 rows" }, () => {
    model.predictProba(batch);
  });
}
