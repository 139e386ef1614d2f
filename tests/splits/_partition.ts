import assert from "node:assert/strict";

/** Asserts that the parts are disjoint and together hold every row 0 … n−1 once. */
export function assertPartition(parts: ArrayLike<number>[], n: number, message = ""): void {
  const seen = new Uint8Array(n);
  for (const part of parts) {
    for (let j = 0; j < part.length; j++) {
      const i = part[j];
      assert.ok(Number.isInteger(i) && i >= 0 && i < n, `${message} index ${i} out of range`);
      assert.equal(seen[i], 0, `${message} row ${i} is in two parts`);
      seen[i] = 1;
    }
  }
  assert.ok(seen.every((s) => s === 1), `${message} some row is in no part`);
}

/** Normalises positive weights into named ratios p0, p1, … summing to 1. */
export function namedRatios(weights: number[]): Record<string, number> {
  const sum = weights.reduce((a, b) => a + b, 0);
  return Object.fromEntries(weights.map((w, i) => [`p${i}`, w / sum]));
}

/** Counts of each value in `values` at the given rows. */
export function countBy<T>(values: ArrayLike<T>, rows: ArrayLike<number>): Map<T, number> {
  const out = new Map<T, number>();
  for (let j = 0; j < rows.length; j++) {
    const v = values[rows[j]];
    out.set(v, (out.get(v) ?? 0) + 1);
  }
  return out;
}
