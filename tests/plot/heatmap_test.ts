import assert from "node:assert/strict";
import { heatmapChart } from "../../lib/plot/mod.ts";
import { TITLES } from "./_helpers.ts";

Deno.test("heatmapChart() draws a labelled matrix with row 0 on top and annotated cells", () => {
  const fig = heatmapChart([[5, 1], [2, 0.333333]], {
    ...TITLES,
    xLabels: ["ham", "spam"],
    yLabels: [0, 1],
    annotate: true,
    colorTitle: "count",
  });
  const t = fig.data[0];
  assert.equal(t.type, "heatmap");
  assert.deepEqual(t.x, ["ham", "spam"]);
  assert.deepEqual(t.y, ["0", "1"]);
  assert.deepEqual(t.z, [[5, 1], [2, 0.333333]]);
  assert.deepEqual(t.text, [["5", "1"], ["2", "0.3333"]]);
  assert.equal(t.texttemplate, "%{text}");
  assert.deepEqual((t.colorbar as { title: unknown }).title, { text: "count" });
  assert.equal(fig.layout.yaxis.autorange, "reversed");
  assert.equal(fig.layout.showlegend, false);
});

Deno.test("heatmapChart() defaults labels to indices; RdBu is symmetric around 0; NaN cells are blank", () => {
  const fig = heatmapChart([[-0.5, 0.25], [NaN, 1]], { ...TITLES, colorScale: "RdBu" });
  const t = fig.data[0];
  assert.deepEqual([t.x, t.y], [["0", "1"], ["0", "1"]]);
  assert.deepEqual([t.zmin, t.zmax], [-1, 1]);
  assert.deepEqual(t.z, [[-0.5, 0.25], [null, 1]]);
  assert.equal(t.text, undefined);
  const fixed = heatmapChart([[1]], { ...TITLES, zRange: [0, 10] });
  assert.deepEqual([fixed.data[0].zmin, fixed.data[0].zmax], [0, 10]);
});

Deno.test("heatmapChart() separates cells by 1 px by default and draws images with cellGap 0", () => {
  const matrix = heatmapChart([[1, 2], [3, 4]], TITLES).data[0];
  assert.deepEqual([matrix.xgap, matrix.ygap], [1, 1]);
  const image = heatmapChart([[0, 0.5], [1, 0.25]], { ...TITLES, cellGap: 0 }).data[0];
  assert.deepEqual([image.xgap, image.ygap], [0, 0]);
  const wide = heatmapChart([[1]], { ...TITLES, cellGap: 2.5 }).data[0];
  assert.deepEqual([wide.xgap, wide.ygap], [2.5, 2.5]);
});

Deno.test("heatmapChart() rejects ragged matrices and label counts that do not match", () => {
  const cases: [() => unknown, ErrorConstructor, string][] = [
    [
      () => heatmapChart([[1, 2], [3]], TITLES),
      RangeError,
      "z[0] and z[1] must have the same length, got 2 and 1",
    ],
    [() => heatmapChart([], TITLES), RangeError, "z must not be empty"],
    [
      () => heatmapChart([[1, 2]], { ...TITLES, xLabels: ["a"] }),
      RangeError,
      "xLabels must have one label per column, got 1 for 2",
    ],
    [
      () => heatmapChart([[1, 2]], { ...TITLES, yLabels: ["a", "b"] }),
      RangeError,
      "yLabels must have one label per row, got 2 for 1",
    ],
    [
      () => heatmapChart([[1]], { ...TITLES, colorScale: "Jet" as "Blues" }),
      RangeError,
      'colorScale must be one of "Blues", "Viridis", "RdBu", got "Jet"',
    ],
    [
      () => heatmapChart([[1]], { ...TITLES, cellGap: -1 }),
      RangeError,
      "cellGap must be at least 0, got -1",
    ],
    [
      () => heatmapChart([[1]], { ...TITLES, cellGap: NaN }),
      RangeError,
      "cellGap must be finite, got NaN",
    ],
    [
      () => heatmapChart([[1]], { ...TITLES, cellGap: "0" as unknown as number }),
      TypeError,
      'cellGap must be a number, got "0"',
    ],
  ];
  for (const [fn, kind, message] of cases) {
    assert.throws(fn, { name: kind.name, message: `Cannot build heatmapChart: ${message}` });
  }
});
