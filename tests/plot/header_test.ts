import assert from "node:assert/strict";
import { _measureHeader, _wrapTitle } from "../../lib/plot/_header.ts";
import { closeRenderer, figureBundle, lineChart, subplotGrid } from "../../lib/plot/mod.ts";

const LONG = "Quality of the funnel against its cut-off (dashed: largest K within 200 ms, " +
  "500 chapter, 530 measured)";

Deno.test("_wrapTitle() breaks long titles at spaces and keeps short ones and given breaks", () => {
  assert.equal(_wrapTitle("Loss per epoch", 680), "Loss per epoch");
  const wrapped = _wrapTitle(LONG, 680);
  assert.equal(wrapped.split("<br>").length, 2);
  assert.equal(wrapped.replace("<br>", " "), LONG);
  assert.equal(_wrapTitle("one<br>two", 10), "one<br>two");
  // A single word wider than the figure stays whole.
  assert.equal(_wrapTitle("Supercalifragilistic", 50), "Supercalifragilistic");
});

Deno.test("_measureHeader() adds 24 px per title line and 20 px per legend row beyond the first", () => {
  const series = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ type: "scatter" as const, name: `series ${i}` }));
  const plain = _measureHeader("Short", series(1), 720, 620);
  assert.deepEqual(plain, { text: "Short", legendTop: 42, legendRows: 0, bottom: 42, extra: 0 });
  const legend = _measureHeader("Short", series(2), 720, 620);
  assert.deepEqual([legend.legendRows, legend.bottom, legend.extra], [1, 72, 0]);
  const wrapped = _measureHeader(LONG, series(2), 720, 620);
  assert.deepEqual([wrapped.legendTop, wrapped.bottom, wrapped.extra], [66, 96, 24]);
  // Traces hidden from the legend and heatmaps are not entries.
  const hidden = _measureHeader(
    "Short",
    [
      { type: "scatter", name: "a" },
      { type: "scatter", name: "b", showlegend: false },
      { type: "heatmap" },
    ],
    720,
    620,
  );
  assert.equal(hidden.legendRows, 0);
});

Deno.test("a wrapped title grows the figure and reads as one line in the figure's title and bundle", async () => {
  const short = lineChart([{ x: [1], y: [1] }], { title: "Short", xTitle: "x", yTitle: "y" });
  const fig = lineChart([{ x: [1], y: [1] }], { title: LONG, xTitle: "x", yTitle: "y" });
  assert.ok(fig.layout.title.text.includes("<br>"));
  assert.equal(fig.layout.height - short.layout.height, 24);
  assert.equal(fig.title, LONG);
  try {
    const bundle = await figureBundle(fig);
    assert.equal(bundle["text/plain"], `Figure: ${LONG}`);
  } finally {
    await closeRenderer();
  }
  // In a grid, the panel title is one line again (the panel has its own width).
  const grid = subplotGrid([fig, short], { title: "Grid" });
  assert.equal(grid.layout.annotations.at(-2)?.text, `<b>${LONG}</b>`);
});

Deno.test("a single figure's legend is fixed 42 px below its top and the plot area 12 px below the legend", () => {
  const fig = lineChart([{ name: "a", x: [1], y: [1] }, { name: "b", x: [1], y: [2] }], {
    title: "Short",
    xTitle: "x",
    yTitle: "y",
  });
  const legend = fig.layout.legend as { y: number; yref: string; yanchor: string };
  assert.deepEqual([legend.yref, legend.yanchor], ["container", "top"]);
  assert.ok(Math.abs((1 - legend.y) * fig.layout.height - 42) < 1e-9);
  // One row of legend (30 px) from 42 px, then 12 px to the plot area.
  assert.equal((fig.layout.margin as { t: number }).t, 42 + 30 + 12);
});
