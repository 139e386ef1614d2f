/**
 * Label encoding for multiclass metrics: maps class labels (any finite
 * numbers) to column indices, and accumulates per-class counts.
 *
 * @module
 */

import type { NumberArray } from "../_shared/validate.ts";

/** Labels mapped to indices; `-1` marks a label outside `labels`. */
export interface EncodedLabels {
  labels: number[];
  yTrue: Int32Array;
  yPred: Int32Array;
}

/** The sorted union of the labels present in `a` and `b`. */
export function uniqueLabels(a: NumberArray, b: NumberArray): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < a.length; i++) seen.add(a[i]);
  for (let i = 0; i < b.length; i++) seen.add(b[i]);
  return [...seen].sort((x, y) => x - y);
}

/**
 * Encodes `yTrue` and `yPred` as indices into `labels` (default: the sorted
 * union of both). Small non-negative integer labels use a lookup table.
 */
export function encodeLabels(
  yTrue: NumberArray,
  yPred: NumberArray,
  labels: number[] = uniqueLabels(yTrue, yPred),
): EncodedLabels {
  const n = yTrue.length;
  const t = new Int32Array(n), p = new Int32Array(n);
  const tableSize = 1 << 16;
  const small = labels.every((l) => Number.isInteger(l) && l >= 0 && l < tableSize);
  if (small) {
    const table = new Int32Array(tableSize).fill(-1);
    labels.forEach((l, i) => (table[l] = i));
    const lookup = (v: number) => (Number.isInteger(v) && v >= 0 && v < tableSize ? table[v] : -1);
    for (let i = 0; i < n; i++) {
      t[i] = lookup(yTrue[i]);
      p[i] = lookup(yPred[i]);
    }
  } else {
    const index = new Map<number, number>();
    labels.forEach((l, i) => index.set(l, i));
    for (let i = 0; i < n; i++) {
      t[i] = index.get(yTrue[i]) ?? -1;
      p[i] = index.get(yPred[i]) ?? -1;
    }
  }
  return { labels, yTrue: t, yPred: p };
}

/** Per-class weighted counts: true positives, predicted and true totals. */
export interface ClassCounts {
  tp: Float64Array;
  predicted: Float64Array;
  actual: Float64Array;
}

/** Accumulates {@link ClassCounts} over the encoded samples (`-1` skipped). */
export function classCounts(encoded: EncodedLabels, weight?: NumberArray): ClassCounts {
  const m = encoded.labels.length;
  const tp = new Float64Array(m), predicted = new Float64Array(m), actual = new Float64Array(m);
  const { yTrue: t, yPred: p } = encoded;
  for (let i = 0; i < t.length; i++) {
    const w = weight === undefined ? 1 : weight[i];
    if (p[i] >= 0) predicted[p[i]] += w;
    if (t[i] >= 0) {
      actual[t[i]] += w;
      if (t[i] === p[i]) tp[t[i]] += w;
    }
  }
  return { tp, predicted, actual };
}
