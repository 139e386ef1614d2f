import assert from "node:assert/strict";
import fc from "fast-check";
import {
  alsFactorize,
  movieCatalogue,
  retrievalScores,
  retrieveUnseen,
  simulateMovieUsers,
  trainTwoTower,
} from "@lib/embeddings/mod.ts";
import { ndcgAtK, recallAtK } from "@lib/metrics/mod.ts";
import { Matrix, solve } from "ml-matrix";
import { createRng } from "@lib/random/mod.ts";
import { setupTf } from "@lib/tf/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("retrievalScores() agrees with ndcgAtK and recallAtK of lib/metrics (property)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
      const rng = createRng(seed);
      const n = 15, k = 5;
      const relevant = Int32Array.from(new Set(Array.from({ length: 4 }, () => rng.int(0, n))));
      const order = Array.from({ length: n }, (_, i) => i).sort(() => rng.random() - 0.5);
      const yTrue = Array.from({ length: n }, (_, i) => (relevant.includes(i) ? 1 : 0));
      const yScore = Array.from({ length: n }, (_, i) => n - order.indexOf(i));
      const s = retrievalScores([Int32Array.from(order)], [relevant], { k });
      assertClose(s.ndcg, ndcgAtK(yTrue, yScore, { k }), { rel: 1e-12 });
      assertClose(s.recall, recallAtK(yTrue, yScore, { k }), { rel: 1e-12 });
    }),
    { seed: 42, numRuns: 100 },
  );
  assert.throws(
    () => retrievalScores([Int32Array.of(1)], [Int32Array.of(1)], { k: 2 }),
    /fewer than k=2/,
  );
});

Deno.test("retrieveUnseen() skips seen items and ranks by dot product when asked", () => {
  const rng = createRng(4);
  const users = {
    data: Float32Array.from({ length: 3 * 4 }, () => rng.normal()),
    rows: 3,
    cols: 4,
  };
  const items = {
    data: Float32Array.from({ length: 12 * 4 }, () => rng.normal() * rng.uniform(0.2, 3)),
    rows: 12,
    cols: 4,
  };
  const seen = [Int32Array.of(0, 1), Int32Array.of(), Int32Array.of(5)];
  const lists = retrieveUnseen(users, items, seen, { k: 4, score: "dot" });
  lists.forEach((list, u) => {
    const dot = (i: number) =>
      [0, 1, 2, 3].reduce((s, j) => s + users.data[u * 4 + j] * items.data[i * 4 + j], 0);
    const brute = Array.from({ length: 12 }, (_, i) => i).filter((i) => !seen[u].includes(i))
      .sort((a, b) => dot(b) - dot(a)).slice(0, 4);
    assert.deepEqual([...list], brute);
  });
});

Deno.test("alsFactorize() recovers block structure: users score their own block's items highest", () => {
  // Users 0–4 watched items 0–4, users 5–9 items 5–9 (each misses one item of its block).
  const train = Array.from({ length: 10 }, (_, u) => {
    const base = u < 5 ? 0 : 5;
    return Int32Array.from([0, 1, 2, 3, 4].filter((j) => j !== u % 5), (j) => base + j);
  });
  const { userVectors, itemVectors } = alsFactorize(train, 10, {
    dim: 2,
    regularization: 0.1,
    seed: 1,
  });
  const lists = retrieveUnseen(userVectors, itemVectors, train, { k: 1, score: "dot" });
  lists.forEach((list, u) => assert.equal(list[0], (u < 5 ? 0 : 5) + (u % 5)));
});

Deno.test("alsFactorize() ends on the item half-step of the normal equations, V = RᵀU (UᵀU + λI)⁻¹", () => {
  // Checked with a dense R built here (a repeated item counts once, R is binary) and ml-matrix's
  // own solve; after enough sweeps the user half-step U = RV (VᵀV + λI)⁻¹ holds as well.
  const train = [
    Int32Array.of(0, 2, 2),
    Int32Array.of(1, 2),
    Int32Array.of(3),
    Int32Array.of(0, 3, 4),
  ];
  const nItems = 5, dim = 2, lambda = 0.5;
  const r = new Matrix(train.length, nItems);
  train.forEach((items, u) => items.forEach((i) => r.set(u, i, 1)));
  const toMatrix = (m: { data: Float32Array | Float64Array; rows: number; cols: number }) =>
    new Matrix(
      Array.from(
        { length: m.rows },
        (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)),
      ),
    );
  const halfStep = (other: Matrix, ratings: Matrix) =>
    solve(
      other.transpose().mmul(other).add(Matrix.eye(dim).mul(lambda)),
      ratings.mmul(other).transpose(),
    )
      .transpose();
  for (const iterations of [1, 400]) {
    const f = alsFactorize(train, nItems, { dim, regularization: lambda, iterations, seed: 3 });
    const [u, v] = [toMatrix(f.userVectors), toMatrix(f.itemVectors)];
    assertClose(v.to1DArray(), halfStep(u, r.transpose()).to1DArray(), { abs: 1e-6 });
    if (iterations > 1) assertClose(u.to1DArray(), halfStep(v, r).to1DArray(), { abs: 1e-4 });
  }
});

Deno.test("a two-tower model trained with in-batch softmax beats popularity on simulated users", async () => {
  await setupTf();
  const films = movieCatalogue();
  const world = simulateMovieUsers(films, { users: 150, itemsPerUser: 20, seed: 3 });
  const counts = new Float64Array(films.features.rows);
  world.train.forEach((l) => l.forEach((i) => counts[i]++));
  const popular = Array.from(counts.keys()).sort((a, b) => counts[b] - counts[a]);
  const popLists = world.train.map((s) =>
    Int32Array.from(popular.filter((i) => !s.includes(i)).slice(0, 20))
  );
  const users = Int32Array.from(world.train.flatMap((l, u) => Array.from(l, () => u)));
  const items = Int32Array.from(world.train.flatMap((l) => Array.from(l)));
  const model = await trainTwoTower(users, items, films.features, {
    epochs: 8,
    batchSize: 128,
    seed: 5,
  });
  assert.ok(model.losses.at(-1)! < model.losses[0]);
  const tower = retrievalScores(
    retrieveUnseen(model.userVectors, model.itemVectors, world.train, { k: 20 }),
    world.test,
    { k: 20 },
  );
  const pop = retrievalScores(popLists, world.test, { k: 20 });
  assert.ok(tower.recall > pop.recall, `two-tower ${tower.recall}, popularity ${pop.recall}`);
});

Deno.test("the log q correction shifts each logit row by a constant when items are equally frequent", async () => {
  // -log q_c is added to column c of every row; the softmax of a row is unchanged by a constant
  // shift (softmax(z + a) = softmax(z)), so with uniform shares the correction changes nothing,
  // and with skewed shares it changes the loss.
  await setupTf();
  const features = { data: Float32Array.of(1, 0, 0, 1, 1, 1, 0.5, 0), rows: 4, cols: 2 };
  const run = async (items: Int32Array, logQCorrection: boolean) =>
    (await trainTwoTower(Int32Array.of(0, 1, 2, 3), items, features, {
      epochs: 1,
      batchSize: 4,
      dim: 2,
      hidden: 3,
      logQCorrection,
      seed: 9,
    })).losses[0];
  const uniform = Int32Array.of(0, 1, 2, 3), skewed = Int32Array.of(0, 0, 0, 1);
  assertClose(await run(uniform, true), await run(uniform, false), { abs: 1e-5 });
  assert.ok(Math.abs((await run(skewed, true)) - (await run(skewed, false))) > 1e-3);
  await assert.rejects(
    () => run(uniform, "yes" as unknown as boolean),
    /logQCorrection must be a boolean/,
  );
});

Deno.test("the log q correction gives the hand-computed in-batch loss when cosines do not matter", async () => {
  // With τ = 10⁶ the cosines add at most 10⁻⁶ to each logit, so logit c ≈ −log q_c. Items 0, 0, 0, 1
  // have shares q = 3/4, 3/4, 3/4, 1/4: row b's softmax at its own column is (1/q_b) / Σ_c 1/q_c,
  // with Σ 1/q = 3 · 4/3 + 4 = 8, i.e. 1/6 for the three rows of item 0 and 1/2 for item 1; the mean
  // loss is (3 ln 6 + ln 2) / 4. Without the correction all logits are equal: ln 4.
  await setupTf();
  const features = { data: Float32Array.of(1, 0, 0, 1), rows: 2, cols: 2 };
  const firstLoss = async (logQCorrection: boolean) =>
    (await trainTwoTower(Int32Array.of(0, 1, 2, 3), Int32Array.of(0, 0, 0, 1), features, {
      epochs: 1,
      batchSize: 4,
      dim: 2,
      hidden: 3,
      temperature: 1e6,
      logQCorrection,
      seed: 2,
    })).losses[0];
  assertClose(await firstLoss(true), (3 * Math.log(6) + Math.log(2)) / 4, { abs: 1e-5 });
  assertClose(await firstLoss(false), Math.log(4), { abs: 1e-5 });
});

Deno.test("simulateMovieUsers() gives disjoint train and test lists and checks its options", async () => {
  const films = movieCatalogue();
  const world = simulateMovieUsers(films, { users: 5, itemsPerUser: 12, seed: 1 });
  world.train.forEach((t, u) => {
    assert.equal(t.length + world.test[u].length, 12);
    assert.equal(new Set([...t, ...world.test[u]]).size, 12);
  });
  assert.deepEqual(simulateMovieUsers(films, { users: 5, itemsPerUser: 12, seed: 1 }), world);
  assert.throws(() => simulateMovieUsers(films, { users: 0, seed: 1 }), /users must be at least 1/);
  await assert.rejects(
    () => trainTwoTower(Int32Array.of(0), Int32Array.of(0), films.features, { seed: 1 }),
    /same length \(≥ 2\)/,
  );
});
