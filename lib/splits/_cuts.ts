/**
 * Chooses where to cut an ordered sequence of `n` rows into parts when cuts may
 * only fall at `allowed` positions (sorted, starting with 0 and ending with n):
 * for each target cut (the cumulative largest-remainder sizes) the nearest
 * allowed position, ties to the earlier one, restricted so that every part keeps
 * at least one row. Returns the cut positions (length parts − 1), or `undefined`
 * when there are fewer allowed interior positions than cuts.
 */
export function chooseCuts(allowed: readonly number[], counts: readonly number[]) {
  const cutsNeeded = counts.length - 1;
  if (allowed.length - 2 < cutsNeeded) return undefined;
  const cuts: number[] = [];
  let prev = 0; // index into `allowed` of the previous cut
  let target = 0;
  for (let i = 0; i < cutsNeeded; i++) {
    target += counts[i];
    const lo = prev + 1;
    const hi = allowed.length - 1 - (cutsNeeded - i);
    // Largest allowed index with position ≤ target (binary search).
    let a = 0, b = allowed.length - 1;
    while (a < b) {
      const m = (a + b + 1) >> 1;
      if (allowed[m] <= target) a = m;
      else b = m - 1;
    }
    const below = Math.min(Math.max(a, lo), hi);
    const above = Math.min(Math.max(a + 1, lo), hi);
    const pick = Math.abs(allowed[above] - target) < Math.abs(allowed[below] - target)
      ? above
      : below;
    cuts.push(allowed[pick]);
    prev = pick;
  }
  return cuts;
}
