import { tf } from "../tf/mod.ts";
import { evaluate } from "../models/mod.ts";
import { raise } from "../_shared/validate.ts";
import { type ImageSet, takePerClass, toTensors } from "./digits.ts";
import { type GridRun, transferGrid } from "./grid.ts";
import { trainTransfer, type TransferStrategy, type TransferTrainOptions } from "./strategies.ts";

/** The arguments of {@link transferExperiment}. */
export interface TransferExperiment<S extends TransferStrategy> {
  /** The pretrained network (left unchanged). */
  base: tf.LayersModel;
  /** Images to draw training sets from (see `digitTask`). */
  pool: ImageSet;
  /** Held-out images the accuracy is measured on. */
  test: ImageSet;
  strategies: readonly S[];
  /** Training images per class. */
  sizes: readonly number[];
  /** One training set and one initialisation per seed. */
  seeds: readonly number[];
  /** Train and test on inverted images (1 − pixel): a task less like the source. @default false */
  invert?: boolean;
  /** Training options shared by every run (steps, learning rates, the scratch network…). */
  train: Omit<TransferTrainOptions, "seed" | "outputDim">;
  /**
   * Options of one strategy that replace those of `train` (e.g. the learning
   * rate chosen for it on a validation set). @default {}
   */
  perStrategy?: Partial<
    Record<S, Partial<Pick<TransferTrainOptions, "learningRate" | "fineTuneLearningRate">>>
  >;
}

/**
 * The transfer grid on images: for every size, seed and strategy, a training set
 * of `size` images per class (disjoint for different seeds while the pool
 * lasts: seed number `j` in `seeds` takes the `j`-th block of each class),
 * trained with {@link trainTransfer} (with `train`, and `perStrategy[strategy]`
 * over it) and scored by accuracy on `test`. Returns
 * the timed runs of {@link transferGrid}.
 *
 * @throws {RangeError} If the pool has too few images per class for every seed.
 */
export async function transferExperiment<S extends TransferStrategy>(
  spec: TransferExperiment<S>,
): Promise<GridRun<S>[]> {
  const context = "run a transfer experiment";
  const { base, pool, test, strategies, sizes, seeds, invert = false, train } = spec ?? {};
  const perStrategy: NonNullable<TransferExperiment<S>["perStrategy"]> = spec?.perStrategy ?? {};
  if (!(base instanceof tf.LayersModel)) raise("type", context, "base must be a tf.LayersModel");
  if (test?.classes !== pool?.classes) raise("range", context, "pool and test must share classes");
  const [xTest, yTest] = toTensors(test, { invert });
  try {
    return await transferGrid({
      strategies,
      sizes,
      seeds,
      run: async (strategy, size, seed) => {
        const block = seeds.indexOf(seed);
        const [x, y] = toTensors(takePerClass(pool, size, { offset: block * size }), { invert });
        const model = await trainTransfer(base, strategy, x, y, {
          ...train,
          ...perStrategy[strategy],
          seed,
          outputDim: pool.classes,
        });
        const accuracy = evaluate(model, xTest, yTest).metrics.acc;
        model.dispose();
        tf.dispose([x, y]);
        return accuracy;
      },
    });
  } finally {
    tf.dispose([xTest, yTest]);
  }
}
