import assert from "node:assert/strict";
import { barChart } from "../../lib/plot/mod.ts";
import { TITLES } from "./_helpers.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("barChart() groups series side by side on a category axis", () => {
  const fig = barChart([2023, 2024], [
    { name: "A", values: [1, 2] },
    { name: "B", values: [3, NaN], error: [0.5, 0.25] },
  ], { ...TITLES, hLines: [{ at: 1.5, label: "target" }] });
  assert.equal(fig.layout.barmode, "group");
  assert.equal(fig.layout.xaxis.type, "category");
  assert.deepEqual(fig.data.map((t) => [t.type, t.name, t.x, t.y]), [
    ["bar", "A", ["2023", "2024"], [1, 2]],
    ["bar", "B", ["2023", "2024"], [3, null]],
  ]);
  assert.deepEqual(fig.data[1].error_y, { type: "data", array: [0.5, 0.25], visible: true });
  assert.equal(fig.layout.shapes[0].y0, 1.5);
  assert.equal(fig.layout.showlegend, true);
});

Deno.test("barChart() keeps a band right of the last bars for reference-line labels", () => {
  const values = [0.9, 0.95, 0.97];
  const plain = barChart(["a", "b", "c"], [{ values }], { ...TITLES, hLines: [{ at: 0.5 }] });
  assert.equal(plain.layout.xaxis.range, undefined); // no label, no band
  const fig = barChart(["a", "b", "c"], [{ values }], {
    ...TITLES,
    hLines: [{ at: 0.5, label: "chance" }, { at: 0.8, label: "benchmark accuracy" }],
  });
  const [low, high] = fig.layout.xaxis.range as [number, number];
  assert.equal(low, -0.5);
  // The band right of the last category (which ends at 2.5), in pixels of the 620-pixel
  // plot area: "benchmark accuracy" is 18 characters at 11 px, about 100 px in Arial
  // (0.5 em a character on average), so the band must hold at least that much.
  const bandPixels = (high - 2.5) / (high - low) * 620;
  assert.ok(bandPixels >= 100 && bandPixels <= 160, `band of ${bandPixels} px`);
  // The labels are anchored at the right end of the plot area, inside that band.
  const notes = fig.layout.annotations.map((a) => [a.text, a.x, a.xanchor]);
  assert.deepEqual(notes, [["chance", 1, "right"], ["benchmark accuracy", 1, "right"]]);
});

Deno.test("barChart() draws asymmetric error bars: error above the value, errorMinus below", () => {
  // A bootstrap interval (0.2, 0.9) around 0.6 and (1, 1.5) around 1.25: the bar ends must be
  // the interval ends, value + error = high and value − errorMinus = low.
  const values = [0.6, 1.25], low = [0.2, 1], high = [0.9, 1.5];
  const fig = barChart(["a", "b"], [{
    values,
    error: high.map((h, j) => h - values[j]),
    errorMinus: low.map((l, j) => values[j] - l),
  }], TITLES);
  const bar = fig.data[0].error_y as {
    symmetric: boolean;
    visible: boolean;
    array: number[];
    arrayminus: number[];
  };
  assert.equal(bar.symmetric, false);
  assert.equal(bar.visible, true);
  values.forEach((v, j) => {
    assertClose(v + bar.array[j], high[j], { abs: 1e-12 });
    assertClose(v - bar.arrayminus[j], low[j], { abs: 1e-12 });
  });
});

Deno.test("barChart() stacks series when asked", () => {
  const fig = barChart(["a"], [{ name: "x", values: [1] }, { name: "y", values: [2] }], {
    ...TITLES,
    stacked: true,
  });
  assert.equal(fig.layout.barmode, "stack");
});

Deno.test("barChart() rejects mismatched lengths and negative errors", () => {
  const cases: [() => unknown, ErrorConstructor, string][] = [
    [
      () => barChart(["a", "b"], [{ values: [1] }], TITLES),
      RangeError,
      "categories and series[0].values must have the same length, got 2 and 1",
    ],
    [
      () => barChart(["a"], [{ values: [1], error: [1, 2] }], TITLES),
      RangeError,
      "categories and series[0].error must have the same length, got 1 and 2",
    ],
    [
      () => barChart(["a"], [{ values: [1], error: [-1] }], TITLES),
      RangeError,
      "series[0].error[0] must be ≥ 0, got -1",
    ],
    [
      () => barChart(["a"], [{ values: [1], error: [1], errorMinus: [1, 2] }], TITLES),
      RangeError,
      "categories and series[0].errorMinus must have the same length, got 1 and 2",
    ],
    [
      () => barChart(["a"], [{ values: [1], error: [1], errorMinus: [-0.5] }], TITLES),
      RangeError,
      "series[0].errorMinus[0] must be ≥ 0, got -0.5",
    ],
    [
      () => barChart(["a"], [{ values: [1], errorMinus: [0.5] }], TITLES),
      TypeError,
      "series[0].errorMinus needs series[0].error (the upper half)",
    ],
    [() => barChart([], [{ values: [] }], TITLES), RangeError, "categories must not be empty"],
    [
      () => barChart([true as unknown as string], [{ values: [1] }], TITLES),
      TypeError,
      "categories[0] must be a string or a number",
    ],
  ];
  for (const [fn, kind, message] of cases) {
    assert.throws(fn, { name: kind.name, message: `Cannot build barChart: ${message}` });
  }
});
