import assert from "node:assert/strict";
import fc from "fast-check";
import {
  createRng,
  MAX_SEED,
  permutation,
  sample,
  sampleWithReplacement,
  shuffle,
} from "@lib/random/mod.ts";

const seedArb = fc.integer({ min: 0, max: MAX_SEED });
const itemsArb = fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 60 });
const byNumber = (a: number, b: number) => a - b;

Deno.test("shuffle() returns a permutation of its input and leaves the input unchanged", () => {
  fc.assert(
    fc.property(itemsArb, seedArb, (items, seed) => {
      const before = [...items];
      const out = shuffle(items, { seed });
      assert.deepEqual(items, before);
      assert.notEqual(out, items);
      assert.deepEqual([...out].sort(byNumber), [...items].sort(byNumber));
      assert.deepEqual(out, shuffle(items, { seed }));
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("shuffle() accepts typed arrays and advances a shared rng", () => {
  const input = new Float64Array([1, 2, 3, 4, 5]);
  const out = shuffle(input, { rng: createRng(1) });
  assert.deepEqual([...out].sort(byNumber), [1, 2, 3, 4, 5]);
  assert.deepEqual([...input], [1, 2, 3, 4, 5]);
  const rng = createRng(2);
  assert.notDeepEqual(
    shuffle([1, 2, 3, 4, 5, 6, 7, 8], { rng }),
    shuffle([1, 2, 3, 4, 5, 6, 7, 8], { rng }),
  );
});

Deno.test("shuffle() makes all orders of three items equally likely", () => {
  // 6 orders, 60,000 shuffles: each count is Binomial(60000, 1/6), mean 10,000, SD ≈ 91.3.
  // Allow 5 SD; an off-by-one Fisher–Yates (j drawn from [0, i) instead of [0, i]) gives
  // counts of 0 or 20,000 instead.
  const rng = createRng(11);
  const counts = new Map<string, number>();
  for (let i = 0; i < 60000; i++) {
    const key = shuffle(["a", "b", "c"], { rng }).join("");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  assert.equal(counts.size, 6);
  const sd = Math.sqrt(60000 * (1 / 6) * (5 / 6));
  for (const [order, count] of counts) {
    assert.ok(Math.abs(count - 10000) < 5 * sd, `order ${order} drawn ${count} times`);
  }
});

Deno.test("permutation() contains every index 0 … n−1 exactly once", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 200 }), seedArb, (n, seed) => {
      const p = permutation(n, { seed });
      assert.ok(p instanceof Int32Array);
      assert.equal(p.length, n);
      assert.deepEqual([...p].sort(byNumber), Array.from({ length: n }, (_, i) => i));
      assert.deepEqual(p, permutation(n, { seed }));
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("sample() draws k distinct items of the input without changing it", () => {
  const arb = fc.uniqueArray(fc.integer(), { maxLength: 50 }).chain((items) =>
    fc.tuple(fc.constant(items), fc.integer({ min: 0, max: items.length }), seedArb)
  );
  fc.assert(
    fc.property(arb, ([items, k, seed]) => {
      const before = [...items];
      const s = sample(items, k, { seed });
      assert.deepEqual(items, before);
      assert.equal(s.length, k);
      assert.equal(new Set(s).size, k);
      assert.ok(s.every((x) => items.includes(x)));
      assert.deepEqual(s, sample(items, k, { seed }));
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("sample() of all items is a permutation", () => {
  const items = ["a", "b", "c", "d", "e"];
  assert.deepEqual([...sample(items, 5, { seed: 3 })].sort(), items);
});

Deno.test("sampleWithReplacement() draws k items of the input", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer(), { minLength: 1, maxLength: 30 }),
      fc.integer({ min: 0, max: 100 }),
      seedArb,
      (items, k, seed) => {
        const before = [...items];
        const s = sampleWithReplacement(items, k, { seed });
        assert.deepEqual(items, before);
        assert.equal(s.length, k);
        assert.ok(s.every((x) => items.includes(x)));
      },
    ),
    { seed: 42, numRuns: 200 },
  );
  assert.deepEqual(sampleWithReplacement([], 0, { seed: 1 }), []);
});

Deno.test("shuffle(), permutation() and sample() reject invalid arguments", () => {
  assert.throws(
    () => shuffle(null as unknown as number[], { seed: 1 }),
    new TypeError("Cannot shuffle: items must be an array"),
  );
  assert.throws(
    () => shuffle([1, 2], {} as { seed: number }),
    new TypeError(
      "Cannot shuffle: pass a seed or rng in the options (randomness is always seeded)",
    ),
  );
  assert.throws(
    () => permutation(-1, { seed: 1 }),
    new RangeError("Cannot draw a permutation: n must be at least 0, got -1"),
  );
  assert.throws(
    () => permutation(2.5, { seed: 1 }),
    new RangeError("Cannot draw a permutation: n must be an integer, got 2.5"),
  );
  assert.throws(
    () => sample([1, 2], 3, { seed: 1 }),
    new RangeError(
      "Cannot sample without replacement: k must be at most the number of items, got k=3 for 2 items",
    ),
  );
  assert.throws(
    () => sample([1, 2], -1, { seed: 1 }),
    new RangeError("Cannot sample without replacement: k must be at least 0, got -1"),
  );
  assert.throws(
    () => sample(7 as unknown as number[], 1, { seed: 1 }),
    new TypeError("Cannot sample without replacement: items must be an array"),
  );
  assert.throws(
    () => sampleWithReplacement([], 2, { seed: 1 }),
    new RangeError("Cannot sample with replacement: items must not be empty"),
  );
  assert.throws(
    () => sampleWithReplacement(undefined as unknown as number[], 2, { seed: 1 }),
    new TypeError("Cannot sample with replacement: items must be an array"),
  );
});
