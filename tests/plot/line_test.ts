import assert from "node:assert/strict";
import { FIGURE_HEIGHT, FIGURE_WIDTH, lineChart, PALETTE } from "../../lib/plot/mod.ts";
import { asJson, TITLES } from "./_helpers.ts";

Deno.test("lineChart() builds one scatter trace per series with names, colours and dashes", () => {
  const fig = lineChart([
    { name: "train", x: [1, 2, 3], y: [0.9, 0.5, 0.3] },
    {
      name: "validation",
      x: new Float64Array([1, 2, 3]),
      y: new Float32Array([1, 0.75, 0.5]),
      dash: "dash",
      markers: true,
    },
  ], { title: "Loss per epoch", xTitle: "epoch", yTitle: "loss (nats)" });
  assert.equal(fig.data.length, 2);
  assert.deepEqual(fig.data.map((t) => [t.type, t.name, t.mode]), [
    ["scatter", "train", "lines"],
    ["scatter", "validation", "lines+markers"],
  ]);
  assert.deepEqual(fig.data[1].x, [1, 2, 3]); // typed arrays become plain arrays
  assert.deepEqual(fig.data[1].y, [1, 0.75, 0.5]);
  assert.deepEqual(fig.data[1].line, { color: "#ff7f0e", width: 2, dash: "dash" });
  assert.equal(fig.layout.title.text, "Loss per epoch");
  assert.equal(fig.layout.xaxis.title.text, "epoch");
  assert.equal(fig.layout.yaxis.title.text, "loss (nats)");
  assert.equal(fig.layout.showlegend, true);
  assert.deepEqual([fig.layout.width, fig.layout.height], [FIGURE_WIDTH, FIGURE_HEIGHT]);
  assert.equal(fig.title, "Loss per epoch");
});

Deno.test("lineChart() gives a series its own colour when asked, else the palette's", () => {
  const fig = lineChart([
    { name: "model", x: [1, 2], y: [1, 2] },
    { name: "model, reference", x: [1, 2], y: [3, 3], dash: "dash", colour: PALETTE[0] },
    { name: "other", x: [1, 2], y: [2, 1] },
  ], TITLES);
  assert.deepEqual(fig.data.map((t) => t.line), [
    { color: PALETTE[0], width: 2, dash: "solid" },
    { color: PALETTE[0], width: 2, dash: "dash" },
    { color: PALETTE[2], width: 2, dash: "solid" },
  ]);
  assert.deepEqual(fig.data[1].marker, { color: PALETTE[0], size: 6 });
});

Deno.test("lineChart() hides the legend for one series and turns NaN into a gap (null)", () => {
  const fig = lineChart([{ x: [1, 2, 3], y: [1, NaN, 3] }], TITLES);
  assert.equal(fig.layout.showlegend, false);
  assert.deepEqual(fig.data[0].y, [1, null, 3]);
  assert.equal("name" in fig.data[0], false);
  assert.deepEqual(asJson(fig).data[0].y, [1, null, 3]);
});

Deno.test("lineChart() accepts string positions (categories or dates)", () => {
  const fig = lineChart([{ x: ["2024-01-01", "2024-01-02"], y: [3, 4] }], TITLES);
  assert.deepEqual(fig.data[0].x, ["2024-01-01", "2024-01-02"]);
  assert.equal(fig.layout.xaxis.type, undefined); // Plotly infers the date axis
});

Deno.test("lineChart() sets log axes, ranges in log10 units, reference lines and markers", () => {
  const fig = lineChart([{ x: [1, 10, 100], y: [5, 50, 500] }], {
    ...TITLES,
    xType: "log",
    yType: "log",
    xRange: [1, 1000],
    yRange: [1, 1000],
    vLines: [{ at: 10, label: "SLA" }],
    hLines: [{ at: 100 }],
    markers: [{ x: 100, y: 500, label: "peak" }],
  });
  assert.equal(fig.layout.xaxis.type, "log");
  assert.deepEqual(fig.layout.xaxis.range, [0, 3]);
  assert.deepEqual(fig.layout.yaxis.range, [0, 3]);
  // Shapes take data values on log axes (plotly.js PR #6194); annotations take log10.
  assert.deepEqual(fig.layout.shapes.map((s) => [s.xref, s.yref, s.x0, s.y0, s.y1]), [
    ["x", "y domain", 10, 0, 1],
    ["x domain", "y", 0, 100, 100],
  ]);
  assert.deepEqual(fig.layout.annotations.map((a) => [a.text, a.x, a.y]), [
    ["SLA", 1, 1],
    ["peak", 2, Math.log10(500)],
  ]);
});

Deno.test("lineChart() rejects mismatched lengths, empty input, infinities and bad styles", () => {
  const cases: [() => unknown, ErrorConstructor, string][] = [
    [
      () => lineChart([{ x: [1, 2, 3], y: [1, 2] }], TITLES),
      RangeError,
      "Cannot build lineChart: series[0].x and series[0].y must have the same length, got 3 and 2",
    ],
    [() => lineChart([], TITLES), RangeError, "Cannot build lineChart: series must not be empty"],
    [
      () => lineChart([{ x: [], y: [] }], TITLES),
      RangeError,
      "Cannot build lineChart: series[0].x must not be empty",
    ],
    [
      () => lineChart([{ x: [1, 2], y: [1, Infinity] }], TITLES),
      RangeError,
      "Cannot build lineChart: series[0].y[1] must be a finite number or NaN (a gap), got Infinity",
    ],
    [
      () => lineChart([{ x: [1, NaN], y: [1, 2] }], TITLES),
      RangeError,
      "Cannot build lineChart: series[0].x[1] must be finite, got NaN",
    ],
    [
      () => lineChart([{ x: [1, "b"] as unknown as number[], y: [1, 2] }], TITLES),
      TypeError,
      "Cannot build lineChart: series[0].x must hold only numbers or only strings, series[0].x[1] differs",
    ],
    [
      () => lineChart([{ x: [1], y: ["1"] as unknown as number[] }], TITLES),
      TypeError,
      "Cannot build lineChart: series[0].y[0] must be a number",
    ],
    [
      () => lineChart([{ x: 1 as unknown as number[], y: [1] }], TITLES),
      TypeError,
      "Cannot build lineChart: series[0].x must be an array",
    ],
    [
      () => lineChart([{ x: [1], y: [1] }, { x: [1], y: [2] }], TITLES),
      TypeError,
      "Cannot build lineChart: series[0].name must be a non-empty string when there are several series",
    ],
    [
      () => lineChart([null as never], TITLES),
      TypeError,
      "Cannot build lineChart: series[0] must be an object",
    ],
    [
      () => lineChart([{ x: [1], y: [1], dash: "wavy" as "dot" }], TITLES),
      RangeError,
      'Cannot build lineChart: series[0].dash must be "solid", "dash" or "dot", got "wavy"',
    ],
    [
      () => lineChart([{ x: [1], y: [1], colour: 3 as unknown as string }], TITLES),
      TypeError,
      "Cannot build lineChart: series[0].colour must be a non-empty string",
    ],
    [
      () => lineChart([{ x: [1], y: [1], colour: " " }], TITLES),
      RangeError,
      "Cannot build lineChart: series[0].colour must be a non-empty string",
    ],
  ];
  for (const [fn, kind, message] of cases) assert.throws(fn, { name: kind.name, message });
});
