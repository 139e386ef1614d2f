/**
 * Internal: the word shingles of many normalised texts (`normalizeText()`;
 * words separated by single spaces) as sorted integer arrays, for fast
 * exact set comparisons. Words get integer ids; a shingle of k words is the
 * number $\sum_j \text{id}_j V^{k-1-j}$ when $V^k < 2^{53}$ (exact), otherwise
 * the ids joined as text; a text shorter than k words has its whole word list
 * as one shingle, as in `shingles()`. Shingles are then ranked from rarest to
 * most frequent (ties by first appearance), and each text becomes the sorted
 * array of its distinct shingle ranks: its first entries are its rarest
 * shingles, the prefix used by the prefix filter.
 */
export function shingleRanks(
  normalTexts: readonly (string | undefined)[],
  size: number,
): (Int32Array | undefined)[] {
  const vocabulary = new Map<string, number>();
  const wordIds = normalTexts.map((text) => {
    if (text === undefined) return undefined;
    if (text === "") return new Int32Array(0);
    return Int32Array.from(text.split(" "), (w) => {
      let id = vocabulary.get(w);
      if (id === undefined) vocabulary.set(w, id = vocabulary.size);
      return id;
    });
  });
  const V = Math.max(vocabulary.size, 1);
  const exact = size * Math.log2(V) < 52;
  const shingleId = new Map<number | string, number>();
  const frequency: number[] = [];
  const docs = wordIds.map((ids) => {
    if (ids === undefined) return undefined;
    const keys: (number | string)[] = [];
    if (ids.length > 0 && ids.length < size) keys.push(`short:${ids.join(",")}`);
    for (let i = 0; i + size <= ids.length; i++) {
      if (exact) {
        let code = 0;
        for (let j = 0; j < size; j++) code = code * V + ids[i + j];
        keys.push(code);
      } else keys.push(Array.prototype.join.call(ids.subarray(i, i + size), ","));
    }
    const distinct = new Set<number>();
    for (const key of keys) {
      let g = shingleId.get(key);
      if (g === undefined) {
        shingleId.set(key, g = frequency.length);
        frequency.push(0);
      }
      distinct.add(g);
    }
    for (const g of distinct) frequency[g]++;
    return Int32Array.from(distinct);
  });
  const order = Int32Array.from(frequency.keys()).sort((a, b) =>
    frequency[a] - frequency[b] || a - b
  );
  const rank = new Int32Array(order.length);
  order.forEach((g, r) => (rank[g] = r));
  return docs.map((d) => (d === undefined ? undefined : d.map((g) => rank[g]).sort()));
}

/** |A ∩ B| / |A ∪ B| of two sorted arrays of distinct integers (1 for two empty arrays). */
export function sortedJaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0, j = 0, common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}
