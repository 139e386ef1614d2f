import assert from "node:assert/strict";
import { assertClose } from "../_util/assert_close.ts";
import { setupTf, tf } from "../../lib/tf/mod.ts";
import { logisticRegression } from "../../lib/models/mod.ts";
import { fitTextClassifier, textClassifierAccuracy } from "../../lib/text/mod.ts";
import {
  drawLabelled,
  meanWordVectors,
  splitLabelled,
  textClassifierAuc,
  trainWordVectors,
} from "../../lib/transfer/mod.ts";

await setupTf();

/** v(a) = (1, 2, 2), v(b) = (3, 0, 4). */
const table = {
  index: new Map([["a", 0], ["b", 1]]),
  vectors: { data: Float64Array.of(1, 2, 2, 3, 0, 4), rows: 2, cols: 3 },
};

Deno.test("meanWordVectors() averages every known occurrence (hand-worked)", () => {
  // ["a", "b", "a", "zzz"]: "zzz" is unknown, so (2·v(a) + v(b)) / 3 = (5, 4, 8) / 3.
  const docs = [["a", "b", "a", "zzz"], [], ["zzz"]];
  const raw = meanWordVectors(docs, table, { normalize: "none" });
  assert.equal(raw.numRows, 3);
  assert.equal(raw.numFeatures, 3);
  assertClose(raw.values.slice(0, 3), [5 / 3, 4 / 3, 8 / 3], { rel: 1e-6 });
  assert.deepEqual([...raw.values.slice(3)], [0, 0, 0, 0, 0, 0]); // nothing known: zeros
  // Unit length: |(5, 4, 8)| = √105.
  const unit = meanWordVectors(docs, table);
  const s = Math.sqrt(105);
  assertClose(unit.values.slice(0, 3), [5 / s, 4 / s, 8 / s], { rel: 1e-6 });
  assert.deepEqual([...unit.values.slice(3)], [0, 0, 0, 0, 0, 0]);
});

Deno.test("meanWordVectors() rejects bad input, naming the argument", () => {
  assert.throws(() => meanWordVectors([["a"]], table, { normalize: "l1" as "l2" }), /normalize/);
  assert.throws(() => meanWordVectors("a b" as unknown as string[][], table), /documents must/);
  assert.throws(
    () => meanWordVectors([["a"], "b" as unknown as string[]], table),
    /documents\[1\]/,
  );
  assert.throws(
    () => meanWordVectors([["a"]], { index: {} } as unknown as typeof table),
    /table must have a Map index/,
  );
  const short = { ...table, vectors: { ...table.vectors, data: Float64Array.of(1, 2) } };
  assert.throws(() => meanWordVectors([["a"]], short), /rows × cols = 6 values, got 2/);
  const outside = { ...table, index: new Map([["a", 5]]) };
  assert.throws(() => meanWordVectors([["a"]], outside), /row 5, outside 0 … 1/);
});

/** Two topics that share no word; each document draws 8 words of its topic. */
function twoTopics(n: number, seed: number) {
  const topics = [["goal", "match", "team", "score"], ["stock", "price", "market", "bank"]];
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, (_, i) => {
    const words = topics[i % 2];
    return Array.from({ length: 8 }, () => words[Math.floor(next() * 4)]);
  });
}

Deno.test("trainWordVectors() is seeded and its averages separate two topics", async () => {
  const docs = twoTopics(200, 5);
  const options = { dim: 8, window: 3, epochs: 5, sample: 0, seed: 2 };
  const one = trainWordVectors(docs, options), two = trainWordVectors(docs, options);
  assert.deepEqual(one.vectors.data, two.vectors.data);
  assert.notDeepEqual(
    trainWordVectors(docs, { ...options, seed: 3 }).vectors.data,
    one.vectors.data,
  );
  assert.equal(one.index.size, 8);
  assert.equal(one.wordsTrained, 200 * 8 * 5); // no subsampling: every word, every epoch
  // Four labelled documents are enough for a linear classifier on the averaged vectors.
  const features = meanWordVectors(docs, one);
  const model = await fitTextClassifier(features, [0, 1, 0, 1], { seed: 1, rows: [0, 1, 2, 3] });
  const rest = Array.from({ length: 196 }, (_, i) => i + 4);
  assert.equal(textClassifierAccuracy(model, features, rest.map((i) => i % 2), { rows: rest }), 1);
  model.dispose();
});

Deno.test("trainWordVectors() drops rare words and fails when none is left", () => {
  const t = trainWordVectors([["a", "b", "a"], ["c", "a", "b"]], { minCount: 2, dim: 2, seed: 1 });
  assert.deepEqual([...t.index.keys()], ["a", "b"]);
  assert.equal(t.vectors.data.length, 4);
  assert.throws(() => trainWordVectors([["a"]], { minCount: 2, seed: 1 }), /minCount/);
});

const labels = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? 1 : 0)); // 10 ones, 20 zeros

Deno.test("splitLabelled() gives disjoint, seeded parts with the asked sizes per class", () => {
  const split = splitLabelled(labels, { testPerClass: 3, labelledPerClass: 4, seed: 9 });
  assert.equal(split.test.length, 6);
  assert.deepEqual(split.test.map((r) => labels[r]).sort(), [0, 0, 0, 1, 1, 1]);
  assert.deepEqual(split.pool.map((rows) => rows.map((r) => labels[r])), [[0, 0, 0, 0], [
    1,
    1,
    1,
    1,
  ]]);
  assert.equal(split.unlabelled.length, 30 - 6 - 8);
  const all = [...split.test, ...split.pool.flat(), ...split.unlabelled];
  assert.equal(new Set(all).size, 30);
  assert.deepEqual(splitLabelled(labels, { testPerClass: 3, labelledPerClass: 4, seed: 9 }), split);
  assert.notDeepEqual(
    splitLabelled(labels, { testPerClass: 3, labelledPerClass: 4, seed: 10 }),
    split,
  );
});

Deno.test("splitLabelled() rejects bad labels, sizes and small classes", () => {
  assert.throws(
    () => splitLabelled([0, 2], { testPerClass: 1, labelledPerClass: 1, seed: 1 }),
    /labels\[1\] = 2/,
  );
  assert.throws(
    () => splitLabelled(labels, { testPerClass: 0, labelledPerClass: 1, seed: 1 }),
    /testPerClass/,
  );
  assert.throws(
    () => splitLabelled(labels, { testPerClass: 5, labelledPerClass: 6, seed: 1 }),
    /class 1 has 10 documents, need at least testPerClass \+ labelledPerClass = 11/,
  );
  assert.throws(
    () => splitLabelled(labels, { testPerClass: 1, labelledPerClass: 1 }),
    /seed or rng/,
  );
});

Deno.test("drawLabelled() draws distinct rows of each class from the pool, seeded", () => {
  const pool: [number[], number[]] = [[0, 2, 4, 6, 8], [1, 3, 5, 7, 9]];
  const a = drawLabelled(pool, 3, { seed: 4 });
  assert.deepEqual(a.labels, [0, 1, 0, 1, 0, 1]);
  assert.equal(new Set(a.rows).size, 6);
  assert.ok(a.rows.every((r, i) => pool[a.labels[i]].includes(r)));
  assert.deepEqual(drawLabelled(pool, 3, { seed: 4 }), a);
  const draws = new Set(
    Array.from({ length: 10 }, (_, s) => drawLabelled(pool, 3, { seed: s }).rows.join()),
  );
  assert.ok(draws.size > 1);
  assert.throws(
    () => drawLabelled(pool, 6, { seed: 1 }),
    /pool\[0\] has 5 rows, fewer than perClass = 6/,
  );
  assert.throws(() => drawLabelled(pool, 0, { seed: 1 }), /perClass/);
  assert.throws(
    () => drawLabelled([pool[0]] as unknown as typeof pool, 1, { seed: 1 }),
    /two arrays/,
  );
});

Deno.test("textClassifierAuc() ranks by the model's score (hand-worked)", () => {
  // Weight 1 on the only feature, bias 0: scores follow the feature. Labels 0, 1, 0, 1 with
  // features 0.1, 0.3, 0.35, 0.8 give the (positive, negative) pairs 0.3 > 0.1 ✓, 0.3 < 0.35 ✗,
  // 0.8 > 0.1 ✓, 0.8 > 0.35 ✓: AUC 3/4.
  const model = logisticRegression({ inputDim: 1, seed: 0 });
  const dense = model.layers[0];
  tf.tidy(() => dense.setWeights([tf.tensor2d([[1]]), tf.tensor1d([0])]));
  const features = { values: Float32Array.of(0.1, 0.3, 0.35, 0.8), numRows: 4, numFeatures: 1 };
  assert.equal(textClassifierAuc(model, features, [0, 1, 0, 1]), 0.75);
  assert.throws(() => textClassifierAuc(model, features, [0, 1]), /one entry per row, got 2 for 4/);
  const bad = { ...features, numRows: 5 };
  assert.throws(
    () => textClassifierAuc(model, bad, [0, 1, 0, 1, 0]),
    /numRows × numFeatures = 5, got 4/,
  );
  model.dispose();
});
