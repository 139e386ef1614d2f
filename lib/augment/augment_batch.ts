import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";
import { checkImages, checkShape, type ImageOptions } from "./_image.ts";
import { warp } from "./_warp.ts";

/** Ranges of the random transforms of {@link augmentBatch}; each 0 (off) by default. */
export interface AugmentTransforms {
  /** Largest shift in pixels: $d_x, d_y \sim U(-\text{shift}, \text{shift})$. @default 0 */
  shift?: number;
  /** Largest rotation in degrees: $\varphi \sim U(-\text{rotate}, \text{rotate})$, at most 180. @default 0 */
  rotate?: number;
  /** Largest relative zoom, in [0, 1): $s \sim U(1 - \text{scale}, 1 + \text{scale})$. @default 0 */
  scale?: number;
  /** Standard deviation of Gaussian pixel noise (clipped to [0, 1]). @default 0 */
  noise?: number;
}

/** Options of {@link augmentBatch}. */
export interface AugmentBatchOptions extends RandomOptions, ImageOptions {
  /** Which transforms to draw, and how strong they may be. */
  transforms: AugmentTransforms;
}

/** The result of {@link augmentBatch}. */
export interface AugmentedBatch {
  /** `n` new images, row-major, one after the other. */
  images: Float32Array;
  /** The input image each new image was made from (use it to copy the labels). */
  source: Int32Array;
}

/**
 * Makes `n` new training images from a batch of `k` images: new image $j$
 * starts from image $j \bmod k$ (every image is used equally often), gets a
 * random zoom, rotation and shift in one resampling step (see
 * {@link transformImage}) and then Gaussian pixel noise, with
 *
 * $$ s \sim U(1 - a_s, 1 + a_s),\quad \varphi \sim U(-a_\varphi, a_\varphi),\quad
 *    d_x, d_y \sim U(-a_d, a_d),\quad \varepsilon_{j} \sim \mathcal N(0, \sigma^2). $$
 *
 * These transforms keep a digit's label; ranges beyond about 3 pixels, 20° or
 * 20 % zoom start to turn a 6 into a 9 or push strokes out of the frame. The
 * draws per image are made in the order zoom, angle, shift x, shift y, noise,
 * from the seeded generator, so a seed gives the same batch every time.
 *
 * @param images `k` images of `width × height` values each, row-major.
 * @param n How many new images to make (≥ 0).
 * @param options Ranges, image size (28 × 28 by default), interpolation, `seed` or `rng`.
 * @returns The new images and the index of each one's source image.
 * @throws {TypeError} If `images` is not a `Float32Array` or no seed is given.
 * @throws {RangeError} If `images` does not hold whole images, `n` is not a non-negative
 *   integer, or a range is negative, `rotate` > 180 or `scale` ≥ 1.
 *
 * @example Five copies of each of two images, shifted by up to two pixels
 * ```ts
 * import assert from "node:assert/strict";
 * import { augmentBatch } from "@lib/augment/mod.ts";
 * const images = new Float32Array(2 * 784).fill(0.5);
 * const out = augmentBatch(images, 10, { seed: 1, transforms: { shift: 2, rotate: 10 } });
 * assert.equal(out.images.length, 10 * 784);
 * assert.deepEqual([...out.source], [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
 * assert.ok(out.images.every((v) => v >= 0 && v <= 0.5 + 1e-6));
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function augmentBatch(
  images: Float32Array,
  n: number,
  options: AugmentBatchOptions,
): AugmentedBatch {
  const context = "augment a batch of images";
  const shape = checkShape(options, context);
  const pixels = shape.width * shape.height;
  checkImages(images, pixels, "images", context);
  assertInteger(n, "n", context, { min: 0 });
  const transforms = options?.transforms;
  if (typeof transforms !== "object" || transforms === null) {
    raise("type", context, "options.transforms must be an object, e.g. { shift: 2, rotate: 10 }");
  }
  const { shift = 0, rotate = 0, scale = 0, noise = 0 } = transforms;
  assertFiniteNumber(shift, "transforms.shift", context, { min: 0 });
  assertFiniteNumber(rotate, "transforms.rotate", context, { min: 0, max: 180 });
  assertFiniteNumber(scale, "transforms.scale", context, { min: 0 });
  if (scale >= 1) raise("range", context, `transforms.scale must be below 1, got ${scale}`);
  assertFiniteNumber(noise, "transforms.noise", context, { min: 0 });
  const rng = resolveRng(options, context);
  const k = images.length / pixels;
  const out = new Float32Array(n * pixels);
  const source = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const s = j % k;
    source[j] = s;
    const t = {
      scale: scale > 0 ? rng.uniform(1 - scale, 1 + scale) : 1,
      degrees: rotate > 0 ? rng.uniform(-rotate, rotate) : 0,
      shiftX: shift > 0 ? rng.uniform(-shift, shift) : 0,
      shiftY: shift > 0 ? rng.uniform(-shift, shift) : 0,
    };
    const image = warp(images.subarray(s * pixels, (s + 1) * pixels), t, shape);
    if (noise > 0) {
      for (let p = 0; p < pixels; p++) {
        const v = image[p] + rng.normal(0, noise);
        image[p] = v < 0 ? 0 : v > 1 ? 1 : v;
      }
    }
    out.set(image, j * pixels);
  }
  return { images: out, source };
}
