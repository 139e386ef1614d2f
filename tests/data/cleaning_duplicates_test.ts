import assert from "node:assert/strict";
import fc from "fast-check";
import {
  dropDuplicates,
  dropNearDuplicates,
  dropNearDuplicateTexts,
  jaccard,
  normalizeText,
  shingles,
} from "@lib/data/cleaning.ts";

// ---------------------------------------------------------------- duplicates

Deno.test("dropDuplicates() keeps first occurrences; missing equals missing, 0 equals -0", () => {
  const t = {
    x: [1, 1, NaN, NaN, 0, -0, 1],
    d: [new Date(5), new Date(5), null, undefined, 1, 1, new Date(6)],
  };
  const { table, kept, removed } = dropDuplicates(t);
  assert.deepEqual([...kept], [0, 2, 4, 6]);
  assert.deepEqual(removed, [
    { row: 1, duplicateOf: 0, reason: "exact duplicate of row 0" },
    { row: 3, duplicateOf: 2, reason: "exact duplicate of row 2" },
    { row: 5, duplicateOf: 4, reason: "exact duplicate of row 4" },
  ]);
  assert.equal(table.x.length, 4);
  // Comparing only x: rows 1 and 6 duplicate row 0.
  assert.deepEqual([...dropDuplicates(t, { columns: ["x"] }).kept], [0, 2, 4]);
  // Strings and numbers differ: "1" is not 1.
  assert.equal(dropDuplicates({ v: [1, "1"] }).removed.length, 0);
});

Deno.test("dropNearDuplicates() compares with kept rows only: a chain a ≈ b ≈ c keeps a and c", () => {
  // Tolerance 0.1: row 1 is within 0.06 of row 0 → removed; row 2 is 0.12 from row 0 (kept) and
  // 0.06 from row 1 (removed) → kept.
  const { kept, removed } = dropNearDuplicates({ x: [0, 0.06, 0.12] }, { tolerance: 0.1 });
  assert.deepEqual([...kept], [0, 2]);
  assert.equal(removed[0].reason, "near duplicate of row 0: max |difference| 0.06 ≤ 0.1 over x");
});

Deno.test("dropNearDuplicates() uses the largest difference over the columns; missing matches missing", () => {
  const t = {
    x: [1, 1.05, 1.05, NaN, NaN, 1],
    y: [2, 2.05, 2.5, 7, 7, NaN],
    label: ["a", "b", "c", "d", "e", "f"],
  };
  const { kept, removed } = dropNearDuplicates(t, { tolerance: 0.1 });
  // Row 2 differs by 0.5 in y; row 4 matches row 3 (NaN = NaN, 7 = 7); row 5 has NaN where row 0 has 2.
  assert.deepEqual([...kept], [0, 2, 3, 5]);
  assert.deepEqual(removed.map((r) => [r.row, r.duplicateOf]), [[1, 0], [4, 3]]);
  // Tolerance 0 is exact numeric equality.
  assert.deepEqual([...dropNearDuplicates({ x: [1, 1, 1.0000001] }, { tolerance: 0 }).kept], [
    0,
    2,
  ]);
});

Deno.test("dropNearDuplicates() agrees with a brute-force comparison of every pair", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 5 })), {
        maxLength: 60,
      }),
      fc.integer({ min: 0, max: 4 }),
      (points, tol10) => {
        const tolerance = tol10 / 2;
        const x = points.map((p) => p[0] / 2), y = points.map((p) => p[1]);
        const expected: number[] = [];
        const owner: number[] = [];
        for (let i = 0; i < x.length; i++) {
          const j = expected.find((k) =>
            Math.max(Math.abs(x[i] - x[k]), Math.abs(y[i] - y[k])) <= tolerance
          );
          if (j === undefined) expected.push(i);
          else owner.push(j);
        }
        const result = dropNearDuplicates({ x, y }, { tolerance });
        assert.deepEqual([...result.kept], expected);
        assert.deepEqual(result.removed.map((r) => r.duplicateOf), owner);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("dropNearDuplicates() rejects non-numeric columns and bad tolerances", () => {
  const context = "Cannot drop near-duplicate rows";
  assert.throws(
    () => dropNearDuplicates({ x: [1], s: ["a"] }, { columns: ["s"], tolerance: 1 }),
    new TypeError(`${context}: column "s" is not numeric`),
  );
  assert.throws(
    () => dropNearDuplicates({ s: ["a"] }, { tolerance: 1 }),
    new RangeError(`${context}: the table has no numeric column to compare`),
  );
  assert.throws(
    () => dropNearDuplicates({ x: [1] }, { tolerance: -1 }),
    new RangeError(`${context}: tolerance must be at least 0, got -1`),
  );
});

// ---------------------------------------------------------------- text near duplicates

Deno.test("normalizeText(), shingles() and jaccard() on worked examples", () => {
  assert.equal(normalizeText("Ｗin ＦＲＥＥ   money!!! — now"), "win free money now");
  assert.deepEqual([...shingles("Hello, world")], ["hello world"], "fewer words than the size");
  assert.equal(shingles(" ... ").size, 0);
  assert.deepEqual([...shingles("a b c", 1)], ["a", "b", "c"]);
  // {a, b, c} and {b, c, d}: 2 common of 4 → 0.5; two empty sets → 1.
  assert.equal(jaccard(new Set(["a", "b", "c"]), new Set(["b", "c", "d"])), 0.5);
  assert.equal(jaccard(new Set(), new Set()), 1);
  assert.equal(jaccard(new Set(["a"]), new Set()), 0);
  assert.throws(
    () => shingles("a", 0),
    new RangeError("Cannot compute shingles: size must be at least 1, got 0"),
  );
});

Deno.test("dropNearDuplicateTexts() removes a text whose 3-word shingles overlap by Jaccard ≥ threshold", () => {
  // A has 9 words → 7 shingles; B changes the last word: 6 shared, 8 in the union → J = 0.75.
  const a = "The quick brown fox jumps over the lazy dog";
  const b = "the quick brown fox jumps over the lazy cat";
  const t = { text: [a, "completely different words here today", b, a.toUpperCase() + "!!!"] };
  const at75 = dropNearDuplicateTexts(t, { column: "text", threshold: 0.75 });
  assert.deepEqual([...at75.kept], [0, 1]);
  assert.deepEqual(at75.removed, [
    {
      row: 2,
      duplicateOf: 0,
      reason: "near-duplicate text of row 0: Jaccard 0.75 ≥ 0.75 (3-word shingles)",
    },
    {
      row: 3,
      duplicateOf: 0,
      reason: "near-duplicate text of row 0: Jaccard 1 ≥ 0.75 (3-word shingles)",
    },
  ]);
  const at80 = dropNearDuplicateTexts(t, { column: "text", threshold: 0.8 });
  assert.deepEqual([...at80.kept], [0, 1, 2]);
});

Deno.test("dropNearDuplicateTexts() agrees with a brute-force comparison of every pair", () => {
  const word = fc.constantFrom("win", "cash", "now", "free", "meeting", "friday", "report");
  fc.assert(
    fc.property(
      fc.array(fc.array(word, { maxLength: 8 }), { maxLength: 40 }),
      fc.constantFrom(0.3, 0.5, 0.6, 0.8, 1),
      fc.integer({ min: 1, max: 3 }),
      (docs, threshold, shingleSize) => {
        const texts = docs.map((w) => w.join(" "));
        const sets = texts.map((s) => shingles(s, shingleSize));
        const expected: number[] = [];
        const owner: number[] = [];
        for (let i = 0; i < texts.length; i++) {
          const j = expected.find((k) => jaccard(sets[i], sets[k]) >= threshold);
          if (j === undefined) expected.push(i);
          else owner.push(j);
        }
        const result = dropNearDuplicateTexts({ text: texts }, {
          column: "text",
          threshold,
          shingleSize,
        });
        assert.deepEqual([...result.kept], expected);
        assert.deepEqual(result.removed.map((r) => r.duplicateOf), owner);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("dropNearDuplicateTexts() with long shingles (keys past 2^52) agrees with brute force", () => {
  // 26 distinct words and 12-word shingles: 26^12 > 2^52, so shingles are keyed by text.
  const words = [..."abcdefghijklmnopqrstuvwxyz"];
  const texts = Array.from(
    { length: 30 },
    (_, d) =>
      Array.from({ length: 30 }, (_, w) => words[(w * 7 + (w > 20 ? d % 3 : 0)) % 26]).join(" "),
  );
  const sets = texts.map((t) => shingles(t, 12));
  const expected: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    if (!expected.some((k) => jaccard(sets[i], sets[k]) >= 0.6)) expected.push(i);
  }
  const result = dropNearDuplicateTexts({ text: texts }, {
    column: "text",
    threshold: 0.6,
    shingleSize: 12,
  });
  assert.deepEqual([...result.kept], expected);
  assert.ok(expected.length < texts.length && expected.length > 1);
});

Deno.test("dropNearDuplicateTexts() keeps missing texts and rejects bad input", () => {
  const t = { text: ["", NaN, "", "hi"] };
  const r = dropNearDuplicateTexts(t, { column: "text" });
  assert.deepEqual([...r.kept], [0, 1, 3]);
  assert.equal(r.removed[0].reason, "empty text, like row 0");
  const context = "Cannot drop near-duplicate texts";
  assert.throws(
    () => dropNearDuplicateTexts({ text: ["a", 3] }, { column: "text" }),
    new TypeError(`${context}: column "text" must hold strings, row 1 has number`),
  );
  assert.throws(
    () => dropNearDuplicateTexts({ text: ["a"] }, { column: "text", threshold: 0 }),
    new RangeError(`${context}: threshold must be in (0, 1], got 0`),
  );
  assert.throws(
    () => dropNearDuplicateTexts({ text: ["a"] }, { column: "body" }),
    new RangeError(`${context}: no column named "body"; the table has text`),
  );
});
