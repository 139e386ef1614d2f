import assert from "node:assert/strict";
import { cohenKappa, fleissKappa } from "@lib/labels/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// Wikipedia, "Cohen's kappa", worked example: 50 proposals, A says yes to 25, B to 30;
// 20 yes–yes, 15 no–no: p_o = 0.7, p_e = 0.5 · 0.6 + 0.5 · 0.4 = 0.5, κ = 0.4.
const a = [...Array(25).fill(1), ...Array(25).fill(0)];
const b = [...Array(20).fill(1), ...Array(5).fill(0), ...Array(10).fill(1), ...Array(15).fill(0)];

Deno.test("cohenKappa() reproduces the Wikipedia worked example (κ = 0.4)", () => {
  assertClose(cohenKappa(a, b), 0.4, { abs: 1e-12 });
  assertClose(cohenKappa(b, a), 0.4, { abs: 1e-12 }); // symmetric
});

Deno.test("cohenKappa() is 1 for identical labels and NaN for one shared class", () => {
  assert.equal(cohenKappa([0, 1, 2, 1], [0, 1, 2, 1]), 1);
  assert.ok(Number.isNaN(cohenKappa([1, 1, 1], [1, 1, 1])));
  // Hand-derived: opposite labels on a balanced pair: p_o = 0, p_e = 0.5, κ = −1.
  assert.equal(cohenKappa([0, 1], [1, 0]), -1);
});

Deno.test("cohenKappa() rejects bad input", () => {
  assert.throws(
    () => cohenKappa([0, 1], [0]),
    /Cannot compute Cohen's kappa: labelsA and labelsB must have the same length, got 2 and 1/,
  );
  assert.throws(() => cohenKappa([], []), /labelsA must hold at least one label/);
  assert.throws(
    () => cohenKappa([0, 2], [0, 1], { nClasses: 2 }),
    /labelsA\[1\] must be an integer in \[0, 2\), got 2/,
  );
  assert.throws(() => cohenKappa([0, 0.5], [0, 1]), /labelsA\[1\] must be an integer/);
});

// Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories;
// P̄ = 0.378, P̄_e = 0.213, κ = 0.210.
const fleissExample = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

Deno.test("fleissKappa() reproduces the Wikipedia worked example (κ ≈ 0.210)", () => {
  assertClose(fleissKappa(fleissExample), 0.20993, { abs: 5e-5 });
});

Deno.test("fleissKappa() with two raters per item matches Scott's pi by hand", () => {
  // Items (0,0), (1,1), (0,1), (1,1): P̄ = (1 + 1 + 0 + 1)/4 = 0.75; p = (3/8, 5/8),
  // P̄_e = 9/64 + 25/64 = 34/64; κ = (0.75 − 34/64) / (1 − 34/64) = 14/30.
  assertClose(fleissKappa([[2, 0], [0, 2], [1, 1], [0, 2]]), 14 / 30, { abs: 1e-12 });
  assert.ok(Number.isNaN(fleissKappa([[3, 0], [3, 0]])));
});

Deno.test("fleissKappa() rejects bad input", () => {
  assert.throws(
    () => fleissKappa([]),
    /Cannot compute Fleiss' kappa: counts must hold at least one item/,
  );
  assert.throws(
    () => fleissKappa([[1, 1], [2]]),
    /counts\[1\] must have 2 classes like counts\[0\], got 1/,
  );
  assert.throws(
    () => fleissKappa([[1, 1], [2, 1]]),
    /same number of labels, got 2 and 3 \(item 1\)/,
  );
  assert.throws(() => fleissKappa([[1, 0], [0, 1]]), /at least 2 labels, got 1/);
  assert.throws(() => fleissKappa([[1, -1, 2]]), /counts\[0\]\[1\] must be at least 0, got -1/);
});
