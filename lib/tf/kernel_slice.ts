import * as tf from "@tensorflow/tfjs";
import { asWasmBackend, type KernelArgs, type KernelFn, sizeOf } from "./wasm_heap.ts";

/**
 * A wasm `Slice` kernel that reads its input through a view of the wasm heap. The stock kernel
 * first copies the whole input out of the heap (`readSync`), so taking 32 rows of a 1000-row
 * tensor copies all 1000 rows; batched prediction and evaluation slice once per batch. String
 * tensors and rank > 4 go to the stock kernel.
 *
 * @param stock The stock kernel function.
 * @returns A kernel function.
 */
export function viewSlice(stock: KernelFn): KernelFn {
  return (args: KernelArgs) => {
    const { x } = args.inputs;
    const rank = x.shape.length;
    if (x.dtype === "string" || rank > 4) return stock(args);
    const backend = asWasmBackend(args.backend);
    const attrs = args.attrs ?? {};
    const [begin, size] = tf.slice_util.parseSliceParams(
      x,
      attrs.begin as number | number[],
      attrs.size as number | number[],
    );
    const out = backend.makeOutput(size, x.dtype);
    if (sizeOf(size) === 0) return out;
    // Views are taken after makeOutput: an allocation may grow and replace the heap buffer.
    const src = backend.typedArrayFromHeap(x);
    const dst = backend.typedArrayFromHeap(out);
    const strides = tf.util.computeStrides(x.shape);
    if (tf.slice_util.isSliceContinous(x.shape, begin, size)) {
      const offset = tf.slice_util.computeFlatOffset(begin, strides);
      dst.set(src.subarray(offset, offset + sizeOf(size)));
      return out;
    }
    // Pad to rank 4 and copy innermost runs.
    const pad = 4 - rank;
    const b = [...Array(pad).fill(0), ...begin];
    const s = [...Array(pad).fill(1), ...size];
    const st = [...Array(pad).fill(0), ...strides, 1].slice(0, 4);
    let o = 0;
    for (let i = b[0]; i < b[0] + s[0]; i++) {
      for (let j = b[1]; j < b[1] + s[1]; j++) {
        for (let k = b[2]; k < b[2] + s[2]; k++) {
          const start = i * st[0] + j * st[1] + k * st[2] + b[3];
          dst.set(src.subarray(start, start + s[3]), o);
          o += s[3];
        }
      }
    }
    return out;
  };
}
