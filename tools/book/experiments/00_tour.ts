import { createRng } from "../../../lib/random/rng.ts";
import { histogramChart } from "../../../lib/plot/histogram.ts";
import { type Experiment, num } from "./types.ts";

/** Chapter 0: the same seed gives the same draws; another seed gives other draws. */
export const seedDraws: Experiment = {
  id: "seed-draws",
  chapter: "00_tour",
  title: "What a seed does",
  intro: "Draw $n$ values from a standard normal distribution with a seeded generator " +
    "(`createRng` of `lib/random`). The same seed gives the same draws every time, here and in " +
    "a notebook cell that calls `createRng` with it; another seed gives another sample, and its " +
    "mean moves by about $1/\\sqrt{n}$.",
  beforeHeading: "Summary",
  controls: [
    { kind: "range", name: "seed", label: "seed", min: 0, max: 100, step: 1, value: 42 },
    { kind: "range", name: "n", label: "draws n", min: 100, max: 20000, step: 100, value: 2000 },
  ],
  testParams: { seed: 7, n: 500 },
  run(params) {
    const seed = num(params, "seed"), n = num(params, "n");
    const rng = createRng(seed);
    const values = Array.from({ length: n }, () => rng.normal(0, 1));
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
    const standardError = 1 / Math.sqrt(n);
    const figure = histogramChart([{ values }], {
      title: `${n.toLocaleString("en-US")} standard normal draws with seed ${seed}`,
      xTitle: "value (standard deviations)",
      yTitle: "draws per bin",
      bins: 40,
    });
    const inside = Math.abs(mean) <= 2 * standardError;
    return {
      figure: figure.toJSON(),
      numbers: [
        { key: "first", label: "first draw", value: values[0], format: "fixed4" },
        { key: "mean", label: "sample mean", value: mean, format: "fixed4" },
        { key: "sd", label: "sample standard deviation", value: sd, format: "fixed4" },
      ],
      summary: `The sample mean ${mean.toFixed(4)} is ${
        inside ? "within" : "outside"
      } two standard errors (±${(2 * standardError).toFixed(4)}) of the true mean 0.`,
    };
  },
};
