import { assertPositive } from "../_shared/validate.ts";
import { checkImage, checkShape, type ImageOptions } from "./_image.ts";
import { warp } from "./_warp.ts";

/**
 * Zooms an image about its centre $c$ by `factor`:
 * $\text{out}(q) = \text{in}\big(c + (q - c)/s\big)$, interpolated bilinearly
 * by default. A factor above 1 enlarges the content (and crops what leaves the
 * frame), below 1 shrinks it (the border fills with 0).
 *
 * @param image One image, row-major, `width × height` values.
 * @param factor The zoom $s$ > 0.
 * @param options Image size (28 × 28 by default) and interpolation.
 * @returns A new `Float32Array`.
 * @throws {TypeError} If `image` is not a `Float32Array`.
 * @throws {RangeError} If its length is not `width × height` or the factor is not positive.
 *
 * @example Shrinking a full white image by half leaves a white centre and a black border
 * ```ts
 * import assert from "node:assert/strict";
 * import { scaleImage } from "@lib/augment/mod.ts";
 * const out = scaleImage(new Float32Array(784).fill(1), 0.5);
 * assert.equal(out[14 * 28 + 14], 1);
 * assert.equal(out[0], 0);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function scaleImage(
  image: Float32Array,
  factor: number,
  options: ImageOptions = {},
): Float32Array {
  const context = "scale an image";
  const shape = checkShape(options, context);
  checkImage(image, shape.width * shape.height, context);
  assertPositive(factor, "factor", context);
  return warp(image, { shiftX: 0, shiftY: 0, degrees: 0, scale: factor }, shape);
}
