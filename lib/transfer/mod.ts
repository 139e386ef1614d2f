/**
 * Transfer learning (chapter 6): reuse a model trained on one task for another.
 * Freeze the first layers and fine-tune the rest ({@link freezeLayers},
 * {@link compileForTransfer}), put a new head on a pretrained body
 * ({@link replaceHead}), use a layer's output as features ({@link extractFeatures}),
 * check beforehand whether a representation separates the new classes
 * ({@link nearestMeanAccuracy}), and measure which strategy wins for which amount
 * of data and at what cost in time ({@link transferGrid}, {@link summarizeGrid},
 * {@link timeRatios}).
 *
 * Saving and loading models on disk (`saveModel`, `loadModel`) and
 * the cache of trained base models keyed by their recipe (`cachedModel`) use
 * Deno's file system: they live in `@lib/transfer/model_io.ts` and
 * `@lib/transfer/cache.ts`, so that this module also runs in a browser.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * import { freezeLayers, weightedLayers } from "@lib/transfer/mod.ts";
 * await setupTf();
 * const m = tf.sequential({ layers: [
 *   tf.layers.dense({ units: 8, inputShape: [4] }),
 *   tf.layers.dense({ units: 8 }),
 *   tf.layers.dense({ units: 3 }),
 * ] });
 * freezeLayers(m, weightedLayers(m).length - 1); // fine-tune the last layer only
 * assert.deepEqual(m.layers.map((l) => l.trainable), [false, false, true]);
 * m.dispose();
 * ```
 *
 * @see notebooks/06_transfer_learning.ipynb
 * @module
 */
export * from "./clone.ts";
export * from "./layers.ts";
export * from "./grid.ts";
export * from "./strategies.ts";
export * from "./digits.ts";
export * from "./experiment.ts";
export * from "./probe.ts";
export * from "./text.ts";
