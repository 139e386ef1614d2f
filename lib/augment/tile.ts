import { assertInteger } from "../_shared/validate.ts";
import { checkImages, checkShape } from "./_image.ts";

/** Options of {@link tileImages}. */
export interface TileOptions {
  /** Images per row of the sheet. @default 8 */
  columns?: number;
  /** Image width in pixels. @default 28 */
  width?: number;
  /** Image height in pixels. @default 28 */
  height?: number;
  /** Pixels between images, filled with `NaN` (blank in a heatmap). @default 2 */
  gap?: number;
}

/**
 * Lays out images on one contact sheet, row by row, as a matrix of rows for
 * `heatmapChart` from `lib/plot`: image $k$ goes to sheet row
 * $\lfloor k / c \rfloor$ and column $k \bmod c$, with `gap` blank pixels
 * between images. Empty places in the last row are blank too.
 *
 * @param images `k` images of `width × height` values each, row-major.
 * @param options Columns, image size and gap.
 * @returns The sheet as rows of numbers (`NaN` = blank).
 * @throws {TypeError} If `images` is not a `Float32Array`.
 * @throws {RangeError} If it does not hold whole images or an option is not a valid integer.
 *
 * @example Two 2 × 2 images side by side with a one-pixel gap
 * ```ts
 * import assert from "node:assert/strict";
 * import { tileImages } from "@lib/augment/mod.ts";
 * const sheet = tileImages(Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8), { width: 2, height: 2, columns: 2, gap: 1 });
 * assert.deepEqual(sheet, [[1, 2, NaN, 5, 6], [3, 4, NaN, 7, 8]]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function tileImages(images: Float32Array, options: TileOptions = {}): number[][] {
  const context = "tile images";
  const { width, height } = checkShape(options, context);
  const { columns = 8, gap = 2 } = options;
  assertInteger(columns, "columns", context, { min: 1 });
  assertInteger(gap, "gap", context, { min: 0 });
  const pixels = width * height;
  checkImages(images, pixels, "images", context);
  const k = images.length / pixels;
  const cols = Math.min(columns, k), rows = Math.ceil(k / cols);
  const sheetWidth = cols * width + (cols - 1) * gap;
  const sheet = Array.from(
    { length: rows * height + (rows - 1) * gap },
    () => new Array<number>(sheetWidth).fill(NaN),
  );
  for (let i = 0; i < k; i++) {
    const top = Math.floor(i / cols) * (height + gap), left = (i % cols) * (width + gap);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) sheet[top + y][left + x] = images[i * pixels + y * width + x];
    }
  }
  return sheet;
}
