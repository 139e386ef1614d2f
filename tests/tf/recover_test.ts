import assert from "node:assert/strict";
import { fit, logisticRegression } from "@lib/models/mod.ts";
import { recoverEngine, setupTf, tf } from "@lib/tf/mod.ts";

await setupTf();

interface Bookkeeping {
  kernelDepth: number;
  gradientDepth: number;
  activeTape: unknown[] | null;
  scopeStack: unknown[];
}
const state = () => (tf.engine() as unknown as { state: Bookkeeping }).state;

/**
 * The engine as a kernel interrupt leaves it when it stops training inside a kernel
 * run under a gradient tape (observed in the Deno kernel: every later training then
 * failed with "Cannot find a connection between any variable and the result …").
 */
function interruptInsideKernel(): void {
  tf.engine().startScope();
  state().gradientDepth = 1;
  state().activeTape = [];
  state().kernelDepth = 1;
}

const data = () => [tf.tensor2d([[-2], [-1], [1], [2]]), tf.tensor2d([[0], [0], [1], [1]])];

Deno.test("recoverEngine() changes nothing on an engine in order", () => {
  assert.equal(recoverEngine(), false);
  const before = tf.memory().numTensors;
  tf.tidy(() => {
    tf.ones([2]).add(1);
  });
  assert.equal(recoverEngine(), false);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("recoverEngine() makes gradients work again after an interrupt inside a kernel", () => {
  const v = tf.variable(tf.scalar(3));
  try {
    interruptInsideKernel();
    assert.throws(() => tf.variableGrads(() => v.square()), /Cannot find a connection/);
    assert.equal(recoverEngine(), true);
    const { grads } = tf.variableGrads(() => v.square());
    assert.equal(grads[v.name].dataSync()[0], 6); // d(v²)/dv = 2v
    assert.deepEqual([state().kernelDepth, state().gradientDepth, state().scopeStack.length], [
      0,
      0,
      0,
    ]);
    tf.dispose(grads[v.name]);
  } finally {
    recoverEngine();
    v.dispose();
  }
});

Deno.test("fit() after an interrupted training trains exactly as on a fresh engine", async () => {
  const train = async () => {
    const [x, y] = data();
    const model = logisticRegression({ inputDim: 1, seed: 0, learningRate: 0.1 });
    try {
      return (await fit(model, x, y, { epochs: 5, batchSize: 2, seed: 1, progress: false })).loss;
    } finally {
      tf.dispose([x, y]);
      model.dispose();
    }
  };
  const fresh = await train();
  interruptInsideKernel();
  try {
    assert.deepEqual(await train(), fresh);
  } finally {
    recoverEngine();
  }
});
