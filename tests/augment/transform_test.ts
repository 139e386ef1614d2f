import assert from "node:assert/strict";
import fc from "fast-check";
import {
  augmentBatch,
  rotateImage,
  scaleImage,
  shiftImage,
  transformImage,
} from "@lib/augment/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

const W = 28;

function onePixel(x: number, y: number, width = W, height = W): Float32Array {
  const image = new Float32Array(width * height);
  image[y * width + x] = 1;
  return image;
}

function randomImage(seed: number, width = W, height = W): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: width * height }, () => rng.random());
}

Deno.test("shiftImage() by (1, 0) moves a single bright pixel one column to the right", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: W - 2 }), fc.integer({ min: 0, max: W - 1 }), (x, y) => {
      assert.deepEqual(shiftImage(onePixel(x, y), 1, 0), onePixel(x + 1, y));
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("shiftImage() moves down for positive dy and drops pixels pushed out of the frame", () => {
  assert.deepEqual(shiftImage(onePixel(3, 4), 0, 2), onePixel(3, 6));
  assert.deepEqual(shiftImage(onePixel(3, 4), -3, -4), onePixel(0, 0));
  assert.ok(shiftImage(onePixel(W - 1, 5), 1, 0).every((v) => v === 0));
});

Deno.test("shiftImage() by half a pixel splits the pixel's value between two columns", () => {
  const out = shiftImage(onePixel(10, 10), 0.5, 0);
  assert.equal(out[10 * W + 10], 0.5);
  assert.equal(out[10 * W + 11], 0.5);
  assert.equal(out.reduce((a, b) => a + b, 0), 1);
});

Deno.test("rotateImage() by 90° four times returns the image exactly", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 10_000 }),
      fc.constantFrom("bilinear", "nearest"),
      (seed, interpolation) => {
        const image = randomImage(seed);
        let out = image;
        for (let k = 0; k < 4; k++) out = rotateImage(out, 90, { interpolation });
        assert.deepEqual(out, image);
      },
    ),
    { seed: 42, numRuns: 50 },
  );
});

Deno.test("rotateImage() turns counter-clockwise as displayed", () => {
  // Centre (13.5, 13.5). The pixel (13, 0) sits 13.5 rows above and half a column left of it;
  // a quarter turn counter-clockwise takes "up" to "left" and "left" to "down": (0, 14).
  assert.deepEqual(rotateImage(onePixel(13, 0), 90), onePixel(0, 14));
  assert.deepEqual(rotateImage(onePixel(13, 0), -90), onePixel(27, 13));
  assert.deepEqual(rotateImage(onePixel(5, 9), 180), onePixel(22, 18));
});

Deno.test("rotateImage() by 360° is the identity, by 45° keeps the shape and the mass near the centre", () => {
  const image = randomImage(7);
  assertClose(rotateImage(image, 360), image, { abs: 1e-6 });
  const blob = new Float32Array(W * W);
  for (let y = 11; y < 17; y++) for (let x = 11; x < 17; x++) blob[y * W + x] = 1;
  const turned = rotateImage(blob, 45);
  assert.equal(turned.length, W * W);
  // Bilinear resampling of a rotated square keeps its area (36) up to edge effects.
  assertClose(turned.reduce((a, b) => a + b, 0), 36, { rel: 0.05 });
});

Deno.test("scaleImage() by 2 doubles a centred block with bilinear edges", () => {
  // A 2-pixel-wide bar at x = 13, 14 (centre 13.5). Output column q reads the input at
  // 13.5 + (q − 13.5)/2: q = 11 → 12.25 (0.25), q = 12 → 12.75 (0.75), q = 13, 14 → inside (1),
  // q = 15 → 14.25 (0.75), q = 16 → 14.75 (0.25).
  const bar = new Float32Array(W * W);
  for (let y = 0; y < W; y++) bar[y * W + 13] = bar[y * W + 14] = 1;
  const row = Array.from(scaleImage(bar, 2).subarray(5 * W + 10, 5 * W + 18));
  assert.deepEqual(row, [0, 0.25, 0.75, 1, 1, 0.75, 0.25, 0]);
  assert.deepEqual(scaleImage(bar, 1), bar);
});

Deno.test("scaleImage() below 1 shrinks the content and fills the border with 0", () => {
  const out = scaleImage(new Float32Array(W * W).fill(1), 0.5);
  assert.equal(out[14 * W + 14], 1);
  assert.equal(out[0], 0);
  assert.equal(out[W * W - 1], 0);
});

Deno.test("transformImage() composes zoom, rotation and shift in one step", () => {
  const image = onePixel(13, 0);
  // Rotate the top pixel to (0, 14), then shift it 3 right and 1 up.
  assert.deepEqual(transformImage(image, { degrees: 90, shiftX: 3, shiftY: -1 }), onePixel(3, 13));
  assert.deepEqual(transformImage(image, {}), image);
});

Deno.test("geometric transforms preserve the shape and keep values in [0, 1]", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1000 }),
      fc.double({ min: -4, max: 4, noNaN: true }),
      fc.double({ min: -4, max: 4, noNaN: true }),
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.double({ min: 0.5, max: 1.5, noNaN: true }),
      (seed, shiftX, shiftY, degrees, scale) => {
        const image = randomImage(seed, 9, 7);
        const out = transformImage(image, { shiftX, shiftY, degrees, scale }, {
          width: 9,
          height: 7,
        });
        assert.equal(out.length, image.length);
        assert.ok(out.every((v) => v >= 0 && v <= 1 + 1e-6));
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("transforms work on non-square images", () => {
  const image = onePixel(1, 2, 5, 3);
  assert.deepEqual(shiftImage(image, 2, -1, { width: 5, height: 3 }), onePixel(3, 1, 5, 3));
  assert.deepEqual(rotateImage(image, 180, { width: 5, height: 3 }), onePixel(3, 0, 5, 3));
});

Deno.test("the image transforms reject bad input with a clear message", () => {
  assert.throws(
    () => shiftImage([1, 2] as unknown as Float32Array, 1, 0),
    {
      name: "TypeError",
      message: "Cannot shift an image: image must be a Float32Array, got an array",
    },
  );
  assert.throws(
    () => rotateImage(new Float32Array(100), 90),
    {
      name: "RangeError",
      message: "Cannot rotate an image: image must have width × height = 784 values, got 100",
    },
  );
  assert.throws(
    () => scaleImage(new Float32Array(784), 0),
    { name: "RangeError", message: "Cannot scale an image: factor must be positive, got 0" },
  );
  assert.throws(
    () => transformImage(new Float32Array(784), { scale: -1 }),
    { name: "RangeError", message: "Cannot transform an image: scale must be positive, got -1" },
  );
  assert.throws(
    () => shiftImage(new Float32Array(784), NaN, 0),
    { name: "RangeError", message: "Cannot shift an image: dx must be finite, got NaN" },
  );
  assert.throws(
    () => transformImage(new Float32Array(784), { degrees: 10 }, { width: 0 }),
    { name: "RangeError", message: "Cannot transform an image: width must be at least 1, got 0" },
  );
  assert.throws(
    () => rotateImage(new Float32Array(784), 10, { interpolation: "cubic" as "nearest" }),
    {
      name: "RangeError",
      message:
        'Cannot rotate an image: interpolation must be one of "bilinear", "nearest", got "cubic"',
    },
  );
  assert.throws(
    () => augmentBatch(new Float32Array(784), 1, { seed: 1, transforms: { rotate: 200 } }),
    {
      name: "RangeError",
      message: "Cannot augment a batch of images: transforms.rotate must be at most 180, got 200",
    },
  );
});
