import assert from "node:assert/strict";
import { lineChart } from "../../lib/plot/mod.ts";
import { TITLES } from "./_helpers.ts";

const series = [{ x: [1, 2], y: [1, 2] }];

Deno.test("axis options: reference-line labels go on the line, unlabelled lines get no annotation", () => {
  const fig = lineChart(series, {
    ...TITLES,
    vLines: [{ at: 1.5 }],
    hLines: [{ at: 1, label: "threshold" }],
  });
  assert.equal(fig.layout.shapes.length, 2);
  assert.deepEqual(fig.layout.annotations.map((a) => [a.text, a.xref, a.yref, a.x, a.y]), [
    ["threshold", "x domain", "y", 1, 1],
  ]);
});

Deno.test("axis options: invalid types, ranges, lines and markers are rejected", () => {
  const cases: [Record<string, unknown>, ErrorConstructor, string][] = [
    [{ xType: "ln" }, RangeError, 'xType must be "linear" or "log", got "ln"'],
    [{ xRange: [2, 1] }, RangeError, "xRange must have low < high, got [2, 1]"],
    [{ yRange: [1] }, TypeError, "yRange must be a [low, high] pair"],
    [{ xRange: [0, Infinity] }, RangeError, "xRange[1] must be finite, got Infinity"],
    [
      { xType: "log", xRange: [0, 10] },
      RangeError,
      "xRange must be positive on a log axis, got [0, 10]",
    ],
    [{ vLines: [{ at: NaN }] }, RangeError, "vLines[0].at must be finite, got NaN"],
    [
      { xType: "log", vLines: [{ at: 0 }] },
      RangeError,
      "vLines[0].at must be positive on a log axis, got 0",
    ],
    [{ hLines: [{ at: 1, label: "" }] }, RangeError, "hLines[0].label must be a non-empty string"],
    [{ markers: [{ x: 1, y: 1 }] }, TypeError, "markers[0].label must be a non-empty string"],
    [
      { markers: [{ x: 1, y: "a", label: "p" }] },
      TypeError,
      'markers[0].y must be a number, got "a"',
    ],
  ];
  for (const [options, kind, message] of cases) {
    assert.throws(() => lineChart(series, { ...TITLES, ...options }), {
      name: kind.name,
      message: `Cannot build lineChart: ${message}`,
    });
  }
});

Deno.test("axis options: an axis widens to hold reference lines at or beyond the data", () => {
  // Data y from 1 to 2, a line at 0.5: the range spans 0.5 to 2 with 6 % of 1.5 on each side.
  const below = lineChart(series, { ...TITLES, hLines: [{ at: 0.5, label: "baseline" }] });
  const [lo, hi] = below.layout.yaxis.range as number[];
  assert.ok(
    Math.abs(lo - (0.5 - 0.09)) < 1e-12 && Math.abs(hi - (2 + 0.09)) < 1e-12,
    `${lo} ${hi}`,
  );
  // A line on the data's edge gets room too; a vertical line beyond the data widens x.
  const edge = lineChart(series, { ...TITLES, hLines: [{ at: 1 }], vLines: [{ at: 3 }] });
  assert.ok((edge.layout.yaxis.range as number[])[0] < 1);
  assert.ok((edge.layout.xaxis.range as number[])[1] > 3);
  // Lines strictly inside the data are left to Plotly's automatic (padded) range.
  const inside = lineChart(series, { ...TITLES, hLines: [{ at: 1.5 }], vLines: [{ at: 1.2 }] });
  assert.equal(inside.layout.yaxis.range, undefined);
  assert.equal(inside.layout.xaxis.range, undefined);
  // An explicit range wins; an axis of categories is left alone.
  const fixed = lineChart(series, { ...TITLES, yRange: [1, 2], hLines: [{ at: 0.5 }] });
  assert.deepEqual(fixed.layout.yaxis.range, [1, 2]);
  const dates = lineChart([{ x: ["2014-01-01", "2014-01-02"], y: [1, 2] }], {
    ...TITLES,
    vLines: [{ at: 5 }],
  });
  assert.equal(dates.layout.xaxis.range, undefined);
});

Deno.test("axis options: on a log axis the range holding a line is padded in decades", () => {
  // Data from 1 to 100 (two decades), a line at 1000: log10 range 0 to 3, padded by 0.18.
  const fig = lineChart([{ x: [1, 2], y: [1, 100] }], {
    ...TITLES,
    yType: "log",
    hLines: [{ at: 1000 }],
  });
  const [lo, hi] = fig.layout.yaxis.range as number[];
  assert.ok(Math.abs(lo + 0.18) < 1e-12 && Math.abs(hi - 3.18) < 1e-12, `${lo} ${hi}`);
});
