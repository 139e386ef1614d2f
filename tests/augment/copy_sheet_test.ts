import assert from "node:assert/strict";
import { augmentBatch, copySheet } from "@lib/augment/mod.ts";

Deno.test("copySheet() puts copy c of every original in row c", () => {
  // Three 1 × 2 originals; copies listed out of order to check the lookup by source.
  const originals = Float32Array.of(1, 1, 2, 2, 3, 3);
  const batch = {
    images: Float32Array.of(21, 21, 11, 11, 12, 12, 22, 22),
    source: Int32Array.of(1, 0, 0, 1),
  };
  const sheet = copySheet(originals, batch, { shown: 2, copies: 2, width: 2, height: 1 });
  assert.deepEqual([...sheet], [1, 1, 2, 2, 11, 11, 21, 21, 12, 12, 22, 22]);
});

Deno.test("copySheet() matches augmentBatch's order of sources", () => {
  const originals = new Float32Array(3 * 784).map((_, i) => (i % 97) / 97);
  const batch = augmentBatch(originals, 9, { seed: 1, transforms: { shift: 2 } });
  const sheet = copySheet(originals, batch, { shown: 3, copies: 3 });
  // augmentBatch uses sources in turn: copy c of image k is batch image 3(c − 1) + k.
  // Sheet place 7 (row 2, column 1) is copy 2 of image 1: batch image 4.
  assert.deepEqual(sheet.subarray(7 * 784, 8 * 784), batch.images.subarray(4 * 784, 5 * 784));
  assert.deepEqual(sheet.subarray(0, 784), originals.subarray(0, 784));
});

Deno.test("copySheet() rejects missing images and copies", () => {
  const batch = { images: Float32Array.of(5), source: Int32Array.of(0) };
  const opts = { width: 1, height: 1 };
  assert.throws(
    () => copySheet(Float32Array.of(1), batch, { ...opts, shown: 2, copies: 1 }),
    /Cannot lay out augmented copies: originals must hold at least 2 images, got 1/,
  );
  assert.throws(
    () => copySheet(Float32Array.of(1), batch, { ...opts, shown: 1, copies: 2 }),
    /Cannot lay out augmented copies: original 0 must have at least 2 copies, got 1/,
  );
  assert.throws(
    () => copySheet([1] as unknown as Float32Array, batch, { ...opts, shown: 1 }),
    /originals must be a Float32Array/,
  );
  assert.throws(
    () => copySheet(Float32Array.of(1), batch, { ...opts, shown: 0 }),
    /shown must be at least 1, got 0/,
  );
});
