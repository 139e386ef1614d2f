import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { transposeFirstMatMul } from "./kernel_mat_mul.ts";
import { rowCopyGather } from "./kernel_gather.ts";
import { viewSlice } from "./kernel_slice.ts";
import { unsortedSegmentSum } from "./kernel_segment_sum.ts";
import { copyScatterUpdate, tensorScatterAdd } from "./kernel_scatter_update.ts";
import { conv2DBackpropFilter } from "./kernel_conv2d_backprop_filter.ts";
import type { KernelArgs, KernelFn } from "./wasm_heap.ts";

/** The wasm kernels that {@link setWasmKernelPatches} replaces or adds. */
export const PATCHED_WASM_KERNELS = [
  "BatchMatMul",
  "_FusedMatMul",
  "GatherV2",
  "Slice",
  "UnsortedSegmentSum",
  "TensorScatterUpdate",
  "TensorScatterAdd",
  "Conv2DBackpropFilter",
] as const;

const BACKEND = "wasm";
const STATE_KEY = Symbol.for("mlsd.tf.wasmKernelPatches");

interface PatchState {
  enabled: boolean;
  stock: Map<string, tf.KernelConfig | undefined>;
}

// The kernel registry is global to the process, so the record of what was replaced lives on
// globalThis too: a second copy of this module (e.g. re-imported in a notebook) sees it.
function state(): PatchState {
  const g = globalThis as unknown as Record<symbol, PatchState | undefined>;
  if (g[STATE_KEY] === undefined) {
    const stock = new Map<string, tf.KernelConfig | undefined>();
    for (const name of PATCHED_WASM_KERNELS) stock.set(name, tf.getKernel(name, BACKEND));
    g[STATE_KEY] = { enabled: false, stock };
  }
  return g[STATE_KEY];
}

function stockFn(name: string): KernelFn {
  const config = state().stock.get(name);
  if (config === undefined) throw new Error(`The wasm backend has no stock '${name}' kernel`);
  return config.kernelFunc as unknown as KernelFn;
}

function transposeKernel(args: KernelArgs) {
  const config = tf.getKernel("Transpose", BACKEND);
  return (config!.kernelFunc as unknown as KernelFn)(args);
}

function patchedFn(name: (typeof PATCHED_WASM_KERNELS)[number]): KernelFn {
  switch (name) {
    case "BatchMatMul":
    case "_FusedMatMul":
      return transposeFirstMatMul(stockFn(name), transposeKernel);
    case "GatherV2":
      return rowCopyGather(stockFn(name));
    case "Slice":
      return viewSlice(stockFn(name));
    case "UnsortedSegmentSum":
      return unsortedSegmentSum;
    case "TensorScatterUpdate":
      return copyScatterUpdate(stockFn(name));
    case "TensorScatterAdd":
      return tensorScatterAdd;
    case "Conv2DBackpropFilter":
      return conv2DBackpropFilter;
  }
}

function replace(name: string, config: tf.KernelConfig | undefined): void {
  if (tf.getKernel(name, BACKEND) !== undefined) tf.unregisterKernel(name, BACKEND);
  if (config !== undefined) tf.registerKernel(config);
}

/**
 * Registers (or removes) corrected wasm kernels over the stock ones of tfjs-backend-wasm 4.22:
 *
 * - `BatchMatMul`, `_FusedMatMul`: a transposed operand is transposed explicitly first (the stock
 *   transposed path runs at ~2–3 GFLOP/s, the plain one at 30–40);
 * - `GatherV2`: copies whole rows (stock: per element, ~25× slower for embedding rows);
 * - `Slice`: reads a view of the input (stock: copies the whole input first);
 * - `UnsortedSegmentSum`: added (stock wasm lacks it; the gradient of `gather` needs it);
 * - `TensorScatterUpdate`: copies with `copyWithin` (stock: ~8× slower on an embedding table);
 * - `TensorScatterAdd`: added (TensorFlow's `tensor_scatter_nd_add`, absent from tfjs): a copy
 *   of a tensor with slices added at indices, repeats summed; sparse SGD on embeddings uses it;
 * - `Conv2DBackpropFilter`: added (stock wasm lacks it, so convolutional layers could not train).
 *
 * Results equal the cpu backend's within float32 rounding (see `tests/tf/kernels_test.ts`). The
 * switch is process-wide and takes effect for the next kernel call; `setupTf()` turns it on.
 *
 * @param enabled `true` to use the corrected kernels, `false` for the stock ones.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { setupTf, setWasmKernelPatches, wasmKernelPatchesEnabled } from "@lib/tf/mod.ts";
 * await setupTf();
 * setWasmKernelPatches(false);
 * assert.equal(wasmKernelPatchesEnabled(), false);
 * setWasmKernelPatches(true);
 * assert.equal(wasmKernelPatchesEnabled(), true);
 * ```
 */
export function setWasmKernelPatches(enabled: boolean): void {
  const s = state();
  if (s.enabled === enabled) return;
  for (const name of PATCHED_WASM_KERNELS) {
    const stock = s.stock.get(name);
    if (enabled) {
      // Keep the stock setupFunc: it binds the wasm exports the stock kernel function calls.
      replace(name, {
        ...stock,
        kernelName: name,
        backendName: BACKEND,
        kernelFunc: patchedFn(name) as unknown as tf.KernelFunc,
      });
    } else {
      replace(name, stock);
    }
  }
  s.enabled = enabled;
}

/**
 * Whether the corrected wasm kernels of {@link setWasmKernelPatches} are registered.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { setupTf, wasmKernelPatchesEnabled } from "@lib/tf/mod.ts";
 * await setupTf({ patches: true });
 * assert.equal(wasmKernelPatchesEnabled(), true);
 * ```
 */
export function wasmKernelPatchesEnabled(): boolean {
  return state().enabled;
}
