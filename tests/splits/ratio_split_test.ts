import assert from "node:assert/strict";
import fc from "fast-check";
import { createRng } from "@lib/random/mod.ts";
import { ratioSplit, splitSizes } from "@lib/splits/mod.ts";
import { assertPartition, namedRatios } from "./_partition.ts";

Deno.test("ratioSplit() parts are disjoint, cover every row and have the largest-remainder sizes", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 300 }),
      fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 2, maxLength: 5 }),
      fc.integer({ min: 1, max: 1000 }),
      (n, weights, seed) => {
        const ratios = namedRatios(weights);
        let sizes: Record<string, number>;
        try {
          sizes = splitSizes(n, ratios);
        } catch {
          fc.pre(false);
          return;
        }
        const split = ratioSplit(n, { ratios, seed });
        assert.deepEqual(Object.keys(split), Object.keys(ratios));
        assertPartition(Object.values(split), n);
        for (const [name, part] of Object.entries(split)) {
          assert.equal(part.length, sizes[name]);
          assert.ok(Math.abs(part.length - n * ratios[name]) < 1);
          assert.ok(part.every((v, j) => j === 0 || part[j - 1] < v), "ascending");
        }
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("ratioSplit() is reproducible from the seed and changes with it", () => {
  const ratios = { train: 0.6, validation: 0.2, test: 0.2 };
  const a = ratioSplit(50, { ratios, seed: 7 });
  const b = ratioSplit(50, { ratios, rng: createRng(7) });
  const c = ratioSplit(50, { ratios, seed: 8 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.test, c.test);
  assert.ok(a.train instanceof Int32Array);
});

Deno.test("ratioSplit() requires a seed or rng and valid ratios", () => {
  const ratios = { train: 0.8, test: 0.2 };
  assert.throws(() => ratioSplit(10, { ratios }), /pass a seed or rng/);
  assert.throws(
    () => ratioSplit(10, { ratios: { train: 0.8, test: 0.1 }, seed: 1 }),
    /Cannot make a ratio split: ratios must sum to 1/,
  );
  assert.throws(
    () => ratioSplit(3, { ratios: { train: 0.9, test: 0.1 }, seed: 1 }),
    /Cannot make a ratio split: part "test" would get no rows \(ratio 0.1 of 3 rows\)/,
  );
  assert.throws(
    () => ratioSplit(2.5, { ratios, seed: 1 }),
    new RangeError("Cannot make a ratio split: n must be an integer, got 2.5"),
  );
});
