import assert from "node:assert/strict";
import { populationStabilityIndex } from "@lib/debug/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("populationStabilityIndex() matches a hand-derived example with quartile bins", () => {
  // Reference 1..8: lower quartiles (ranks ⌊7k/4⌋ = 1, 3, 5) give edges 2, 4, 6, shares ¼ each.
  // Live [1, 1, 1, 1, 2, 6, 8, 8]: shares [5/8, 0, 1/8, 2/8]; the empty bin becomes ε.
  const ref = [1, 2, 3, 4, 5, 6, 7, 8];
  const live = [1, 1, 1, 1, 2, 6, 8, 8];
  const r = populationStabilityIndex(ref, live, { bins: 4, epsilon: 1e-4 });
  assert.deepEqual(r.edges, [2, 4, 6]);
  assert.deepEqual(r.referenceShares, [0.25, 0.25, 0.25, 0.25]);
  assert.deepEqual(r.liveShares, [0.625, 0, 0.125, 0.25]);
  const term = (l: number, q: number) => (l - q) * Math.log(l / q);
  const expected = term(0.625, 0.25) + term(1e-4, 0.25) + term(0.125, 0.25) + 0;
  assertClose(r.psi, expected, { rel: 1e-12 });
});

Deno.test("populationStabilityIndex() is 0 for identical samples and grows with the shift", () => {
  const ref = Array.from({ length: 1000 }, (_, i) => (i * 0.6180339887) % 1);
  assert.equal(populationStabilityIndex(ref, ref).psi, 0);
  const small = populationStabilityIndex(ref, ref.map((v) => v + 0.05)).psi;
  const large = populationStabilityIndex(ref, ref.map((v) => v + 0.3)).psi;
  assert.ok(small > 0 && large > small);
});

Deno.test("populationStabilityIndex() drops duplicate edges of a discrete feature", () => {
  const ref = [0, 0, 0, 0, 0, 0, 1, 1, 1, 2];
  const r = populationStabilityIndex(ref, [0, 1, 2], { bins: 5 });
  // Lower quintiles: ranks ⌊9k/5⌋ = 1, 3, 5, 7 → values 0, 0, 0, 1 → edges 0 and 1.
  assert.deepEqual(r.edges, [0, 1]);
  assert.deepEqual(r.referenceShares, [0.6, 0.3, 0.1]);
});

Deno.test("populationStabilityIndex() puts live values beyond the reference in the outer bins", () => {
  const r = populationStabilityIndex([1, 2, 3, 4], [-100, 100], { bins: 2 });
  assert.deepEqual(r.liveShares, [0.5, 0.5]);
  assert.equal(r.psi, 0);
});

Deno.test("populationStabilityIndex() rejects bad input", () => {
  assert.throws(() => populationStabilityIndex([1, 2], [1], { bins: 3 }), {
    name: "RangeError",
    message:
      "Cannot compute populationStabilityIndex: bins must be at most the reference size 2, got 3",
  });
  assert.throws(() => populationStabilityIndex([1, 2], [1], { bins: 1 }), {
    message: "Cannot compute populationStabilityIndex: bins must be at least 2, got 1",
  });
  assert.throws(() => populationStabilityIndex([1, 2], [], { bins: 2 }), {
    message: "Cannot compute populationStabilityIndex: live must not be empty",
  });
  assert.throws(() => populationStabilityIndex([1, 2], [1], { bins: 2, epsilon: 0 }), {
    message: "Cannot compute populationStabilityIndex: epsilon must be positive, got 0",
  });
});
