import assert from "node:assert/strict";
import fc from "fast-check";
import { accuracyScore, confusionMatrix } from "@lib/metrics/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { throwsWith } from "./_throws.ts";

Deno.test("confusionMatrix() matches scikit-learn's docstring", () => {
  const { labels, matrix } = confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]);
  assert.deepEqual(labels, [0, 1, 2]);
  assert.deepEqual(matrix, [[2, 0, 0], [0, 0, 1], [1, 0, 2]]);
});

Deno.test("confusionMatrix() of binary labels is [[TN, FP], [FN, TP]]", () => {
  // scikit-learn's docstring: tn, fp, fn, tp = 0, 2, 1, 1.
  assert.deepEqual(confusionMatrix([0, 1, 0, 1], [1, 1, 1, 0]).matrix, [[0, 2], [1, 1]]);
});

Deno.test("confusionMatrix() follows the order of labels and drops unlisted labels", () => {
  // "ant", "bird", "cat" of scikit-learn's docstring coded as 5, 7, 9; listed as cat, ant.
  const yTrue = [9, 5, 9, 9, 5, 7], yPred = [5, 5, 9, 9, 5, 9];
  const { labels, matrix } = confusionMatrix(yTrue, yPred, { labels: [9, 5] });
  assert.deepEqual(labels, [9, 5]);
  assert.deepEqual(matrix, [[2, 1], [0, 2]]);
});

Deno.test("confusionMatrix() adds sample weights and normalises rows, columns or all", () => {
  const w = [1, 2, 1, 0.5];
  assert.deepEqual(confusionMatrix([0, 1, 0, 1], [1, 1, 1, 0], { sampleWeight: w }).matrix, [
    [0, 2],
    [0.5, 2],
  ]);
  const t = [0, 0, 1, 1, 1], p = [0, 1, 1, 1, 0];
  assert.deepEqual(confusionMatrix(t, p, { normalize: "true" }).matrix, [[0.5, 0.5], [
    1 / 3,
    2 / 3,
  ]]);
  assert.deepEqual(confusionMatrix(t, p, { normalize: "pred" }).matrix, [[0.5, 1 / 3], [
    0.5,
    2 / 3,
  ]]);
  assert.deepEqual(confusionMatrix(t, p, { normalize: "all" }).matrix, [[0.2, 0.2], [0.2, 0.4]]);
  // A listed label that never occurs keeps an all-zero row after normalising.
  assert.deepEqual(confusionMatrix([0, 0], [0, 0], { labels: [0, 1], normalize: "true" }).matrix, [
    [1, 0],
    [0, 0],
  ]);
});

Deno.test("confusionMatrix() diagonal over the total equals accuracyScore()", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: -2, max: 3 }), fc.integer({ min: -2, max: 3 })), {
        minLength: 1,
        maxLength: 40,
      }),
      (pairs) => {
        const t = pairs.map((p) => p[0]), p = pairs.map((p) => p[1]);
        const { matrix } = confusionMatrix(t, p);
        const diagonal = matrix.reduce((s, row, i) => s + row[i], 0);
        assertClose(diagonal / t.length, accuracyScore(t, p));
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("confusionMatrix() rejects bad labels, normalize and mismatched arrays", () => {
  throwsWith(
    () => confusionMatrix([0, 1], [0, 1], { labels: [1, 0, 1] }),
    RangeError,
    "Cannot compute confusionMatrix: labels must be unique, got 1 twice",
  );
  throwsWith(
    () => confusionMatrix([0, 1], [0, 1], { labels: [] }),
    RangeError,
    "Cannot compute confusionMatrix: labels must not be empty",
  );
  throwsWith(
    () => confusionMatrix([0, 1], [0, 1], { labels: [2, 3] }),
    RangeError,
    "Cannot compute confusionMatrix: at least one of labels must occur in yTrue, got [2,3]",
  );
  throwsWith(
    () => confusionMatrix([0, 1], [0, 1], { normalize: "rows" as "true" }),
    RangeError,
    'Cannot compute confusionMatrix: normalize must be one of "none", "true", "pred", "all", got "rows"',
  );
  throwsWith(
    () => confusionMatrix([0, 1], [0]),
    RangeError,
    "Cannot compute confusionMatrix: yTrue and yPred must have the same length, got 2 and 1",
  );
});
