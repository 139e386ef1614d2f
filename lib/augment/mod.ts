/**
 * Data augmentation for small image sets (chapter 3): label-preserving
 * transforms of 28 × 28 grey-level digits stored as `Float32Array`s with
 * values in [0, 1] – shift, rotation, zoom (bilinear or nearest-neighbour
 * resampling, zero background) and Gaussian pixel noise – and
 * {@link augmentBatch}, which draws random transforms to turn $k$ labelled
 * images into $n$ new ones. Random transforms are seeded; {@link tileImages}
 * lays images out on one sheet for a heatmap.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { augmentBatch, rotateImage, shiftImage } from "@lib/augment/mod.ts";
 * const digit = new Float32Array(784);
 * digit[14 * 28 + 14] = 1;
 * assert.equal(shiftImage(digit, 1, 0)[14 * 28 + 15], 1);
 * assert.deepEqual(rotateImage(rotateImage(digit, 180), 180), digit);
 * const { images, source } = augmentBatch(digit, 3, { seed: 1, transforms: { shift: 1 } });
 * assert.equal(images.length, 3 * 784);
 * assert.deepEqual([...source], [0, 0, 0]);
 * ```
 *
 * @see notebooks/03_data_collection.ipynb
 * @module
 */
export type { ImageOptions } from "./_image.ts";
export * from "./transform.ts";
export * from "./shift.ts";
export * from "./rotate.ts";
export * from "./scale.ts";
export * from "./noise.ts";
export * from "./augment_batch.ts";
export * from "./tile.ts";
export * from "./copy_sheet.ts";
