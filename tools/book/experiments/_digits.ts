/**
 * The digits of chapter 6's live experiment: the `mnist` dataset's images at
 * 14 × 14 pixels (`digitTask` of `lib/transfer`, as in the chapter), a few per
 * class. In Deno they are read from the dataset; the book's bundler puts the
 * same numbers (compressed) into the Web Worker, where there is no dataset.
 *
 * @module
 */
import { loadDataset } from "../../../lib/data/mod.ts";
import { digitTask, type ImageSet, takePerClass } from "../../../lib/transfer/digits.ts";
import { DIGIT_COUNTS, DIGIT_TASKS } from "./_digit_counts.ts";

/** The sets of the experiment: pretraining images of 0–4, training and test images of 5–9. */
export interface DigitSets {
  sourcePool: ImageSet;
  targetPool: ImageSet;
  targetTest: ImageSet;
}

let cached: DigitSets | undefined;

/** The experiment's digit sets, read from the `mnist` dataset (once). */
export function digitSets(): Promise<DigitSets> {
  if (!cached) {
    const mnist = loadDataset("mnist");
    const { source, target, seed } = DIGIT_TASKS;
    const testPerClass = DIGIT_COUNTS.targetTest;
    const s = digitTask(mnist, { digits: [...source], testPerClass, seed });
    const t = digitTask(mnist, { digits: [...target], testPerClass, seed: seed + 1 });
    cached = {
      sourcePool: takePerClass(s.pool, DIGIT_COUNTS.sourcePool),
      targetPool: takePerClass(t.pool, DIGIT_COUNTS.targetPool),
      targetTest: t.test,
    };
  }
  return Promise.resolve(cached);
}
