/**
 * Histogram split search for one node and one feature. Each splitter keeps its
 * scratch histograms between calls (no allocation per node) and the best split
 * seen since the last `reset`.
 *
 * Every criterion is turned into a score to maximise that differs from minus
 * the weighted child impurity `n_L·I_L + n_R·I_R` by a constant of the node:
 *
 * - gini: $n_L G_L + n_R G_R = n - \big(\sum_k l_k^2/n_L + \sum_k r_k^2/n_R\big)$
 * - entropy: $n_L H_L + n_R H_R = n_L\ln n_L - \sum_k l_k\ln l_k + (\text{same for } R)$
 * - MSE: $n_L V_L + n_R V_R = \sum y^2 - \big(S_L^2/n_L + S_R^2/n_R\big)$
 *
 * @module
 */

/** The best split found so far at a node. */
export interface SplitState {
  /** Score to maximise; −Infinity when no valid split was seen. */
  bestScore: number;
  /** Feature of the best split, −1 if none. */
  bestFeature: number;
  /** Bin of the best split: codes ≤ bestBin go left. */
  bestBin: number;
}

/** What the tree grower needs from a criterion. */
export interface Splitter extends SplitState {
  readonly nOutputs: number;
  /**
   * Summarises rows[start:end): writes the node's prediction into
   * `value[offset …]` and returns its impurity; sets `pure`.
   */
  nodeStats(
    rows: Int32Array,
    start: number,
    end: number,
    value: Float64Array,
    offset: number,
  ): number;
  /** True when the last `nodeStats` saw one class (or one target value). */
  pure: boolean;
  /** Forgets the best split (call before searching a node). */
  reset(): void;
  /** Scores every cut of feature `f` over bins [lo, hi] (the codes present in the node). */
  scan(rows: Int32Array, start: number, end: number, f: number, lo: number, hi: number): void;
}

/** Gini or entropy on integer class labels 0 … nClasses − 1. */
export class ClassSplitter implements Splitter {
  bestScore = -Infinity;
  bestFeature = -1;
  bestBin = -1;
  pure = false;
  readonly nOutputs: number;
  #hist: Int32Array;
  #binCount: Int32Array;
  #parent: Int32Array;
  #left: Int32Array;
  #xlogx: Float64Array;

  constructor(
    readonly codes: Uint8Array,
    readonly nRows: number,
    readonly labels: Int32Array,
    readonly nClasses: number,
    readonly entropy: boolean,
    readonly minLeaf: number,
    maxBins: number,
    maxCount: number,
  ) {
    this.nOutputs = nClasses;
    this.#hist = new Int32Array(maxBins * nClasses);
    this.#binCount = new Int32Array(maxBins);
    this.#parent = new Int32Array(nClasses);
    this.#left = new Int32Array(nClasses);
    this.#xlogx = new Float64Array(entropy ? maxCount + 1 : 1);
    for (let c = 1; c < this.#xlogx.length; c++) this.#xlogx[c] = c * Math.log(c);
  }

  nodeStats(rows: Int32Array, start: number, end: number, value: Float64Array, offset: number) {
    const parent = this.#parent, labels = this.labels, k = this.nClasses;
    parent.fill(0);
    for (let i = start; i < end; i++) parent[labels[rows[i]]]++;
    const n = end - start;
    let sumSq = 0, entropySum = 0, classes = 0;
    for (let c = 0; c < k; c++) {
      const count = parent[c];
      value[offset + c] = count / n;
      if (count > 0) {
        classes++;
        sumSq += count * count;
        entropySum += count * Math.log(count);
      }
    }
    this.pure = classes <= 1;
    if (this.entropy) return Math.max(0, (Math.log(n) - entropySum / n) / Math.LN2);
    return 1 - sumSq / (n * n);
  }

  reset() {
    this.bestScore = -Infinity;
    this.bestFeature = -1;
    this.bestBin = -1;
  }

  scan(rows: Int32Array, start: number, end: number, f: number, lo: number, hi: number) {
    const k = this.nClasses, hist = this.#hist, binCount = this.#binCount;
    const left = this.#left, parent = this.#parent, labels = this.labels, codes = this.codes;
    hist.fill(0, lo * k, (hi + 1) * k);
    binCount.fill(0, lo, hi + 1);
    const offset = f * this.nRows;
    for (let i = start; i < end; i++) {
      const r = rows[i];
      const code = codes[offset + r];
      hist[code * k + labels[r]]++;
      binCount[code]++;
    }
    const n = end - start, minLeaf = this.minLeaf, xlogx = this.#xlogx;
    left.fill(0);
    let nLeft = 0;
    for (let b = lo; b < hi; b++) {
      const inBin = binCount[b];
      if (inBin === 0) continue;
      nLeft += inBin;
      const base = b * k;
      for (let c = 0; c < k; c++) left[c] += hist[base + c];
      if (nLeft < minLeaf) continue;
      const nRight = n - nLeft;
      if (nRight < minLeaf) break;
      let score: number;
      if (this.entropy) {
        let s = xlogx[nLeft] + xlogx[nRight];
        for (let c = 0; c < k; c++) s -= xlogx[left[c]] + xlogx[parent[c] - left[c]];
        score = -s;
      } else {
        let sl = 0, sr = 0;
        for (let c = 0; c < k; c++) {
          const l = left[c], r = parent[c] - l;
          sl += l * l;
          sr += r * r;
        }
        score = sl / nLeft + sr / nRight;
      }
      if (score > this.bestScore) {
        this.bestScore = score;
        this.bestFeature = f;
        this.bestBin = b;
      }
    }
  }
}

/** Mean squared error on a real-valued target. */
export class MseSplitter implements Splitter {
  bestScore = -Infinity;
  bestFeature = -1;
  bestBin = -1;
  pure = false;
  readonly nOutputs = 1;
  #sum: Float64Array;
  #binCount: Int32Array;
  #total = 0;

  constructor(
    readonly codes: Uint8Array,
    readonly nRows: number,
    readonly y: Float64Array,
    readonly minLeaf: number,
    maxBins: number,
  ) {
    this.#sum = new Float64Array(maxBins);
    this.#binCount = new Int32Array(maxBins);
  }

  nodeStats(rows: Int32Array, start: number, end: number, value: Float64Array, offset: number) {
    const y = this.y;
    let sum = 0, min = Infinity, max = -Infinity;
    for (let i = start; i < end; i++) {
      const v = y[rows[i]];
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const n = end - start, mean = sum / n;
    let ss = 0;
    for (let i = start; i < end; i++) ss += (y[rows[i]] - mean) ** 2;
    value[offset] = mean;
    this.#total = sum;
    this.pure = min === max;
    return ss / n;
  }

  reset() {
    this.bestScore = -Infinity;
    this.bestFeature = -1;
    this.bestBin = -1;
  }

  scan(rows: Int32Array, start: number, end: number, f: number, lo: number, hi: number) {
    const sum = this.#sum, binCount = this.#binCount, y = this.y, codes = this.codes;
    sum.fill(0, lo, hi + 1);
    binCount.fill(0, lo, hi + 1);
    const offset = f * this.nRows;
    for (let i = start; i < end; i++) {
      const r = rows[i];
      const code = codes[offset + r];
      sum[code] += y[r];
      binCount[code]++;
    }
    const n = end - start, minLeaf = this.minLeaf, total = this.#total;
    let nLeft = 0, sumLeft = 0;
    for (let b = lo; b < hi; b++) {
      const inBin = binCount[b];
      if (inBin === 0) continue;
      nLeft += inBin;
      sumLeft += sum[b];
      if (nLeft < minLeaf) continue;
      const nRight = n - nLeft;
      if (nRight < minLeaf) break;
      const sumRight = total - sumLeft;
      const score = (sumLeft * sumLeft) / nLeft + (sumRight * sumRight) / nRight;
      if (score > this.bestScore) {
        this.bestScore = score;
        this.bestFeature = f;
        this.bestBin = b;
      }
    }
  }
}
