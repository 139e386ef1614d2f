import assert from "node:assert/strict";
import { intervalChart } from "@lib/plot/mod.ts";

const titles = { title: "Lift by segment", xTitle: "lift (%)", yTitle: "segment" };

Deno.test("intervalChart() draws asymmetric error bars around each estimate", () => {
  const fig = intervalChart(["a", "b"], [
    { name: "raw", estimate: [1, 2], lower: [0, 1.5], upper: [3, 2.25] },
    { name: "adjusted", estimate: [1, NaN], lower: [0.5, NaN], upper: [1.5, NaN] },
  ], { ...titles, vLines: [{ at: 0, label: "no effect" }] });
  assert.equal(fig.data.length, 2);
  assert.deepEqual(fig.data[0].x, [1, 2]);
  assert.deepEqual(fig.data[0].y, ["a", "b"]);
  const e = fig.data[0].error_x as { array: number[]; arrayminus: number[] };
  assert.deepEqual(e.array, [2, 0.25]);
  assert.deepEqual(e.arrayminus, [1, 0.5]);
  assert.deepEqual(fig.data[1].x, [1, null]);
  assert.equal(fig.layout.yaxis.autorange, "reversed");
  assert.equal(fig.layout.showlegend, true);
  assert.equal(fig.layout.shapes.length, 1);
  // The left margin grows with the longest row label.
  const long = intervalChart(["a much longer label for a row"], [
    { estimate: [1], lower: [0], upper: [2] },
  ], titles);
  const margin = (f: typeof fig) => (f.layout.margin as { l: number }).l;
  assert.ok(margin(long) > margin(fig) + 100);
});

Deno.test("intervalChart() validates its input", () => {
  assert.throws(
    () => intervalChart(["a"], [{ estimate: [2], lower: [0], upper: [1] }], titles),
    {
      name: "RangeError",
      message:
        "Cannot build intervalChart: series[0]: lower ≤ estimate ≤ upper must hold at 0, got 0, 2, 1",
    },
  );
  assert.throws(
    () => intervalChart(["a", "b"], [{ estimate: [1], lower: [0], upper: [2] }], titles),
    RangeError,
  );
  assert.throws(
    () => intervalChart([1 as never], [{ estimate: [1], lower: [0], upper: [2] }], titles),
    TypeError,
  );
  assert.throws(
    () =>
      intervalChart(["a"], [{ estimate: [1], lower: [0], upper: [2] }], { title: "t" } as never),
    TypeError,
  );
  assert.throws(
    () =>
      intervalChart(["a"], [
        { estimate: [1], lower: [0], upper: [2] },
        { estimate: [1], lower: [0], upper: [2] },
      ], titles),
    /name/,
  );
});
