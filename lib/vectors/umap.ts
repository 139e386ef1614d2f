import { UMAP } from "umap-js";
import { assertFiniteNumber, assertInteger } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";
import { assertDenseMatrix, type DenseMatrix } from "./dense_matrix.ts";

/** Options of {@link umapProject}. */
export interface UmapOptions extends RandomOptions {
  /** Neighbours that define local structure (larger keeps more global shape). @default 15 */
  nNeighbors?: number;
  /** How tightly points may pack in the projection, in (0, 1]. @default 0.1 */
  minDist?: number;
  /** Optimisation epochs (umap-js picks 200–500 from the data size when absent). */
  nEpochs?: number;
  /** Output dimensions. @default 2 */
  nComponents?: number;
}

/**
 * A UMAP projection (McInnes, Healy & Melville 2018) of the rows to a few dimensions for a plot,
 * through `umap-js`, with its random source drawn from `lib/random` so that the same seed gives
 * the same picture. UMAP keeps neighbourhoods, not distances: clusters that look far apart in
 * the plot need not be far apart in the original space.
 *
 * @param matrix The rows to project (more rows than `nNeighbors`).
 * @param options `nNeighbors`, `minDist`, `nEpochs`, `nComponents`, and `seed` or `rng`.
 * @returns A `rows × nComponents` matrix of coordinates.
 * @throws {RangeError} If `nNeighbors` is not below the number of rows, or a value is out of range.
 * @see notebooks/05_embeddings.ipynb
 * @example Two well-separated groups stay separated
 * ```ts
 * import assert from "node:assert/strict";
 * import { fromRows, umapProject } from "@lib/vectors/mod.ts";
 * import { createRng } from "@lib/random/mod.ts";
 * const rng = createRng(1);
 * const rows = Array.from({ length: 40 }, (_, i) => [i < 20 ? 0 : 10, rng.normal(), rng.normal()]);
 * const xy = umapProject(fromRows(rows), { nNeighbors: 5, nEpochs: 100, seed: 2 });
 * assert.deepEqual([xy.rows, xy.cols], [40, 2]);
 * assert.deepEqual(umapProject(fromRows(rows), { nNeighbors: 5, nEpochs: 100, seed: 2 }), xy);
 * ```
 */
export function umapProject(matrix: DenseMatrix, options: UmapOptions): DenseMatrix {
  const context = "compute umapProject";
  assertDenseMatrix(matrix, "matrix", context);
  const { nNeighbors = 15, minDist = 0.1, nEpochs, nComponents = 2 } = options ?? {};
  assertInteger(nNeighbors, "nNeighbors", context, { min: 2, max: matrix.rows - 1 });
  assertFiniteNumber(minDist, "minDist", context, { min: 0, max: 1 });
  assertInteger(nComponents, "nComponents", context, { min: 1 });
  if (nEpochs !== undefined) assertInteger(nEpochs, "nEpochs", context, { min: 1 });
  const rng = resolveRng(options, context);
  const rows = Array.from(
    { length: matrix.rows },
    (_, i) => Array.from(matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols)),
  );
  const umap = new UMAP({ nNeighbors, minDist, nEpochs, nComponents, random: () => rng.random() });
  const out = umap.fit(rows);
  const data = new Float32Array(matrix.rows * nComponents);
  out.forEach((p, i) => data.set(p, i * nComponents));
  return { data, rows: matrix.rows, cols: nComponents };
}
