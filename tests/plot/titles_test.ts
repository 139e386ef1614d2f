import assert from "node:assert/strict";
import * as plot from "../../lib/plot/mod.ts";
import type { Figure, TitleOptions } from "../../lib/plot/mod.ts";

/** Every builder with minimal valid data; the test below fails when a builder is missing here. */
const BUILDERS: Record<string, (titles: TitleOptions) => Figure> = {
  lineChart: (t) => plot.lineChart([{ x: [1], y: [1] }], t),
  scatterChart: (t) => plot.scatterChart({ x: [1], y: [1] }, t),
  barChart: (t) => plot.barChart(["a"], [{ values: [1] }], t),
  histogramChart: (t) => plot.histogramChart([{ values: [1] }], t),
  heatmapChart: (t) => plot.heatmapChart([[1]], t),
  bandChart: (t) => plot.bandChart([{ x: [1], y: [1], spread: [0] }], t),
  intervalChart: (t) => plot.intervalChart(["a"], [{ estimate: [1], lower: [0], upper: [2] }], t),
};

/** Builders of multi-panel figures whose panels carry fixed axis titles: they take a title only. */
const FIXED_AXES = ["classifierCurvesChart"];

Deno.test("every chart builder is in the title registry", () => {
  const builders = Object.keys(plot).filter((name) =>
    name.endsWith("Chart") && !FIXED_AXES.includes(name)
  );
  assert.deepEqual(builders.sort(), Object.keys(BUILDERS).sort());
});

Deno.test("multi-panel builders require a title and name every panel's axes", () => {
  const fig = plot.classifierCurvesChart([0, 1, 0, 1], { model: [0.1, 0.8, 0.3, 0.6] }, {
    title: "Curves",
  });
  assert.equal(fig.title, "Curves");
  const axes = Object.entries(fig.layout).filter(([k]) => /^[xy]axis\d*$/.test(k));
  assert.ok(axes.length >= 6, "three panels, two axes each");
  for (const [name, axis] of axes) {
    assert.ok((axis as { title?: { text?: string } }).title?.text, `${name} has a title`);
  }
});

Deno.test("every chart builder requires a title and axis titles", () => {
  const valid = { title: "Title", xTitle: "x (ms)", yTitle: "y (count)" };
  for (const [name, build] of Object.entries(BUILDERS)) {
    const fig = build(valid);
    assert.equal(fig.layout.title.text, "Title", name);
    assert.equal(fig.layout.xaxis.title.text, "x (ms)", name);
    assert.equal(fig.layout.yaxis.title.text, "y (count)", name);
    for (const field of ["title", "xTitle", "yTitle"] as const) {
      assert.throws(() => build({ ...valid, [field]: "" }), {
        name: "RangeError",
        message: `Cannot build ${name}: ${field} must be a non-empty string`,
      });
      assert.throws(() => build({ ...valid, [field]: "  " }), RangeError);
      assert.throws(() => build({ ...valid, [field]: undefined as unknown as string }), {
        name: "TypeError",
        message: `Cannot build ${name}: ${field} must be a non-empty string`,
      });
    }
    assert.throws(() => build(undefined as unknown as TitleOptions), {
      name: "TypeError",
      message: `Cannot build ${name}: options with title, xTitle and yTitle are required`,
    });
  }
});

Deno.test("every chart builder gives the same size, font and background", () => {
  for (const [name, build] of Object.entries(BUILDERS)) {
    const { layout } = build({ title: "T", xTitle: "x", yTitle: "y" });
    assert.deepEqual([layout.width, layout.height], [plot.FIGURE_WIDTH, plot.FIGURE_HEIGHT], name);
    assert.deepEqual(layout.font, { family: plot.FONT_FAMILY, size: 13, color: "#222222" }, name);
    assert.equal(layout.plot_bgcolor, "#ffffff", name);
  }
});

Deno.test("chart builders never mutate their inputs", () => {
  const x = [3, 1, 2], y = [1, NaN, 2], spread = [0.1, 0.1, 0.1];
  const t = { title: "T", xTitle: "x", yTitle: "y", vLines: [{ at: 1 }] };
  plot.lineChart([{ x, y }], t);
  plot.bandChart([{ x, y, spread }], t);
  plot.scatterChart({ x, y, group: ["a", "b", "a"] }, t);
  assert.deepEqual([x, y, spread, t.vLines], [[3, 1, 2], [1, NaN, 2], [0.1, 0.1, 0.1], [{
    at: 1,
  }]]);
});
