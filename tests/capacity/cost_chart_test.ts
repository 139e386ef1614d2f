import assert from "node:assert/strict";
import { costChart, fitCostModel, predictCost } from "@lib/capacity/mod.ts";
import { PALETTE } from "@lib/plot/mod.ts";

const OBS = [4000, 1000, 2000].flatMap((n) =>
  [64, 8].map((f) => ({ n, f, timeMs: 1e-4 * n * f * (1 + 0.01 * (n % 3)) + 0.5 }))
);
const FIT = fitCostModel(OBS, "n*f", { overhead: true });

Deno.test("costChart() draws measured and fitted lines per group, sorted by x, on log axes", () => {
  const fig = costChart(OBS, FIT, { title: "T", xTitle: "rows n", x: "n", group: "f" });
  assert.deepEqual(fig.data.map((t) => t.name), [
    "measured, f = 8",
    "fit, f = 8",
    "measured, f = 64",
    "fit, f = 64",
  ]);
  assert.deepEqual(fig.data[0].x, [1000, 2000, 4000]);
  const f8 = OBS.filter((o) => o.f === 8).sort((a, b) => a.n - b.n);
  assert.deepEqual(fig.data[0].y, f8.map((o) => o.timeMs));
  assert.deepEqual(fig.data[1].y, f8.map((o) => predictCost(FIT, o)));
  assert.equal(fig.data[0].mode, "lines+markers");
  assert.equal((fig.data[1].line as { dash: string }).dash, "dash");
  assert.equal(fig.layout.xaxis.type, "log");
  assert.equal(fig.layout.yaxis.type, "log");
  assert.equal(fig.layout.yaxis.title.text, "time (ms)");
});

Deno.test("costChart() gives a measurement and its fit the same colour", () => {
  const fig = costChart(OBS, FIT, { title: "T", xTitle: "rows n", x: "n", group: "f" });
  const colours = fig.data.map((t) => (t.line as { color: string }).color);
  assert.deepEqual(colours, [PALETTE[0], PALETTE[0], PALETTE[1], PALETTE[1]]);
});

Deno.test("costChart() draws one grey fit when the fit ignores the group size", () => {
  const fitN = fitCostModel(OBS, "n", { overhead: true }); // no f in the form: one line for all f
  const fig = costChart(OBS, fitN, { title: "T", xTitle: "rows n", x: "n", group: "f" });
  assert.deepEqual(fig.data.map((t) => t.name), [
    "measured, f = 8",
    "measured, f = 64",
    "fit (the same for every f)",
  ]);
  const colours = fig.data.map((t) => (t.line as { color: string }).color);
  assert.deepEqual(colours, [PALETTE[0], PALETTE[1], "#555555"]);
  assert.deepEqual(fig.data[2].y, [1000, 2000, 4000].map((n) => predictCost(fitN, { n })));
});

Deno.test("costChart() without a group draws one pair; the layers axis sums w_l·w_(l+1)", () => {
  const obs = [[10, 4, 1], [10, 8, 1], [10, 16, 1]].map((layers, i) => ({
    n: 1,
    layers,
    timeMs: i + 1,
  }));
  const fit = fitCostModel(obs, "layers");
  const fig = costChart(obs, fit, { title: "T", xTitle: "MACs", x: "layers", yTitle: "ms" });
  assert.deepEqual(fig.data.map((t) => t.name), ["measured", "fit"]);
  assert.deepEqual(fig.data[0].x, [44, 88, 176]); // 10·4 + 4·1, 10·8 + 8, 10·16 + 16
  assert.equal(fig.layout.yaxis.title.text, "ms");
});

Deno.test("costChart() rejects observations without the sizes it plots", () => {
  assert.throws(() => costChart([], FIT, { title: "T", xTitle: "n", x: "n" }), {
    name: "RangeError",
    message: "Cannot build costChart: observations must be a non-empty array",
  });
  assert.throws(() => costChart(OBS, FIT, { title: "T", xTitle: "n", x: "trees" }), {
    name: "RangeError",
    message: "Cannot build costChart: every observation needs trees",
  });
  assert.throws(() => costChart(OBS, FIT, { title: "T", xTitle: "n", x: "layers" }), {
    name: "RangeError",
    message: "Cannot build costChart: observations need layers for this axis",
  });
});

Deno.test("costChart() labels integer groups in full and others with three digits", () => {
  const obs = [1, 2].flatMap((n) =>
    [1024, 7.8125].map((depth) => ({ n, trees: 1, depth, timeMs: n }))
  );
  const fit = fitCostModel(obs, "n*trees*depth");
  const fig = costChart(obs, fit, { title: "T", xTitle: "n", x: "n", group: "depth" });
  assert.deepEqual(fig.data.map((t) => t.name), [
    "measured, depth = 7.81",
    "fit, depth = 7.81",
    "measured, depth = 1024",
    "fit, depth = 1024",
  ]);
});
