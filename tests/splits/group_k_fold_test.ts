import assert from "node:assert/strict";
import fc from "fast-check";
import { groupKFold } from "@lib/splits/mod.ts";
import { assertPartition, countBy } from "./_partition.ts";

Deno.test("groupKFold() puts each group in exactly one fold, fold sizes within the largest group", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 300 }),
      fc.integer({ min: 2, max: 10 }),
      fc.integer({ min: 1, max: 1000 }),
      (groups, k, seed) => {
        const sizes = countBy(groups, groups.map((_, i) => i));
        fc.pre(sizes.size >= k);
        const { folds, foldOf } = groupKFold(groups, { k, seed });
        assertPartition(folds.map((f) => f.validation), groups.length);
        folds.forEach((f) => assertPartition([f.train, f.validation], groups.length));
        const foldOfGroup = new Map<number, number>();
        groups.forEach((g, i) => {
          assert.equal(foldOfGroup.get(g) ?? foldOf[i], foldOf[i], `group ${g} split`);
          foldOfGroup.set(g, foldOf[i]);
        });
        const lengths = folds.map((f) => f.validation.length);
        assert.ok(Math.min(...lengths) > 0);
        assert.ok(Math.max(...lengths) - Math.min(...lengths) <= Math.max(...sizes.values()));
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("groupKFold() balances groups of sizes 5, 4, 3, 2, 1 into two folds of 8 and 7", () => {
  // Largest first to the lighter fold: 5→A, 4→B, 3→B (4<5), 2→A (5<7), 1→A or B (7=7 → A).
  const groups = [..."aaaaa", ..."bbbb", ..."ccc", ..."dd", "e"];
  const { folds } = groupKFold(groups, { k: 2, seed: 4 });
  assert.deepEqual(folds.map((f) => f.validation.length), [8, 7]);
});

Deno.test("groupKFold() rejects k above the number of groups and k < 2", () => {
  assert.throws(
    () => groupKFold(["a", "a", "b", "b"], { k: 3, seed: 1 }),
    new RangeError(
      "Cannot make a group k-fold split: k must be at most the number of groups (2), got 3",
    ),
  );
  assert.throws(
    () => groupKFold(["a", "b"], { k: 1, seed: 1 }),
    new RangeError("Cannot make a group k-fold split: k must be at least 2, got 1"),
  );
  assert.throws(
    () => groupKFold(["a", "b"], { k: 3, seed: 1 }),
    new RangeError(
      "Cannot make a group k-fold split: k must be at most the number of rows (2), got 3",
    ),
  );
});
