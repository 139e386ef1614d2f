import { join } from "node:path";
import { tf } from "../tf/mod.ts";
import { raise } from "../_shared/validate.ts";
import { _artifactsOf } from "./clone.ts";

/** File names of a saved model, as every TensorFlow.js tool writes and reads them. */
export const MODEL_FILES = { topology: "model.json", weights: "weights.bin" } as const;

function assertModel(model: unknown, context: string): asserts model is tf.LayersModel {
  if (!(model instanceof tf.LayersModel)) raise("type", context, "model must be a tf.LayersModel");
}

function oneBuffer(data: tf.io.WeightData | undefined): ArrayBuffer {
  if (data === undefined) return new ArrayBuffer(0);
  return new tf.io.CompositeArrayBuffer(data).slice();
}

/**
 * Saves a model in TensorFlow.js's standard layers format: `model.json` (the
 * topology and a weights manifest) and `weights.bin` (every weight, float32,
 * in manifest order) in `dir`, which is created if needed. The files load in
 * any TensorFlow.js tool (`tf.loadLayersModel("file://…/model.json")` in
 * tfjs-node, or over HTTP in a browser), and with {@link loadModel} here.
 * The optimiser state is not saved.
 *
 * @param model The model to save.
 * @param dir The folder to write the two files into.
 * @returns The paths written.
 * @throws {TypeError} If `model` is not a `tf.LayersModel` or `dir` is empty.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * import { loadModel, saveModel } from "@lib/transfer/model_io.ts";
 * await setupTf();
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
 * const dir = await Deno.makeTempDir();
 * await saveModel(model, dir);
 * const back = await loadModel(dir);
 * assert.deepEqual(back.getWeights()[0].dataSync(), model.getWeights()[0].dataSync());
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function saveModel(
  model: tf.LayersModel,
  dir: string,
): Promise<{ topology: string; weights: string }> {
  const context = "save a model";
  assertModel(model, context);
  if (typeof dir !== "string" || dir === "") raise("type", context, "dir must be a folder path");
  const artifacts = await _artifactsOf(model);
  const json = {
    format: artifacts.format ?? "layers-model",
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: [MODEL_FILES.weights], weights: artifacts.weightSpecs ?? [] }],
  };
  await Deno.mkdir(dir, { recursive: true });
  const topology = join(dir, MODEL_FILES.topology), weights = join(dir, MODEL_FILES.weights);
  await Deno.writeFile(weights, new Uint8Array(oneBuffer(artifacts.weightData)));
  await Deno.writeTextFile(topology, JSON.stringify(json));
  return { topology, weights };
}

/**
 * Loads a model saved in TensorFlow.js's layers format (`model.json` and the
 * weight files its manifest names) from `dir`. The model is not compiled:
 * compile it before training.
 *
 * @param dir The folder holding `model.json`.
 * @returns The model, with the saved weights.
 * @throws {TypeError} If `dir` is empty or `model.json` is not a layers model.
 * @throws {Deno.errors.NotFound} If a file is missing.
 */
export async function loadModel(dir: string): Promise<tf.LayersModel> {
  const context = "load a model";
  if (typeof dir !== "string" || dir === "") raise("type", context, "dir must be a folder path");
  const json = JSON.parse(await Deno.readTextFile(join(dir, MODEL_FILES.topology)));
  if (!json || typeof json !== "object" || !json.modelTopology || !json.weightsManifest) {
    raise(
      "type",
      context,
      `${join(dir, MODEL_FILES.topology)} is not a TensorFlow.js layers model`,
    );
  }
  const handler: tf.io.IOHandler = {
    load: () =>
      tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs: tf.io.WeightsManifestEntry[] = [];
        const buffers: ArrayBuffer[] = [];
        for (const group of manifest) {
          specs.push(...group.weights);
          for (const path of group.paths) {
            buffers.push((await Deno.readFile(join(dir, path))).slice().buffer);
          }
        }
        return [specs, tf.io.concatenateArrayBuffers(buffers)];
      }),
  };
  return await tf.loadLayersModel(handler);
}
