/**
 * Sorting for the metrics: a stable descending argsort on typed arrays. Large
 * inputs use an LSD radix sort on the IEEE-754 bit patterns (six 11-bit
 * passes, O(n)), so a million scores sort in milliseconds; small inputs use
 * the built-in stable sort.
 *
 * @module
 */

import type { NumberArray } from "../_shared/validate.ts";

const SMALL = 256;
const BITS = 11;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;

/**
 * Indices that order `values` from largest to smallest; equal values keep
 * their input order (stable), as numpy's `argsort(-x, kind="stable")`. `-0`
 * sorts right after `+0`. Values must not be NaN (validated by the callers).
 */
export function argsortDescending(values: NumberArray): Uint32Array {
  const n = values.length;
  if (n <= SMALL) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => values[b] - values[a] || a - b);
    return Uint32Array.from(order);
  }
  // Keys whose unsigned order is the descending order of the values: flip
  // every bit but the sign of non-negative numbers, keep negative numbers.
  // Read the bit patterns in place when the input is already a Float64Array.
  let f64: Float64Array;
  if (values instanceof Float64Array) f64 = values;
  else {
    f64 = new Float64Array(n);
    for (let i = 0; i < n; i++) f64[i] = values[i];
  }
  const words = new Uint32Array(f64.buffer, f64.byteOffset, 2 * n);
  let lo = new Uint32Array(n), hi = new Uint32Array(n), idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1], l = words[2 * i];
    if (h >>> 31) {
      hi[i] = h;
      lo[i] = l;
    } else {
      hi[i] = h ^ 0x7fffffff;
      lo[i] = ~l >>> 0;
    }
    idx[i] = i;
  }
  // One pass over the data builds all six digit histograms.
  const counts = new Uint32Array(6 * RADIX);
  for (let i = 0; i < n; i++) {
    const l = lo[i], h = hi[i];
    counts[l & MASK]++;
    counts[RADIX + ((l >>> BITS) & MASK)]++;
    counts[2 * RADIX + (l >>> (2 * BITS))]++;
    counts[3 * RADIX + (h & MASK)]++;
    counts[4 * RADIX + ((h >>> BITS) & MASK)]++;
    counts[5 * RADIX + (h >>> (2 * BITS))]++;
  }
  let lo2 = new Uint32Array(n), hi2 = new Uint32Array(n), idx2 = new Uint32Array(n);
  const offsets = new Uint32Array(RADIX);
  for (let pass = 0; pass < 6; pass++) {
    const base = pass * RADIX;
    const word = pass < 3 ? 0 : 1;
    const shift = (pass % 3) * BITS;
    // Skip a pass whose digit is the same for every key.
    let trivial = false;
    for (let d = 0; d < RADIX; d++) {
      const c = counts[base + d];
      if (c === n) trivial = true;
      if (c !== 0) break;
    }
    if (trivial) continue;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      offsets[d] = sum;
      sum += counts[base + d];
    }
    const key = word === 0 ? lo : hi;
    for (let i = 0; i < n; i++) {
      const d = (key[i] >>> shift) & MASK;
      const to = offsets[d]++;
      lo2[to] = lo[i];
      hi2[to] = hi[i];
      idx2[to] = idx[i];
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}
