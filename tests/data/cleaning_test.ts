import assert from "node:assert/strict";
import fc from "fast-check";
import {
  type Columns,
  columnsOf,
  dropConstantColumns,
  dropDuplicates,
  dropNearDuplicates,
  dropNearDuplicateTexts,
  fitImputer,
  flagOutliers,
  iqrOutliers,
  jaccard,
  missingReport,
  normalizeText,
  selectRows,
  shingles,
  zScoreOutliers,
} from "@lib/data/cleaning.ts";
import { assertClose } from "../_util/assert_close.ts";

// ---------------------------------------------------------------- tables and missing values

Deno.test("missingReport() counts NaN, null, undefined and invalid dates, not empty strings", () => {
  const report = missingReport({
    x: Float64Array.of(1, NaN, 3, NaN),
    s: ["a", "", null, undefined],
    d: [new Date(0), new Date(NaN), new Date(1), new Date(2)],
  });
  assert.deepEqual(report, {
    nRows: 4,
    columns: [
      { column: "x", missing: 2, fraction: 0.5 },
      { column: "s", missing: 2, fraction: 0.5 },
      { column: "d", missing: 1, fraction: 0.25 },
    ],
    rowsWithMissing: 3,
    completeRows: 1,
  });
});

Deno.test("missingReport() rejects tables that are not equal-length columns", () => {
  const context = "Cannot report missing values";
  assert.throws(
    () => missingReport({ a: [1, 2], b: [1] }),
    new RangeError(
      `${context}: every column must have the same length, got 2 for "a" and 1 for "b"`,
    ),
  );
  assert.throws(
    () => missingReport({}),
    new RangeError(`${context}: table must have at least one column`),
  );
  assert.throws(
    () => missingReport({ a: "xy" } as unknown as Columns),
    new TypeError(`${context}: column "a" must be an array`),
  );
  assert.throws(
    () => missingReport([[1, 2]] as unknown as Columns),
    new TypeError(
      `${context}: table must be an object of columns, e.g. { x: [1, 2], y: ["a", "b"] }`,
    ),
  );
  const frameLike = { columns: ["a"], column: () => ({ values: [1] }) };
  assert.throws(
    () => missingReport(frameLike as unknown as Columns),
    new TypeError(
      `${context}: table must be an object of columns; convert a DataFrame with columnsOf(df)`,
    ),
  );
});

Deno.test("columnsOf() reads a DataFrame's columns; selectRows() gathers rows of every column", () => {
  const frameLike = {
    columns: ["a", "b"],
    column: (n: string) => ({ values: n === "a" ? [1, 2] : ["x", "y"] }),
  };
  assert.deepEqual(columnsOf(frameLike), { a: [1, 2], b: ["x", "y"] });
  assert.throws(
    () => columnsOf({} as typeof frameLike),
    new TypeError("Cannot convert a DataFrame to columns: frame must be a danfojs DataFrame"),
  );
  const t = { a: Int32Array.of(5, 6, 7), b: ["x", "y", "z"] };
  assert.deepEqual(selectRows(t, [2, 2, 0]), { a: [7, 7, 5], b: ["z", "z", "x"] });
  assert.throws(
    () => selectRows(t, [3]),
    new RangeError("Cannot select rows: rows[0] must be an integer in [0, 3), got 3"),
  );
});

// ---------------------------------------------------------------- imputation

Deno.test("fitImputer() learns the mean from the training rows only and applies it to any table", () => {
  // Training rows 0–2 observe 1 and 3: mean 2. Using every row would give (1 + 3 + 100) / 3.
  const table = { x: [1, NaN, 3, 100, NaN], y: ["a", "b", "c", "d", "e"] };
  const imputer = fitImputer(table, { strategy: "mean", columns: ["x"], fitRows: [0, 1, 2] });
  assert.deepEqual(imputer.values, { x: 2 });
  assert.equal(imputer.fittedRows, 3);
  const result = imputer.transform(table);
  assert.deepEqual(result.table.x, [1, 2, 3, 100, 2]);
  assert.deepEqual([...result.imputed.x], [1, 4]);
  assert.equal(result.count, 2);
  assert.equal(result.table.y, table.y, "other columns are shared");
  assert.ok(Number.isNaN(table.x[1]), "the input is not changed");
  // The same imputer on a "test" table with the column.
  assert.deepEqual(imputer.transform({ x: [NaN, 7] }).table.x, [2, 7]);
  assert.throws(
    () => imputer.transform({ z: [1] }),
    new RangeError(
      'Cannot apply an imputer: the table has no column "x", which the imputer was fitted on',
    ),
  );
});

Deno.test("fitImputer() medians: middle value for odd counts, mean of the two middle for even", () => {
  // [5, 1, 3] sorted 1 3 5 → 3; [4, 1, 3, 2] sorted 1 2 3 4 → (2 + 3) / 2 = 2.5.
  const imputer = fitImputer({ a: [5, 1, NaN, 3], b: [4, 1, 3, 2] }, { strategy: "median" });
  assert.deepEqual(imputer.values, { a: 3, b: 2.5 });
});

Deno.test("fitImputer() mode picks the most frequent value, ties to the smallest", () => {
  // a: 1 and 3 occur twice each → 1 (numeric order: 10 would not beat 3); s: "a", "b" twice → "a".
  const imputer = fitImputer(
    { a: [3, 1, 3, 1, 2, NaN], n: [10, 3, 10, 3, 1, 1], s: ["b", "a", "b", "a", null, "c"] },
    { strategy: "mode" },
  );
  assert.deepEqual(imputer.values, { a: 1, n: 1, s: "a" });
  assert.deepEqual(imputer.transform({ a: [NaN], n: [NaN], s: [null] }).table, {
    a: [1],
    n: [1],
    s: ["a"],
  });
});

Deno.test("fitImputer() with a constant fills any column, including strings", () => {
  const imputer = fitImputer({ city: ["Oslo", NaN] }, {
    strategy: "constant",
    fillValue: "unknown",
  });
  assert.deepEqual(imputer.transform({ city: ["Oslo", NaN] }).table.city, ["Oslo", "unknown"]);
});

Deno.test("fitImputer() rejects bad strategies, columns, rows and unobserved columns", () => {
  const context = "Cannot fit an imputer";
  const table = { x: [1, NaN, 3], s: ["a", "b", "c"] };
  assert.throws(
    () => fitImputer(table, { strategy: "mean" }),
    new TypeError(`${context}: column "s" is not numeric; use strategy "mode" or "constant"`),
  );
  assert.throws(
    () => fitImputer(table, { strategy: "mean", columns: ["x"], fitRows: [1] }),
    new RangeError(`${context}: column "x" has no observed value in the 1 fitting rows`),
  );
  assert.throws(
    () => fitImputer(table, { strategy: "constant" }),
    new TypeError(`${context}: strategy "constant" needs a fillValue`),
  );
  assert.throws(
    () => fitImputer(table, { strategy: "max" as "mean" }),
    new RangeError(
      `${context}: strategy must be one of "mean", "median", "mode", "constant", got "max"`,
    ),
  );
  assert.throws(
    () => fitImputer(table, { strategy: "mode", columns: ["y"] }),
    new RangeError(`${context}: no column named "y"; the table has x, s`),
  );
  assert.throws(
    () => fitImputer(table, { strategy: "mode", fitRows: [0, 5] }),
    new RangeError(`${context}: fitRows[1] must be an integer in [0, 3), got 5`),
  );
});

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

// ---------------------------------------------------------------- outliers

Deno.test("iqrOutliers() quartiles match numpy's linear interpolation (worked by hand)", () => {
  // [1, 2, 3, 4]: h = 3 · 0.25 = 0.75 → 1 + 0.75 · (2 − 1) = 1.75; h = 2.25 → 3 + 0.25 = 3.25.
  // numpy.percentile([1, 2, 3, 4], [25, 75]) gives the same [1.75, 3.25].
  const four = iqrOutliers([4, 1, 3, 2]);
  assert.deepEqual([four.q1, four.q3, four.iqr], [1.75, 3.25, 1.5]);
  // [1 … 9, 100] (n = 10): h = 2.25 → 3.25, h = 6.75 → 7.75; IQR 4.5; fences 3.25 − 6.75 = −3.5
  // and 7.75 + 6.75 = 14.5 → only 100 is out. With k = 3: fences −10.25 and 21.25, still 100.
  const r = iqrOutliers([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]);
  assert.deepEqual([r.q1, r.q3, r.lower, r.upper, ...r.outliers], [3.25, 7.75, -3.5, 14.5, 9]);
  assert.deepEqual([iqrOutliers([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], { k: 3 }).upper], [21.25]);
  // Missing values are skipped: the quartiles of [1, NaN, 2, 3, 4] are those of [1, 2, 3, 4].
  const withNaN = iqrOutliers([1, NaN, 2, 3, 4]);
  assert.deepEqual([withNaN.q1, withNaN.q3, withNaN.outliers.length], [1.75, 3.25, 0]);
  // One value: q1 = q3 = 7, IQR 0.
  assert.deepEqual([iqrOutliers([7]).q1, iqrOutliers([7]).iqr], [7, 0]);
});

Deno.test("zScoreOutliers() uses the population standard deviation", () => {
  // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, /8 = 4 → sd 2.
  const r = zScoreOutliers([2, 4, 4, 4, 5, 5, 7, 9], { threshold: 1.5 });
  assert.deepEqual([r.mean, r.std], [5, 2]);
  assertClose(r.z, [-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
  assert.deepEqual([...r.outliers], [7], "|−1.5| is not above 1.5");
  // Masking: nine 0s and one 1000 → mean 100, sd √(900000/10) = 300, z = 900/300 = 3 = √(10 − 1),
  // not above the default threshold 3, although IQR flags it.
  const masked = zScoreOutliers([0, 0, 0, 0, 0, 0, 0, 0, 0, 1000]);
  assert.equal(masked.z[9], 3);
  assert.equal(masked.outliers.length, 0);
  assert.deepEqual([...iqrOutliers([0, 0, 0, 0, 0, 0, 0, 0, 0, 1000]).outliers], [9]);
  // Constant values: sd 0, every z NaN, nothing flagged.
  const flat = zScoreOutliers([3, 3, NaN]);
  assert.ok(flat.z.every(Number.isNaN));
  assert.equal(flat.outliers.length, 0);
});

Deno.test("iqrOutliers() and zScoreOutliers() reject empty or infinite input", () => {
  assert.throws(
    () => iqrOutliers([NaN, NaN]),
    new RangeError(
      "Cannot flag outliers by IQR: values must contain at least one non-missing number",
    ),
  );
  assert.throws(
    () => zScoreOutliers([1, Infinity]),
    new RangeError(
      "Cannot flag outliers by z-score: values[1] must be finite or NaN, got Infinity",
    ),
  );
  assert.throws(
    () => iqrOutliers([1, 2], { k: -1 }),
    new RangeError("Cannot flag outliers by IQR: k must be at least 0, got -1"),
  );
  assert.throws(
    () => zScoreOutliers(["1"] as unknown as number[]),
    new TypeError("Cannot flag outliers by z-score: values[0] must be a number, got string"),
  );
});

Deno.test("flagOutliers() flags cells per numeric column with bounds fitted on the training rows", () => {
  const t = {
    price: [1, 2, 3, 4, 5, 6, 7, 8, 9, 100],
    size: [10, 10, 10, 10, 10, 10, 10, 10, 10, -50],
    city: Array(10).fill("Oslo"),
  };
  const iqr = flagOutliers(t);
  assert.deepEqual([...iqr.rows], [9]);
  assert.deepEqual(iqr.flags.map((f) => [f.row, f.column, f.value]), [[9, "price", 100], [
    9,
    "size",
    -50,
  ]]);
  assert.equal(iqr.flags[1].reason, "below the lower IQR fence 10 (k = 1.5)");
  // z-score bounds from rows 0–8 of price: mean 5, sd √(60/9) = 2.582; 5 ± 3 · 2.582.
  const z = flagOutliers(t, {
    method: "zscore",
    columns: ["price"],
    fitRows: [0, 1, 2, 3, 4, 5, 6, 7, 8],
  });
  assertClose(z.bounds.price.upper, 5 + 3 * Math.sqrt(60 / 9));
  assert.deepEqual([...z.rows], [9]);
  assert.throws(
    () => flagOutliers(t, { columns: ["city"] }),
    new TypeError('Cannot flag outliers: column "city" is not numeric'),
  );
  assert.throws(
    () => flagOutliers(t, { method: "mad" as "iqr" }),
    new RangeError('Cannot flag outliers: method must be one of "iqr", "zscore", got "mad"'),
  );
});

// ---------------------------------------------------------------- constant columns

Deno.test("dropConstantColumns() drops constant, all-missing and near-constant columns with reasons", () => {
  const t = {
    id: [1, 2, 3, 4, 5],
    country: ["US", "US", NaN, "US", "US"],
    empty: [NaN, NaN, NaN, NaN, NaN],
    day: [new Date(0), new Date(0), new Date(0), new Date(0), new Date(0)],
    clicks: [0, 0, 0, 0, 1],
  };
  const { table, dropped } = dropConstantColumns(t);
  assert.deepEqual(Object.keys(table), ["id", "clicks"]);
  assert.equal(table.id, t.id, "kept columns are shared");
  assert.deepEqual(dropped, [
    {
      column: "country",
      uniqueValues: 1,
      dominantFraction: 1,
      reason: 'constant: every observed value is "US"',
    },
    { column: "empty", uniqueValues: 0, dominantFraction: 0, reason: "all 5 values missing" },
    {
      column: "day",
      uniqueValues: 1,
      dominantFraction: 1,
      reason: "constant: every observed value is 1970-01-01T00:00:00.000Z",
    },
  ]);
  // clicks: 0 fills 4 of 5 = 80 %.
  const near = dropConstantColumns(t, { nearConstant: 0.8 });
  assert.deepEqual(near.dropped.at(-1), {
    column: "clicks",
    uniqueValues: 2,
    dominantFraction: 0.8,
    reason: "near-constant: 0 fills 80 % of observed values (≥ 80 %)",
  });
  // Decided on the training rows 0–3 only, clicks is constant there.
  assert.ok(!("clicks" in dropConstantColumns(t, { fitRows: [0, 1, 2, 3] }).table));
  assert.throws(
    () => dropConstantColumns(t, { nearConstant: 0 }),
    new RangeError("Cannot drop constant columns: nearConstant must be in (0, 1], got 0"),
  );
});
