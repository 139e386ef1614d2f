import { assertInteger, assertNumberArray } from "../_shared/validate.ts";

/** True when entry a ranks before entry b: higher score, then lower index. */
function before(scores: ArrayLike<number>, a: number, b: number): boolean {
  return scores[a] > scores[b] || (scores[a] === scores[b] && a < b);
}

/**
 * The indices of the `k` largest scores, best first; equal scores in index
 * order; `NaN` scores are never selected. Uses a binary heap of size k:
 * $O(n \log k)$ time, so selecting the top 100 of a million scores does not
 * sort the million.
 *
 * @param scores The scores.
 * @param k How many to keep (fewer when there are fewer non-NaN scores).
 * @param options `among`: consider only these indices (e.g. the documents a query touched).
 * @returns An `Int32Array` of at most k indices.
 * @throws {TypeError} If `scores` is not a numeric array.
 * @throws {RangeError} If `k` is not a non-negative integer.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { topK } from "@lib/search/mod.ts";
 * assert.deepEqual([...topK([0.2, 0.9, 0.5, 0.9], 3)], [1, 3, 2]);
 * assert.deepEqual([...topK([0.2, 0.9, 0.5], 2, { among: [0, 2] })], [2, 0]);
 * ```
 */
export function topK(
  scores: ArrayLike<number>,
  k: number,
  options: { among?: ArrayLike<number> } = {},
): Int32Array {
  const context = "select the top k";
  assertNumberArray(scores, "scores", context);
  assertInteger(k, "k", context, { min: 0 });
  const { among } = options;
  const n = among === undefined ? scores.length : among.length;
  // A min-heap of the best k so far: heap[0] is the worst of them.
  const heap = new Int32Array(Math.min(k, n));
  let size = 0;
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let worst = i;
      if (l < size && before(scores, heap[worst], heap[l])) worst = l;
      if (r < size && before(scores, heap[worst], heap[r])) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst], heap[i]];
      i = worst;
    }
  };
  for (let j = 0; j < n && heap.length > 0; j++) {
    const idx = among === undefined ? j : among[j];
    if (Number.isNaN(scores[idx])) continue;
    if (size < heap.length) {
      let i = size++;
      heap[i] = idx;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(scores, heap[parent], heap[i])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (before(scores, idx, heap[0])) {
      heap[0] = idx;
      siftDown(0);
    }
  }
  const out = Int32Array.from(heap.subarray(0, size));
  return out.sort((a, b) => (before(scores, a, b) ? -1 : before(scores, b, a) ? 1 : 0));
}
