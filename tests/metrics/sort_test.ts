import assert from "node:assert/strict";
import fc from "fast-check";
import { argsortDescending } from "../../lib/metrics/_sort.ts";

/** The reference: a stable comparison sort of the indices by decreasing value. */
const reference = (v: ArrayLike<number>) =>
  Array.from({ length: v.length }, (_, i) => i).sort((a, b) => v[b] - v[a] || a - b);

/** Equal values (including −0 and +0) may come in either order only if adjacent. */
function assertDescendingStable(v: ArrayLike<number>, order: Uint32Array) {
  assert.equal(order.length, v.length);
  assert.deepEqual([...order].sort((a, b) => a - b), reference(v).sort((a, b) => a - b));
  for (let r = 1; r < order.length; r++) {
    const a = v[order[r - 1]], b = v[order[r]];
    assert.ok(a >= b, `not decreasing at ${r}: ${a} then ${b}`);
    if (Object.is(a, b)) assert.ok(order[r - 1] < order[r], `not stable at ${r}`);
  }
}

Deno.test("argsortDescending() sorts small and large inputs, stable for ties", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.integer({ min: -3, max: 3 }),
          fc.double({ noNaN: true }),
          fc.constantFrom(0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE),
        ),
        { maxLength: 700 },
      ),
      (values) => assertDescendingStable(values, argsortDescending(values)),
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("argsortDescending() matches a comparison sort on 100 000 values", () => {
  const n = 100_000;
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    v[i] = Math.sin(i * 12.9898) * 43758.5453 % 7 - (i % 5 === 0 ? 1e9 : 0);
  }
  const before = v.slice();
  assert.deepEqual([...argsortDescending(v)], reference(v));
  assert.deepEqual(v, before, "the input must not change");
});
