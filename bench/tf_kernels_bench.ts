/**
 * TensorFlow.js kernel and inference speed on this machine: 1024² matrix products (plain and
 * transposed) and predictions of a logistic regression and an MLP (one row per call, 1000-row
 * batches through `predictProba` of `lib/models` and through tfjs `model.predict`), each on the
 * cpu backend, wasm with its stock kernels and wasm with the corrected kernels of `lib/tf` (see
 * `_tf_bench_table.ts` for how runs are timed). Checks that the configurations agree. Prints a
 * markdown table.
 *
 * Run: `deno run -A bench/tf_kernels_bench.ts` (add `--quick` for fewer repeats). Training:
 * `bench/tf_training_bench.ts`.
 *
 * @module
 */
import { tf } from "../lib/tf/mod.ts";
import { logisticRegression, mlp, predictProba } from "../lib/models/mod.ts";
import {
  type Config,
  createTfBench,
  printTable,
  teacherData,
  type TfBench,
} from "./_tf_bench_table.ts";

/** Measures the matrix-product and inference workloads into `bench`. */
export async function kernelWorkloads(bench: TfBench): Promise<void> {
  const products = [[false, false, "A·B"], [true, false, "Aᵀ·B"], [false, true, "A·Bᵀ"]] as const;
  for (const [ta, tb, label] of products) {
    const n = 1024, reps = 3;
    const a = tf.randomNormal([n, n], 0, 1, "float32", 5),
      b = tf.randomNormal([n, n], 0, 1, "float32", 6);
    const configs: Config[] = ta || tb ? ["stock", "patched"] : ["cpu", "stock", "patched"];
    await bench.measure(`matmul 1024² ${label}`, "GFLOP/s", configs, () => {
      let check = 0;
      for (let r = 0; r < reps; r++) {
        check = tf.tidy(() => tf.matMul(a, b, ta, tb).dataSync()[12345]);
      }
      return { check, units: 2 * n ** 3 * reps };
    }, { warmup: !configs.includes("cpu") });
    tf.dispose([a, b]);
  }

  const [x, y] = teacherData(1000, 784, 10, 9);
  const models = {
    "logistic regression (50 features)": logisticRegression({ inputDim: 50, seed: 1 }),
    "MLP 784-128-64-10": mlp({
      inputDim: 784,
      hidden: [128, 64],
      outputDim: 10,
      outputActivation: "softmax",
      seed: 1,
    }),
  };
  const x50 = tf.tidy(() => tf.slice(x, [0, 0], [1000, 50]));
  for (const [name, model] of Object.entries(models)) {
    const input = name.startsWith("logistic") ? x50 : x;
    const calls = 200;
    const rowsOf = Array.from({ length: calls }, (_, i) => tf.slice(input, [i, 0], [1, -1]));
    await bench.measure(
      `${name}: one row per call (per call)`,
      "µs",
      ["stock", "patched"],
      () => {
        let check = 0;
        for (const row of rowsOf) check += predictProba(model, row)[0];
        return { check, units: calls };
      },
      { warmup: true },
    );
    await bench.measure(
      `${name}: 1000 rows, predictProba batch 1000 (per call)`,
      "ms",
      ["stock", "patched"],
      () => {
        let check = 0;
        for (let r = 0; r < 10; r++) check = predictProba(model, input, { batchSize: 1000 })[7];
        return { check, units: 10 };
      },
      { warmup: true },
    );
    await bench.measure(
      `${name}: 1000 rows, tfjs predict default batch 32 (per call)`,
      "ms",
      ["stock", "patched"],
      () => {
        let check = 0;
        for (let r = 0; r < 10; r++) {
          check = tf.tidy(() => (model.predict(input) as tf.Tensor).dataSync()[7]);
        }
        return { check, units: 10 };
      },
      { warmup: true },
    );
    tf.dispose(rowsOf);
    model.dispose();
  }
  tf.dispose([x, y, x50]);
}

// `deno bench bench/` loads every *_bench.ts file: run only when started directly.
if (import.meta.main) {
  const bench = await createTfBench();
  await kernelWorkloads(bench);
  printTable(
    bench,
    "Random-forest inference (no TensorFlow.js involved) is measured by " +
      "`deno bench bench/inference_bench.ts`, which `deno task bench` runs too.",
  );
}
