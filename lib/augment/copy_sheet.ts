import { assertInteger, raise } from "../_shared/validate.ts";
import { checkImages, checkShape } from "./_image.ts";
import type { AugmentedBatch } from "./augment_batch.ts";

/** Options of {@link copySheet}. */
export interface CopySheetOptions {
  /** Source images shown, the first ones of `originals`. @default 6 */
  shown?: number;
  /** Augmented copies shown below each original. @default 4 */
  copies?: number;
  /** Image width in pixels. @default 28 */
  width?: number;
  /** Image height in pixels. @default 28 */
  height?: number;
}

/**
 * Arranges originals and their augmented copies for a contact sheet: the
 * first `shown` originals, then for $c = 1 \dots$ `copies` the $c$-th augmented
 * image made from each of them (found through `batch.source`), so that
 * `tileImages(sheet, { columns: shown })` puts the originals in the top row and
 * copy $c$ of each original below it in row $c$.
 *
 * @param originals The source images of {@link augmentBatch}, row-major.
 * @param batch The augmented batch made from them.
 * @param options How many originals and copies to show, and the image size.
 * @returns `(copies + 1) · shown` images, row-major.
 * @throws {TypeError} If `originals` or `batch.images` is not a `Float32Array`.
 * @throws {RangeError} If an option is not a valid integer, there are fewer than `shown`
 *   originals, or an original has fewer than `copies` copies.
 *
 * @example Two 1 × 1 images and two copies of each (sources used in turn)
 * ```ts
 * import assert from "node:assert/strict";
 * import { copySheet } from "@lib/augment/mod.ts";
 * const batch = { images: Float32Array.of(10, 20, 11, 21), source: Int32Array.of(0, 1, 0, 1) };
 * const sheet = copySheet(Float32Array.of(1, 2), batch, { shown: 2, copies: 2, width: 1, height: 1 });
 * assert.deepEqual([...sheet], [1, 2, 10, 20, 11, 21]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function copySheet(
  originals: Float32Array,
  batch: AugmentedBatch,
  options: CopySheetOptions = {},
): Float32Array {
  const context = "lay out augmented copies";
  const { width, height } = checkShape(options, context);
  const { shown = 6, copies = 4 } = options;
  assertInteger(shown, "shown", context, { min: 1 });
  assertInteger(copies, "copies", context, { min: 0 });
  const pixels = width * height;
  checkImages(originals, pixels, "originals", context);
  checkImages(batch?.images, pixels, "batch.images", context);
  if (originals.length / pixels < shown) {
    raise(
      "range",
      context,
      `originals must hold at least ${shown} images, got ${originals.length / pixels}`,
    );
  }
  const found: number[][] = Array.from({ length: shown }, () => []);
  batch.source.forEach((s, j) => {
    if (s < shown && found[s].length < copies) found[s].push(j);
  });
  const short = found.findIndex((list) => list.length < copies);
  if (short >= 0) {
    raise(
      "range",
      context,
      `original ${short} must have at least ${copies} copies, got ${found[short].length}`,
    );
  }
  const out = new Float32Array((copies + 1) * shown * pixels);
  out.set(originals.subarray(0, shown * pixels));
  for (let c = 0; c < copies; c++) {
    for (let k = 0; k < shown; k++) {
      const j = found[k][c];
      out.set(batch.images.subarray(j * pixels, (j + 1) * pixels), ((c + 1) * shown + k) * pixels);
    }
  }
  return out;
}
