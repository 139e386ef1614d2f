import assert from "node:assert/strict";
import { bandChart, heatmapChart, lineChart, subplotGrid } from "../../lib/plot/mod.ts";
import type { Figure } from "../../lib/plot/mod.ts";
import { TITLES } from "./_helpers.ts";
import { assertClose } from "../_util/assert_close.ts";

const loss = lineChart([
  { name: "train", x: [1, 2], y: [1, 0.5] },
  { name: "validation", x: [1, 2], y: [1.2, 0.8] },
], { title: "Loss", xTitle: "epoch", yTitle: "loss (nats)", vLines: [{ at: 2, label: "stop" }] });
const curve = bandChart([
  { name: "train", x: [10, 100], y: [0.9, 0.95], spread: [0.01, 0.01] },
], { title: "Learning curve", xTitle: "examples", yTitle: "accuracy (0–1)", xType: "log" });
const confusion = heatmapChart([[5, 1], [2, 7]], {
  title: "Confusion",
  xTitle: "predicted",
  yTitle: "true",
});

Deno.test("subplotGrid() places figures on their own axes, row by row, with panel titles", () => {
  const grid = subplotGrid([loss, curve, confusion], { title: "Report" });
  assert.equal(grid.title, "Report");
  assert.deepEqual(grid.data.map((t) => [t.xaxis, t.yaxis]), [
    ["x", "y"],
    ["x", "y"],
    ["x2", "y2"],
    ["x2", "y2"],
    ["x3", "y3"],
  ]);
  assert.equal(grid.layout.xaxis2?.title.text, "examples");
  assert.equal(grid.layout.xaxis2?.type, "log");
  assert.equal(grid.layout.yaxis3?.autorange, "reversed");
  assert.equal(grid.layout.xaxis3?.anchor, "y3");
  // Two columns: panels 1 and 3 share a left edge, panel 3 is below panel 1.
  const [x1, x3] = [grid.layout.xaxis.domain, grid.layout.xaxis3?.domain] as number[][];
  const [y1, y3] = [grid.layout.yaxis.domain, grid.layout.yaxis3?.domain] as number[][];
  assert.equal(x1[0], x3[0]);
  assert.ok(y3[1] < y1[0]);
  const titles = grid.layout.annotations.filter((a) => a.xref === "paper").map((a) => a.text);
  assert.deepEqual(titles, ["<b>Loss</b>", "<b>Learning curve</b>", "<b>Confusion</b>"]);
});

Deno.test("subplotGrid() remaps reference lines and shows each legend entry once", () => {
  const grid = subplotGrid([curve, loss], { title: "Report", columns: 1 });
  const stop = grid.layout.shapes.find((s) => s.x0 === 2);
  assert.deepEqual([stop?.xref, stop?.yref], ["x2", "y2 domain"]);
  const shown = grid.data.filter((t) => t.showlegend !== false).map((t) => t.name);
  assert.deepEqual(shown, ["train", "validation"]); // "train" of the loss panel has the same colour
  assert.equal(grid.layout.showlegend, true);
  assert.ok(grid.layout.height > 2 * 260);
});

Deno.test("subplotGrid() rejects bad input", () => {
  const single = lineChart([{ x: [1], y: [1] }], TITLES);
  const cases: [() => unknown, ErrorConstructor, string][] = [
    [() => subplotGrid([single], { title: "" }), RangeError, "title must be a non-empty string"],
    [
      () => subplotGrid([single], undefined as never),
      TypeError,
      "options with a title are required",
    ],
    [() => subplotGrid([], { title: "G" }), RangeError, "figures must not be empty"],
    [
      () => subplotGrid([single], { title: "G", columns: 0 }),
      RangeError,
      "columns must be at least 1, got 0",
    ],
    [() => subplotGrid([{} as never], { title: "G" }), TypeError, "figures[0] must be a figure"],
    [
      () => subplotGrid([subplotGrid([single, single], { title: "inner" })], { title: "G" }),
      RangeError,
      "figures[0] is already a grid; combine single figures",
    ],
  ];
  for (const [fn, kind, message] of cases) {
    assert.throws(fn, { name: kind.name, message: `Cannot build subplotGrid: ${message}` });
  }
});

/** The layout fields that place the title, the legend and the panels. */
interface Placement {
  height: number;
  margin: { t: number; b: number };
  title: { y: number; yanchor: string };
  legend: { y: number; yanchor: string; yref: string };
  yaxis: { domain: [number, number] };
}
const placement = (fig: Figure) => fig.layout as unknown as Placement;

/** Pixels from the top of the figure to the top of the first row of panels. */
function panelTop(layout: Placement): number {
  const plotH = layout.height - layout.margin.t - layout.margin.b;
  return layout.margin.t + (1 - layout.yaxis.domain[1]) * plotH;
}

/** A line chart with `n` named series (names of about 27 characters when `long`). */
function panel(title: string, n: number, long = false) {
  return lineChart(
    Array.from({ length: n }, (_, i) => ({
      name: long ? `series ${i + 1} with a longer name` : `s${i + 1}`,
      x: [1, 2],
      y: [i, i + 1],
    })),
    { title, xTitle: "x (units)", yTitle: "y (units)" },
  );
}

Deno.test("subplotGrid() keeps the title 12 px from the top and the legend below it, for 1–4 columns", () => {
  for (const columns of [1, 2, 3, 4]) {
    for (const entries of [2, 10]) {
      const figs = Array.from({ length: 4 }, (_, k) => panel(`P${k}`, entries, entries > 2));
      const layout = placement(subplotGrid(figs, { title: "Grid", columns }));
      const label = `columns=${columns}, entries=${entries}`;
      const { title, legend } = layout;
      assert.equal(title.yanchor, "top");
      assertClose((1 - title.y) * layout.height, 12, { abs: 1e-9 }, label);
      // The legend's top edge, fixed in pixels from the top of the figure.
      assert.deepEqual([legend.yref, legend.yanchor], ["container", "top"]);
      assertClose((1 - legend.y) * layout.height, 42, { abs: 1e-9 }, label);
      // The plot area starts 12 px below the legend's rows, the panels 34 px lower
      // (the room for their titles is inside the plot area, so it moves with it).
      const legendHeight = layout.margin.t - 42 - 12;
      assert.ok(legendHeight >= 30, label);
      if (entries === 10) assert.ok(legendHeight >= 50, `${label}: ten long entries wrap`);
      assertClose(panelTop(layout) - layout.margin.t, 34, { abs: 1e-9 }, label);
    }
  }
});

Deno.test("subplotGrid() makes room for every legend row and keeps the panels' size", () => {
  const top = (g: Figure) => placement(g).margin.t;
  const two = subplotGrid([panel("A", 2), panel("B", 2)], { title: "G", columns: 1 });
  const ten = subplotGrid([panel("A", 10, true), panel("B", 10, true)], {
    title: "G",
    columns: 1,
  });
  // 720 px wide, 620 px of plot: two 27-character entries fit per row, so five rows.
  assert.equal(top(ten) - top(two), 4 * 20);
  // The panels keep their size: the figure grows by the legend's extra rows.
  assert.equal(ten.layout.height - two.layout.height, 4 * 20);
  const none = subplotGrid([panel("A", 1), panel("B", 1)], { title: "G" });
  assert.equal(none.layout.showlegend, false);
  assert.equal(top(none), 42);
  assertClose(panelTop(placement(none)), 42 + 34, { abs: 1e-9 });
});
