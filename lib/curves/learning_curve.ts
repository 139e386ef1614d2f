import { assertInteger, assertOneOf, raise } from "../_shared/validate.ts";
import { permutation, type RandomOptions, resolveRng, type Rng } from "../random/mod.ts";
import { checkScores, type CurveScores, type ScorePair, summarise } from "./_summary.ts";

/** What {@link learningCurve} passes to the caller's model for one fit. */
export interface LearningCurveFit {
  /** The training subset for this fit (rows of the pool, ascending). */
  trainIdx: Int32Array;
  /** The validation rows (the same for every fit). */
  valIdx: Int32Array;
  /** A generator of its own for this fit (weight initialisation, shuffling). */
  rng: Rng;
  /** The subset size of this fit. */
  size: number;
  /** The repeat number, 0 … repeats − 1. */
  repeat: number;
}

/** Options of {@link learningCurve}. */
export interface LearningCurveOptions extends RandomOptions {
  /** The pool of training rows that subsets are drawn from. */
  trainIdx: ArrayLike<number>;
  /** The validation rows, disjoint from `trainIdx`. */
  valIdx: ArrayLike<number>;
  /** Subset sizes, strictly increasing integers in [1, trainIdx.length]. */
  sizes: readonly number[];
  /** Subsets drawn per size. @default 3 */
  repeats?: number;
  /**
   * `"nested"`: in each repeat one random order of the pool, and the subset of
   * size s is its first s rows, so smaller subsets lie inside larger ones and the
   * curve moves only because of the added rows. `"independent"`: a fresh random
   * subset for every size. @default "nested"
   */
  sampling?: "nested" | "independent";
  /** Fits a model on `trainIdx` and scores it on the training subset and on `valIdx`. */
  fitAndScore: (fit: LearningCurveFit) => ScorePair | Promise<ScorePair>;
}

/** The result of {@link learningCurve}. */
export interface LearningCurve {
  /** The subset sizes (a copy of the option). */
  sizes: number[];
  /** Training scores per size. */
  train: CurveScores;
  /** Validation scores per size. */
  validation: CurveScores;
}

/**
 * A learning curve: model quality as a function of the amount of training
 * data. For each size $s$ and repeat $r$ a training subset $D_{s,r}$ of $s$ rows
 * is drawn from the pool, the caller's `fitAndScore` fits on it and returns the
 * score on $D_{s,r}$ and on the fixed validation rows; the curve reports per size
 *
 * $$ \bar m_s = \frac{1}{R} \sum_r m_{s,r}, \qquad
 *    \sigma_s = \sqrt{\frac{1}{R} \sum_r (m_{s,r} - \bar m_s)^2} $$
 *
 * for the training and the validation score. A gap between the two that closes
 * as $s$ grows is variance (more data helps); two low curves that meet early are
 * bias (more data does not help). The model stays outside: `fitAndScore` may
 * train anything, synchronously or returning a promise.
 *
 * Randomness: subsets come from the seeded generator; each fit also gets a
 * forked generator of its own. Fits run one after the other, repeat by repeat,
 * smallest size first.
 *
 * @param options Pool, validation rows, sizes, repeats, sampling, callback and seed.
 * @returns Sizes and the summarised training and validation scores.
 * @throws {RangeError} If sizes are not strictly increasing integers in
 *   [1, pool size], `repeats` < 1, the pools overlap or are empty, or a score is not finite.
 * @throws {TypeError} If `fitAndScore` is missing or returns something else than numbers.
 *
 * @example A mean predictor scored by mean squared error
 * ```ts
 * import assert from "node:assert/strict";
 * import { learningCurve } from "@lib/curves/mod.ts";
 * const y = [1, 2, 3, 4, 5, 6, 2, 8];
 * const mse = (idx: ArrayLike<number>, c: number) =>
 *   Array.from(idx).reduce((s, i) => s + (y[i] - c) ** 2, 0) / idx.length;
 * const curve = await learningCurve({
 *   trainIdx: [0, 1, 2, 3, 4, 5],
 *   valIdx: [6, 7],
 *   sizes: [1, 6],
 *   repeats: 2,
 *   seed: 1,
 *   fitAndScore: ({ trainIdx, valIdx }) => {
 *     const c = Array.from(trainIdx).reduce((s, i) => s + y[i], 0) / trainIdx.length;
 *     return { train: mse(trainIdx, c), validation: mse(valIdx, c) };
 *   },
 * });
 * assert.equal(curve.train.mean[0], 0); // one row is fitted exactly
 * assert.equal(curve.validation.mean[1], 11.25); // mean 3.5: (1.5² + 4.5²) / 2
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export async function learningCurve(options: LearningCurveOptions): Promise<LearningCurve> {
  const context = "compute a learning curve";
  const { repeats = 3, sampling = "nested", fitAndScore } = options ?? {};
  const pool = checkRows(options?.trainIdx, "trainIdx", context);
  const valIdx = checkRows(options?.valIdx, "valIdx", context);
  const inPool = new Set(pool);
  for (const i of valIdx) {
    if (inPool.has(i)) {
      raise("range", context, `trainIdx and valIdx must be disjoint, both contain row ${i}`);
    }
  }
  const sizes = checkSizes(options?.sizes, pool.length, context);
  assertInteger(repeats, "repeats", context, { min: 1 });
  assertOneOf(sampling, ["nested", "independent"], "sampling", context);
  if (typeof fitAndScore !== "function") raise("type", context, "fitAndScore must be a function");
  const rng = resolveRng(options, context);
  const train = sizes.map(() => new Array<number>(repeats));
  const validation = sizes.map(() => new Array<number>(repeats));
  for (let r = 0; r < repeats; r++) {
    let order = permutation(pool.length, { rng });
    for (let s = 0; s < sizes.length; s++) {
      if (sampling === "independent" && s > 0) order = permutation(pool.length, { rng });
      const subset = Int32Array.from(order.subarray(0, sizes[s]), (j) => pool[j]).sort();
      const fit = { trainIdx: subset, valIdx, rng: rng.fork(), size: sizes[s], repeat: r };
      const scores = checkScores(await fitAndScore(fit), `size ${sizes[s]}, repeat ${r}`, context);
      train[s][r] = scores.train;
      validation[s][r] = scores.validation;
    }
  }
  return { sizes: [...sizes], train: summarise(train), validation: summarise(validation) };
}

function checkRows(rows: unknown, name: string, context: string): Int32Array {
  if (rows == null || typeof (rows as ArrayLike<number>).length !== "number") {
    raise("type", context, `${name} must be an array of row indices`);
  }
  const list = rows as ArrayLike<number>;
  if (list.length === 0) raise("range", context, `${name} must not be empty`);
  for (let j = 0; j < list.length; j++) {
    if (!Number.isInteger(list[j]) || list[j] < 0) {
      raise("range", context, `${name}[${j}] must be a non-negative integer, got ${list[j]}`);
    }
  }
  return Int32Array.from(list);
}

function checkSizes(sizes: unknown, max: number, context: string): number[] {
  if (!Array.isArray(sizes) || sizes.length === 0) {
    raise("type", context, "sizes must be a non-empty array of integers");
  }
  sizes.forEach((s, i) => {
    assertInteger(s, `sizes[${i}]`, context, { min: 1, max });
    if (i > 0 && s <= sizes[i - 1]) {
      raise(
        "range",
        context,
        `sizes must be strictly increasing, got ${sizes[i - 1]} then ${s}`,
      );
    }
  });
  return sizes as number[];
}
