import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";
import type { RandomOptions } from "../random/mod.ts";
import { type DenseMatrix, pca } from "../vectors/mod.ts";

/** Options of {@link ppmiSvd}. */
export interface PpmiSvdOptions extends RandomOptions {
  /** Only word ids below this get a vector (the most frequent words; the matrix is dense). */
  vocabSize: number;
  /** Context words within this distance count as co-occurring. @default 5 */
  window?: number;
  /** Vector length (singular vectors kept). @default 50 */
  dim?: number;
  /** Context-distribution smoothing exponent α (Levy, Goldberg & Dagan 2015). @default 0.75 */
  smoothing?: number;
}

/**
 * Count-based word vectors, the classic baseline for word2vec: co-occurrence counts $C(w, c)$
 * within a window, positive pointwise mutual information
 *
 * $$\operatorname{PPMI}(w, c) = \max\Big(0, \log \frac{C(w, c)\, \sum_{c'} C_\alpha(c')}{C(w)\, C_\alpha(c)}\Big),
 * \quad C_\alpha(c) = C(c)^\alpha,$$
 *
 * then a truncated SVD $\text{PPMI} \approx U_d \Sigma_d V_d^\top$ with vectors $U_d \Sigma_d^{1/2}$
 * (Levy, Goldberg & Dagan 2015). Skip-gram with negative sampling implicitly factorises a shifted
 * PMI matrix (Levy & Goldberg 2014), so the two are close relatives.
 *
 * @param sentences Encoded sentences (ids by decreasing frequency, as from `buildVocabulary`).
 * @param options `vocabSize`, `window`, `dim`, `smoothing`, and `seed` or `rng` for the SVD.
 * @returns A `vocabSize × dim` matrix (row `i` for word id `i`).
 * @throws {RangeError} If an option is out of range or no pair co-occurs.
 * @see notebooks/05_embeddings.ipynb
 * @example Words with the same neighbours get the same direction
 * ```ts
 * import assert from "node:assert/strict";
 * import { ppmiSvd } from "@lib/embeddings/mod.ts";
 * import { cosineSimilarity } from "@lib/vectors/mod.ts";
 * const s = [Int32Array.of(2, 0, 3), Int32Array.of(2, 1, 3), Int32Array.of(4, 5, 4)];
 * const m = ppmiSvd(s, { vocabSize: 6, window: 1, dim: 3, seed: 1 });
 * const row = (i: number) => m.data.subarray(i * 3, i * 3 + 3);
 * assert.ok(cosineSimilarity(row(0), row(1)) > 0.99);
 * ```
 */
export function ppmiSvd(sentences: readonly Int32Array[], options: PpmiSvdOptions): DenseMatrix {
  const context = "compute ppmiSvd";
  const { vocabSize: v, window = 5, dim = 50, smoothing = 0.75 } = options ?? {};
  assertInteger(v, "vocabSize", context, { min: 2 });
  assertInteger(window, "window", context, { min: 1 });
  assertInteger(dim, "dim", context, { min: 1, max: v });
  assertFiniteNumber(smoothing, "smoothing", context, { min: 0, max: 1 });
  const counts = new Float64Array(v * v);
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      if (s[i] >= v) continue;
      const from = Math.max(0, i - window), to = Math.min(s.length - 1, i + window);
      for (let c = from; c <= to; c++) if (c !== i && s[c] < v) counts[s[i] * v + s[c]] += 1;
    }
  }
  const rowSum = new Float64Array(v), colPow = new Float64Array(v);
  for (let w = 0; w < v; w++) {
    for (let c = 0; c < v; c++) {
      rowSum[w] += counts[w * v + c];
      colPow[c] += counts[w * v + c];
    }
  }
  let total = 0, totalPow = 0;
  for (let c = 0; c < v; c++) {
    total += colPow[c];
    colPow[c] = colPow[c] ** smoothing;
    totalPow += colPow[c];
  }
  if (total === 0) raise("range", context, "no two words of the vocabulary co-occur");
  for (let w = 0; w < v; w++) {
    for (let c = 0; c < v; c++) {
      const n = counts[w * v + c];
      counts[w * v + c] = n > 0
        ? Math.max(0, Math.log((n * totalPow) / (rowSum[w] * colPow[c])))
        : 0;
    }
  }
  const svd = pca({ data: counts, rows: v, cols: v }, {
    nComponents: dim,
    center: false,
    powerIterations: 3,
    seed: options.seed,
    rng: options.rng,
  });
  const out = new Float32Array(v * dim);
  for (let c = 0; c < dim; c++) {
    const sigma = Math.sqrt(svd.explainedVariance[c] * (v - 1));
    const scale = sigma > 0 ? 1 / Math.sqrt(sigma) : 0;
    for (let w = 0; w < v; w++) out[w * dim + c] = svd.projection.data[w * dim + c] * scale;
  }
  return { data: out, rows: v, cols: dim };
}
