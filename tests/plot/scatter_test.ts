import assert from "node:assert/strict";
import { scatterChart } from "../../lib/plot/mod.ts";
import { TITLES } from "./_helpers.ts";

Deno.test("scatterChart() makes one trace per group, numeric groups in ascending order", () => {
  const fig = scatterChart(
    { x: [1, 2, 3, 4], y: [5, 6, 7, 8], group: [2, 0, 2, 1], text: ["a", "b", "c", "d"] },
    TITLES,
  );
  assert.deepEqual(fig.data.map((t) => t.name), ["0", "1", "2"]);
  assert.deepEqual(fig.data.map((t) => t.x), [[2], [4], [1, 3]]);
  assert.deepEqual(fig.data[2].text, ["a", "c"]);
  assert.equal(fig.data[0].mode, "markers+text");
  assert.equal(fig.layout.showlegend, true);
});

Deno.test("scatterChart() keeps string groups in order of appearance", () => {
  const fig = scatterChart({ x: [1, 2, 3], y: [1, 2, 3], group: ["spam", "ham", "spam"] }, TITLES);
  assert.deepEqual(fig.data.map((t) => t.name), ["spam", "ham"]);
  assert.equal(fig.data[0].mode, "markers");
});

Deno.test("scatterChart() colours by a number with a colour bar, text on hover only", () => {
  const fig = scatterChart(
    { x: [1, 2], y: [3, 4], color: [0.1, 0.9], text: ["p", "q"] },
    { ...TITLES, colorTitle: "score (0–1)", showText: false, markerSize: 4 },
  );
  assert.equal(fig.data.length, 1);
  const marker = fig.data[0].marker as Record<string, unknown>;
  assert.deepEqual(marker.color, [0.1, 0.9]);
  assert.equal(marker.showscale, true);
  assert.equal(marker.size, 4);
  assert.deepEqual((marker.colorbar as { title: unknown }).title, { text: "score (0–1)" });
  assert.equal(fig.data[0].mode, "markers");
  assert.deepEqual(fig.data[0].text, ["p", "q"]);
  assert.equal(fig.layout.showlegend, false);
});

Deno.test("scatterChart() leaves NaN points out as null", () => {
  const fig = scatterChart({ x: [1, 2], y: [NaN, 4] }, TITLES);
  assert.deepEqual(fig.data[0].y, [null, 4]);
});

Deno.test("scatterChart() rejects mismatched lengths and conflicting options", () => {
  const cases: [() => unknown, ErrorConstructor, string][] = [
    [
      () => scatterChart({ x: [1, 2], y: [1] }, TITLES),
      RangeError,
      "x and y must have the same length, got 2 and 1",
    ],
    [
      () => scatterChart({ x: [1, 2], y: [1, 2], group: ["a"] }, TITLES),
      RangeError,
      "x and group must have the same length, got 2 and 1",
    ],
    [
      () => scatterChart({ x: [1, 2], y: [1, 2], text: ["a"] }, TITLES),
      RangeError,
      "x and text must have the same length, got 2 and 1",
    ],
    [
      () => scatterChart({ x: [1, 2], y: [1, 2], color: [1] }, TITLES),
      RangeError,
      "x and color must have the same length, got 2 and 1",
    ],
    [
      () => scatterChart({ x: [1], y: [1], group: ["a"], color: [1] }, TITLES),
      RangeError,
      "give either group or color, not both",
    ],
    [
      () => scatterChart({ x: [1], y: [1], text: [1 as unknown as string] }, TITLES),
      TypeError,
      "text[0] must be a string",
    ],
    [
      () => scatterChart({ x: [1], y: [1], group: [null as unknown as string] }, TITLES),
      TypeError,
      "group[0] must be a string or a number",
    ],
    [
      () => scatterChart({ x: [1], y: [1] }, { ...TITLES, markerSize: 0 }),
      RangeError,
      "markerSize must be at least 1, got 0",
    ],
    [() => scatterChart(null as never, TITLES), TypeError, "points must be an object"],
  ];
  for (const [fn, kind, message] of cases) {
    assert.throws(fn, { name: kind.name, message: `Cannot build scatterChart: ${message}` });
  }
});
