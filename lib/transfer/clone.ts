import { tf } from "../tf/mod.ts";
import { raise } from "../_shared/validate.ts";

/** The model's artifacts (topology, weight specs, weight bytes), held in memory. */
export async function _artifactsOf(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler((artifacts) => {
    saved = artifacts;
    return Promise.resolve({
      modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts),
    });
  }));
  return saved!;
}

/**
 * A copy of a model with its own weights (same topology, same values): train
 * the copy and the original stays as it was. Not compiled.
 *
 * @throws {TypeError} If `model` is not a `tf.LayersModel`.
 */
export async function cloneModel(model: tf.LayersModel): Promise<tf.LayersModel> {
  if (!(model instanceof tf.LayersModel)) {
    raise("type", "clone a model", "model must be a tf.LayersModel");
  }
  const artifacts = await _artifactsOf(model);
  return await tf.loadLayersModel(tf.io.fromMemory(artifacts));
}
