import { createInitializers, tf } from "../../../lib/tf/mod.ts";
import { fit } from "../../../lib/models/train.ts";
import { compileForTransfer } from "../../../lib/transfer/layers.ts";
import { transferExperiment } from "../../../lib/transfer/experiment.ts";
import { summarizeGrid } from "../../../lib/transfer/grid.ts";
import { toTensors } from "../../../lib/transfer/digits.ts";
import { pairedComparison } from "../../../lib/claims/paired.ts";
import { describeComparison } from "../../../lib/claims/describe.ts";
import { seedsFrom } from "../../../lib/claims/repeat.ts";
import { barChart } from "../../../lib/plot/bar.ts";
import { digitSets } from "./_digits.ts";
import { DIGIT_COUNTS } from "./_digit_counts.ts";
import { type Experiment, num } from "./types.ts";

/**
 * The chapter's training settings (its parameters cell). `learningRate` is the chapter's
 * pretraining rate; here it also trains new weights, for which the chapter picks a rate per
 * strategy on validation.
 */
export const TRANSFER_SETTINGS = {
  repeats: 3,
  sourceEpochs: 5,
  learningRate: 0.005,
  fineTuneLearningRate: 0.001,
} as const;
const STRATEGIES = ["scratch", "features", "fine-tune all"] as const;
/** Width of the hidden layer, whose output is the frozen feature vector. */
const HIDDEN = 64;

/** A small dense network on 14 × 14 images: flatten → 64 ReLU units → softmax. */
function denseNet(classes: number, seed: number): tf.LayersModel {
  const init = createInitializers({ seed });
  return tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [14, 14, 1] }),
      tf.layers.dense({ units: HIDDEN, activation: "relu", kernelInitializer: init.heNormal() }),
      tf.layers.dense({
        units: classes,
        activation: "softmax",
        kernelInitializer: init.glorotUniform(),
      }),
    ],
  });
}

/**
 * Runs `fn` on tfjs's plain JavaScript backend, which gives the same numbers in
 * Deno and in a browser, then restores the backend that was in use.
 */
async function onCpu<T>(fn: () => Promise<T>): Promise<T> {
  const previous = tf.engine().backendName;
  await tf.setBackend("cpu");
  await tf.ready();
  try {
    return await fn();
  } finally {
    if (previous && previous !== "cpu") await tf.setBackend(previous);
  }
}

/** Chapter 6: frozen pretrained features against training from scratch, as the training set shrinks. */
export const transferSize: Experiment = {
  id: "transfer-size",
  chapter: "06_transfer_learning",
  title: "Transfer or train from scratch, in your browser",
  intro: "How this differs from the chapter: the chapter pretrains a convolutional network " +
    "on all its training images of digits 0–4 (thousands) and takes its features from the " +
    "flattened convolutions; that is too slow to train in a browser. Here a small dense " +
    "network (14 × 14 pixels → 64 ReLU units → softmax) is pretrained on " +
    `${DIGIT_COUNTS.sourcePool} images of each digit 0–4, its features are its hidden units ` +
    "(which see whole images, not local strokes: the chapter's exercise 2 asks the same of " +
    "its dense layer), and every strategy is tested on " +
    `${DIGIT_COUNTS.targetTest} held-out images per class, fewer than the chapter's, so the ` +
    "intervals are wider: compare its verdicts with the chapter's, not its accuracies. " +
    "The rest is the chapter's: `transferExperiment` of `lib/transfer` trains three ways for " +
    "the same number of steps, from scratch, a new softmax head on the frozen pretrained " +
    "features, and fine-tuning the whole pretrained network, each on one training set per " +
    "seed. Runs in a Web Worker on tfjs's CPU backend, which gives the same numbers as the " +
    "library in Deno for the same settings.",
  beforeHeading: "3 · A less similar task",
  worker: true,
  controls: [
    {
      kind: "range",
      name: "perClass",
      label: "training images per class",
      min: 1,
      max: DIGIT_COUNTS.targetPool / TRANSFER_SETTINGS.repeats,
      step: 1,
      value: 5,
    },
    {
      kind: "range",
      name: "steps",
      label: "gradient steps per run",
      min: 10,
      max: 300,
      step: 10,
      value: 60,
    },
    { kind: "range", name: "seed", label: "seed", min: 0, max: 100, step: 1, value: 42 },
  ],
  testParams: { perClass: 2, steps: 10, seed: 7 },
  async run(params, progress) {
    const perClass = num(params, "perClass"), seed = num(params, "seed");
    const steps = num(params, "steps");
    const { repeats, sourceEpochs, learningRate, fineTuneLearningRate } = TRANSFER_SETTINGS;
    const seeds = seedsFrom(seed, repeats);
    const total = 1 + STRATEGIES.length;
    progress(0, total);
    const sets = await digitSets();
    const runs = await onCpu(async () => {
      const base = compileForTransfer(denseNet(5, seed), { learningRate });
      const [x, y] = toTensors(sets.sourcePool);
      await fit(base, x, y, { epochs: sourceEpochs, batchSize: 32, seed, progress: false });
      tf.dispose([x, y]);
      progress(1, total);
      try {
        const all = [];
        for (const [i, strategy] of STRATEGIES.entries()) {
          all.push(
            ...await transferExperiment({
              base,
              pool: sets.targetPool,
              test: sets.targetTest,
              strategies: [strategy],
              sizes: [perClass],
              seeds,
              train: {
                steps,
                learningRate,
                fineTuneLearningRate,
                featureLayer: -2,
                scratch: (s: number) => denseNet(5, s),
              },
            }),
          );
          progress(2 + i, total);
        }
        return all;
      } finally {
        base.dispose();
      }
    });
    progress(total, total);
    const summary = summarizeGrid(runs);
    const scores = (s: string) => runs.filter((r) => r.strategy === s).map((r) => r.score);
    const mean = (s: string) => summary.find((r) => r.strategy === s)!.mean;
    const figure = barChart([...STRATEGIES], [{
      name: "test accuracy",
      values: STRATEGIES.map(mean),
      error: STRATEGIES.map((s) => {
        const r = summary.find((x) => x.strategy === s)!;
        return (r.high - r.low) / 2;
      }),
    }], {
      title: `Accuracy on digits 5–9 with ${perClass} training image${
        perClass === 1 ? "" : "s"
      } per class (mean and 95 % interval over ${repeats} seeds)`,
      xTitle: "strategy",
      yTitle: "test accuracy (share of 5 digits)",
      yRange: [0, 1],
      hLines: [{ at: 0.2, label: "guessing" }],
    });
    const vsScratch = (s: string) =>
      describeComparison(s, "scratch", pairedComparison(scores(s), scores("scratch")));
    return {
      figure: figure.toJSON(),
      numbers: STRATEGIES.map((s) => ({
        key: s.replace(/\W+/g, "_"),
        label: `accuracy, ${s}`,
        value: mean(s),
        format: "percent" as const,
      })),
      summary: `With ${perClass} image${perClass === 1 ? "" : "s"} per class: ${
        vsScratch("features")
      }; ${vsScratch("fine-tune all")} (paired over ${repeats} seeds, each one training set).`,
    };
  },
};
