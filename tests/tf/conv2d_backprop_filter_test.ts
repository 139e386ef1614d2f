import assert from "node:assert/strict";
import { setupTf, tf } from "@lib/tf/mod.ts";
import { maxAbsDiff, normals, runOn, testRng } from "./_backends.ts";

await setupTf();

// The reference is the cpu backend's Conv2DBackpropFilter (plain JavaScript loops); the wasm
// kernel is ours (stock tfjs-backend-wasm 4.22 has none).
Deno.test("wasm Conv2DBackpropFilter equals cpu for strides, paddings, channels and batches", async () => {
  const rng = testRng(21);
  let worst = 0;
  for (let c = 0; c < 40; c++) {
    const [b, h, w, inC, outC] = [
      rng.int(1, 4),
      rng.int(3, 12),
      rng.int(3, 12),
      rng.int(1, 4),
      rng.int(1, 5),
    ];
    const [fh, fw] = [rng.int(1, Math.min(h, 5) + 1), rng.int(1, Math.min(w, 5) + 1)];
    const strides: [number, number] = [rng.int(1, 3), rng.int(1, 3)];
    const pad = rng.random() < 0.5 ? "same" : "valid";
    const xv = normals(b * h * w * inC, rng), fv = normals(fh * fw * inC * outC, rng);
    const f = () =>
      tf.grad((filter: tf.Tensor) =>
        tf.sum(
          tf.square(
            tf.conv2d(tf.tensor4d(xv, [b, h, w, inC]), filter as tf.Tensor4D, strides, pad),
          ),
        )
      )(tf.tensor4d(fv, [fh, fw, inC, outC]));
    worst = Math.max(worst, maxAbsDiff(await runOn("cpu", f), await runOn("wasm", f)));
  }
  assert.ok(worst <= 1e-3, `max abs difference ${worst}`);
});

Deno.test("a convolutional layer trains on wasm and its loss falls", async () => {
  const x = tf.randomUniform([16, 8, 8, 1], 0, 1, "float32", 1);
  const y = tf.oneHot(tf.tensor1d(Array.from({ length: 16 }, (_, i) => i % 2), "int32"), 2);
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape: [8, 8, 1],
        filters: 3,
        kernelSize: 3,
        activation: "relu",
        kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
      }),
      tf.layers.flatten(),
      tf.layers.dense({
        units: 2,
        activation: "softmax",
        kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }),
      }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.05), loss: "categoricalCrossentropy" });
  const history = await model.fit(x, y, { epochs: 20, batchSize: 16, shuffle: false, verbose: 0 });
  const loss = history.history.loss as number[];
  assert.equal(tf.getBackend(), "wasm");
  assert.ok(loss[loss.length - 1] < 0.5 * loss[0], `loss ${loss[0]} → ${loss[loss.length - 1]}`);
  tf.dispose([x, y]);
  model.dispose();
});
