import { lineChart } from "../../../lib/plot/line.ts";
import { sampleSizeForProportions } from "../../../lib/experiment/proportion_size.ts";
import {
  minimumDetectableEffectForProportions,
  powerForProportions,
} from "../../../lib/experiment/power.ts";
import { simulatePeeking } from "../../../lib/experiment/peeking.ts";
import { type Experiment, num } from "./types.ts";

/** Chapter 4: users per arm for a lift, and the power curve around it. */
export const sampleSize: Experiment = {
  id: "sample-size",
  chapter: "04_experimentation",
  title: "Sample-size calculator",
  intro: "Users per arm to detect a relative lift of a conversion rate with a two-sided test, " +
    "$n = (z_{1-\\alpha/2} + z_{1-\\beta})^2\\,(p_1(1-p_1) + p_2(1-p_2)) / (p_2 - p_1)^2$ " +
    "(`sampleSizeForProportions` of `lib/experiment`), and the power at other sizes " +
    "(`powerForProportions`). Halve the lift and the users needed grow about fourfold.",
  afterCell: "power-read",
  controls: [
    {
      kind: "range",
      name: "baselineRate",
      label: "baseline rate p₁",
      min: 0.01,
      max: 0.5,
      step: 0.01,
      value: 0.05,
    },
    {
      kind: "range",
      name: "lift",
      label: "relative lift",
      min: 0.01,
      max: 0.5,
      step: 0.01,
      value: 0.04,
    },
    {
      kind: "range",
      name: "alpha",
      label: "significance level α",
      min: 0.01,
      max: 0.2,
      step: 0.01,
      value: 0.05,
    },
    {
      kind: "range",
      name: "power",
      label: "power 1 − β",
      min: 0.5,
      max: 0.99,
      step: 0.01,
      value: 0.8,
    },
  ],
  testParams: { baselineRate: 0.1, lift: 0.2, alpha: 0.05, power: 0.9 },
  run(params) {
    const p1 = num(params, "baselineRate"), lift = num(params, "lift");
    const alpha = num(params, "alpha"), power = num(params, "power");
    const p2 = Math.min(p1 * (1 + lift), 0.999);
    const size = sampleSizeForProportions(p1, p2, { alpha, power });
    const grid = Array.from(
      { length: 41 },
      (_, k) => Math.max(2, Math.round(size.control * 2 ** ((k - 30) / 10))),
    );
    const figure = lineChart([{
      name: "power",
      x: grid,
      y: grid.map((n) => powerForProportions(p1, p2, n, { alpha })),
    }], {
      title: `Power to detect ${p1} → ${Number(p2.toPrecision(4))}`,
      xTitle: "users per arm (log scale)",
      yTitle: "power (share of tests that reject H₀)",
      xType: "log",
      yRange: [0, 1],
      hLines: [{ at: power, label: `power ${power}` }],
      vLines: [{ at: size.control, label: "n" }],
    });
    return {
      figure: figure.toJSON(),
      numbers: [
        { key: "perArm", label: "users per arm", value: size.control, format: "integer" },
        { key: "total", label: "users in total", value: size.total, format: "integer" },
      ],
      summary: `${size.control.toLocaleString("en-US")} users per arm detect a lift from ${p1} to ${
        Number(p2.toPrecision(4))
      } with power ${power} at α = ${alpha}.`,
    };
  },
};

/** Chapter 4: peeking at an A/A test inflates false positives; O'Brien–Fleming boundaries do not. */
export const peekingSimulator: Experiment = {
  id: "peeking",
  chapter: "04_experimentation",
  title: "Peeking simulator",
  intro: "Simulated A/A tests, each looked at $K$ times: naive peeking stops at the first look " +
    "with $|z| > z_{1-\\alpha/2}$, the group-sequential rule uses O'Brien–Fleming boundaries " +
    "(`simulatePeeking` of `lib/experiment`); then the same with a true lift sized for 80 % power. " +
    "With the chapter's seed and sizes the numbers are the notebook's. Runs in a Web Worker.",
  afterCell: "peeking",
  worker: true,
  controls: [
    { kind: "range", name: "looks", label: "looks K", min: 1, max: 30, step: 1, value: 10 },
    {
      kind: "range",
      name: "experiments",
      label: "simulated A/A tests",
      min: 100,
      max: 5000,
      step: 100,
      value: 2000,
    },
    {
      kind: "range",
      name: "usersPerLook",
      label: "users per arm between looks",
      min: 100,
      max: 5000,
      step: 100,
      value: 2000,
    },
    {
      kind: "range",
      name: "alpha",
      label: "significance level α",
      min: 0.01,
      max: 0.2,
      step: 0.01,
      value: 0.05,
    },
    { kind: "range", name: "seed", label: "seed", min: 0, max: 100, step: 1, value: 45 },
  ],
  testParams: { looks: 5, experiments: 200, usersPerLook: 200, alpha: 0.1, seed: 3 },
  run(params, progress) {
    const looks = num(params, "looks"), alpha = num(params, "alpha");
    const seed = num(params, "seed"), usersPerLook = num(params, "usersPerLook");
    const design = {
      experiments: num(params, "experiments"),
      looks,
      usersPerLook,
      alpha,
      baselineRate: 0.05,
    };
    progress(0, 2);
    const result = simulatePeeking(design, { seed });
    progress(1, 2);
    // The same tests with a true lift, sized for 80 % power at the last look (the notebook's seed + 1).
    const lift = minimumDetectableEffectForProportions(0.05, looks * usersPerLook, {
      alpha,
      power: 0.8,
    });
    const withLift = simulatePeeking({ ...design, treatmentRate: 0.05 + lift.absolute }, {
      seed: seed + 1,
    });
    progress(2, 2);
    const lookNumbers = Array.from({ length: looks }, (_, k) => k + 1);
    const figure = lineChart([
      { name: "naive peeking", x: lookNumbers, y: result.naive.cumulativeRate, markers: true },
      {
        name: "O'Brien–Fleming boundaries",
        x: lookNumbers,
        y: result.sequential.cumulativeRate,
        markers: true,
      },
    ], {
      title: "A/A tests rejected by look k",
      xTitle: "look k",
      yTitle: "false-positive rate (share)",
      hLines: [{ at: alpha, label: "α" }],
    });
    const band = 2 * Math.sqrt(alpha * (1 - alpha) / num(params, "experiments"));
    const naive = result.naive.rejectionRate, sequential = result.sequential.rejectionRate;
    return {
      figure: figure.toJSON(),
      numbers: [
        {
          key: "fixed",
          label: "fixed horizon",
          value: result.fixedHorizon.rejectionRate,
          format: "percent",
        },
        { key: "naive", label: "naive peeking", value: naive, format: "percent" },
        { key: "sequential", label: "O'Brien–Fleming", value: sequential, format: "percent" },
        {
          key: "powerNaive",
          label: "power, naive peeking",
          value: withLift.naive.rejectionRate,
          format: "percent",
        },
        {
          key: "powerSequential",
          label: "power, O'Brien–Fleming",
          value: withLift.sequential.rejectionRate,
          format: "percent",
        },
      ],
      summary: `Naive peeking rejects ${(100 * naive).toFixed(1)} % of A/A tests, ${
        naive > alpha + band ? "well above" : "within noise of"
      } α = ${alpha}; the sequential rule rejects ${(100 * sequential).toFixed(1)} %, ${
        Math.abs(sequential - alpha) <= band
          ? "within noise of α"
          : sequential > alpha
          ? "above α"
          : "below α"
      } (±${(100 * band).toFixed(1)} points is the simulation noise). With a true lift of ${
        (100 * lift.relative).toFixed(1)
      } % the sequential rule keeps ${
        (100 * withLift.sequential.rejectionRate).toFixed(1)
      } % power${
        withLift.sequential.rejectionRate < withLift.fixedHorizon.rejectionRate
          ? `, below the fixed horizon's ${
            (100 * withLift.fixedHorizon.rejectionRate).toFixed(1)
          } %`
          : ""
      }.`,
    };
  },
};
