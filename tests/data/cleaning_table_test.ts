import assert from "node:assert/strict";
import {
  type Columns,
  columnsOf,
  fitImputer,
  missingReport,
  selectRows,
} from "@lib/data/cleaning.ts";

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
