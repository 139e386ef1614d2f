/**
 * Vectors for chapters 2 and 5–7: cosine similarity and Euclidean distance (pairwise and one
 * against many), exact top-k retrieval by cosine over a matrix, principal components with their
 * explained variance, and a seeded UMAP projection for plots. Vectors live in a
 * {@link DenseMatrix}: one typed array, row-major.
 *
 * Conventions: a zero vector has no cosine, so every cosine function throws on one (naming the
 * row); non-finite entries and dimension mismatches throw a `RangeError` too.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { fromRows, topKCosine } from "@lib/vectors/mod.ts";
 * const items = fromRows([[1, 0], [0, 1], [0.7, 0.7]]);
 * const { indices } = topKCosine(fromRows([[0, 2]]), items, { k: 1 });
 * assert.equal(indices[0], 1);
 * ```
 *
 * @module
 */
export { assertDenseMatrix, fromRows } from "./dense_matrix.ts";
export type { DenseMatrix } from "./dense_matrix.ts";
export {
  cosineSimilarity,
  cosineToMany,
  euclideanDistance,
  euclideanToMany,
} from "./similarity.ts";
export { topKCosine } from "./top_k.ts";
export type { TopKOptions, TopKResult } from "./top_k.ts";
export { pca, projectPca } from "./pca.ts";
export type { PcaModel, PcaOptions } from "./pca.ts";
export { umapProject } from "./umap.ts";
export type { UmapOptions } from "./umap.ts";
export { knnClassify } from "./knn.ts";
export type { KnnOptions } from "./knn.ts";
export { kMeans } from "./kmeans.ts";
export type { KMeansOptions, KMeansResult } from "./kmeans.ts";
export { buildIvfIndex, recallAtK, searchIvf } from "./ivf.ts";
export type { IvfIndex, IvfOptions, IvfSearchResult } from "./ivf.ts";
