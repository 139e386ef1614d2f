import { assertInteger, raise } from "../_shared/validate.ts";

/** One fold of a k-fold split: the rows to train on and the held-out rows. */
export interface Fold {
  /** Rows of the other k − 1 folds, ascending. */
  train: Int32Array;
  /** Rows of this fold, ascending. */
  validation: Int32Array;
}

/** The folds of a k-fold split and the fold of every row. */
export interface KFoldSplit {
  /** `folds[f]` trains on every fold but `f` and validates on fold `f`. */
  folds: Fold[];
  /** `foldOf[i]` is the fold whose validation part holds row `i`. */
  foldOf: Int32Array;
}

/** Validates k: an integer in [2, n]. */
export function checkK(k: unknown, n: number, context: string): number {
  assertInteger(k, "k", context);
  if (k < 2) raise("range", context, `k must be at least 2, got ${k}`);
  if (k > n) raise("range", context, `k must be at most the number of rows (${n}), got ${k}`);
  return k;
}

/** Builds the folds from the fold of each row. */
export function foldsFrom(foldOf: Int32Array, k: number): KFoldSplit {
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const validation: number[] = [], train: number[] = [];
    foldOf.forEach((g, i) => (g === f ? validation : train).push(i));
    folds.push({ train: Int32Array.from(train), validation: Int32Array.from(validation) });
  }
  return { folds, foldOf };
}
