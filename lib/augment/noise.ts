import { assertFiniteNumber, raise } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";
import { describe } from "./_image.ts";

/**
 * Adds independent Gaussian noise to every pixel and clips to [0, 1]:
 *
 * $$ \text{out}_j = \min\big(1, \max(0,\ \text{in}_j + \varepsilon_j)\big),
 *    \qquad \varepsilon_j \sim \mathcal N(0, \sigma^2). $$
 *
 * Works on any number of pixels (one image or a batch). Seeded: the same seed
 * gives the same noise.
 *
 * @param image Pixel values, typically in [0, 1].
 * @param sd The noise standard deviation σ ≥ 0 (0 returns a clipped copy).
 * @param options `seed` or `rng`.
 * @returns A new `Float32Array` with values in [0, 1].
 * @throws {TypeError} If `image` is not a `Float32Array` or no seed is given.
 * @throws {RangeError} If `sd` is negative or not finite.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { addGaussianNoise } from "@lib/augment/mod.ts";
 * const image = new Float32Array(784).fill(0.5);
 * const noisy = addGaussianNoise(image, 0.1, { seed: 1 });
 * assert.ok(noisy.every((v) => v >= 0 && v <= 1));
 * assert.deepEqual(noisy, addGaussianNoise(image, 0.1, { seed: 1 }));
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function addGaussianNoise(
  image: Float32Array,
  sd: number,
  options: RandomOptions,
): Float32Array {
  const context = "add Gaussian noise";
  if (!(image instanceof Float32Array)) {
    raise("type", context, `image must be a Float32Array, got ${describe(image)}`);
  }
  assertFiniteNumber(sd, "sd", context, { min: 0 });
  const rng = resolveRng(options, context);
  const out = new Float32Array(image.length);
  for (let j = 0; j < image.length; j++) {
    const v = sd === 0 ? image[j] : image[j] + rng.normal(0, sd);
    out[j] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
  return out;
}
