import { createRng } from "../../../lib/random/rng.ts";
import { lineChart } from "../../../lib/plot/line.ts";
import { metricsAtThreshold } from "../../../lib/metrics/threshold.ts";
import { minCostThreshold } from "../../../lib/metrics/threshold_search.ts";
import { type Experiment, num } from "./types.ts";

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Chapter 1: the cost-minimising threshold and the rule c_FP / (c_FP + c_FN). */
export const costThreshold: Experiment = {
  id: "cost-threshold",
  chapter: "01_setup",
  title: "A threshold from costs",
  intro: "Scores of a simulated notification model: each impression has a true engagement " +
    "probability $p_i$, its label is drawn with that probability, and the model's score is " +
    "$p_i$ itself (calibrated) or an over-confident $\\sigma(2\\,\\mathrm{logit}\\,p_i)$. " +
    "Change the costs of a false positive and a false negative and see where `minCostThreshold` " +
    "(`lib/metrics`) puts the cheapest threshold, against the rule $c_{FP}/(c_{FP}+c_{FN})$.",
  afterCell: "cell-39",
  controls: [
    {
      kind: "range",
      name: "costFp",
      label: "cost of a false positive c_FP",
      min: 1,
      max: 20,
      step: 1,
      value: 1,
    },
    {
      kind: "range",
      name: "costFn",
      label: "cost of a false negative c_FN",
      min: 1,
      max: 50,
      step: 1,
      value: 10,
    },
    {
      kind: "select",
      name: "calibration",
      label: "model scores",
      options: [
        { value: "calibrated", label: "calibrated" },
        { value: "overconfident", label: "over-confident" },
      ],
      value: "calibrated",
    },
    {
      kind: "range",
      name: "n",
      label: "impressions",
      min: 1000,
      max: 50000,
      step: 1000,
      value: 20000,
    },
    { kind: "range", name: "seed", label: "seed", min: 0, max: 100, step: 1, value: 42 },
  ],
  testParams: { costFp: 2, costFn: 15, calibration: "overconfident", n: 3000, seed: 7 },
  run(params) {
    const costFp = num(params, "costFp"), costFn = num(params, "costFn"), n = num(params, "n");
    const rng = createRng(num(params, "seed"));
    const yTrue = new Float64Array(n), yScore = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const logit = rng.normal(-2.5, 1.5);
      yTrue[i] = rng.bernoulli(sigmoid(logit)) ? 1 : 0;
      yScore[i] = sigmoid(params.calibration === "overconfident" ? 2 * logit : logit);
    }
    const meanCost = (t: number) => {
      const m = metricsAtThreshold(yTrue, yScore, { threshold: t });
      return (costFp * m.fp + costFn * m.fn) / n;
    };
    const rule = costFp / (costFp + costFn);
    const best = minCostThreshold(yTrue, yScore, { costFp, costFn });
    const ruleCost = meanCost(rule);
    const grid = Array.from({ length: 51 }, (_, j) => 0.01 * j);
    const figure = lineChart([{ name: "mean cost", x: grid, y: grid.map(meanCost) }], {
      title: "Expected cost of the notification rule",
      xTitle: "threshold t (predicted probability)",
      yTitle: "mean cost per impression (cost units)",
      vLines: [{ at: rule, label: "c_FP/(c_FP+c_FN)" }],
      markers: [{ x: best.threshold, y: best.value, label: "t*" }],
    });
    const gap = ruleCost / best.value - 1;
    return {
      figure: figure.toJSON(),
      numbers: [
        { key: "best", label: "t* (min cost)", value: best.threshold, format: "fixed3" },
        {
          key: "bestCost",
          label: "cost per impression at t*",
          value: best.value,
          format: "fixed4",
        },
        { key: "rule", label: "c_FP/(c_FP+c_FN)", value: rule, format: "fixed3" },
        {
          key: "ruleCost",
          label: "cost per impression at the rule",
          value: ruleCost,
          format: "fixed4",
        },
      ],
      summary: `The rule's threshold costs ${
        gap < 0.02 ? "about the same as" : `${(100 * gap).toFixed(1)} % more than`
      } the searched one: ${
        gap < 0.02
          ? "with these scores the formula is a good threshold."
          : "the scores are not calibrated enough for the formula."
      }`,
    };
  },
};
