import assert from "node:assert/strict";
import { reviewFailures } from "@lib/debug/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("reviewFailures() counts each group among the worst examples against its size", () => {
  // 10 examples; the 4 worst are 0, 1, 2, 5.
  const losses = [9, 8, 7, 0, 0, 6, 0, 0, 0, 0];
  const genre = ["h", "h", "h", "d", "d", "d", "d", "d", "h", "d"];
  const decade = [1990, 2000, 1990, 1990, 2000, 1990, 2000, 1990, 2000, 2000];
  const rows = reviewFailures(losses, { genre, decade }, { top: 4, minCount: 1 });
  const h = rows.find((r) => r.grouping === "genre" && r.group === "h")!;
  assert.equal(h.count, 3);
  assertClose(h.failureShare, 0.75);
  assertClose(h.overallShare, 0.4);
  assertClose(h.lift, 0.75 / 0.4);
  assert.equal(rows[0], h); // the largest lift comes first
  const d1990 = rows.find((r) => r.grouping === "decade" && r.group === "1990")!;
  assert.equal(d1990.count, 3);
});

Deno.test("reviewFailures() leaves out groups below minCount", () => {
  const rows = reviewFailures([3, 2, 1, 0], { g: ["a", "b", "b", "b"] }, { top: 2, minCount: 2 });
  assert.deepEqual(rows, []);
});

Deno.test("reviewFailures() rejects bad input", () => {
  assert.throws(() => reviewFailures([1, 2], { g: ["a"] }, { top: 1 }), {
    message: "Cannot run reviewFailures: groupings.g must have one value per example (2)",
  });
  assert.throws(() => reviewFailures([1, 2], { g: ["a", "b"] }, { top: 3 }), {
    message: "Cannot run reviewFailures: top must be at most 2, got 3",
  });
  assert.throws(() => reviewFailures([1], {}, { top: 1 }), {
    message: "Cannot run reviewFailures: groupings must have at least one grouping",
  });
});
