import assert from "node:assert/strict";
import {
  fitTextClassifier,
  hashedBagOfWords,
  type HashedFeatures,
  textClassifierAccuracy,
  textClassifierProbabilities,
} from "@lib/text/mod.ts";
import { evaluate, fit, logisticRegression } from "@lib/models/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { setupTf, tf } from "@lib/tf/mod.ts";

await setupTf();

/** Seeded toy mails: spam uses words from one list, ham from another, both share filler words. */
function mails(n: number, seed: number) {
  const rng = createRng(seed);
  const spamWords = ["free", "win", "money", "offer", "click"];
  const hamWords = ["meeting", "notes", "lunch", "report", "agenda"];
  const filler = ["the", "a", "today", "please", "thanks"];
  const labels: number[] = [], docs: string[][] = [];
  for (let i = 0; i < n; i++) {
    const spam = rng.int(0, 1);
    const words = spam === 1 ? spamWords : hamWords;
    labels.push(spam);
    docs.push([words[rng.int(0, 4)], words[rng.int(0, 4)], filler[rng.int(0, 4)]]);
  }
  return { features: hashedBagOfWords(docs, { dimensions: 64 }), labels };
}

Deno.test("fitTextClassifier() and textClassifierAccuracy() equal logisticRegression → fit → evaluate by hand", async () => {
  // Reference: the same steps composed from lib/models on the selected rows.
  const { features, labels } = mails(50, 1);
  const rows = [3, 7, 1, 20, 9, 30, 41, 12, 5, 44, 18, 27];
  const x = tf.tensor2d(
    Float32Array.from(rows.flatMap((i) => [...features.values.subarray(i * 64, (i + 1) * 64)])),
    [rows.length, 64],
  );
  const y = tf.tensor2d(rows.map((i) => labels[i]), [rows.length, 1]);
  const reference = logisticRegression({ inputDim: 64, seed: 4, learningRate: 0.1 });
  await fit(reference, x, y, { epochs: 40, batchSize: rows.length, seed: 4, progress: false });
  const expected = evaluate(reference, x, y).metrics.acc;
  const referenceWeights = reference.getWeights().map((w) => [...w.dataSync()]);
  tf.dispose([x, y]);
  reference.dispose();

  const yRows = rows.map((i) => labels[i]);
  const model = await fitTextClassifier(features, yRows, { rows, seed: 4 });
  assert.deepEqual(model.getWeights().map((w) => [...w.dataSync()]), referenceWeights);
  assert.equal(textClassifierAccuracy(model, features, yRows, { rows }), expected);
  model.dispose();
});

Deno.test("fitTextClassifier() separates words of two classes and scores held-out rows", async () => {
  const { features, labels } = mails(80, 2);
  const train = Array.from({ length: 60 }, (_, i) => i),
    test = [...Array(20).keys()].map((i) => 60 + i);
  const model = await fitTextClassifier(features, train.map((i) => labels[i]), {
    rows: train,
    seed: 0,
  });
  assert.equal(
    textClassifierAccuracy(model, features, test.map((i) => labels[i]), { rows: test }),
    1,
  );
  model.dispose();
});

Deno.test("fitTextClassifier() uses every row by default, is reproducible and leaks no tensors", async () => {
  const { features, labels } = mails(30, 3);
  const before = tf.memory().numTensors;
  const a = await fitTextClassifier(features, labels, { seed: 9, epochs: 5 });
  const b = await fitTextClassifier(features, labels, {
    seed: 9,
    epochs: 5,
    rows: [...labels.keys()],
  });
  assert.deepEqual(
    a.getWeights().map((w) => [...w.dataSync()]),
    b.getWeights().map((w) => [...w.dataSync()]),
  );
  const accuracy = textClassifierAccuracy(a, features, labels);
  assert.ok(accuracy >= 0 && accuracy <= 1);
  a.dispose();
  b.dispose();
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("fitTextClassifier() and textClassifierAccuracy() reject malformed inputs with Cannot … messages", async () => {
  const { features } = mails(4, 4);
  const labels = [0, 1, 0, 1];
  const cases: [unknown, unknown, Record<string, unknown>, ErrorConstructor, string][] = [
    [
      { values: [1], numRows: 1, numFeatures: 1 },
      [0],
      {},
      TypeError,
      "features must be a HashedFeatures with Float32Array values",
    ],
    [
      { ...features, numRows: 5 },
      labels,
      {},
      RangeError,
      "features.values must hold numRows × numFeatures = 320, got 256",
    ],
    [features, [], { rows: [] }, RangeError, "rows must not be empty"],
    [features, [0], { rows: [4] }, RangeError, "rows[0] must be at most 3, got 4"],
    [
      features,
      [0, 1],
      {},
      RangeError,
      "labels must have one entry per row, got 2 labels for 4 rows",
    ],
    [features, [0, 1, 2, 0], {}, RangeError, "labels must be 0 or 1, got labels[2] = 2"],
  ];
  for (const [f, y, options, type, message] of cases) {
    const bad = f as HashedFeatures, badLabels = y as number[];
    const model = null as unknown as tf.LayersModel;
    const calls = [
      ["fit a text classifier", () => fitTextClassifier(bad, badLabels, { seed: 0, ...options })],
      [
        "compute textClassifierAccuracy",
        () => Promise.resolve().then(() => textClassifierAccuracy(model, bad, badLabels, options)),
      ],
    ] as const;
    for (const [context, call] of calls) {
      await assert.rejects(call, (e: Error) => {
        assert.ok(e instanceof type, `${message}: got ${e.constructor.name}`);
        assert.equal(e.message, `Cannot ${context}: ${message}`);
        return true;
      });
    }
  }
  await assert.rejects(() => fitTextClassifier(features, labels, { seed: -1 }), {
    name: "RangeError",
    message: "Cannot fit a text classifier: seed must be at least 0, got -1",
  });
  await assert.rejects(() => fitTextClassifier(features, labels, { seed: 0, epochs: 0 }), {
    name: "RangeError",
    message: "Cannot fit a text classifier: epochs must be at least 1, got 0",
  });
});

Deno.test("textClassifierProbabilities() agrees with textClassifierAccuracy() at the 0.5 threshold", async () => {
  const docs = [["win", "cash", "now"], ["cash", "prize"], ["team", "meeting"], [
    "meeting",
    "notes",
    "cash",
  ]];
  const features = hashedBagOfWords(docs, { dimensions: 32 });
  const labels = [1, 1, 0, 0];
  const model = await fitTextClassifier(features, labels, { seed: 3, epochs: 30 });
  const rows = [3, 0, 2];
  const p = textClassifierProbabilities(model, features, { rows });
  assert.equal(p.length, 3);
  assert.ok(p.every((v) => v > 0 && v < 1));
  const correct = rows.filter((r, j) => (p[j] > 0.5 ? 1 : 0) === labels[r]).length;
  const accuracy = textClassifierAccuracy(model, features, rows.map((r) => labels[r]), { rows });
  assert.equal(correct / 3, accuracy);
  assert.throws(
    () => textClassifierProbabilities(model, features, { rows: [4] }),
    /Cannot compute textClassifierProbabilities: rows\[0\]/,
  );
  model.dispose();
});
