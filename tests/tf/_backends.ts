import { setupTf, tf } from "@lib/tf/mod.ts";
import { createRng, type Rng } from "@lib/random/mod.ts";

/** Where a computation runs: the cpu backend, wasm with stock kernels, or wasm patched. */
export type Engine = "cpu" | "wasm-stock" | "wasm";

/** Output of a computation: values, shape and dtype of each result tensor. */
export interface Result {
  values: number[];
  shape: number[];
  dtype: string;
}

/**
 * Runs `f` on the given engine inside `tf.tidy` and returns its results as plain arrays.
 * Inputs must be created inside `f` (from plain arrays) so that each engine owns its tensors.
 * Leaves the process on patched wasm.
 */
export async function runOn(engine: Engine, f: () => tf.Tensor | tf.Tensor[]): Promise<Result[]> {
  await setupTf({ backend: engine === "cpu" ? "cpu" : "wasm", patches: engine !== "wasm-stock" });
  try {
    return tf.tidy(() => {
      const out = f();
      return (Array.isArray(out) ? out : [out]).map((t) => ({
        values: Array.from(t.dataSync()),
        shape: t.shape,
        dtype: t.dtype,
      }));
    });
  } finally {
    await setupTf();
  }
}

/** Largest absolute element-wise difference; shapes and dtypes must match. */
export function maxAbsDiff(a: Result[], b: Result[]): number {
  if (a.length !== b.length) throw new Error(`result counts differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  a.forEach((r, i) => {
    const s = b[i];
    if (r.dtype !== s.dtype) throw new Error(`dtypes differ: ${r.dtype} vs ${s.dtype}`);
    if (r.shape.join() !== s.shape.join()) {
      throw new Error(`shapes differ: [${r.shape}] vs [${s.shape}]`);
    }
    for (let j = 0; j < r.values.length; j++) {
      const d = Math.abs(r.values[j] - s.values[j]);
      worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
    }
  });
  return worst;
}

/** Standard-normal values, seeded. */
export function normals(n: number, rng: Rng): number[] {
  return Array.from({ length: n }, () => rng.normal());
}

/** Integers in [min, max), seeded. */
export function ints(n: number, min: number, max: number, rng: Rng): number[] {
  return Array.from({ length: n }, () => rng.int(min, max));
}

/** A seeded generator for a test. */
export function testRng(seed: number): Rng {
  return createRng(seed);
}

/** Number of elements of a shape. */
export function size(shape: number[]): number {
  return shape.reduce((a, d) => a * d, 1);
}
