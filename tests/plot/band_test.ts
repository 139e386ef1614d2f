import assert from "node:assert/strict";
import { bandChart } from "../../lib/plot/mod.ts";
import { TITLES } from "./_helpers.ts";

Deno.test("bandChart() draws a filled polygon y ± spread under each line, bands first", () => {
  const fig = bandChart([
    { name: "train", x: [1, 2, 3], y: [4, 5, 6], spread: [1, 0.5, 0] },
    { name: "validation", x: [1, 2, 3], y: [2, 3, 4], lower: [1, 2, 3], upper: [2.5, 3.5, 4.5] },
  ], TITLES);
  assert.deepEqual(fig.data.map((t) => [t.name, t.fill ?? null, t.showlegend ?? true]), [
    ["train band", "toself", false],
    ["validation band", "toself", false],
    ["train", null, true],
    ["validation", null, true],
  ]);
  // The polygon runs along the upper edge, then back along the lower edge.
  assert.deepEqual(fig.data[0].x, [1, 2, 3, 3, 2, 1]);
  assert.deepEqual(fig.data[0].y, [5, 5.5, 6, 6, 4.5, 3]);
  assert.deepEqual(fig.data[1].y, [2.5, 3.5, 4.5, 3, 2, 1]);
  assert.equal(fig.data[0].fillcolor, "rgba(31,119,180,0.2)"); // the line's colour, #1f77b4
  assert.equal((fig.data[2].line as { color: string }).color, "#1f77b4");
  assert.equal(fig.layout.showlegend, true);
});

Deno.test("bandChart() leaves NaN points out of the band and hides the legend for one series", () => {
  const fig = bandChart([{ x: [1, 2, 3], y: [1, NaN, 3], spread: [1, 1, NaN] }], TITLES);
  assert.deepEqual(fig.data[0].x, [1, 1]);
  assert.deepEqual(fig.data[0].y, [2, 0]);
  assert.deepEqual(fig.data[1].y, [1, null, 3]);
  assert.equal(fig.layout.showlegend, false);
});

Deno.test("bandChart() rejects missing or conflicting bounds and inconsistent lengths", () => {
  const cases: [() => unknown, ErrorConstructor, string][] = [
    [
      () => bandChart([{ x: [1], y: [1] } as never], TITLES),
      TypeError,
      "series[0] must have either spread or both lower and upper",
    ],
    [
      () => bandChart([{ x: [1], y: [1], spread: [1], lower: [0], upper: [2] } as never], TITLES),
      TypeError,
      "series[0] must have either spread or both lower and upper",
    ],
    [
      () => bandChart([{ x: [1, 2], y: [1, 2], spread: [1] }], TITLES),
      RangeError,
      "series[0].y and series[0].spread must have the same length, got 2 and 1",
    ],
    [
      () => bandChart([{ x: [1], y: [1], spread: [-1] }], TITLES),
      RangeError,
      "series[0].spread[0] must be ≥ 0, got -1",
    ],
    [
      () => bandChart([{ x: [1], y: [1], lower: [2], upper: [1] }], TITLES),
      RangeError,
      "series[0].lower[0] must not exceed series[0].upper[0], got 2 > 1",
    ],
    [
      () => bandChart([{ x: [1], y: [1], lower: [0] } as never], TITLES),
      TypeError,
      "series[0].upper must be an array",
    ],
  ];
  for (const [fn, kind, message] of cases) {
    assert.throws(fn, { name: kind.name, message: `Cannot build bandChart: ${message}` });
  }
});
