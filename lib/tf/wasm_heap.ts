import type * as tf from "@tensorflow/tfjs";

/** A typed array that views a tensor's memory inside the wasm heap. */
export type HeapArray = Float32Array | Int32Array | Uint8Array;

/**
 * The part of tfjs-backend-wasm's `BackendWasm` that the kernels in this folder use. Tensors live
 * in one `WebAssembly.Memory`; `typedArrayFromHeap` returns a view on it (no copy), `readSync`
 * returns a copy.
 */
export interface WasmBackendLike {
  /** Allocates an output tensor on the heap. May grow (and so replace) the heap buffer. */
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  /** A view of a tensor's memory; invalid after the heap grows. */
  typedArrayFromHeap(info: tf.TensorInfo): HeapArray;
  /** A copy of a tensor's values. */
  readSync(dataId: tf.DataId): tf.backend_util.BackendValues;
  /** Releases one reference to a tensor's memory. */
  disposeData(dataId: tf.DataId, force?: boolean): boolean;
}

/** The arguments tfjs passes to a kernel function. */
export interface KernelArgs {
  inputs: Record<string, tf.TensorInfo>;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}

/** A kernel function as registered with `tf.registerKernel`. */
export type KernelFn = (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[];

/** Narrows a kernel's `backend` argument to the wasm backend's interface. */
export function asWasmBackend(backend: unknown): WasmBackendLike {
  return backend as WasmBackendLike;
}

/** Number of elements of a shape (1 for a scalar). */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/**
 * A view of the whole wasm heap with the element type of `view`, and `view`'s offset in it, so
 * that slices can be moved with `copyWithin` (no per-row view objects).
 */
export function wholeHeap(view: HeapArray): { heap: HeapArray; offset: number } {
  const bytes = view.BYTES_PER_ELEMENT;
  const Ctor = view.constructor as new (buffer: ArrayBufferLike) => HeapArray;
  return { heap: new Ctor(view.buffer), offset: view.byteOffset / bytes };
}
