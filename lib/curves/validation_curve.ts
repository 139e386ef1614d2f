import { assertInteger, assertOneOf, raise } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng, type Rng } from "../random/mod.ts";
import { checkScores, type CurveScores, type ScorePair, summarise } from "./_summary.ts";

/** What {@link validationCurve} passes to the caller's model for one fit. */
export interface ValidationCurveFit<V> {
  /** The hyperparameter value of this fit. */
  value: V;
  /** A generator of its own for this fit. */
  rng: Rng;
  /** The repeat number, 0 … repeats − 1. */
  repeat: number;
}

/** Options of {@link validationCurve}. */
export interface ValidationCurveOptions<V> extends RandomOptions {
  /** The hyperparameter values to try, in plotting order. */
  values: readonly V[];
  /** Fits per value (useful when the fit is random). @default 1 */
  repeats?: number;
  /**
   * Whether a higher (`"maximize"`, e.g. accuracy) or lower (`"minimize"`, e.g.
   * a loss) mean validation score is better; used for `best`. @default "maximize"
   */
  direction?: "maximize" | "minimize";
  /** Fits a model with the given value and returns its training and validation score. */
  fitAndScore: (fit: ValidationCurveFit<V>) => ScorePair | Promise<ScorePair>;
}

/** The result of {@link validationCurve}. */
export interface ValidationCurve<V> {
  /** The hyperparameter values (a copy of the option). */
  values: V[];
  /** Training scores per value. */
  train: CurveScores;
  /** Validation scores per value. */
  validation: CurveScores;
  /** The value with the best mean validation score (ties: the first). */
  best: { index: number; value: V; score: number };
}

/**
 * A validation curve: training and validation score as one hyperparameter
 * (regularisation strength, tree depth, number of epochs) sweeps its values.
 * Per value the scores of `repeats` fits are summarised by their mean and
 * population standard deviation (as in {@link learningCurve}), and `best` is the
 * value whose mean validation score is best,
 *
 * $$ v^\star = \arg\max_v \bar m^{\text{val}}_v \quad (\arg\min \text{ for } \texttt{"minimize"}). $$
 *
 * Low scores on both curves mean underfitting (too little capacity); a high
 * training score with a falling validation score means overfitting.
 *
 * @param options Values, repeats, direction, callback and seed.
 * @returns Values, summarised scores and the best value.
 * @throws {RangeError} If `values` is empty, `repeats` < 1 or a score is not finite.
 * @throws {TypeError} If `fitAndScore` is missing or returns something else than numbers.
 *
 * @example The validation score peaks at a depth of 3
 * ```ts
 * import assert from "node:assert/strict";
 * import { validationCurve } from "@lib/curves/mod.ts";
 * const curve = await validationCurve({
 *   values: [1, 2, 3, 4, 5],
 *   seed: 1,
 *   fitAndScore: ({ value }) => ({ train: 1 - 1 / (value + 1), validation: 0.9 - 0.02 * (value - 3) ** 2 }),
 * });
 * assert.deepEqual(curve.best, { index: 2, value: 3, score: 0.9 });
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export async function validationCurve<V>(
  options: ValidationCurveOptions<V>,
): Promise<ValidationCurve<V>> {
  const context = "compute a validation curve";
  const { repeats = 1, direction = "maximize", fitAndScore } = options ?? {};
  const values = options?.values;
  if (!Array.isArray(values)) raise("type", context, "values must be an array");
  if (values.length === 0) raise("range", context, "values must not be empty");
  assertInteger(repeats, "repeats", context, { min: 1 });
  assertOneOf(direction, ["maximize", "minimize"], "direction", context);
  if (typeof fitAndScore !== "function") raise("type", context, "fitAndScore must be a function");
  const rng = resolveRng(options, context);
  const train = values.map(() => new Array<number>(repeats));
  const validation = values.map(() => new Array<number>(repeats));
  for (let r = 0; r < repeats; r++) {
    for (let v = 0; v < values.length; v++) {
      const result = await fitAndScore({ value: values[v], rng: rng.fork(), repeat: r });
      const scores = checkScores(result, `value #${v}, repeat ${r}`, context);
      train[v][r] = scores.train;
      validation[v][r] = scores.validation;
    }
  }
  const val = summarise(validation);
  const sign = direction === "maximize" ? 1 : -1;
  let index = 0;
  for (let v = 1; v < values.length; v++) {
    if (sign * val.mean[v] > sign * val.mean[index]) index = v;
  }
  return {
    values: [...values],
    train: summarise(train),
    validation: val,
    best: { index, value: values[index], score: val.mean[index] },
  };
}
