import { assertFiniteNumber, assertPositive } from "../_shared/validate.ts";
import { checkImage, checkShape, type ImageOptions } from "./_image.ts";
import { warp } from "./_warp.ts";

/** The parameters of {@link transformImage}; each defaults to the identity. */
export interface ImageTransform {
  /** Shift to the right, in pixels (negative: left). @default 0 */
  shiftX?: number;
  /** Shift downwards, in pixels (negative: up). @default 0 */
  shiftY?: number;
  /** Rotation about the image centre, counter-clockwise as displayed, in degrees. @default 0 */
  degrees?: number;
  /** Zoom about the image centre (> 1 enlarges the content). @default 1 */
  scale?: number;
}

/**
 * Scales, rotates and shifts an image in one resampling step. With the image
 * centre $c = \big(\tfrac{w-1}{2}, \tfrac{h-1}{2}\big)$, pixel coordinates
 * $(x, y)$ with $y$ pointing down, zoom $s$, angle $\varphi$ and shift $d$,
 * output pixel $q$ reads the input at
 *
 * $$ p = c + \frac{1}{s}\begin{pmatrix}\cos\varphi & -\sin\varphi \\
 *    \sin\varphi & \cos\varphi\end{pmatrix}(q - c - d), $$
 *
 * the inverse of $q = c + s\,R(\varphi)(p - c) + d$. The value at $p$ is
 * interpolated bilinearly from the four surrounding pixels (or taken from the
 * nearest one); pixels outside the input count as 0, the background of
 * MNIST-style digits. Bilinear interpolation is a convex combination, so
 * values in [0, 1] stay in [0, 1]. Coordinates within $10^{-9}$ of a grid
 * point snap to it, so rotations by multiples of 90° (on square images) and
 * integer shifts move pixels exactly.
 *
 * @param image One image, row-major, `width × height` values.
 * @param transform Shift, angle and zoom.
 * @param options Image size (28 × 28 by default) and interpolation.
 * @returns A new `Float32Array` of the same size.
 * @throws {TypeError} If `image` is not a `Float32Array`.
 * @throws {RangeError} If its length is not `width × height`, a parameter is not finite,
 *   or `scale` is not positive.
 *
 * @example A quarter turn and a shift take the top-middle pixel of a 3 × 3 image to the centre
 * ```ts
 * import assert from "node:assert/strict";
 * import { transformImage } from "@lib/augment/mod.ts";
 * const image = Float32Array.of(0, 1, 0, 0, 0, 0, 0, 0, 0); // (x, y) = (1, 0)
 * const out = transformImage(image, { degrees: 90, shiftX: 1 }, { width: 3, height: 3 });
 * assert.deepEqual([...out], [0, 0, 0, 0, 1, 0, 0, 0, 0]); // rotated to (0, 1), shifted to (1, 1)
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function transformImage(
  image: Float32Array,
  transform: ImageTransform,
  options: ImageOptions = {},
): Float32Array {
  const context = "transform an image";
  const shape = checkShape(options, context);
  checkImage(image, shape.width * shape.height, context);
  const { shiftX = 0, shiftY = 0, degrees = 0, scale = 1 } = transform ?? {};
  assertFiniteNumber(shiftX, "shiftX", context);
  assertFiniteNumber(shiftY, "shiftY", context);
  assertFiniteNumber(degrees, "degrees", context);
  assertPositive(scale, "scale", context);
  return warp(image, { shiftX, shiftY, degrees, scale }, shape);
}
