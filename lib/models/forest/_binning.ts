/**
 * Quantile binning of the features, done once per fit: every feature becomes
 * at most `maxBins` ordered bins and each value a one-byte bin code.
 *
 * Cut points are midpoints between consecutive distinct training values, so a
 * split "code ≤ b" on the codes is exactly the split "x ≤ thresholds[b]" on the
 * raw values. With at most `maxBins` distinct values every gap between them is a
 * cut point (exact CART); with more, cuts fall at the `k / maxBins` quantiles of
 * the values (counting ties), as in LightGBM and scikit-learn's
 * `HistGradientBoosting`.
 *
 * @module
 */

/** Features after binning: codes in column-major order and the cut points per feature. */
export interface BinnedData {
  nRows: number;
  nFeatures: number;
  /** `codes[f * nRows + i]` is the bin of row i in feature f. */
  codes: Uint8Array;
  /** Ascending cut points of feature f; code(v) = #{t : t < v}. */
  thresholds: Float64Array[];
}

function midpoint(a: number, b: number): number {
  const mid = a + (b - a) / 2;
  // Adjacent floating-point numbers have no number strictly between them.
  return mid === b ? a : mid;
}

/** Cut points of one feature's values (at most `maxBins − 1` of them). */
export function _cutPoints(values: Float64Array, maxBins: number): Float64Array {
  const sorted = values.slice().sort();
  const n = sorted.length;
  let nDistinct = n > 0 ? 1 : 0;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) nDistinct++;
  const cuts: number[] = [];
  if (nDistinct <= maxBins) {
    for (let i = 1; i < n; i++) {
      if (sorted[i] !== sorted[i - 1]) cuts.push(midpoint(sorted[i - 1], sorted[i]));
    }
    return Float64Array.from(cuts);
  }
  // Walk the distinct values; cut after one once the rows so far reach the next quantile.
  let k = 1;
  for (let i = 0; i < n - 1 && k < maxBins; i++) {
    if (sorted[i + 1] === sorted[i]) continue;
    // Rows ≤ sorted[i] number i + 1.
    if ((i + 1) * maxBins >= k * n) {
      cuts.push(midpoint(sorted[i], sorted[i + 1]));
      while (k < maxBins && (i + 1) * maxBins >= k * n) k++;
    }
  }
  return Float64Array.from(cuts);
}

/** The bin code of `v`: the number of cut points strictly below it (binary search). */
export function _binOf(cuts: Float64Array, v: number): number {
  let lo = 0, hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bins every feature of a column-major matrix `columns[f * nRows + i]`. */
export function _binColumns(
  columns: Float64Array,
  nRows: number,
  nFeatures: number,
  maxBins: number,
): BinnedData {
  const codes = new Uint8Array(nRows * nFeatures);
  const thresholds: Float64Array[] = [];
  for (let f = 0; f < nFeatures; f++) {
    const column = columns.subarray(f * nRows, (f + 1) * nRows);
    const cuts = _cutPoints(column, maxBins);
    thresholds.push(cuts);
    const offset = f * nRows;
    for (let i = 0; i < nRows; i++) codes[offset + i] = _binOf(cuts, column[i]);
  }
  return { nRows, nFeatures, codes, thresholds };
}
