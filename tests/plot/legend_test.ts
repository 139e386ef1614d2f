import assert from "node:assert/strict";
import { _legendHeight, _legendRows, _textWidth } from "../../lib/plot/_legend.ts";

Deno.test("_textWidth() sums Arial character widths at the font size and ignores tags", () => {
  // Helvetica/Arial AFM widths: M 833, i 222, digit 556 per 1000 em (table rounds them up).
  assert.equal(_textWidth("Mi", 10), Math.ceil((0.84 + 0.23) * 10));
  assert.equal(_textWidth("<b>10</b>", 13), Math.ceil(2 * 0.56 * 13));
  assert.equal(_textWidth(""), 0);
  // Characters outside the table count as wide (0.7 em).
  assert.equal(_textWidth("θ", 10), 7);
});

Deno.test("_legendRows() keeps entries that fit on one row and wraps the others", () => {
  assert.equal(_legendRows([], 600, false), 0);
  assert.equal(_legendRows(["train", "validation"], 600, false), 1);
  // Ten entries of ~160 px need ~205 px each: two per row in 500 px, four in 900 px.
  const names = Array.from({ length: 10 }, (_, i) => `series ${i} with a longer name`);
  assert.equal(_legendRows(names, 500, false), 5);
  assert.equal(_legendRows(names, 900, true), 3);
});

Deno.test("_legendRows() wraps plain legends at the widest entry, grouped ones at each width", () => {
  // Widths 40 + text + 5: one long entry (~330 px) and six short ones (~55 px each).
  const names = ["a very long legend entry that fills most of the row", ..."abcdef"];
  const plain = _legendRows(names, 600, false); // every entry as wide as the longest
  const grouped = _legendRows(names, 600, true); // the short ones share a row
  assert.equal(plain, 7);
  assert.equal(grouped, 2);
});

Deno.test("_legendHeight() is 20 px per row plus 10 px padding, 0 without a legend", () => {
  assert.deepEqual([0, 1, 3].map(_legendHeight), [0, 30, 70]);
});
