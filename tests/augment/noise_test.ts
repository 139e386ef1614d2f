import assert from "node:assert/strict";
import { addGaussianNoise } from "@lib/augment/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("addGaussianNoise() is reproducible with a seed and clips to [0, 1]", () => {
  const image = Float32Array.from({ length: 784 }, (_, i) => (i % 3) / 2); // 0, 0.5, 1
  const a = addGaussianNoise(image, 0.3, { seed: 5 });
  assert.deepEqual(a, addGaussianNoise(image, 0.3, { seed: 5 }));
  assert.notDeepEqual(a, addGaussianNoise(image, 0.3, { seed: 6 }));
  assert.ok(a.every((v) => v >= 0 && v <= 1));
  assert.equal(a.length, image.length);
});

Deno.test("addGaussianNoise() leaves the mean of a mid-grey image and adds the requested spread", () => {
  // With σ = 0.05 around 0.5, clipping at 0 and 1 is 10σ away: mean 0.5 and sd 0.05 remain.
  const n = 20_000;
  const out = addGaussianNoise(new Float32Array(n).fill(0.5), 0.05, { seed: 1 });
  const mean = out.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(out.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  assertClose(mean, 0.5, { abs: 3 * 0.05 / Math.sqrt(n) });
  assertClose(sd, 0.05, { rel: 0.03 });
});

Deno.test("addGaussianNoise() with sd 0 returns a copy and does not change the input", () => {
  const image = Float32Array.of(0.2, 0.4);
  const out = addGaussianNoise(image, 0, { seed: 1 });
  assert.deepEqual(out, image);
  assert.notEqual(out, image);
});

Deno.test("addGaussianNoise() rejects bad input", () => {
  assert.throws(
    () => addGaussianNoise(new Float32Array(4), -1, { seed: 1 }),
    { name: "RangeError", message: "Cannot add Gaussian noise: sd must be at least 0, got -1" },
  );
  assert.throws(
    () => addGaussianNoise(new Float64Array(4) as unknown as Float32Array, 0.1, { seed: 1 }),
    {
      name: "TypeError",
      message: "Cannot add Gaussian noise: image must be a Float32Array, got Float64Array",
    },
  );
  assert.throws(() => addGaussianNoise(new Float32Array(4), 0.1, {}), /pass a seed or rng/);
});
