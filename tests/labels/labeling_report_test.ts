import assert from "node:assert/strict";
import { annotatorAccuracy, labelingReport } from "@lib/labels/mod.ts";

const table = {
  nItems: 4,
  nClasses: 2,
  nAnnotators: 2,
  item: [0, 1, 2, 3, 0, 1],
  annotator: [0, 0, 0, 0, 1, 1],
  label: [0, 1, 1, 1, 0, 0],
  totalCost: 5,
};

Deno.test("labelingReport() weighs accuracy against cost", () => {
  // Truth 0 1 0 1, estimate 0 1 1 1: 3 of 4 right; 5 / 4 per item, 5 / 3 per correct label,
  // 6 labels for 4 items.
  assert.deepEqual(labelingReport([0, 1, 0, 1], [0, 1, 1, 1], table), {
    accuracy: 0.75,
    correct: 3,
    totalCost: 5,
    costPerItem: 1.25,
    costPerCorrectLabel: 5 / 3,
    labelsPerItem: 1.5,
  });
  assert.equal(labelingReport([0, 0, 0, 0], [1, 1, 1, 1], table).costPerCorrectLabel, Infinity);
});

Deno.test("annotatorAccuracy() counts each annotator's correct labels", () => {
  // Annotator 0 labels items 0–3 as 0 1 1 1 (truth 0 1 0 1): 3/4; annotator 1: items 0, 1 as 0 0: 1/2.
  assert.deepEqual([...annotatorAccuracy([0, 1, 0, 1], table)], [0.75, 0.5]);
  assert.ok(Number.isNaN(annotatorAccuracy([0, 1, 0, 1], { ...table, nAnnotators: 3 })[2]));
});

Deno.test("labelingReport() and annotatorAccuracy() reject mismatched input", () => {
  assert.throws(
    () => labelingReport([0, 1, 0], [0, 1, 1, 1], table),
    new RangeError(
      "Cannot report labelling accuracy and cost: yTrue and labels must have one entry per " +
        "item (4), got 3 and 4",
    ),
  );
  assert.throws(
    () => labelingReport([0, 1, 0, 1], [0, 1, 1, 3], table),
    new RangeError(
      "Cannot report labelling accuracy and cost: labels[3] must be an integer in [0, 2), got 3",
    ),
  );
  assert.throws(
    () => labelingReport([0, 1, 0, 1], [0, 1, 1, 1], { ...table, totalCost: -1 }),
    new RangeError(
      "Cannot report labelling accuracy and cost: annotations.totalCost must be a non-negative " +
        "number, got -1",
    ),
  );
  assert.throws(
    () => annotatorAccuracy([0, 1], table),
    new RangeError(
      "Cannot compute annotator accuracy: yTrue must have one entry per item (4), got 2",
    ),
  );
  assert.throws(
    () => annotatorAccuracy("01" as unknown as number[], table),
    new TypeError(
      "Cannot compute annotator accuracy: yTrue must be an array of class indices",
    ),
  );
});
