import assert from "node:assert/strict";
import { classifierCurvesChart } from "@lib/plot/mod.ts";
import { rocCurve } from "@lib/metrics/mod.ts";

const yTrue = [0, 0, 1, 0, 1, 0, 0, 1];
const scores = {
  a: [0.1, 0.3, 0.8, 0.2, 0.6, 0.4, 0.1, 0.9],
  b: [0.5, 0.2, 0.4, 0.6, 0.7, 0.1, 0.3, 0.2],
};

Deno.test("classifierCurvesChart() draws each model in three panels with their references", () => {
  const figure = classifierCurvesChart(yTrue, scores, { title: "Offline" });
  assert.equal(figure.title, "Offline");
  const byName = (name: string) => figure.data.filter((t) => t.name === name);
  assert.equal(byName("a").length, 3);
  assert.equal(byName("b").length, 3);
  // ROC: the chance diagonal; PR: the base rate 3/8; calibration: the identity.
  assert.deepEqual(byName("chance")[0].y, [0, 1]);
  assert.deepEqual(byName("base rate")[0].y, [3 / 8, 3 / 8]);
  const calibrated = byName("perfectly calibrated")[0];
  assert.deepEqual(calibrated.x, calibrated.y);
});

Deno.test("classifierCurvesChart() keeps the ROC points, thinned to maxPoints with the last one", () => {
  const full = rocCurve(yTrue, scores.a);
  const figure = classifierCurvesChart(yTrue, { a: scores.a }, { title: "ROC", maxPoints: 2 });
  const roc = figure.data.find((t) => t.name === "a")!;
  const x = roc.x as number[];
  assert.ok(x.length <= 3 && x.length < full.fpr.length);
  assert.equal(x.at(-1), full.fpr.at(-1));
});

Deno.test("classifierCurvesChart() rejects empty scores and bad options", () => {
  assert.throws(
    () => classifierCurvesChart(yTrue, {}, { title: "x" }),
    {
      name: "RangeError",
      message: "Cannot build classifierCurvesChart: scores must name at least one model",
    },
  );
  assert.throws(() => classifierCurvesChart(yTrue, scores, { title: "x", nBins: 0 }), /nBins/);
  assert.throws(() => classifierCurvesChart(yTrue, { a: [0.5] }, { title: "x" }), RangeError);
});
