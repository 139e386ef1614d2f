import * as tf from "@tensorflow/tfjs";
import { asWasmBackend, type KernelArgs } from "./wasm_heap.ts";

/**
 * A wasm `Conv2DBackpropFilter` kernel, which the stock wasm backend lacks: the gradient of a
 * 2-D convolution with respect to its filter, so that convolutional networks train on wasm.
 * For channels-last input $x$ (batch, rows, columns, channels) and output gradient $dy$,
 *
 * $$dW[r, c, i, o] = \sum_{b, y_r, y_c} x[b,\ r + s_h y_r - p_t,\ c + s_w y_c - p_l,\ i]\;
 * dy[b, y_r, y_c, o],$$
 *
 * with strides $s$ and padding $p$ as tfjs computes them (`computeConv2DInfo`), terms outside
 * the input dropped. Sums run in float64 and are rounded once. Dilation is 1 (tfjs's gradient
 * of a dilated convolution does not call this kernel). Cost: one multiply–add per multiply–add
 * of the forward convolution.
 *
 * @returns The filter gradient, shape `filterShape` (rows, columns, in channels, out channels).
 * @throws {Error} For channels-first data.
 */
export function conv2DBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const { x, dy } = args.inputs;
  const attrs = args.attrs ?? {};
  const backend = asWasmBackend(args.backend);
  const format = tf.backend_util.convertConv2DDataFormat(attrs.dataFormat as "NHWC" | "NCHW");
  if (format !== "channelsLast") {
    throw new Error("Conv2DBackpropFilter on wasm supports channels-last (NHWC) data only");
  }
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape as [number, number, number, number],
    attrs.strides as [number, number],
    1,
    attrs.pad as "valid",
    attrs.dimRoundingMode as "round" | undefined,
    false,
    format,
  );
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const top = info.padInfo.top, left = info.padInfo.left;
  const xs = backend.readSync(x.dataId) as Float32Array;
  const dys = backend.readSync(dy.dataId) as Float32Array;
  const sums = new Float64Array(filterHeight * filterWidth * inChannels * outChannels);
  for (let b = 0; b < batchSize; b++) {
    for (let yr = 0; yr < outHeight; yr++) {
      for (let yc = 0; yc < outWidth; yc++) {
        const dyOff = ((b * outHeight + yr) * outWidth + yc) * outChannels;
        for (let wr = 0; wr < filterHeight; wr++) {
          const xr = wr + yr * strideHeight - top;
          if (xr < 0 || xr >= inHeight) continue;
          for (let wc = 0; wc < filterWidth; wc++) {
            const xc = wc + yc * strideWidth - left;
            if (xc < 0 || xc >= inWidth) continue;
            const xOff = ((b * inHeight + xr) * inWidth + xc) * inChannels;
            const wOff = (wr * filterWidth + wc) * inChannels * outChannels;
            for (let i = 0; i < inChannels; i++) {
              const xv = xs[xOff + i];
              if (xv === 0) continue; // ReLU outputs and padding are often exactly 0
              const row = wOff + i * outChannels;
              for (let o = 0; o < outChannels; o++) sums[row + o] += xv * dys[dyOff + o];
            }
          }
        }
      }
    }
  }
  const out = backend.makeOutput(info.filterShape, "float32");
  // The view is taken after makeOutput: an allocation may grow and replace the heap buffer.
  (backend.typedArrayFromHeap(out) as Float32Array).set(sums);
  return out;
}
