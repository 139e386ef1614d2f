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
