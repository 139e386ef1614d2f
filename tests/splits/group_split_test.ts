import assert from "node:assert/strict";
import fc from "fast-check";
import { groupSplit, splitSizes } from "@lib/splits/mod.ts";
import { assertPartition, countBy, namedRatios } from "./_partition.ts";

Deno.test("groupSplit() keeps every group whole and sizes within the largest group of the ratio", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 4, maxLength: 200 }),
      fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 4 }),
      fc.integer({ min: 1, max: 1000 }),
      (groups, weights, seed) => {
        const ratios = namedRatios(weights);
        const sizes = countBy(groups, groups.map((_, i) => i));
        const largest = Math.max(...sizes.values());
        let targets: Record<string, number>;
        try {
          targets = splitSizes(groups.length, ratios);
        } catch {
          fc.pre(false);
          return;
        }
        fc.pre(sizes.size >= weights.length);
        const split = groupSplit(groups, { ratios, seed });
        const parts = Object.values(split);
        assertPartition(parts, groups.length);
        const owner = new Map<number, number>();
        parts.forEach((part, p) => {
          assert.ok(part.length > 0, "no empty part");
          for (const i of part) {
            assert.equal(owner.get(groups[i]) ?? p, p, `group ${groups[i]} in two parts`);
            owner.set(groups[i], p);
          }
        });
        // A cut lands at the boundary nearest to its target, within half a group of it, so a
        // part is within one largest group of its target size.
        for (const [name, part] of Object.entries(split)) {
          assert.ok(Math.abs(part.length - targets[name]) <= largest, name);
        }
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("groupSplit() with groups of one row equals the largest-remainder sizes", () => {
  const groups = Array.from({ length: 20 }, (_, i) => `user${i}`);
  const split = groupSplit(groups, {
    ratios: { train: 0.7, validation: 0.15, test: 0.15 },
    seed: 5,
  });
  assert.deepEqual(
    [split.train.length, split.validation.length, split.test.length],
    [14, 3, 3],
  );
});

Deno.test("groupSplit() cuts at the group boundary nearest to the target", () => {
  // Four groups of 3 rows; 50:50 of 12 rows targets a cut after 6 rows – a boundary.
  const groups = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3];
  const { train, test } = groupSplit(groups, { ratios: { train: 0.5, test: 0.5 }, seed: 9 });
  assert.deepEqual([train.length, test.length], [6, 6]);
  // 75:25 targets 9 rows: again a boundary, whatever the group order.
  const b = groupSplit(groups, { ratios: { train: 0.75, test: 0.25 }, seed: 9 });
  assert.deepEqual([b.train.length, b.test.length], [9, 3]);
});

Deno.test("groupSplit() rejects fewer groups than parts and missing group keys", () => {
  assert.throws(
    () => groupSplit(["a", "a", "b", "b"], { ratios: { a: 0.5, b: 0.25, c: 0.25 }, seed: 1 }),
    new RangeError("Cannot make a group split: only 2 groups for 3 parts"),
  );
  assert.throws(
    () =>
      groupSplit(["a", null, "b"] as unknown as string[], { ratios: { a: 0.5, b: 0.5 }, seed: 1 }),
    new RangeError("Cannot make a group split: groups[1] is missing or not finite, got null"),
  );
  assert.throws(
    () => groupSplit([{}, {}] as unknown as string[], { ratios: { a: 0.5, b: 0.5 }, seed: 1 }),
    new TypeError("Cannot make a group split: groups[0] must be a string or a number, got object"),
  );
  assert.throws(() => groupSplit(["a", "b"], { ratios: { a: 0.5, b: 0.5 } }), /seed or rng/);
});
