import assert from "node:assert/strict";
import { augmentBatch, shiftImage, tileImages } from "@lib/augment/mod.ts";
import { createRng } from "@lib/random/mod.ts";

function randomImages(k: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: k * 784 }, () => rng.random());
}

Deno.test("augmentBatch() makes n images of the same shape, cycling through the sources", () => {
  const images = randomImages(3, 1);
  const out = augmentBatch(images, 7, {
    seed: 2,
    transforms: { shift: 2, rotate: 15, scale: 0.1 },
  });
  assert.equal(out.images.length, 7 * 784);
  assert.deepEqual([...out.source], [0, 1, 2, 0, 1, 2, 0]);
  assert.ok(out.images.every((v) => v >= 0 && v <= 1));
});

Deno.test("augmentBatch() is reproducible with a seed and different with another", () => {
  const images = randomImages(2, 1);
  const options = { transforms: { shift: 2, rotate: 10, noise: 0.1 } };
  const a = augmentBatch(images, 4, { ...options, seed: 3 });
  assert.deepEqual(a, augmentBatch(images, 4, { ...options, seed: 3 }));
  assert.notDeepEqual(a.images, augmentBatch(images, 4, { ...options, seed: 4 }).images);
});

Deno.test("augmentBatch() without transforms copies the sources, and leaves its input alone", () => {
  const images = randomImages(2, 5);
  const before = images.slice();
  const out = augmentBatch(images, 4, { seed: 1, transforms: {} });
  assert.deepEqual(out.images.subarray(0, 784), images.subarray(0, 784));
  assert.deepEqual(out.images.subarray(3 * 784), images.subarray(784));
  assert.deepEqual(images, before);
  assert.equal(augmentBatch(images, 0, { seed: 1, transforms: { shift: 1 } }).images.length, 0);
});

Deno.test("augmentBatch() shifts stay within the range given", () => {
  // A single pixel shifted by at most 1.5 lands within 2 columns and rows of where it was.
  const image = new Float32Array(784);
  image[14 * 28 + 14] = 1;
  const out = augmentBatch(image, 50, { seed: 9, transforms: { shift: 1.5 } });
  for (let j = 0; j < 50; j++) {
    const img = out.images.subarray(j * 784, (j + 1) * 784);
    for (let p = 0; p < 784; p++) {
      if (img[p] > 0) {
        assert.ok(Math.abs((p % 28) - 14) <= 2 && Math.abs(Math.floor(p / 28) - 14) <= 2);
      }
    }
  }
  // A shift-only augmentation with integer steps agrees with shiftImage.
  assert.deepEqual(shiftImage(image, 1, 1)[15 * 28 + 15], 1);
});

Deno.test("augmentBatch() rejects bad input with a clear message", () => {
  const context = "Cannot augment a batch of images";
  assert.throws(
    () => augmentBatch(new Float32Array(100), 1, { seed: 1, transforms: {} }),
    {
      name: "RangeError",
      message:
        `${context}: images must hold a whole number of images of 784 pixels, got 100 values`,
    },
  );
  assert.throws(
    () => augmentBatch(new Float32Array(784), 1.5, { seed: 1, transforms: {} }),
    { name: "RangeError", message: `${context}: n must be an integer, got 1.5` },
  );
  assert.throws(
    () => augmentBatch(new Float32Array(784), 1, { seed: 1 } as never),
    {
      name: "TypeError",
      message: `${context}: options.transforms must be an object, e.g. { shift: 2, rotate: 10 }`,
    },
  );
  assert.throws(
    () => augmentBatch(new Float32Array(784), 1, { seed: 1, transforms: { scale: 1 } }),
    { name: "RangeError", message: `${context}: transforms.scale must be below 1, got 1` },
  );
  assert.throws(
    () => augmentBatch(new Float32Array(784), 1, { seed: 1, transforms: { shift: -1 } }),
    { name: "RangeError", message: `${context}: transforms.shift must be at least 0, got -1` },
  );
  assert.throws(
    () => augmentBatch(new Float32Array(784), 1, { transforms: { shift: 1 } }),
    {
      name: "TypeError",
      message: `${context}: pass a seed or rng in the options (randomness is always seeded)`,
    },
  );
});

Deno.test("tileImages() lays images out row by row with blank gaps", () => {
  const images = Float32Array.from({ length: 3 * 4 }, (_, i) => i); // three 2 × 2 images
  const sheet = tileImages(images, { width: 2, height: 2, columns: 2, gap: 1 });
  assert.deepEqual(sheet, [
    [0, 1, NaN, 4, 5],
    [2, 3, NaN, 6, 7],
    [NaN, NaN, NaN, NaN, NaN],
    [8, 9, NaN, NaN, NaN],
    [10, 11, NaN, NaN, NaN],
  ]);
  assert.deepEqual(tileImages(images.subarray(0, 4), { width: 2, height: 2 }), [[0, 1], [2, 3]]);
  assert.throws(() => tileImages(images, { width: 2, height: 2, columns: 0 }), {
    name: "RangeError",
    message: "Cannot tile images: columns must be at least 1, got 0",
  });
});
