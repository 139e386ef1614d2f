import { assertFiniteNumber } from "../_shared/validate.ts";
import { checkImage, checkShape, type ImageOptions } from "./_image.ts";
import { warp } from "./_warp.ts";

/**
 * Rotates an image about its centre by `degrees`, counter-clockwise as
 * displayed (rows top to bottom). Corners that rotate in from outside are 0
 * and content rotated past the border is lost. On a square image a multiple
 * of 90° maps pixel centres onto pixel centres, so four quarter turns give
 * back the image exactly; other angles interpolate (see {@link transformImage}).
 *
 * @param image One image, row-major, `width × height` values.
 * @param degrees The angle; negative turns clockwise.
 * @param options Image size (28 × 28 by default) and interpolation.
 * @returns A new `Float32Array`.
 * @throws {TypeError} If `image` is not a `Float32Array`.
 * @throws {RangeError} If its length is not `width × height` or the angle is not finite.
 *
 * @example A quarter turn moves the top-middle pixel of a 3 × 3 image to the left middle
 * ```ts
 * import assert from "node:assert/strict";
 * import { rotateImage } from "@lib/augment/mod.ts";
 * const image = Float32Array.of(0, 1, 0, 0, 0, 0, 0, 0, 0);
 * assert.deepEqual([...rotateImage(image, 90, { width: 3, height: 3 })], [0, 0, 0, 1, 0, 0, 0, 0, 0]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function rotateImage(
  image: Float32Array,
  degrees: number,
  options: ImageOptions = {},
): Float32Array {
  const context = "rotate an image";
  const shape = checkShape(options, context);
  checkImage(image, shape.width * shape.height, context);
  assertFiniteNumber(degrees, "degrees", context);
  return warp(image, { shiftX: 0, shiftY: 0, degrees, scale: 1 }, shape);
}
