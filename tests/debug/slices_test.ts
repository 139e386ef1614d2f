import assert from "node:assert/strict";
import { sliceMetrics } from "@lib/debug/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("sliceMetrics() gives Wilson intervals for 0/1 values", () => {
  // Wilson 95 % interval for 8 of 10 (Newcombe 1998, table I: 0.4902 to 0.9433).
  const values = [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1];
  const slices = [...Array(10).fill("a"), "b", "b"];
  const a = sliceMetrics(values, slices).find((r) => r.slice === "a")!;
  assert.equal(a.n, 10);
  assertClose(a.value, 0.8);
  assertClose(a.low, 0.4902, { abs: 1e-4 });
  assertClose(a.high, 0.9433, { abs: 1e-4 });
});

Deno.test("sliceMetrics() gives t intervals for continuous values", () => {
  // mean 2, sd 1, n 3: 2 ± t(0.975, 2)·1/√3 = 2 ± 4.302653·0.57735
  const r = sliceMetrics([1, 2, 3, 10, 11], ["a", "a", "a", "b", "b"], { higherIsBetter: false });
  const a = r.find((x) => x.slice === "a")!;
  assertClose(a.low, 2 - 4.302652729911275 / Math.sqrt(3), { rel: 1e-9 });
  assertClose(a.high, 2 + 4.302652729911275 / Math.sqrt(3), { rel: 1e-9 });
});

Deno.test("sliceMetrics() finds the one bad slice among many and calls no null slice worse", () => {
  const rng = createRng(5);
  const values: number[] = [], slices: string[] = [];
  for (let s = 0; s < 20; s++) {
    for (let i = 0; i < 300; i++) {
      values.push(rng.bernoulli(s === 7 ? 0.7 : 0.85) ? 1 : 0);
      slices.push(`s${s}`);
    }
  }
  const rows = sliceMetrics(values, slices);
  assert.equal(rows[0].slice, "s7");
  assert.deepEqual(rows.filter((r) => r.worse).map((r) => r.slice), ["s7"]);
  // The adjusted p-values are never below the raw ones.
  assert.ok(rows.every((r) => r.adjustedPValue >= r.pValue - 1e-12));
});

Deno.test("sliceMetrics() with Bonferroni is at least as strict as BH", () => {
  const rng = createRng(6);
  const values = Array.from(
    { length: 2000 },
    (_, i) => (rng.bernoulli(i < 200 ? 0.75 : 0.82) ? 1 : 0),
  );
  const slices = values.map((_, i) => `s${Math.floor(i / 200)}`);
  const bh = sliceMetrics(values, slices).filter((r) => r.worse).length;
  const bf =
    sliceMetrics(values, slices, { correction: "bonferroni" }).filter((r) => r.worse).length;
  assert.ok(bf <= bh);
});

Deno.test("sliceMetrics() rejects bad input", () => {
  assert.throws(() => sliceMetrics([1, 0], ["a"]), {
    message:
      "Cannot compute sliceMetrics: values and slices must have the same length, got 2 and 1",
  });
  assert.throws(() => sliceMetrics([1], ["a"], { level: 95 }), {
    message: "Cannot compute sliceMetrics: level must be strictly between 0 and 1, got 95",
  });
  assert.throws(
    // @ts-expect-error: testing an unknown correction
    () => sliceMetrics([1], ["a"], { correction: "holm" }),
    {
      message:
        'Cannot compute sliceMetrics: correction must be one of "bh", "bonferroni", got "holm"',
    },
  );
});
