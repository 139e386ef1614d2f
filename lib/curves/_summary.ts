import { raise } from "../_shared/validate.ts";

/** A train and a validation score from one fit. */
export interface ScorePair {
  /** Score on the rows the model was fitted on. */
  train: number;
  /** Score on the held-out validation rows. */
  validation: number;
}

/** Scores at every point of a curve, summarised over repeats. */
export interface CurveScores {
  /** Mean over repeats at each point. */
  mean: number[];
  /**
   * Population standard deviation over repeats at each point (divisor = number
   * of repeats, as `numpy.std` and scikit-learn's `LearningCurveDisplay`); 0 for
   * a single repeat.
   */
  std: number[];
  /** `values[i][r]`: the raw score at point `i` in repeat `r`. */
  values: number[][];
}

/** Mean and population standard deviation of each row of `values`. */
export function summarise(values: number[][]): CurveScores {
  const mean = values.map((v) => v.reduce((a, b) => a + b, 0) / v.length);
  const std = values.map((v, i) => {
    const ss = v.reduce((a, b) => a + (b - mean[i]) ** 2, 0);
    return Math.sqrt(ss / v.length);
  });
  return { mean, std, values };
}

/** Checks a callback result and returns it. */
export function checkScores(result: unknown, where: string, context: string): ScorePair {
  const r = result as Partial<ScorePair> | null;
  if (
    r === null || typeof r !== "object" || typeof r.train !== "number" ||
    typeof r.validation !== "number"
  ) {
    raise("type", context, `fitAndScore must return { train, validation } numbers (${where})`);
  }
  if (!Number.isFinite(r.train) || !Number.isFinite(r.validation)) {
    raise(
      "range",
      context,
      `fitAndScore returned a non-finite score (${where}): train=${r.train}, ` +
        `validation=${r.validation}`,
    );
  }
  return { train: r.train, validation: r.validation };
}
