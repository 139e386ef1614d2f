import type { tf } from "../tf/mod.ts";
import { raise } from "../_shared/validate.ts";
import type { Standardizer } from "./standardizer.ts";

/** Rows to score: row-major values (a `FeatureMatrix` of `lib/world` or {@link RankingFeatures}). */
export interface ScoreRows {
  /** `numRows × numFeatures` values, row-major. */
  readonly values: ArrayLike<number>;
  /** Number of rows. */
  readonly numRows: number;
}

/** A compiled scoring function: one output per row (row-major for several outputs). */
export type DenseScorer = (rows: ScoreRows) => Float32Array;

const ACTIVATIONS: Record<string, (x: number) => number> = {
  linear: (x) => x,
  relu: (x) => (x > 0 ? x : 0),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: Math.tanh,
  elu: (x) => (x > 0 ? x : Math.expm1(x)),
};

interface DenseLayer {
  w: Float32Array | Int8Array;
  b: Float32Array;
  inDim: number;
  outDim: number;
  act: (x: number) => number;
}

/** Reads the dense layers of a model (dropout layers are the identity at inference). */
function denseLayers(model: tf.LayersModel, context: string): DenseLayer[] {
  const layers: DenseLayer[] = [];
  for (const layer of model.layers) {
    const kind = layer.getClassName();
    if (kind.endsWith("Dropout")) continue;
    if (kind !== "Dense") {
      raise("type", context, `only Dense and dropout layers are supported, got ${kind}`);
    }
    const name = String(layer.getConfig().activation ?? "linear");
    const act = ACTIVATIONS[name];
    if (act === undefined) raise("type", context, `activation "${name}" is not supported`);
    const [kernel, bias] = layer.getWeights();
    const [inDim, outDim] = kernel.shape as [number, number];
    const w = kernel.dataSync() as Float32Array;
    const b = bias ? (bias.dataSync() as Float32Array) : new Float32Array(outDim);
    layers.push({ w: Float32Array.from(w), b: Float32Array.from(b), inDim, outDim, act });
  }
  if (layers.length === 0) raise("type", context, "the model has no Dense layer");
  return layers;
}

/** Options of {@link denseScorer}. */
export interface DenseScorerOptions {
  /** A standardizer to apply to the raw features first (folded into the first layer). */
  standardizer?: Standardizer;
  /**
   * How the weights are stored: `"float32"`, or `"int8"` (post-training quantisation, one
   * scale per output unit, a quarter of the memory). @default "float32"
   */
  weights?: "float32" | "int8";
}

/**
 * Symmetric int8 quantisation of a row-major `inDim × outDim` weight matrix, one scale per
 * output column: $s_o = \max_i |w_{io}| / 127$, $q_{io} = \operatorname{round}(w_{io}/s_o)$,
 * so that $w_{io} \approx s_o\,q_{io}$ with an error of at most $s_o/2$.
 *
 * @param w The weights, row-major, `length` a multiple of `outDim`.
 * @param outDim Output units (columns), an integer ≥ 1.
 * @returns The int8 values and the scale of each column.
 * @throws {RangeError} If `w.length` is not a multiple of `outDim`.
 * @see notebooks/02_capacity.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { quantizeInt8 } from "@lib/models/mod.ts";
 * const { values, scale } = quantizeInt8([0.5, -2, -1, 1], 2); // columns [0.5, −1] and [−2, 1]
 * assert.deepEqual(Array.from(values), [64, -127, -127, 64]);
 * assert.ok(Math.abs(scale[0] - 1 / 127) < 1e-9 && Math.abs(scale[1] - 2 / 127) < 1e-9);
 * ```
 */
export function quantizeInt8(
  w: ArrayLike<number>,
  outDim: number,
): { values: Int8Array; scale: Float32Array } {
  const context = "quantize weights to int8";
  if (!Number.isInteger(outDim) || outDim < 1 || w.length % outDim !== 0) {
    raise("range", context, `w.length must be a multiple of outDim, got ${w.length} and ${outDim}`);
  }
  const scale = new Float32Array(outDim);
  for (let i = 0; i < w.length; i++) {
    scale[i % outDim] = Math.max(scale[i % outDim], Math.abs(w[i]) / 127);
  }
  const values = Int8Array.from(w, (v, i) => {
    const s = scale[i % outDim];
    return s > 0 ? Math.round(v / s) : 0;
  });
  return { values, scale };
}

/**
 * Compiles a TensorFlow.js model of Dense layers (such as `logisticRegression` and
 * `mlp` of `lib/models`) into a plain JavaScript function of its weights, for
 * serving: synchronous, with no tensors to create and dispose per request and no
 * TensorFlow.js at serving time. Measured here (wasm backend): for a few dozen rows it
 * is several times faster than a tfjs call, whose fixed cost is about 0.1 ms; for
 * hundreds of rows or more the two are on par. A standardizer, if given, is folded
 * into the first layer,
 *
 * $$W' = \operatorname{diag}(1/\sigma)\,W,\qquad b' = b - (\mu/\sigma)^\top W,$$
 *
 * so the scorer takes raw feature rows. With `weights: "int8"` each layer's weights are
 * quantised by {@link quantizeInt8} after that folding (activations stay in floating point).
 * The weights are copied: training the model
 * further does not change the scorer. Softmax outputs are not supported.
 *
 * @param model A model of Dense layers with linear, relu, sigmoid, tanh or elu
 *   activations (dropout layers are skipped).
 * @param options See {@link DenseScorerOptions}.
 * @returns A {@link DenseScorer}.
 * @throws {TypeError} For another layer type or activation.
 * @throws {RangeError} If the standardizer's width differs from the model's input.
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { denseScorer } from "@lib/models/mod.ts";
 * import { logisticRegression, predictProba } from "@lib/models/mod.ts";
 * import { setupTf, tf } from "@lib/tf/mod.ts";
 * await setupTf();
 * const model = logisticRegression({ inputDim: 2, seed: 3 });
 * const values = new Float32Array([0.5, -1, 2, 0.25]);
 * const score = denseScorer(model);
 * const x = tf.tensor2d(values, [2, 2]);
 * const expected = predictProba(model, x);
 * score({ values, numRows: 2 }).forEach((p, i) => assert.ok(Math.abs(p - expected[i]) < 1e-6));
 * x.dispose();
 * model.dispose();
 * ```
 */
export function denseScorer(
  model: tf.LayersModel,
  options: DenseScorerOptions = {},
): DenseScorer {
  const context = "compile a dense scorer";
  const layers = denseLayers(model, context);
  const { standardizer, weights = "float32" } = options;
  if (weights !== "float32" && weights !== "int8") {
    raise("range", context, `weights must be "float32" or "int8", got ${JSON.stringify(weights)}`);
  }
  if (standardizer !== undefined) {
    const first = layers[0];
    if (standardizer.mean.length !== first.inDim) {
      raise(
        "range",
        context,
        `the standardizer has ${standardizer.mean.length} columns but the model takes ${first.inDim}`,
      );
    }
    for (let i = 0; i < first.inDim; i++) {
      const { mean, std } = standardizer;
      for (let o = 0; o < first.outDim; o++) {
        first.w[i * first.outDim + o] /= std[i];
        first.b[o] -= mean[i] * first.w[i * first.outDim + o];
      }
    }
  }
  const compiled = layers.map((l) => {
    if (weights === "float32") return { ...l, scale: new Float32Array(l.outDim).fill(1) };
    const { values, scale } = quantizeInt8(l.w, l.outDim);
    return { ...l, w: values, scale };
  });
  const width = Math.max(...layers.map((l) => l.outDim), layers[0].inDim);
  let a = new Float64Array(width), z = new Float64Array(width);
  const outDim = layers[layers.length - 1].outDim, inDim = layers[0].inDim;
  return (rows: ScoreRows) => {
    const { values, numRows } = rows;
    if (values.length !== numRows * inDim) {
      raise(
        "range",
        "score rows",
        `values must hold numRows × ${inDim} = ${numRows * inDim} numbers, got ${values.length}`,
      );
    }
    const out = new Float32Array(numRows * outDim);
    for (let r = 0; r < numRows; r++) {
      for (let i = 0; i < inDim; i++) a[i] = values[r * inDim + i];
      for (const { w, b, scale, inDim: n, outDim: m, act } of compiled) {
        for (let o = 0; o < m; o++) z[o] = 0;
        for (let i = 0; i < n; i++) {
          const ai = a[i];
          if (ai === 0) continue;
          for (let o = 0; o < m; o++) z[o] += ai * w[i * m + o];
        }
        for (let o = 0; o < m; o++) z[o] = act(b[o] + scale[o] * z[o]);
        [a, z] = [z, a];
      }
      for (let o = 0; o < outDim; o++) out[r * outDim + o] = a[o];
    }
    return out;
  };
}
