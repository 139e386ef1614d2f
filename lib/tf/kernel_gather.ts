import * as tf from "@tensorflow/tfjs";
import { asWasmBackend, type KernelArgs, type KernelFn, sizeOf, wholeHeap } from "./wasm_heap.ts";

/**
 * A wasm `GatherV2` kernel that copies whole slices (rows, for `axis = 0`) inside the wasm heap,
 * instead of the stock kernel's element-by-element loop (measured: 6144 rows of width 100 in
 * 0.5 ms instead of 14 ms). Same contract as the stock kernel: any `axis` and `batchDims`, indices
 * checked to lie in `[0, x.shape[axis])`; string tensors go to the stock kernel.
 *
 * @param stock The stock kernel function (used for string tensors).
 * @returns A kernel function.
 */
export function rowCopyGather(stock: KernelFn): KernelFn {
  return (args: KernelArgs) => {
    const { x, indices } = args.inputs;
    if (x.dtype === "string") return stock(args);
    const backend = asWasmBackend(args.backend);
    const attrs = args.attrs ?? {};
    const axis = tf.util.parseAxisParam(attrs.axis as number, x.shape)[0];
    const batchDims = (attrs.batchDims as number | undefined) ?? 0;
    const idx = backend.readSync(indices.dataId) as ArrayLike<number>;
    const axisDim = x.shape[axis];
    for (let i = 0; i < idx.length; i++) {
      const index = idx[i];
      if (!(index >= 0 && index <= axisDim - 1)) {
        throw new Error(`GatherV2: the index value ${index} is not in [0, ${axisDim - 1}]`);
      }
    }
    const info = tf.backend_util.segment_util.collectGatherOpShapeInfo(x, indices, axis, batchDims);
    const out = backend.makeOutput(info.outputShape, x.dtype);
    if (sizeOf(x.shape) === 0 || sizeOf(info.outputShape) === 0) return out;
    // Views are taken after makeOutput: an allocation may grow and replace the heap buffer.
    const { heap, offset: src } = wholeHeap(backend.typedArrayFromHeap(x));
    let o = wholeHeap(backend.typedArrayFromHeap(out)).offset;
    const { batchSize, outerSize, dimSize, sliceSize } = info;
    const perBatch = idx.length / batchSize;
    for (let b = 0; b < batchSize; b++) {
      for (let outer = 0; outer < outerSize; outer++) {
        const base = src + (b * outerSize + outer) * dimSize * sliceSize;
        for (let i = 0; i < perBatch; i++) {
          const start = base + idx[b * perBatch + i] * sliceSize;
          if (sliceSize > 8) {
            heap.copyWithin(o, start, start + sliceSize);
          } else {
            for (let k = 0; k < sliceSize; k++) heap[o + k] = heap[start + k];
          }
          o += sliceSize;
        }
      }
    }
    return out;
  };
}
