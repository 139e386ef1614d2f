import { tf } from "../tf/mod.ts";
import { permutation, type RandomOptions, resolveRng } from "../random/mod.ts";
import { assertInteger, raise } from "../_shared/validate.ts";

/** Labelled square images, row-major, one after another. */
export interface ImageSet {
  /** `n × side²` pixel values in [0, 1]. */
  images: Float32Array;
  /** Class of each image, 0 … classes − 1. */
  labels: Int32Array;
  /** Images per side, in pixels. */
  side: number;
  /** Number of classes. */
  classes: number;
}

/** Digit images as the `mnist` dataset of `lib/data` gives them. */
export interface DigitImages {
  images: Float32Array;
  labels: Int32Array;
  width: number;
  height: number;
}

/** Average of each 2 × 2 block: a `side × side` image becomes `side/2 × side/2`. */
function halve(src: Float32Array, from: number, side: number, dst: Float32Array, to: number) {
  const h = side >> 1;
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < h; c++) {
      const a = from + 2 * r * side + 2 * c;
      dst[to + r * h + c] = (src[a] + src[a + 1] + src[a + side] + src[a + side + 1]) / 4;
    }
  }
}

/** Options of {@link digitTask}. */
export interface DigitTaskOptions extends RandomOptions {
  /** The digits of the task; digit `digits[k]` becomes class `k`. */
  digits: readonly number[];
  /** Images per class held out for testing. */
  testPerClass: number;
  /** Halve the resolution (28 → 14 pixels a side) by 2 × 2 averaging. @default true */
  halve?: boolean;
}

/**
 * A classification task over some digits of an MNIST-like set: the images of
 * those digits, relabelled 0 … k − 1, shuffled with the seed and cut into a
 * test set of `testPerClass` images per class and a pool (the rest) to draw
 * training sets from with {@link takePerClass}. Chapter 6 pretrains on digits
 * 0–4 and transfers to 5–9.
 *
 * @returns `{ pool, test }`, each an {@link ImageSet} ordered by shuffled position.
 * @throws {RangeError} If a digit is repeated or absent, or a class has no more
 *   than `testPerClass` images.
 */
export function digitTask(
  data: DigitImages,
  options: DigitTaskOptions,
): { pool: ImageSet; test: ImageSet } {
  const context = "make a digit task";
  const { digits, testPerClass, halve: half = true } = options ?? {};
  if (!Array.isArray(digits) || digits.length < 2 || new Set(digits).size !== digits.length) {
    raise("range", context, "digits must list at least two different digits");
  }
  assertInteger(testPerClass, "testPerClass", context, { min: 1 });
  if (data?.width !== data?.height) raise("range", context, "images must be square");
  const rng = resolveRng(options, context);
  const side = data.width, outSide = half ? side >> 1 : side, px = side * side;
  const byClass = digits.map((d) => {
    const rows: number[] = [];
    for (let i = 0; i < data.labels.length; i++) if (data.labels[i] === d) rows.push(i);
    if (rows.length <= testPerClass) {
      raise(
        "range",
        context,
        `digit ${d} has ${rows.length} images, need more than ${testPerClass}`,
      );
    }
    const order = permutation(rows.length, { rng });
    return Array.from(order, (j) => rows[j]);
  });
  const build = (pick: (rows: number[]) => number[]): ImageSet => {
    const chosen = byClass.flatMap((rows, k) => pick(rows).map((row) => [row, k]));
    const order = permutation(chosen.length, { rng });
    const images = new Float32Array(chosen.length * outSide * outSide);
    const labels = new Int32Array(chosen.length);
    order.forEach((j, i) => {
      const [row, k] = chosen[j];
      if (half) halve(data.images, row * px, side, images, i * outSide * outSide);
      else images.set(data.images.subarray(row * px, (row + 1) * px), i * px);
      labels[i] = k;
    });
    return { images, labels, side: outSide, classes: digits.length };
  };
  return {
    test: build((rows) => rows.slice(0, testPerClass)),
    pool: build((rows) => rows.slice(testPerClass)),
  };
}

/**
 * The first `perClass` images of each class of `set` (in its order, which
 * {@link digitTask} shuffled): a training set of a chosen size. Different
 * `offset`s give disjoint sets while the pool lasts.
 *
 * @throws {RangeError} If a class has fewer than `offset + perClass` images.
 */
export function takePerClass(set: ImageSet, perClass: number, { offset = 0 } = {}): ImageSet {
  const context = "take images per class";
  assertInteger(perClass, "perClass", context, { min: 1 });
  assertInteger(offset, "offset", context, { min: 0 });
  const px = set.side * set.side;
  const seen = new Int32Array(set.classes);
  const rows: number[] = [];
  for (let i = 0; i < set.labels.length; i++) {
    const k = set.labels[i];
    if (seen[k] >= offset && seen[k] < offset + perClass) rows.push(i);
    seen[k]++;
  }
  const short = Array.from(seen).findIndex((s) => s < offset + perClass);
  if (short >= 0) {
    raise("range", context, `class ${short} has ${seen[short]} images, need ${offset + perClass}`);
  }
  const images = new Float32Array(rows.length * px);
  rows.forEach((r, i) => images.set(set.images.subarray(r * px, (r + 1) * px), i * px));
  return {
    images,
    labels: Int32Array.from(rows, (r) => set.labels[r]),
    side: set.side,
    classes: set.classes,
  };
}

/**
 * Splits an image set in two: the first `perClass` images of each class (in the
 * set's order) and all the others, e.g. a validation set held out of a training
 * pool. Both keep the set's order.
 *
 * @returns `{ held, rest }`.
 * @throws {RangeError} If a class has no more than `perClass` images (`rest` would lack it).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitPerClass } from "@lib/transfer/mod.ts";
 * const set = { images: new Float32Array(5 * 16), labels: Int32Array.from([0, 1, 0, 1, 0]), side: 4, classes: 2 };
 * const { held, rest } = splitPerClass(set, 1);
 * assert.deepEqual([...held.labels], [0, 1]);
 * assert.deepEqual([...rest.labels], [0, 1, 0]);
 * ```
 */
export function splitPerClass(
  set: ImageSet,
  perClass: number,
): { held: ImageSet; rest: ImageSet } {
  const context = "split images per class";
  assertInteger(perClass, "perClass", context, { min: 1 });
  if (!(set?.labels instanceof Int32Array) || !(set.images instanceof Float32Array)) {
    raise(
      "type",
      context,
      "set must be an image set with Int32Array labels and Float32Array images",
    );
  }
  const px = set.side * set.side;
  if (set.images.length !== set.labels.length * px) {
    raise(
      "range",
      context,
      `set.images must hold labels.length × side² = ${
        set.labels.length * px
      } pixels, got ${set.images.length}`,
    );
  }
  const seen = new Int32Array(set.classes);
  const heldRows: number[] = [], restRows: number[] = [];
  for (let i = 0; i < set.labels.length; i++) {
    (seen[set.labels[i]]++ < perClass ? heldRows : restRows).push(i);
  }
  const short = Array.from(seen).findIndex((s) => s <= perClass);
  if (short >= 0) {
    raise("range", context, `class ${short} has ${seen[short]} images, need more than ${perClass}`);
  }
  const pick = (rows: number[]): ImageSet => {
    const images = new Float32Array(rows.length * px);
    rows.forEach((r, i) => images.set(set.images.subarray(r * px, (r + 1) * px), i * px));
    return {
      images,
      labels: Int32Array.from(rows, (r) => set.labels[r]),
      side: set.side,
      classes: set.classes,
    };
  };
  return { held: pick(heldRows), rest: pick(restRows) };
}

/**
 * An image set as tensors for `fit`: images `[n, side, side, 1]` and one-hot
 * labels `[n, classes]`. With `invert`, every pixel becomes 1 − pixel (dark
 * strokes on white: the "dissimilar task" of chapter 6). The caller disposes both.
 */
export function toTensors(set: ImageSet, { invert = false } = {}): [tf.Tensor4D, tf.Tensor2D] {
  const n = set.labels.length;
  const pixels = invert ? set.images.map((v) => 1 - v) : set.images;
  return tf.tidy(() => [
    tf.tensor4d(pixels, [n, set.side, set.side, 1]),
    tf.oneHot(tf.tensor1d(set.labels, "int32"), set.classes).toFloat() as tf.Tensor2D,
  ]);
}
