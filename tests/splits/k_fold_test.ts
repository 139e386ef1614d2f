import assert from "node:assert/strict";
import fc from "fast-check";
import { kFold, stratifiedKFold } from "@lib/splits/mod.ts";
import { assertPartition, countBy } from "./_partition.ts";

function assertFolds(folds: { train: Int32Array; validation: Int32Array }[], foldOf: Int32Array) {
  const n = foldOf.length;
  assertPartition(folds.map((f) => f.validation), n, "validation folds");
  folds.forEach((f, k) => {
    assertPartition([f.train, f.validation], n, `fold ${k}`);
    for (const i of f.validation) assert.equal(foldOf[i], k);
  });
}

Deno.test("kFold() validates every row in exactly one fold, folds of floor or ceil n/k", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 300 }),
      fc.integer({ min: 2, max: 20 }),
      fc.integer({ min: 1, max: 1000 }),
      (n, k, seed) => {
        fc.pre(k <= n);
        const { folds, foldOf } = kFold(n, { k, seed });
        assert.equal(folds.length, k);
        assertFolds(folds, foldOf);
        for (const f of folds) {
          assert.ok(
            f.validation.length === Math.floor(n / k) || f.validation.length === Math.ceil(n / k),
          );
        }
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("kFold() gives the first n mod k folds the extra row, as scikit-learn's KFold", () => {
  const { folds } = kFold(11, { k: 4, seed: 3 });
  assert.deepEqual(folds.map((f) => f.validation.length), [3, 3, 3, 2]);
  assert.deepEqual(kFold(11, { k: 4, seed: 3 }), kFold(11, { k: 4, seed: 3 }));
});

Deno.test("stratifiedKFold() keeps every class within one row of n_c/k in every fold", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 300 }),
      fc.integer({ min: 2, max: 8 }),
      fc.integer({ min: 1, max: 1000 }),
      (labels, k, seed) => {
        const n = labels.length;
        const classCounts = countBy(labels, labels.map((_, i) => i));
        fc.pre([...classCounts.values()].every((c) => c >= k));
        const { folds, foldOf } = stratifiedKFold(labels, { k, seed });
        assertFolds(folds, foldOf);
        folds.forEach((f, j) => {
          const expected = Math.floor(n / k) + (j < n % k ? 1 : 0);
          assert.equal(f.validation.length, expected, `size of fold ${j}`);
          const inFold = countBy(labels, f.validation);
          for (const [cls, nc] of classCounts) {
            const got = inFold.get(cls) ?? 0;
            assert.ok(got === Math.floor(nc / k) || got === Math.ceil(nc / k), `class ${cls}`);
          }
        });
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("kFold() and stratifiedKFold() reject k < 2 and k > n", () => {
  assert.throws(
    () => kFold(10, { k: 1, seed: 1 }),
    new RangeError("Cannot make a k-fold split: k must be at least 2, got 1"),
  );
  assert.throws(
    () => kFold(3, { k: 4, seed: 1 }),
    new RangeError("Cannot make a k-fold split: k must be at most the number of rows (3), got 4"),
  );
  assert.throws(
    () => kFold(10, { k: 2.5, seed: 1 }),
    new RangeError("Cannot make a k-fold split: k must be an integer, got 2.5"),
  );
  assert.throws(
    () => stratifiedKFold([0, 1, 0], { k: 5, seed: 1 }),
    new RangeError(
      "Cannot make a stratified k-fold split: k must be at most the number of rows (3), got 5",
    ),
  );
  assert.throws(
    () => stratifiedKFold([0, 1, 0, 1], { k: 1, seed: 1 }),
    /k must be at least 2, got 1/,
  );
});

Deno.test("stratifiedKFold() rejects a class with fewer members than folds, naming it", () => {
  assert.throws(
    () => stratifiedKFold(["spam", "ham", "ham", "ham", "ham", "ham"], { k: 2, seed: 1 }),
    new RangeError(
      'Cannot make a stratified k-fold split: class "spam" has 1 member, fewer than the 2 folds ' +
        "(every class needs at least one member per fold)",
    ),
  );
  assert.throws(
    () => stratifiedKFold([0, 0, 0, 1, 1, 0], { k: 3, seed: 1 }),
    new RangeError(
      "Cannot make a stratified k-fold split: class 1 has 2 members, fewer than the 3 folds " +
        "(every class needs at least one member per fold)",
    ),
  );
});
