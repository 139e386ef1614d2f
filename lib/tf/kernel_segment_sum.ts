import type * as tf from "@tensorflow/tfjs";
import { asWasmBackend, type KernelArgs, sizeOf } from "./wasm_heap.ts";

/**
 * A wasm `UnsortedSegmentSum` kernel, which the stock wasm backend lacks. It is what the gradient
 * of `tf.gather` needs, so with it embedding tables can be trained by autodiff on wasm.
 *
 * $$\text{out}[s] = \sum_{i : \text{segmentIds}[i] = s} x[i]$$
 *
 * Segment ids outside `[0, numSegments)` are dropped (TensorFlow's semantics); segments that no
 * row maps to are zero. Cost: one pass over `x` plus zeroing the output.
 *
 * @returns The output tensor info, shape `[numSegments, ...x.shape.slice(segmentIds.rank)]`.
 */
export function unsortedSegmentSum(args: KernelArgs): tf.TensorInfo {
  const { x, segmentIds } = args.inputs;
  const numSegments = (args.attrs ?? {}).numSegments as number;
  const backend = asWasmBackend(args.backend);
  if (x.dtype !== "float32" && x.dtype !== "int32") {
    throw new Error(`UnsortedSegmentSum on wasm supports float32 and int32, got ${x.dtype}`);
  }
  const ids = backend.readSync(segmentIds.dataId) as ArrayLike<number>;
  const inner = x.shape.slice(segmentIds.shape.length);
  const width = sizeOf(inner);
  const out = backend.makeOutput([numSegments, ...inner], x.dtype);
  // Views are taken after makeOutput: an allocation may grow and replace the heap buffer.
  const dst = backend.typedArrayFromHeap(out);
  dst.fill(0);
  if (width === 0) return out;
  const src = backend.typedArrayFromHeap(x);
  for (let i = 0; i < ids.length; i++) {
    const s = ids[i];
    if (s < 0 || s >= numSegments) continue;
    const from = i * width;
    const to = s * width;
    for (let k = 0; k < width; k++) dst[to + k] += src[from + k];
  }
  return out;
}
