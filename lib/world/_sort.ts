const RUN = 16;

/**
 * Sorts the indices in `order` (0 … n−1 on entry) by descending `keys`,
 * stably, without a comparator callback: insertion sort on runs of 16, then
 * bottom-up merges through `buffer` (length ≥ n). Much faster than
 * `TypedArray.prototype.sort` with a comparator for the short lists of a feed.
 */
export function argsortDescending(keys: Float64Array, order: Int32Array, buffer: Int32Array): void {
  const n = order.length;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const v = order[i], key = keys[v];
      let j = i - 1;
      for (; j >= lo && keys[order[j]] < key; j--) order[j + 1] = order[j];
      order[j + 1] = v;
    }
  }
  let src = order, dst = buffer;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
      let i = lo, j = mid, o = lo;
      while (i < mid && j < hi) dst[o++] = keys[src[i]] >= keys[src[j]] ? src[i++] : src[j++];
      while (i < mid) dst[o++] = src[i++];
      while (j < hi) dst[o++] = src[j++];
    }
    [src, dst] = [dst, src];
  }
  if (src !== order) order.set(src.subarray(0, n));
}
