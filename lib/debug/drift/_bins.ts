import { assertFiniteArray, assertInteger, raise } from "../../_shared/validate.ts";

/** Sorted copy of a numeric array. */
export function _sorted(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Bin edges at the reference's quantiles k/bins (k = 1 … bins − 1, the "lower"
 * quantile: the reference value of rank ⌊(n−1)k/bins⌋, so every edge is a reference
 * value), duplicates and edges at the maximum removed: bin 0 is (−∞, e₁], bin b is
 * (e_b, e_{b+1}], the last is (e_last, ∞). No bin is empty for the reference.
 */
export function _quantileEdges(sortedRef: Float64Array, bins: number): number[] {
  const n = sortedRef.length;
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const e = sortedRef[Math.floor((n - 1) * k / bins)];
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  // A last edge equal to the maximum would leave an empty top bin for the reference.
  while (edges.length > 0 && edges[edges.length - 1] >= sortedRef[n - 1]) edges.pop();
  return edges;
}

/** Counts of `values` in the bins defined by `edges` (right-closed). */
export function _binCounts(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let lo = 0, hi = edges.length; // first edge >= v
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}

/** Validates a reference/live pair and a bin count for the binned statistics. */
export function _checkPair(
  reference: unknown,
  live: unknown,
  bins: unknown,
  context: string,
): asserts reference is ArrayLike<number> {
  assertFiniteArray(reference, "reference", context);
  assertFiniteArray(live, "live", context);
  assertInteger(bins, "bins", context, { min: 2 });
  if (bins > (reference as ArrayLike<number>).length) {
    raise(
      "range",
      context,
      `bins must be at most the reference size ${
        (reference as ArrayLike<number>).length
      }, got ${bins}`,
    );
  }
}

/** Shares of reference and live values in quantile bins of the reference. */
export function _binnedShares(
  reference: ArrayLike<number>,
  live: ArrayLike<number>,
  bins: number,
): { edges: number[]; referenceShares: number[]; liveShares: number[] } {
  const edges = _quantileEdges(_sorted(reference), bins);
  const r = _binCounts(reference, edges), l = _binCounts(live, edges);
  return {
    edges,
    referenceShares: r.map((c) => c / reference.length),
    liveShares: l.map((c) => c / live.length),
  };
}
