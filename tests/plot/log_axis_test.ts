import assert from "node:assert/strict";
import fc from "fast-check";
import { _logTicks } from "../../lib/plot/_log_axis.ts";
import { barChart, lineChart, scatterChart, subplotGrid } from "../../lib/plot/mod.ts";
import { TITLES } from "./_helpers.ts";

const logLog = (low: number, high: number, extra: Record<string, unknown> = {}) => {
  const x = [low, Math.sqrt(low * high), high];
  return lineChart([{ x, y: x }], { ...TITLES, xType: "log", yType: "log", ...extra });
};

Deno.test("_logTicks() leaves spans under 0.7 decades to plotly.js (linear ticks, labelled in full)", () => {
  assert.deepEqual(_logTicks(15, 55, true), {});
  assert.deepEqual(_logTicks(5, 5, true), {});
});

Deno.test("_logTicks() labels 1, 2, 3, 5 × 10^k in full up to 1.6 decades, 1, 2, 5 up to 3", () => {
  // 1000 … 8000 padded: ~1 decade.
  const ticks = _logTicks(1000, 8000, true);
  assert.equal(ticks.tickmode, "array");
  assert.deepEqual(ticks.tickvals, [500, 1000, 2000, 3000, 5000, 10000, 20000]);
  assert.equal(ticks.tickformat, "~g"); // 1000 2000 3000 5000, not "1000 2 3 4 5"
  assert.deepEqual(ticks.minor, {
    ticks: "outside",
    ticklen: 3,
    tickcolor: "#999999",
    showgrid: false,
    tickvals: [400, 600, 700, 800, 900, 4000, 6000, 7000, 8000, 9000],
  });
  // 0.05 … 5 padded: 2.2 decades; values below 1 written in full.
  const small = _logTicks(0.05, 5, true);
  assert.deepEqual(small.tickvals, [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10]);
  assert.equal(small.tickformat, "~g");
  // SI prefixes once values reach 10,000: 2k 5k 10k 20k.
  assert.equal(_logTicks(2000, 40000, true).tickformat, "~s");
  // An explicit range is not padded: 0.65 decades stays linear, padded it would not.
  assert.deepEqual(_logTicks(1000, 4500, false), {});
  assert.equal(_logTicks(1000, 4500, true).tickmode, "array");
});

Deno.test("_logTicks() labels powers of 10 over three decades or more, every k-th past nine", () => {
  const ticks = _logTicks(100, 1e5, true);
  assert.equal(ticks.dtick, 1);
  assert.equal(ticks.tickformat, "~s"); // 100 1k 10k 100k
  assert.equal((ticks.minor as { dtick: unknown }).dtick, "D1");
  // Values below 1: plotly.js's own labels (0.01 0.1 1 10 100 1000 10k).
  assert.equal(_logTicks(0.01, 100, true).tickformat, undefined);
  // 0.01 … 1e8 is 10 decades, 11.2 padded: every 2nd power of 10, a minor tick at each.
  const wide = _logTicks(0.01, 1e8, true);
  assert.equal(wide.dtick, 2);
  assert.equal((wide.minor as { dtick: unknown }).dtick, 1);
});

Deno.test("log axes get full tick labels in the layout JSON; linear axes keep the defaults", () => {
  const fig = JSON.parse(JSON.stringify(logLog(1000, 8000)));
  for (const axis of [fig.layout.xaxis, fig.layout.yaxis]) {
    assert.equal(axis.type, "log");
    assert.equal(axis.tickmode, "array");
    assert.deepEqual(axis.tickvals, [500, 1000, 2000, 3000, 5000, 10000, 20000]);
    assert.equal(axis.tickformat, "~g");
    assert.equal(axis.minor.ticks, "outside");
  }
  const wide = JSON.parse(JSON.stringify(logLog(1, 1e6))).layout.xaxis;
  assert.deepEqual([wide.dtick, wide.tickformat, wide.minor.dtick], [1, "~s", "D1"]);
  const linear = lineChart([{ x: [1, 1e6], y: [1, 1e6] }], TITLES);
  for (const key of ["dtick", "tickmode", "tickvals", "tickformat", "minor"]) {
    assert.equal(linear.layout.xaxis[key], undefined, key);
    assert.equal(linear.layout.yaxis[key], undefined, key);
  }
});

Deno.test("log-axis ticks cover reference lines, markers and explicit ranges", () => {
  // Data over 0.3 decades, a reference line two decades away: the axis spans both.
  const withLine = logLog(100, 200, { hLines: [{ at: 10000 }] });
  assert.equal(withLine.layout.yaxis.tickmode, "array");
  assert.equal(withLine.layout.xaxis.tickmode, undefined);
  const withMarker = logLog(100, 200, { markers: [{ x: 1e6, y: 150, label: "far" }] });
  assert.equal(withMarker.layout.xaxis.dtick, 1);
  // The given range decides, not the data.
  const ranged = logLog(1, 1e6, { xRange: [10, 40] });
  assert.deepEqual(ranged.layout.xaxis.range, [1, Math.log10(40)]);
  assert.equal(ranged.layout.xaxis.tickmode, undefined);
  assert.equal(ranged.layout.yaxis.dtick, 1);
});

Deno.test("log-axis ticks ignore zeros and gaps, and apply to scatter, bar and grid panels", () => {
  const scatter = scatterChart({ x: [0, 5, 900], y: [1, 2, 3] }, { ...TITLES, xType: "log" });
  assert.deepEqual(scatter.layout.xaxis.tickvals, [2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000]);
  const bars = barChart(["a", "b"], [{ values: [3, 30000] }], { ...TITLES, yType: "log" });
  assert.equal(bars.layout.yaxis.dtick, 1);
  assert.equal(bars.layout.yaxis.tickformat, "~s");
  const gaps = lineChart([{ x: [1, 2, 3], y: [NaN, 1, 1000] }], { ...TITLES, yType: "log" });
  assert.equal(gaps.layout.yaxis.dtick, 1);
  const grid = subplotGrid([logLog(1000, 8000), logLog(1, 1e6)], { title: "G" });
  assert.equal(grid.layout.xaxis?.tickmode, "array");
  assert.equal(grid.layout.xaxis2?.dtick, 1);
});

Deno.test("_logTicks() labels at least two ticks inside every range it sets ticks for", () => {
  const prop = fc.property(
    fc.double({ min: -6, max: 6, noNaN: true }),
    fc.double({ min: 0.5, max: 14, noNaN: true }),
    fc.boolean(),
    (start, span, padded) => {
      const [low, high] = [10 ** start, 10 ** (start + span)];
      const ticks = _logTicks(low, high, padded);
      if (Object.keys(ticks).length === 0) {
        // Left to plotly.js's linear ticks, which it uses below one decade.
        assert.ok(span * (padded ? 1.12 : 1) < 0.7);
      } else if (ticks.tickmode === "array") {
        const major = ticks.tickvals as number[];
        const minor = (ticks.minor as { tickvals: number[] }).tickvals;
        assert.ok(major.filter((v) => v >= low && v <= high).length >= 2);
        assert.ok(minor.every((v) => !major.includes(v)));
        assert.deepEqual(major, [...major].sort((a, b) => a - b));
      } else {
        // Powers of 10 every `dtick` decades, counted from 10^0.
        const step = ticks.dtick as number;
        const first = Math.ceil(Math.log10(low) / step - 1e-9);
        const last = Math.floor(Math.log10(high) / step + 1e-9);
        assert.ok(last - first + 1 >= 2);
      }
    },
  );
  fc.assert(prop, { seed: 42, numRuns: 200 });
});
