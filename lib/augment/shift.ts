import { assertFiniteNumber } from "../_shared/validate.ts";
import { checkImage, checkShape, type ImageOptions } from "./_image.ts";
import { warp } from "./_warp.ts";

/**
 * Shifts an image by `dx` pixels to the right and `dy` pixels down,
 * $\text{out}(x, y) = \text{in}(x - d_x, y - d_y)$; pixels that enter from
 * outside are 0. Integer shifts move pixels exactly; fractional ones
 * interpolate (see {@link transformImage}).
 *
 * @param image One image, row-major, `width × height` values.
 * @param dx Pixels to the right (negative: left).
 * @param dy Pixels down (negative: up).
 * @param options Image size (28 × 28 by default) and interpolation.
 * @returns A new `Float32Array`.
 * @throws {TypeError} If `image` is not a `Float32Array`.
 * @throws {RangeError} If its length is not `width × height` or a shift is not finite.
 *
 * @example A bright pixel moves one column to the right
 * ```ts
 * import assert from "node:assert/strict";
 * import { shiftImage } from "@lib/augment/mod.ts";
 * const image = new Float32Array(9);
 * image[4] = 1; // the centre of a 3 × 3 image
 * assert.deepEqual([...shiftImage(image, 1, 0, { width: 3, height: 3 })], [0, 0, 0, 0, 0, 1, 0, 0, 0]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function shiftImage(
  image: Float32Array,
  dx: number,
  dy: number,
  options: ImageOptions = {},
): Float32Array {
  const context = "shift an image";
  const shape = checkShape(options, context);
  checkImage(image, shape.width * shape.height, context);
  assertFiniteNumber(dx, "dx", context);
  assertFiniteNumber(dy, "dy", context);
  return warp(image, { shiftX: dx, shiftY: dy, degrees: 0, scale: 1 }, shape);
}
