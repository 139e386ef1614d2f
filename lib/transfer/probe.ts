import { tf } from "../tf/mod.ts";
import { assertInteger, raise } from "../_shared/validate.ts";

/** Rows of features with their classes. */
export interface LabelledFeatures {
  /** `[n, d]` features, one row per example. */
  features: tf.Tensor2D;
  /** Class of each row, 0 … classes − 1. */
  labels: Int32Array;
}

function assertLabelled(set: LabelledFeatures, name: string, context: string): void {
  if (!(set?.features instanceof tf.Tensor) || set.features.rank !== 2) {
    raise("type", context, `${name}.features must be a 2-D tensor`);
  }
  if (!(set.labels instanceof Int32Array) || set.labels.length !== set.features.shape[0]) {
    raise(
      "range",
      context,
      `${name}.labels must be an Int32Array with one label per row, got ${set.labels?.length} labels and ${
        set.features.shape[0]
      } rows`,
    );
  }
}

/**
 * Accuracy of the nearest class mean on a representation: each row is scaled to
 * unit length, each class is represented by the mean of its training rows, and
 * a test row gets the class whose mean has the largest dot product with it.
 * There is nothing to train, so it measures the representation alone: if
 * examples of one class lie close together and apart from the others, it scores
 * high even with one training example per class. Chapter 6 compares pixels, an
 * untrained network's features and pretrained features this way.
 *
 * @param train Training rows; every class `0 … classes − 1` needs at least one.
 * @param test Rows to classify (same number of columns).
 * @param classes Number of classes.
 * @returns The share of test rows whose class is predicted, in [0, 1].
 * @throws {RangeError} If shapes or labels do not match, or a class has no training row.
 *
 * @example Two well separated classes in the plane
 * ```ts
 * import assert from "node:assert/strict";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * import { nearestMeanAccuracy } from "@lib/transfer/mod.ts";
 * await setupTf();
 * const train = { features: tf.tensor2d([[1, 0], [0, 1]]), labels: Int32Array.from([0, 1]) };
 * const test = { features: tf.tensor2d([[3, 1], [1, 2], [0, 5]]), labels: Int32Array.from([0, 0, 1]) };
 * assert.equal(nearestMeanAccuracy(train, test, 2), 2 / 3); // [1, 2] is nearer to class 1
 * tf.dispose([train.features, test.features]);
 * ```
 */
export function nearestMeanAccuracy(
  train: LabelledFeatures,
  test: LabelledFeatures,
  classes: number,
): number {
  const context = "compute the nearest-class-mean accuracy";
  assertLabelled(train, "train", context);
  assertLabelled(test, "test", context);
  assertInteger(classes, "classes", context, { min: 2 });
  if (train.features.shape[1] !== test.features.shape[1]) {
    raise(
      "range",
      context,
      `train and test must have the same number of columns, got ${train.features.shape[1]} and ${
        test.features.shape[1]
      }`,
    );
  }
  const counts = new Int32Array(classes);
  for (const [name, labels] of [["train", train.labels], ["test", test.labels]] as const) {
    for (const k of labels) {
      if (!(k >= 0 && k < classes)) {
        raise("range", context, `${name}.labels must be in 0 … ${classes - 1}, got ${k}`);
      }
      if (name === "train") counts[k]++;
    }
  }
  const empty = counts.findIndex((c) => c === 0);
  if (empty >= 0) raise("range", context, `class ${empty} has no training row`);
  if (test.labels.length === 0) raise("range", context, "test must have at least one row");
  const predicted = tf.tidy(() => {
    const unit = (x: tf.Tensor2D) => x.div(x.norm("euclidean", 1, true).add(1e-12));
    const oneHot = tf.oneHot(tf.tensor1d(train.labels, "int32"), classes).toFloat();
    const means = oneHot.transpose().matMul(unit(train.features))
      .div(tf.tensor1d(counts, "float32").reshape([classes, 1]));
    return unit(test.features).matMul(means.transpose()).argMax(1).dataSync() as Int32Array;
  });
  let correct = 0;
  predicted.forEach((p, i) => (correct += p === test.labels[i] ? 1 : 0));
  return correct / test.labels.length;
}
