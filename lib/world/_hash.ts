import normal from "@stdlib/stats-base-dists-normal";

/** The murmur3 32-bit finaliser: a cheap, well-mixed integer hash. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const BITS = 16;
let quantiles: Float64Array | undefined;

/** Standard normal quantiles at the midpoints of 2¹⁶ equal-probability bins (|z| ≤ 4.3). */
function quantileTable(): Float64Array {
  const size = 1 << BITS;
  return quantiles ??= Float64Array.from(
    { length: size },
    (_, j) => normal.quantile((j + 0.5) / size, 0, 1),
  );
}

/**
 * A standard normal value that is a fixed function of `(a, b, salt)`: the same
 * pair always gets the same value, without storing a matrix of pairs. A 32-bit
 * hash picks one of 2¹⁶ equal-probability normal quantiles.
 */
export function pairNormal(a: number, b: number, salt: number): number {
  const table = quantiles ?? quantileTable();
  const h = fmix32(Math.imul(a + 1, 0x9e3779b1) ^ fmix32(b ^ salt));
  return table[h >>> (32 - BITS)];
}
