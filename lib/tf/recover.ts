import * as tf from "@tensorflow/tfjs";

/** The parts of TensorFlow.js's engine state that a computation opens and closes. */
interface EngineBookkeeping {
  kernelDepth: number;
  gradientDepth: number;
  activeTape: unknown[] | null | undefined;
  scopeStack: unknown[];
  activeScope: unknown;
  numDataMovesStack: number[];
}

/**
 * Puts TensorFlow.js's engine back in order after a computation was stopped
 * midway. The Jupyter kernel's interrupt ends the running JavaScript wherever it
 * is, without running `finally` blocks, so training interrupted inside a kernel or
 * a gradient computation leaves the engine believing it still is there: from then
 * on it records no gradients, and every later training fails with "Cannot find a
 * connection between any variable and the result of the loss function" until the
 * kernel restarts. This resets the kernel and gradient depth, the gradient tape
 * and the open scopes (tensors of the interrupted step stay allocated; those kept
 * in variables are untouched). {@link fit} calls it before training.
 *
 * Call it only when no TensorFlow.js function is running, e.g. at the start of an
 * async training loop (functions given to `tf.tidy` are synchronous, so none can
 * be running then); it changes nothing when the engine is in order.
 *
 * @returns Whether anything was left open and has been reset.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { recoverEngine, setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * assert.equal(recoverEngine(), false); // nothing to do
 * tf.engine().startScope(); // as if a tf.tidy had been interrupted
 * assert.equal(recoverEngine(), true);
 * const grad = tf.grad((x: tf.Tensor) => x.square())(tf.scalar(3));
 * assert.equal(grad.dataSync()[0], 6);
 * ```
 */
export function recoverEngine(): boolean {
  const state = (tf.engine() as unknown as { state: EngineBookkeeping }).state;
  const open = state.kernelDepth !== 0 || state.gradientDepth !== 0 ||
    state.activeTape != null || state.scopeStack.length !== 0 ||
    state.numDataMovesStack.length !== 0;
  if (!open) return false;
  state.kernelDepth = 0;
  state.gradientDepth = 0;
  state.activeTape = null;
  state.scopeStack = [];
  state.activeScope = null;
  state.numDataMovesStack = [];
  return true;
}
