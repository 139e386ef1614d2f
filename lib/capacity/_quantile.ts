/**
 * The `p`-quantile of sorted values by linear interpolation between order
 * statistics (Hyndman–Fan type 7, NumPy's default and R's `quantile`):
 *
 * $$Q(p) = x_{(\lfloor h \rfloor)} + (h - \lfloor h \rfloor)\,(x_{(\lfloor h \rfloor + 1)} - x_{(\lfloor h \rfloor)}),\quad h = (m - 1)\,p$$
 * with 0-based order statistics.
 */
export function _quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h), hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
