/**
 * TensorFlow.js for the book (chapters 1–3 and 5–7): one import for `tf` itself, the backend
 * setup (wasm with SIMD, cpu as fallback), corrected wasm kernels, seeded initialisers, and
 * `tensorScatterAdd` (TensorFlow's scatter-add, which tfjs lacks).
 *
 * Start every notebook or script with `await setupTf()`; import `tf` from here, never from the
 * package directly, so that every caller shares the one configured instance.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * const { backend } = await setupTf();
 * assert.ok(backend === "wasm" || backend === "cpu");
 * const y = tf.tidy(() => tf.matMul(tf.ones([2, 3]), tf.ones([3, 2])).dataSync());
 * assert.deepEqual([...y], [3, 3, 3, 3]);
 * ```
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

export { tf };
export * from "./setup.ts";
export * from "./patches.ts";
export * from "./initializers.ts";
export { tensorScatterAdd } from "./scatter_add.ts";
export { recoverEngine } from "./recover.ts";
