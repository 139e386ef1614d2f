import { calibrationCurve, precisionRecallCurve, rocCurve } from "../metrics/mod.ts";
import { assertInteger, raise } from "../_shared/validate.ts";
import type { Figure } from "./figure.ts";
import { lineChart, type LineSeries } from "./line.ts";
import { subplotGrid } from "./grid.ts";

/** Options of {@link classifierCurvesChart}. */
export interface ClassifierCurvesOptions {
  /** Title of the whole figure. */
  title: string;
  /** Quantile bins of the calibration panel. @default 10 */
  nBins?: number;
  /** Most points drawn per curve (every curve keeps its last point). @default 400 */
  maxPoints?: number;
}

/** Every ⌈n / maxPoints⌉-th point and the last one. */
function thin<T>(values: ArrayLike<T>, maxPoints: number): T[] {
  const step = Math.ceil(values.length / maxPoints);
  return Array.from(values).filter((_, i) => i % step === 0 || i === values.length - 1);
}

/**
 * Three panels that read probabilistic classifiers on the same labels, each
 * with its reference: the **ROC curve** with the chance diagonal (a score
 * unrelated to the label), the **precision–recall curve** with the base-rate
 * line (precision of a random score, the share of positives), and the
 * **calibration curve** (quantile bins) with the diagonal of perfect
 * calibration.
 *
 * @param yTrue 0/1 labels.
 * @param scores Predicted probabilities of class 1, one array per model (keyed by its name).
 * @param options See {@link ClassifierCurvesOptions}.
 * @returns A three-panel figure.
 * @throws {RangeError} If no model is given, `nBins` or `maxPoints` is not a positive
 *   integer, or the metrics reject an input.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifierCurvesChart } from "@lib/plot/mod.ts";
 * const figure = classifierCurvesChart([0, 1, 0, 1], { model: [0.2, 0.7, 0.4, 0.9] }, {
 *   title: "Offline evaluation",
 * });
 * const names = figure.data.map((trace) => trace.name);
 * assert.ok(names.includes("chance") && names.includes("base rate"));
 * ```
 */
export function classifierCurvesChart(
  yTrue: ArrayLike<number>,
  scores: Record<string, ArrayLike<number>>,
  options: ClassifierCurvesOptions,
): Figure {
  const context = "build classifierCurvesChart";
  const { title, nBins = 10, maxPoints = 400 } = options ?? {};
  const entries = Object.entries(scores ?? {});
  if (entries.length === 0) raise("range", context, "scores must name at least one model");
  assertInteger(nBins, "nBins", context, { min: 1 });
  assertInteger(maxPoints, "maxPoints", context, { min: 2 });
  const baseRate = Array.from(yTrue).reduce((s, y) => s + y, 0) / yTrue.length;
  const roc: LineSeries[] = entries.map(([name, p]) => {
    const { fpr, tpr } = rocCurve(yTrue, p);
    return { name, x: thin(fpr, maxPoints), y: thin(tpr, maxPoints) };
  });
  const pr: LineSeries[] = entries.map(([name, p]) => {
    const { precision, recall } = precisionRecallCurve(yTrue, p, { dropIntermediate: true });
    return { name, x: thin(recall, maxPoints), y: thin(precision, maxPoints) };
  });
  const calibration: LineSeries[] = entries.map(([name, p]) => {
    const c = calibrationCurve(yTrue, p, { nBins, strategy: "quantile" });
    return { name, x: c.meanPredicted, y: c.fractionOfPositives, markers: true };
  });
  const top = Math.max(
    ...calibration.flatMap(({ x, y }) => [...(x as number[]), ...Array.from(y)]),
  );
  return subplotGrid([
    lineChart([...roc, { name: "chance", x: [0, 1], y: [0, 1], dash: "dot", colour: "grey" }], {
      title: "ROC curve",
      xTitle: "false positive rate",
      yTitle: "true positive rate",
    }),
    lineChart([...pr, {
      name: "base rate",
      x: [0, 1],
      y: [baseRate, baseRate],
      dash: "dot",
      colour: "grey",
    }], {
      title: "Precision–recall curve",
      xTitle: "recall",
      yTitle: "precision",
    }),
    lineChart([
      ...calibration,
      { name: "perfectly calibrated", x: [0, top], y: [0, top], dash: "dot", colour: "grey" },
    ], {
      title: `Calibration (${nBins} quantile bins)`,
      xTitle: "mean predicted probability",
      yTitle: "observed positive rate",
    }),
  ], { title, columns: 3 });
}
