import assert from "node:assert/strict";
import fc from "fast-check";
import { splitSizes } from "@lib/splits/mod.ts";
import { namedRatios } from "./_partition.ts";

Deno.test("splitSizes() rounds 60:20:20, 70:15:15 and 80:20 by largest remainder", () => {
  // Quotas 6, 2, 2 are whole; 70:15:15 of 10 gives 7, 1.5, 1.5: the spare row goes to the
  // earlier of the tied remainders; 80:20 of 7 gives 5.6 and 1.4: floors 5 + 1, spare to 0.6.
  assert.deepEqual(splitSizes(10, { train: 0.6, validation: 0.2, test: 0.2 }), {
    train: 6,
    validation: 2,
    test: 2,
  });
  assert.deepEqual(splitSizes(10, { train: 0.7, validation: 0.15, test: 0.15 }), {
    train: 7,
    validation: 2,
    test: 1,
  });
  assert.deepEqual(splitSizes(7, { train: 0.8, test: 0.2 }), { train: 6, test: 1 });
  // 1/3 each of 100: quotas 33.33…; the one spare row goes to the first part.
  assert.deepEqual(splitSizes(100, { a: 1 / 3, b: 1 / 3, c: 1 / 3 }), { a: 34, b: 33, c: 33 });
});

Deno.test("splitSizes() gives floor or ceiling of each quota, spare rows to the largest remainders", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 500 }),
      fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 2, maxLength: 6 }),
      (n, weights) => {
        const ratios = namedRatios(weights);
        let sizes: Record<string, number>;
        try {
          sizes = splitSizes(n, ratios);
        } catch (e) {
          assert.match((e as Error).message, /would get no rows/);
          return;
        }
        const names = Object.keys(ratios);
        assert.equal(names.reduce((s, k) => s + sizes[k], 0), n);
        const rounded = names.map((k) => ({
          frac: n * ratios[k] % 1,
          up: sizes[k] > n * ratios[k],
        }));
        for (const k of names) assert.ok(Math.abs(sizes[k] - n * ratios[k]) < 1);
        for (const a of rounded) {
          for (const b of rounded) {
            if (a.up && !b.up) assert.ok(a.frac >= b.frac - 1e-9);
          }
        }
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("splitSizes() rejects ratios that do not sum to 1, negative ratios and empty parts", () => {
  assert.throws(
    () => splitSizes(10, { train: 0.6, test: 0.3 }),
    new RangeError(
      "Cannot compute split sizes: ratios must sum to 1 (within 1e-9), got 0.8999999999999999 " +
        "(train=0.6, test=0.3)",
    ),
  );
  assert.throws(
    () => splitSizes(10, { train: 1.2, test: -0.2 }),
    new RangeError('Cannot compute split sizes: ratio of "test" must be non-negative, got -0.2'),
  );
  assert.throws(
    () => splitSizes(10, { train: 0.99, test: 0.01 }),
    new RangeError(
      'Cannot compute split sizes: part "test" would get no rows (ratio 0.01 of 10 rows); ' +
        "use more rows or a larger ratio",
    ),
  );
  assert.throws(
    () => splitSizes(10, { train: 1, test: 0 }),
    /part "test" would get no rows \(ratio 0 of 10 rows\)/,
  );
});

Deno.test("splitSizes() accepts a sum within 1e-9 of 1 and rejects one just outside", () => {
  assert.deepEqual(splitSizes(4, { a: 0.5 + 4e-10, b: 0.5 }), { a: 2, b: 2 });
  assert.throws(() => splitSizes(4, { a: 0.5 + 2e-9, b: 0.5 }), /must sum to 1/);
});

Deno.test("splitSizes() rejects malformed ratios and row counts", () => {
  assert.throws(
    () => splitSizes(10, [0.5, 0.5] as unknown as Record<string, number>),
    new TypeError(
      "Cannot compute split sizes: ratios must be an object of named parts, e.g. " +
        "{ train: 0.8, test: 0.2 }",
    ),
  );
  assert.throws(
    () => splitSizes(10, { all: 1 }),
    new RangeError("Cannot compute split sizes: ratios must name at least two parts, got 1"),
  );
  assert.throws(
    () => splitSizes(10, { a: "0.5", b: 0.5 } as unknown as Record<string, number>),
    new TypeError('Cannot compute split sizes: ratio of "a" must be a number, got string'),
  );
  assert.throws(
    () => splitSizes(10, { a: NaN, b: 0.5 }),
    new RangeError('Cannot compute split sizes: ratio of "a" must be finite'),
  );
  assert.throws(
    () => splitSizes(0, { a: 0.5, b: 0.5 }),
    new RangeError("Cannot compute split sizes: n must be at least 1, got 0"),
  );
});
