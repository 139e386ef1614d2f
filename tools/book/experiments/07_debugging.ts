import { createRng } from "../../../lib/random/rng.ts";
import { histogramChart } from "../../../lib/plot/histogram.ts";
import { ksTwoSample } from "../../../lib/debug/drift/ks.ts";
import { populationStabilityIndex } from "../../../lib/debug/drift/psi.ts";
import { binnedJensenShannon } from "../../../lib/debug/drift/divergence.ts";
import { type Experiment, num } from "./types.ts";

/** The alarm levels of the three drift statistics. */
const KS_ALPHA = 0.01, PSI_ALARM = 0.2, JS_ALARM = 0.1;

/** Chapter 7: which drift statistic notices a shift of a chosen size, with how many live values. */
export const driftDetector: Experiment = {
  id: "drift-detector",
  chapter: "07_debugging",
  title: "A drift detector on a shift you choose",
  intro: "A feature's reference sample (training time, 2,000 values from a standard normal) " +
    "against a live sample whose mean moves by $\\delta$ standard deviations and whose spread " +
    "is multiplied by $s$. Three statistics of `lib/debug` compare them: the two-sample " +
    `Kolmogorov–Smirnov test (alarm at p < ${KS_ALPHA}), the population stability index on ` +
    `the reference's deciles (alarm above ${PSI_ALARM}) and the Jensen–Shannon distance on the ` +
    `same bins (alarm above ${JS_ALARM}). Set $\\delta = 0$, $s = 1$ for no drift and shrink the ` +
    "live sample: which one raises false alarms first?",
  beforeHeading: "3 · Incident: seasonality",
  controls: [
    {
      kind: "range",
      name: "shift",
      label: "mean shift δ (sd)",
      min: 0,
      max: 1,
      step: 0.05,
      value: 0.2,
    },
    {
      kind: "range",
      name: "scale",
      label: "spread factor s",
      min: 0.5,
      max: 2,
      step: 0.05,
      value: 1,
    },
    { kind: "range", name: "live", label: "live values", min: 20, max: 5000, step: 10, value: 500 },
    { kind: "range", name: "seed", label: "seed", min: 0, max: 100, step: 1, value: 42 },
  ],
  testParams: { shift: 0.5, scale: 1.5, live: 200, seed: 7 },
  run(params) {
    const shift = num(params, "shift"), scale = num(params, "scale");
    const live = num(params, "live"), seed = num(params, "seed");
    const rng = createRng(seed);
    const reference = Array.from({ length: 2000 }, () => rng.normal(0, 1));
    const current = Array.from({ length: live }, () => rng.normal(shift, scale));
    const ks = ksTwoSample(reference, current);
    const psi = populationStabilityIndex(reference, current).psi;
    const js = binnedJensenShannon(reference, current);
    const alarms = [
      ks.pValue < KS_ALPHA ? "KS" : "",
      psi > PSI_ALARM ? "PSI" : "",
      js > JS_ALARM ? "JS" : "",
    ].filter(Boolean);
    const figure = histogramChart([
      { name: "reference", values: reference },
      { name: "live", values: current },
    ], {
      title: `Reference and live values: shift ${shift}, spread ×${scale}`,
      xTitle: "feature value (reference standard deviations)",
      yTitle: "share of values per bin",
      bins: 40,
      normalize: "probability",
    });
    return {
      figure: figure.toJSON(),
      numbers: [
        { key: "ksD", label: "KS statistic D", value: ks.statistic, format: "fixed4" },
        { key: "ksP", label: "KS p-value", value: ks.pValue, format: "fixed4" },
        { key: "psi", label: "PSI", value: psi, format: "fixed4" },
        { key: "js", label: "Jensen–Shannon distance", value: js, format: "fixed4" },
      ],
      summary: alarms.length === 0
        ? "No statistic raises an alarm."
        : `${alarms.join(" and ")} raise${alarms.length === 1 ? "s" : ""} an alarm${
          shift === 0 && scale === 1 ? ", although nothing drifted: a false alarm" : ""
        }.`,
    };
  },
};
