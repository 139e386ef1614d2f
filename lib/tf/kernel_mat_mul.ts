import type * as tf from "@tensorflow/tfjs";
import { asWasmBackend, type KernelArgs, type KernelFn } from "./wasm_heap.ts";

/**
 * Wraps the wasm `BatchMatMul` or `_FusedMatMul` kernel so that a transposed operand is first
 * transposed explicitly (wasm `Transpose` kernel) and the product then runs on the stock fast path.
 *
 * The stock wasm kernels send any product with `transposeA` or `transposeB` to a naive loop
 * (about 2–3 GFLOP/s against 30–40 on the XNNPACK path); a dense layer's backward pass computes
 * `dy·Wᵀ` and `xᵀ·dy`, so training spends most of its time there. The explicit transpose costs
 * one pass over the operand.
 *
 * @param stock The stock kernel function.
 * @param transpose The stock wasm `Transpose` kernel function.
 * @returns A kernel function with the same contract.
 */
export function transposeFirstMatMul(stock: KernelFn, transpose: KernelFn): KernelFn {
  return (args: KernelArgs) => {
    const attrs = args.attrs ?? {};
    const transposeA = attrs.transposeA === true;
    const transposeB = attrs.transposeB === true;
    if (!transposeA && !transposeB) return stock(args);
    const backend = asWasmBackend(args.backend);
    const swapLast = (x: tf.TensorInfo): tf.TensorInfo => {
      const perm = x.shape.map((_, i) => i);
      const r = perm.length;
      [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
      return transpose({ inputs: { x }, backend: args.backend, attrs: { perm } }) as tf.TensorInfo;
    };
    const { a, b } = args.inputs;
    const temporaries: tf.TensorInfo[] = [];
    const aIn = transposeA ? swapLast(a) : a;
    if (transposeA) temporaries.push(aIn);
    const bIn = transposeB ? swapLast(b) : b;
    if (transposeB) temporaries.push(bIn);
    try {
      return stock({
        ...args,
        inputs: { ...args.inputs, a: aIn, b: bIn },
        attrs: { ...attrs, transposeA: false, transposeB: false },
      });
    } finally {
      for (const t of temporaries) backend.disposeData(t.dataId);
    }
  };
}
