import assert from "node:assert/strict";
import {
  dropConstantColumns,
  flagOutliers,
  iqrOutliers,
  zScoreOutliers,
} from "@lib/data/cleaning.ts";
import { assertClose } from "../_util/assert_close.ts";

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
