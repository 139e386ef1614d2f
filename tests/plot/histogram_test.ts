import assert from "node:assert/strict";
import { histogramChart } from "../../lib/plot/mod.ts";
import { _binValues } from "../../lib/plot/histogram.ts";
import { assertClose } from "../_util/assert_close.ts";
import { TITLES } from "./_helpers.ts";

Deno.test("histogramChart() counts values into equal bins, the maximum in the last bin", () => {
  // Worked by hand: range [0, 4], 4 bins of width 1: [0,1) {0, 0.5}, [1,2) {1}, [2,3) {}, [3,4] {3, 4}.
  const fig = histogramChart([{ values: [0, 0.5, 1, 3, 4, NaN] }], { ...TITLES, bins: 4 });
  assert.deepEqual(fig.data[0].y, [2, 1, 0, 2]);
  assert.deepEqual(fig.data[0].x, [0.5, 1.5, 2.5, 3.5]);
  assert.equal(fig.data[0].width, 1);
  assert.equal(fig.data[0].type, "bar");
  assert.equal(fig.layout.barmode, "overlay");
});

Deno.test("histogramChart() shares bins across overlaid series and normalises", () => {
  const fig = histogramChart([
    { name: "a", values: [0, 1, 1, 2] },
    { name: "b", values: [2, 4] },
  ], { ...TITLES, bins: 2, normalize: "density" });
  // Shared range [0, 4], width 2. a: [0,2) has 3 of 4 → 3/(4·2); b: [2,4] has 2 of 2 → 2/(2·2).
  assert.deepEqual(fig.data.map((t) => t.x), [[1, 3], [1, 3]]);
  assertClose(fig.data[0].y as number[], [0.375, 0.125]);
  assertClose(fig.data[1].y as number[], [0, 0.5]);
  assert.equal(fig.layout.showlegend, true);
  const probability = histogramChart([{ values: [0, 1, 1, 2] }], {
    ...TITLES,
    bins: 2,
    normalize: "probability",
  });
  assertClose(probability.data[0].y as number[], [0.25, 0.75]);
});

Deno.test("histogramChart() uses Sturges' rule by default and handles a constant sample", () => {
  // Sturges: ⌈log2 100⌉ + 1 = 8 bins.
  const many = histogramChart([{ values: Array.from({ length: 100 }, (_, i) => i) }], TITLES);
  assert.equal(many.data[0].x?.length, 8);
  const constant = histogramChart([{ values: [5, 5, 5] }], { ...TITLES, bins: 1 });
  assert.deepEqual(constant.data[0].x, [5]);
  assert.deepEqual(constant.data[0].y, [3]);
});

Deno.test("_binValues() puts every value in exactly one bin", () => {
  const values = Array.from({ length: 50 }, (_, i) => Math.sin(i) * 10);
  const { heights } = _binValues(values, -10, 2, 10, "count");
  assert.equal(heights.reduce((a, b) => a + b, 0), 50);
});

Deno.test("histogramChart() rejects bad bins, normalisation and empty samples", () => {
  const cases: [() => unknown, ErrorConstructor, string][] = [
    [
      () => histogramChart([{ values: [1] }], { ...TITLES, bins: 0 }),
      RangeError,
      "bins must be at least 1, got 0",
    ],
    [
      () => histogramChart([{ values: [1] }], { ...TITLES, bins: 1.5 }),
      RangeError,
      "bins must be an integer, got 1.5",
    ],
    [
      () => histogramChart([{ values: [1] }], { ...TITLES, normalize: "percent" as "count" }),
      RangeError,
      'normalize must be one of "count", "probability", "density", got "percent"',
    ],
    [
      () => histogramChart([{ values: [NaN] }], TITLES),
      RangeError,
      "series[0].values must hold a finite number",
    ],
    [
      () => histogramChart([{ values: [1, -Infinity] }], TITLES),
      RangeError,
      "series[0].values[1] must be a finite number or NaN (a gap), got -Infinity",
    ],
  ];
  for (const [fn, kind, message] of cases) {
    assert.throws(fn, { name: kind.name, message: `Cannot build histogramChart: ${message}` });
  }
});
