import assert from "node:assert/strict";
import {
  PATCHED_WASM_KERNELS,
  setupTf,
  setWasmKernelPatches,
  tensorScatterAdd,
  tf,
  wasmKernelPatchesEnabled,
} from "@lib/tf/mod.ts";
import {
  type Engine,
  ints,
  maxAbsDiff,
  normals,
  type Result,
  runOn,
  size,
  testRng,
} from "./_backends.ts";

// Each test draws random cases from a seeded generator, runs them on the cpu backend (the
// reference: plain JavaScript loops) and on wasm with the corrected kernels, and asserts the
// largest absolute difference. Measured maxima are noted next to each tolerance (print them
// with SHOW_DIFF=1).

async function compare(
  cases: number,
  seed: number,
  build: (rng: ReturnType<typeof testRng>) => () => tf.Tensor | tf.Tensor[],
  engines: [Engine, Engine] = ["cpu", "wasm"],
): Promise<number> {
  const rng = testRng(seed);
  let worst = 0;
  for (let c = 0; c < cases; c++) {
    const f = build(rng);
    const [a, b]: Result[][] = [await runOn(engines[0], f), await runOn(engines[1], f)];
    worst = Math.max(worst, maxAbsDiff(a, b));
  }
  if (Deno.env.get("SHOW_DIFF")) {
    console.log(`${engines.join(" vs ")}: max abs difference ${worst}`);
  }
  return worst;
}

await setupTf();

Deno.test("patched wasm BatchMatMul equals cpu for random shapes, transposes and batch sizes", async () => {
  const worst = await compare(60, 1, (rng) => {
    const [m, k, n] = [rng.int(1, 70), rng.int(1, 70), rng.int(1, 70)];
    const [ta, tb] = [rng.bernoulli(0.5), rng.bernoulli(0.5)];
    const batch = [[], [1], [3], [2, 2]][rng.int(0, 4)];
    const bBatch = batch.length === 1 && rng.bernoulli(0.5) ? [] : batch; // broadcast
    const aShape = [...batch, ...(ta ? [k, m] : [m, k])];
    const bShape = [...bBatch, ...(tb ? [n, k] : [k, n])];
    const av = normals(size(aShape), rng), bv = normals(size(bShape), rng);
    return () => tf.matMul(tf.tensor(av, aShape), tf.tensor(bv, bShape), ta, tb);
  });
  // Sums of up to 69 products of N(0, 1) values in float32; measured max 9.5e-6.
  assert.ok(worst <= 5e-5, `max abs difference ${worst}`);
});

Deno.test("patched wasm _FusedMatMul equals cpu with transposes, bias and activation", async () => {
  const worst = await compare(30, 2, (rng) => {
    const [m, k, n] = [rng.int(1, 50), rng.int(1, 50), rng.int(1, 50)];
    const [ta, tb] = [rng.bernoulli(0.5), rng.bernoulli(0.5)];
    const activation = (["linear", "relu", "sigmoid"] as const)[rng.int(0, 3)];
    const aShape = ta ? [k, m] : [m, k], bShape = tb ? [n, k] : [k, n];
    const av = normals(m * k, rng), bv = normals(k * n, rng), bias = normals(n, rng);
    return () =>
      tf.fused.matMul({
        a: tf.tensor2d(av, aShape as [number, number]),
        b: tf.tensor2d(bv, bShape as [number, number]),
        transposeA: ta,
        transposeB: tb,
        bias: tf.tensor1d(bias),
        activation,
      });
  });
  assert.ok(worst <= 5e-5, `max abs difference ${worst}`); // measured max 5.7e-6
});

Deno.test("dense-layer gradients on patched wasm equal cpu", async () => {
  const worst = await compare(10, 3, (rng) => {
    const [b, i, o] = [rng.int(1, 130), rng.int(1, 100), rng.int(1, 40)];
    const xv = normals(b * i, rng), wv = normals(i * o, rng), bv = normals(o, rng);
    return () => {
      const x = tf.tensor2d(xv, [b, i]), w = tf.tensor2d(wv, [i, o]), bias = tf.tensor1d(bv);
      const f = (x: tf.Tensor, w: tf.Tensor, bias: tf.Tensor) =>
        tf.sum(
          tf.square(
            tf.fused.matMul({ a: x as tf.Tensor2D, b: w as tf.Tensor2D, bias, activation: "relu" }),
          ),
        );
      return tf.grads(f)([x, w, bias]);
    };
  });
  // Gradients of a sum of squares reach ~1e3 in magnitude; measured max 1.2e-4 (float32 rounding).
  assert.ok(worst <= 1e-3, `max abs difference ${worst}`);
});

Deno.test("patched wasm GatherV2 equals cpu exactly for any axis, batchDims, dtype and repeats", async () => {
  const worst = await compare(80, 4, (rng) => {
    const rank = rng.int(1, 5);
    const shape = Array.from({ length: rank }, () => rng.int(1, 7));
    const batchDims = rank >= 2 && rng.bernoulli(0.3) ? 1 : 0;
    const axis = rng.int(batchDims, rank);
    const nIdx = rng.int(0, 9);
    const idxShape = batchDims === 1 ? [shape[0], nIdx] : [nIdx];
    const idx = ints(size(idxShape), 0, shape[axis], rng);
    const dtype = (["float32", "int32", "bool"] as const)[rng.int(0, 3)];
    const values = dtype === "float32"
      ? normals(size(shape), rng)
      : ints(size(shape), 0, dtype === "bool" ? 2 : 100, rng);
    return () =>
      tf.gather(
        tf.tensor(values, shape, dtype),
        tf.tensor(idx, idxShape, "int32"),
        axis,
        batchDims,
      );
  });
  assert.equal(worst, 0);
});

Deno.test("patched wasm GatherV2 rejects an out-of-range index", () => {
  const x = tf.zeros([4, 2]);
  assert.throws(() => tf.gather(x, [1, 7]), /GatherV2: the index value 7 is not in \[0, 3\]/);
  x.dispose();
});

Deno.test("patched wasm Slice equals cpu exactly for ranks 1–5", async () => {
  const worst = await compare(80, 5, (rng) => {
    const rank = rng.int(1, 6);
    const shape = Array.from({ length: rank }, () => rng.int(1, 7));
    const begin = shape.map((d) => rng.int(0, d));
    const sz = shape.map((d, i) => (rng.bernoulli(0.2) ? -1 : rng.int(1, d - begin[i] + 1)));
    const dtype = rng.bernoulli(0.5) ? "float32" : "int32";
    const values = dtype === "float32"
      ? normals(size(shape), rng)
      : ints(size(shape), -50, 50, rng);
    return () => tf.slice(tf.tensor(values, shape, dtype), begin, sz);
  });
  assert.equal(worst, 0);
});

Deno.test("patched wasm UnsortedSegmentSum equals cpu, dropping ids out of range", async () => {
  const worst = await compare(30, 6, (rng) => {
    const n = rng.int(1, 40), width = rng.int(1, 6), numSegments = rng.int(1, 10);
    const ids = ints(n, -1, numSegments + 1, rng);
    const xv = normals(n * width, rng);
    return () =>
      tf.unsortedSegmentSum(tf.tensor2d(xv, [n, width]), tf.tensor1d(ids, "int32"), numSegments);
  });
  assert.ok(worst <= 1e-5, `max abs difference ${worst}`); // float32 sums; measured max 4.8e-7
});

Deno.test("the gradient of gather (an embedding lookup) works on patched wasm and equals cpu", async () => {
  const worst = await compare(10, 7, (rng) => {
    const [vocab, dim, n] = [rng.int(2, 30), rng.int(1, 8), rng.int(1, 50)];
    const tv = normals(vocab * dim, rng), idx = ints(n, 0, vocab, rng), wv = normals(n * dim, rng);
    return () => {
      const table = tf.tensor2d(tv, [vocab, dim]), w = tf.tensor2d(wv, [n, dim]);
      return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, tf.tensor1d(idx, "int32")), w)))(
        table,
      );
    };
  });
  assert.ok(worst <= 1e-5, `max abs difference ${worst}`); // measured max 1.1e-6
});

Deno.test("patched wasm TensorScatterUpdate equals cpu for row and element updates", async () => {
  const worst = await compare(40, 8, (rng) => {
    const shape = [rng.int(1, 20), rng.int(1, 5), rng.int(1, 4)];
    const sliceRank = rng.int(1, 3);
    const cells = size(shape.slice(0, sliceRank));
    const u = rng.int(1, Math.min(cells, 8) + 1);
    // Distinct targets (with repeats the result depends on the order of writes).
    const flat = [...Array(cells).keys()].sort(() => rng.random() - 0.5).slice(0, u);
    const idx = flat.flatMap((
      f,
    ) => (sliceRank === 1 ? [f] : [Math.floor(f / shape[1]), f % shape[1]]));
    const updShape = [u, ...shape.slice(sliceRank)];
    const tv = normals(size(shape), rng), uv = normals(size(updShape), rng);
    return () =>
      tf.tensorScatterUpdate(
        tf.tensor(tv, shape),
        tf.tensor2d(idx, [u, sliceRank], "int32"),
        tf.tensor(uv, updShape),
      );
  });
  assert.equal(worst, 0);
});

Deno.test("patched wasm TensorScatterUpdate rejects an index outside the tensor", () => {
  const t = tf.zeros([3, 2]), at = tf.tensor2d([[5]], [1, 1], "int32"), upd = tf.ones([1, 2]);
  assert.throws(
    () => tf.tensorScatterUpdate(t, at, upd),
    /Invalid indices: 5 does not index into 3,2/,
  );
  tf.dispose([t, at, upd]);
});

Deno.test("tensorScatterAdd() on patched wasm equals its scatterND form on cpu, repeats adding up", async () => {
  const worst = await compare(40, 10, (rng) => {
    const shape = [rng.int(1, 12), rng.int(1, 6)];
    const n = rng.int(1, 20);
    const idx = ints(n, 0, shape[0], rng); // with repeats
    const tv = normals(size(shape), rng), uv = normals(n * shape[1], rng);
    return () =>
      tensorScatterAdd(
        tf.tensor(tv, shape),
        tf.tensor2d(idx, [n, 1], "int32"),
        tf.tensor(uv, [n, shape[1]]),
      );
  });
  assert.ok(worst <= 1e-5, `max abs difference ${worst}`); // addition order differs; measured max 9.5e-7
  const t = tf.zeros([2, 2]),
    at = tf.tensor2d([[0], [1], [0]], [3, 1], "int32"),
    upd = tf.ones([3, 2]);
  const out = tensorScatterAdd(t, at, upd);
  assert.deepEqual(out.arraySync(), [[2, 2], [1, 1]]);
  assert.deepEqual(t.arraySync(), [[0, 0], [0, 0]]); // input unchanged
  tf.dispose([t, at, upd, out]);
});

Deno.test("stock and patched wasm kernels give the same results", async () => {
  const worst = await compare(20, 9, (rng) => {
    const [m, k, n] = [rng.int(1, 40), rng.int(1, 40), rng.int(1, 40)];
    const av = normals(m * k, rng), bv = normals(n * k, rng), idx = ints(10, 0, m, rng);
    return () => {
      const a = tf.tensor2d(av, [m, k]), b = tf.tensor2d(bv, [n, k]);
      return [tf.matMul(a, b, false, true), tf.gather(a, idx), tf.slice(a, [0, 0], [1, k])];
    };
  }, ["wasm-stock", "wasm"]);
  assert.ok(worst <= 5e-5, `max abs difference ${worst}`); // measured max 0
});

Deno.test("setWasmKernelPatches() swaps the registered kernels both ways", () => {
  setWasmKernelPatches(false);
  assert.equal(wasmKernelPatchesEnabled(), false);
  assert.equal(tf.getKernel("UnsortedSegmentSum", "wasm"), undefined);
  const stock = PATCHED_WASM_KERNELS.map((name) => tf.getKernel(name, "wasm")?.kernelFunc);
  setWasmKernelPatches(true);
  assert.equal(wasmKernelPatchesEnabled(), true);
  PATCHED_WASM_KERNELS.forEach((name, i) => {
    assert.notEqual(tf.getKernel(name, "wasm")?.kernelFunc, stock[i], name);
  });
});

Deno.test("patched kernels release every temporary wasm allocation", () => {
  const a = tf.randomNormal([64, 32], 0, 1, "float32", 1);
  const b = tf.randomNormal([48, 32], 0, 1, "float32", 2);
  const backend = tf.backend() as unknown as { numDataIds(): number };
  const before = backend.numDataIds();
  for (let i = 0; i < 5; i++) {
    tf.tidy(() => {
      tf.matMul(a, b, false, true);
      tf.matMul(a, a, true, false);
      tf.gather(a, [1, 2, 2]);
      tf.slice(a, [3, 0], [4, 32]);
    });
  }
  assert.equal(backend.numDataIds(), before);
  tf.dispose([a, b]);
});
