import { join } from "node:path";
import { tf } from "../tf/mod.ts";
import { raise } from "../_shared/validate.ts";
import { loadModel, saveModel } from "./model_io.ts";

const BUILD_FILE = "build.json";

/** What a model is made from: data, seed, architecture, epochs… Any JSON value. */
export type Recipe = Record<string, unknown>;

/** JSON with object keys sorted, so that equal recipes give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    raise("range", "key a recipe", `recipe values must be finite numbers, got ${value}`);
  }
  return JSON.stringify(value);
}

/**
 * A short hexadecimal key of a recipe: the first 16 hex digits of the SHA-256
 * of its JSON with sorted keys. Equal recipes (whatever their key order) give
 * equal keys; any changed value gives another key.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { recipeKey } from "@lib/transfer/cache.ts";
 * assert.equal(await recipeKey({ a: 1, b: [2] }), await recipeKey({ b: [2], a: 1 }));
 * assert.notEqual(await recipeKey({ a: 1 }), await recipeKey({ a: 2 }));
 * ```
 */
export async function recipeKey(recipe: Recipe): Promise<string> {
  if (recipe === null || typeof recipe !== "object" || Array.isArray(recipe)) {
    raise("type", "key a recipe", "recipe must be an object");
  }
  const bytes = new TextEncoder().encode(stableJson(recipe));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Options of {@link cachedModel}. */
export interface CacheOptions {
  /** Folder of the cache; each recipe gets a subfolder named by its key. */
  dir: string;
}

/** A model from the cache or freshly built. */
export interface CachedModel {
  /** The model (not compiled when it came from the cache). */
  model: tf.LayersModel;
  /** True when the model was loaded rather than built. */
  hit: boolean;
  /** The recipe's key (its subfolder's name). */
  key: string;
  /** The folder the model is stored in. */
  path: string;
  /** Seconds `build` took when the model was built (now, or on the run that cached it). */
  buildSeconds: number;
}

/**
 * The model a recipe describes, trained once: the first call runs `build` (which
 * trains and returns the model) and saves the result under `dir/<key>`; later
 * calls with an equal recipe load it instead, so re-running a notebook does not
 * retrain its base model. Change anything in the recipe (seed, data, epochs,
 * architecture) and the key changes, so the model is built again. Put every
 * input of `build` in the recipe: what is not in it cannot invalidate the cache.
 *
 * @param recipe Everything the model depends on.
 * @param build Builds and trains the model.
 * @param options `dir` of the cache.
 * @returns `{ model, hit, key, path }`.
 * @throws {TypeError} If `build` is not a function or does not return a model.
 */
export async function cachedModel(
  recipe: Recipe,
  build: () => Promise<tf.LayersModel> | tf.LayersModel,
  { dir }: CacheOptions,
): Promise<CachedModel> {
  const context = "get a cached model";
  if (typeof build !== "function") raise("type", context, "build must be a function");
  if (typeof dir !== "string" || dir === "") raise("type", context, "dir must be a folder path");
  const key = await recipeKey(recipe);
  const path = join(dir, key);
  try {
    await Deno.stat(join(path, BUILD_FILE));
    const { buildSeconds } = JSON.parse(await Deno.readTextFile(join(path, BUILD_FILE)));
    return { model: await loadModel(path), hit: true, key, path, buildSeconds };
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  const start = performance.now();
  const model = await build();
  const buildSeconds = (performance.now() - start) / 1000;
  if (!(model instanceof tf.LayersModel)) raise("type", context, "build must return a model");
  await saveModel(model, path);
  await Deno.writeTextFile(join(path, "recipe.json"), stableJson(recipe));
  // Written last: a folder without it (an interrupted save) counts as a miss.
  await Deno.writeTextFile(join(path, BUILD_FILE), JSON.stringify({ buildSeconds }));
  return { model, hit: false, key, path, buildSeconds };
}
