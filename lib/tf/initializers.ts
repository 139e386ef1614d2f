import * as tf from "@tensorflow/tfjs";
import { type RandomOptions, resolveRng, type Rng } from "../random/mod.ts";

/** A tfjs weight initialiser (what `kernelInitializer` of a layer accepts). */
export type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

/**
 * A source of seeded weight initialisers. Each call draws a fresh seed from one generator, so
 * the layers of a model get different (but reproducible) weights: the same seed rebuilds the
 * same model.
 */
export interface InitializerSource {
  /**
   * Glorot (Xavier) uniform: $U(-l, l)$ with $l = \sqrt{6 / (n_\text{in} + n_\text{out})}$.
   * Suits sigmoid, tanh and linear units.
   */
  glorotUniform(): Initializer;
  /** Glorot normal: truncated normal with $\sigma = \sqrt{2 / (n_\text{in} + n_\text{out})}$. */
  glorotNormal(): Initializer;
  /** He normal: truncated normal with $\sigma = \sqrt{2 / n_\text{in}}$. Suits ReLU units. */
  heNormal(): Initializer;
  /** He uniform: $U(-l, l)$ with $l = \sqrt{6 / n_\text{in}}$. Suits ReLU units. */
  heUniform(): Initializer;
  /** A fresh integer seed for anything else seeded (e.g. a dropout layer). */
  nextSeed(): number;
}

// tfjs seeds its generator (seedrandom's alea) from the seed's decimal string; keep seeds in a
// range that prints exactly.
const SEED_LIMIT = 2 ** 31 - 1;

/**
 * Creates a source of seeded initialisers (Glorot et al. 2010; He et al. 2015).
 *
 * @param options `{ seed }` or `{ rng }` (see `lib/random`).
 * @returns An {@link InitializerSource}.
 * @throws {TypeError} If neither `seed` nor `rng` is given.
 * @example Two models built from the same seed have the same weights
 * ```ts
 * import assert from "node:assert/strict";
 * import { createInitializers, setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const build = () =>
 *   tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: createInitializers({ seed: 1 }).heNormal() });
 * const a = tf.sequential({ layers: [build()] });
 * const b = tf.sequential({ layers: [build()] });
 * assert.deepEqual(a.getWeights()[0].dataSync(), b.getWeights()[0].dataSync());
 * a.dispose();
 * b.dispose();
 * ```
 */
export function createInitializers(options: RandomOptions): InitializerSource {
  const rng: Rng = resolveRng(options, "create seeded initializers");
  const nextSeed = () => rng.int(0, SEED_LIMIT);
  return {
    glorotUniform: () => tf.initializers.glorotUniform({ seed: nextSeed() }),
    glorotNormal: () => tf.initializers.glorotNormal({ seed: nextSeed() }),
    heNormal: () => tf.initializers.heNormal({ seed: nextSeed() }),
    heUniform: () => tf.initializers.heUniform({ seed: nextSeed() }),
    nextSeed,
  };
}
