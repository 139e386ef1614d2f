import assert from "node:assert/strict";
import { sliceRegressions } from "@lib/debug/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

const repeat = (v: number, n: number) => Array(n).fill(v) as number[];

Deno.test("sliceRegressions() gives the exact sign-test tail", () => {
  // 8 regressions, 2 improvements: P(X ≥ 8), X ~ Bin(10, 1/2) = (45 + 10 + 1)/1024
  // (binomial table; the exact McNemar test of Agresti, Categorical Data Analysis, §10.1).
  const before = [...repeat(1, 8), ...repeat(0, 2), ...repeat(1, 5)];
  const after = [...repeat(0, 8), ...repeat(1, 2), ...repeat(1, 5)];
  const [r] = sliceRegressions(before, after, repeat(0, 15).map(() => "s"));
  assert.equal(r.regressed, 8);
  assert.equal(r.improved, 2);
  assertClose(r.pValue, 56 / 1024, { rel: 1e-12 });
  assertClose(r.before, 13 / 15, { rel: 1e-12 });
  assertClose(r.after, 7 / 15, { rel: 1e-12 });
});

Deno.test("sliceRegressions() flags only the slice that got worse, after BH", () => {
  const before = [...repeat(1, 60), ...repeat(0, 60), ...repeat(1, 60)];
  const after = [...repeat(1, 40), ...repeat(0, 20), ...repeat(1, 60), ...repeat(1, 59), 0];
  const slices = [
    ...repeat(0, 60).map(() => "a"),
    ...repeat(0, 60).map(() => "b"),
    ...repeat(0, 60).map(() => "c"),
  ];
  const rows = sliceRegressions(before, after, slices);
  assert.deepEqual(rows.map((r) => r.slice), ["a", "c", "b"]);
  assert.deepEqual(rows.map((r) => r.worse), [true, false, false]);
  assert.equal(rows.find((r) => r.slice === "b")!.pValue, 1); // only improvements
  assert.equal(rows.find((r) => r.slice === "c")!.pValue, 1 / 2); // one regression of one change
  // BH over 3: a's 2^-20 × 3 / 1; c: 0.5 × 3 / 2 = 0.75; b: 1.
  assertClose(rows[0].adjustedPValue, 3 * 2 ** -20, { rel: 1e-12 });
  assertClose(rows[1].adjustedPValue, 0.75, { rel: 1e-12 });
});

Deno.test("sliceRegressions() follows higherIsBetter for losses", () => {
  const rows = sliceRegressions([1, 1, 1, 1, 1], [2, 2, 2, 2, 2], ["a", "a", "a", "a", "a"], {
    higherIsBetter: false,
  });
  assertClose(rows[0].pValue, 1 / 32, { rel: 1e-12 });
  const better = sliceRegressions([1, 1, 1], [2, 2, 2], ["a", "a", "a"]);
  assert.equal(better[0].pValue, 1);
});

Deno.test("sliceRegressions() rejects bad input", () => {
  assert.throws(() => sliceRegressions([1, 0], [1], ["a", "b"]), {
    message:
      "Cannot compute sliceRegressions: before and after must have the same length, got 2 and 1",
  });
  assert.throws(() => sliceRegressions([], [], []), {
    message: "Cannot compute sliceRegressions: before must not be empty",
  });
  assert.throws(() => sliceRegressions([1], [1], ["a"], { alpha: 0 }), RangeError);
  assert.throws(() => sliceRegressions([1], [NaN], ["a"]), RangeError);
  assert.throws(() => sliceRegressions([1], [1], "a" as unknown as string[]), TypeError);
});
