import assert from "node:assert/strict";
import fc from "fast-check";
import { splitSizes, stratifiedSplit } from "@lib/splits/mod.ts";
import { assertPartition, countBy, namedRatios } from "./_partition.ts";

Deno.test("stratifiedSplit() keeps every class within one row of its proportion in every part", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 6, maxLength: 300 }),
      fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 4 }),
      fc.integer({ min: 1, max: 1000 }),
      (labels, weights, seed) => {
        const ratios = namedRatios(weights);
        const classCounts = countBy(labels, labels.map((_, i) => i));
        fc.pre([...classCounts.values()].every((c) => c >= weights.length));
        const n = labels.length;
        fc.pre(Object.values(ratios).every((r) => Math.round(n * r) >= 1));
        const split = stratifiedSplit(labels, { ratios, seed });
        const sizes = splitSizes(n, ratios);
        assertPartition(Object.values(split), n);
        for (const [name, part] of Object.entries(split)) {
          const r = ratios[name];
          assert.equal(part.length, sizes[name], `size of ${name}`);
          const inPart = countBy(labels, part);
          for (const [cls, nc] of classCounts) {
            const got = inPart.get(cls) ?? 0;
            assert.ok(Math.abs(got - nc * r) < 1, `class ${cls} in ${name}: ${got} vs ${nc * r}`);
          }
        }
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("stratifiedSplit() splits 60:20:20 with a rare class exactly by hand", () => {
  // 45 negatives, 5 positives. Quotas: negatives 27, 9, 9; positives 3, 1, 1 – all whole.
  const labels = [...Array(45).fill("neg"), ...Array(5).fill("pos")];
  const split = stratifiedSplit(labels, {
    ratios: { train: 0.6, validation: 0.2, test: 0.2 },
    seed: 11,
  });
  const pos = (idx: Int32Array) => [...idx].filter((i) => labels[i] === "pos").length;
  assert.deepEqual(
    [split.train.length, split.validation.length, split.test.length],
    [30, 10, 10],
  );
  assert.deepEqual([pos(split.train), pos(split.validation), pos(split.test)], [3, 1, 1]);
});

Deno.test("stratifiedSplit() rejects a class with fewer members than parts", () => {
  const labels = ["a", "a", "a", "a", "b"];
  assert.throws(
    () => stratifiedSplit(labels, { ratios: { train: 0.8, test: 0.2 }, seed: 1 }),
    new RangeError(
      'Cannot make a stratified split: class "b" has 1 member, fewer than the 2 parts ' +
        "(every class needs at least one member per part)",
    ),
  );
  assert.throws(
    () =>
      stratifiedSplit([1, 1, 1, 2, 2, 1], {
        ratios: { train: 0.5, validation: 0.25, test: 0.25 },
        seed: 1,
      }),
    new RangeError(
      "Cannot make a stratified split: class 2 has 2 members, fewer than the 3 parts " +
        "(every class needs at least one member per part)",
    ),
  );
});

Deno.test("stratifiedSplit() rejects missing labels, bad ratios and empty parts", () => {
  assert.throws(
    () => stratifiedSplit([0, 1, NaN, 1], { ratios: { train: 0.5, test: 0.5 }, seed: 1 }),
    new RangeError("Cannot make a stratified split: labels[2] is missing or not finite, got NaN"),
  );
  assert.throws(
    () => stratifiedSplit("abc" as unknown as string[], { ratios: { a: 0.5, b: 0.5 }, seed: 1 }),
    new TypeError("Cannot make a stratified split: labels must be an array of strings or numbers"),
  );
  assert.throws(
    () => stratifiedSplit([], { ratios: { a: 0.5, b: 0.5 }, seed: 1 }),
    new RangeError("Cannot make a stratified split: labels must not be empty"),
  );
  assert.throws(
    () => stratifiedSplit([0, 1], { ratios: { a: 0.5, b: 0.6 }, seed: 1 }),
    /ratios must sum to 1/,
  );
  assert.throws(
    () => stratifiedSplit([0, 0, 0, 1, 1, 1], { ratios: { a: 0.95, b: 0.05 }, seed: 1 }),
    /part "b" would get no rows/,
  );
});
