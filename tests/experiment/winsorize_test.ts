import assert from "node:assert/strict";
import { winsorize } from "@lib/experiment/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("winsorize() caps at numpy's linearly interpolated percentile", () => {
  // numpy.percentile([3, 1, 4, 1, 5, 9, 2, 6], [50, 75, 99]) = [3.5, 5.25, 8.79]
  const x = [3, 1, 4, 1, 5, 9, 2, 6];
  for (const [q, cap] of [[0.5, 3.5], [0.75, 5.25], [0.99, 8.79]]) {
    assertClose(winsorize(x, { upperQuantile: q }).cap, cap, { rel: 1e-12 });
  }
  const r = winsorize(x, { upperQuantile: 0.75 });
  assert.deepEqual(Array.from(r.values), [3, 1, 4, 1, 5, 5.25, 2, 5.25]);
  assert.equal(r.capped, 2);
  assert.deepEqual(x, [3, 1, 4, 1, 5, 9, 2, 6]); // the input is not changed
  assert.equal(winsorize(x, { upperQuantile: 1 }).capped, 0);
});

Deno.test("winsorize() takes its cap from the reference sample", () => {
  const r = winsorize([10, 20, 30], { reference: [0, 1, 2, 3, 4], upperQuantile: 0.5 });
  assert.equal(r.cap, 2);
  assert.deepEqual(Array.from(r.values), [2, 2, 2]);
});

Deno.test("winsorize() validates its input", () => {
  assert.throws(() => winsorize([]), RangeError);
  assert.throws(() => winsorize([1, NaN]), RangeError);
  assert.throws(() => winsorize([1, 2], { upperQuantile: 1.5 }), {
    name: "RangeError",
    message: /Cannot compute winsorize: upperQuantile must be/,
  });
});
