import { createRng } from "../../../lib/random/rng.ts";
import { lineChart } from "../../../lib/plot/line.ts";
import { metricsAtThreshold } from "../../../lib/metrics/threshold.ts";
import { minCostThreshold } from "../../../lib/metrics/threshold_search.ts";
import { pairedComparison } from "../../../lib/claims/paired.ts";
import { formatNumber } from "../../../lib/claims/describe.ts";
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
    "(`lib/metrics`) puts the cheapest threshold, against the rule $c_{FP}/(c_{FP}+c_{FN})$. " +
    "The threshold is searched on the first half of the impressions and both thresholds are " +
    "scored on the second half, paired impression by impression.",
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
    const meanCost = (t: number, from = 0, to = n) => {
      const m = metricsAtThreshold(yTrue.subarray(from, to), yScore.subarray(from, to), {
        threshold: t,
      });
      return (costFp * m.fp + costFn * m.fn) / (to - from);
    };
    /** Cost of each impression of the second half under threshold t. */
    const heldOutCosts = (t: number) =>
      Float64Array.from({ length: n - half }, (_, j) => {
        const i = half + j, positive = yScore[i] >= t;
        return positive ? (yTrue[i] === 1 ? 0 : costFp) : (yTrue[i] === 1 ? costFn : 0);
      });
    const half = Math.floor(n / 2);
    const rule = costFp / (costFp + costFn);
    const best = minCostThreshold(yTrue.subarray(0, half), yScore.subarray(0, half), {
      costFp,
      costFn,
    });
    const bestCost = meanCost(best.threshold, half), ruleCost = meanCost(rule, half);
    const grid = Array.from({ length: 51 }, (_, j) => 0.01 * j);
    const figure = lineChart([{ name: "mean cost", x: grid, y: grid.map((t) => meanCost(t)) }], {
      title: "Expected cost of the notification rule",
      xTitle: "threshold t (predicted probability)",
      yTitle: "mean cost per impression (cost units)",
      vLines: [{ at: rule, label: "c_FP/(c_FP+c_FN)" }],
      markers: [{ x: best.threshold, y: meanCost(best.threshold), label: "t*" }],
    });
    const c = pairedComparison(heldOutCosts(rule), heldOutCosts(best.threshold), {
      higherIsBetter: false,
    });
    const interval = `${formatNumber(c.diff, 4)} per impression, 95 % CI ${
      formatNumber(c.low, 4)
    } to ${formatNumber(c.high, 4)}`;
    return {
      figure: figure.toJSON(),
      numbers: [
        { key: "best", label: "t* (min cost)", value: best.threshold, format: "fixed3" },
        {
          key: "bestCost",
          label: "held-out cost per impression at t*",
          value: bestCost,
          format: "fixed4",
        },
        { key: "rule", label: "c_FP/(c_FP+c_FN)", value: rule, format: "fixed3" },
        {
          key: "ruleCost",
          label: "held-out cost per impression at the rule",
          value: ruleCost,
          format: "fixed4",
        },
      ],
      summary: c.verdict === "within noise"
        ? `On held-out impressions the rule's threshold and the searched one cost the same ` +
          `within noise (rule minus t*: ${interval}).`
        : `On held-out impressions the rule's threshold costs ${
          c.verdict === "worse" ? "more" : "less"
        } than the searched one (rule minus t*: ${interval})` +
          (c.verdict === "worse" && params.calibration === "overconfident"
            ? ": the formula assumes calibrated scores, and these are over-confident by construction."
            : "."),
    };
  },
};
