import { assertInteger, assertOneOf, raise } from "../_shared/validate.ts";
import { fnv1a32 } from "./hash.ts";

/** Options of {@link hashedBagOfWords}. */
export interface HashedBagOfWordsOptions {
  /** Number of hash buckets, i.e. feature columns. @default 1024 */
  dimensions?: number;
  /**
   * Value of a bucket: `"binary"` 1 if any of its tokens occurs, `"count"` the
   * number of occurrences, `"log"` $\log(1 + \text{count})$. @default "binary"
   */
  weighting?: "binary" | "count" | "log";
  /** `"l2"` scales every row to unit length (rows without tokens stay 0); `"none"` keeps the values. @default "l2" */
  normalize?: "l2" | "none";
}

/** A row-major feature matrix. */
export interface HashedFeatures {
  /** `numRows × numFeatures` values, row-major. */
  values: Float32Array;
  /** Number of documents. */
  numRows: number;
  /** Number of hash buckets. */
  numFeatures: number;
}

/**
 * Turns tokenized documents into fixed-width feature vectors with the hashing
 * trick (Weinberger et al., 2009): token $t$ goes to bucket
 * $b(t) = \text{FNV-1a}(t) \bmod D$, so no vocabulary has to be built or
 * stored and unseen words at serving time still map somewhere. For document
 * $d$ with token counts $n_{d,t}$,
 *
 * $$ x_{d,j} = g\Big(\sum_{t:\, b(t) = j} n_{d,t}\Big), \qquad
 *    \tilde x_d = x_d / \lVert x_d \rVert_2 , $$
 *
 * with $g$ the weighting (binary presence by default). Different words that
 * share a bucket collide: fewer dimensions mean a smaller model and more
 * collisions.
 *
 * @param documents One array of tokens per document (e.g. from `tokenize` in `lib/search`).
 * @param options Dimensions, weighting and normalisation.
 * @returns The feature matrix.
 * @throws {TypeError} If a document is not an array of strings.
 * @throws {RangeError} If `dimensions` is not a positive integer or an option is unknown.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { hashedBagOfWords } from "@lib/text/mod.ts";
 * const x = hashedBagOfWords([["free", "money", "free"], []], { dimensions: 8, weighting: "count", normalize: "none" });
 * assert.equal(x.values.length, 2 * 8);
 * assert.equal(x.values.slice(0, 8).reduce((a, b) => a + b, 0), 3); // three tokens in row 0
 * assert.ok(x.values.slice(8).every((v) => v === 0)); // an empty document
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function hashedBagOfWords(
  documents: readonly (readonly string[])[],
  options: HashedBagOfWordsOptions = {},
): HashedFeatures {
  const context = "build hashed bag-of-words features";
  const { dimensions = 1024, weighting = "binary", normalize = "l2" } = options;
  assertInteger(dimensions, "dimensions", context, { min: 1 });
  assertOneOf(weighting, ["binary", "count", "log"], "weighting", context);
  assertOneOf(normalize, ["l2", "none"], "normalize", context);
  if (!Array.isArray(documents)) {
    raise("type", context, "documents must be an array of token arrays");
  }
  const D = dimensions, values = new Float32Array(documents.length * D);
  documents.forEach((tokens, d) => {
    if (!Array.isArray(tokens)) {
      raise("type", context, `documents[${d}] must be an array of tokens`);
    }
    const row = values.subarray(d * D, (d + 1) * D);
    for (const token of tokens) {
      if (typeof token !== "string") {
        raise("type", context, `documents[${d}] must hold strings, got ${typeof token}`);
      }
      row[fnv1a32(token) % D] += 1;
    }
    let norm = 0;
    for (let j = 0; j < D; j++) {
      if (row[j] > 0) {
        row[j] = weighting === "binary" ? 1 : weighting === "log" ? Math.log1p(row[j]) : row[j];
      }
      norm += row[j] * row[j];
    }
    if (normalize === "l2" && norm > 0) {
      const scale = 1 / Math.sqrt(norm);
      for (let j = 0; j < D; j++) row[j] *= scale;
    }
  });
  return { values, numRows: documents.length, numFeatures: D };
}
