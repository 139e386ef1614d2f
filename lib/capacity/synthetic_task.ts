import { assertFiniteNumber, assertInteger } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";

/** Features the true model of {@link syntheticTask} reads: $x_0 \dots x_7$. */
export const SYNTHETIC_INFORMATIVE = 8;

/** Options of {@link syntheticTask}. */
export interface SyntheticTaskOptions extends RandomOptions {
  /** Scale s of the true log-odds: larger is easier (higher Bayes accuracy). @default 1 */
  signal?: number;
}

/** What {@link syntheticTask} returns: features, the hidden truth and labels drawn from it. */
export interface SyntheticTask {
  /** Rows n. */
  n: number;
  /** Features per row f. */
  f: number;
  /** Features, row-major `n × f`, each a standard normal draw. */
  x: Float32Array;
  /** Row i as a view of `x` (for the tree models). */
  rows: Float32Array[];
  /** True log-odds z of each row. */
  logit: Float64Array;
  /** True probability σ(z) of the positive class: the relevance to rank by. */
  probability: Float64Array;
  /** Labels drawn from the truth: 1 with probability σ(z), else 0. */
  y: Int32Array;
}

/** The true log-odds of one row (unscaled). */
function trueLogit(x: Float32Array, o: number): number {
  return 1.2 * x[o] - 1.0 * x[o + 1] + 0.8 * x[o + 2] - 0.6 * x[o + 3] +
    1.5 * x[o + 4] * x[o + 5] + 1.2 * Math.sin(2 * x[o + 6]) + 0.8 * (x[o + 7] ** 2 - 1);
}

/**
 * A binary classification (and ranking) task with a known truth, for timing
 * models against n and f and for comparing what they learn. Features are
 * independent standard normals; only the first {@link SYNTHETIC_INFORMATIVE}
 * matter, through a linear part, an interaction and two non-linear terms:
 *
 * $$z = s\big(1.2x_0 - x_1 + 0.8x_2 - 0.6x_3 + 1.5x_4x_5 + 1.2\sin 2x_6 + 0.8(x_7^2 - 1)\big),
 *   \qquad y \sim \text{Bernoulli}(\sigma(z)).$$
 *
 * A linear model can learn only the first four terms; trees and networks can
 * learn all of them. The Bayes accuracy is the mean of $\max(\sigma(z), 1 - \sigma(z))$.
 *
 * @param n Rows (an integer ≥ 1).
 * @param f Features per row (an integer ≥ 8; the extra ones are noise).
 * @param options `seed` or `rng` (required), `signal`.
 * @returns A {@link SyntheticTask}.
 * @throws {RangeError} If n < 1, f < 8, or signal is negative or not finite.
 * @throws {TypeError} If neither seed nor rng is given.
 * @see notebooks/02_capacity.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { syntheticTask } from "@lib/capacity/mod.ts";
 * const task = syntheticTask(100, 12, { seed: 1 });
 * assert.equal(task.x.length, 1200);
 * assert.equal(task.rows[3][5], task.x[3 * 12 + 5]);
 * assert.ok(task.y.every((v) => v === 0 || v === 1));
 * assert.ok(Math.abs(task.probability[0] - 1 / (1 + Math.exp(-task.logit[0]))) < 1e-15);
 * ```
 */
export function syntheticTask(n: number, f: number, options: SyntheticTaskOptions): SyntheticTask {
  const context = "generate a synthetic task";
  assertInteger(n, "n", context, { min: 1 });
  assertInteger(f, "f", context, { min: SYNTHETIC_INFORMATIVE });
  const { signal = 1 } = options ?? {};
  assertFiniteNumber(signal, "signal", context, { min: 0 });
  const rng = resolveRng(options, context);
  const x = new Float32Array(n * f);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const logit = new Float64Array(n), probability = new Float64Array(n), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    logit[i] = signal * trueLogit(x, i * f);
    probability[i] = 1 / (1 + Math.exp(-logit[i]));
    y[i] = rng.random() < probability[i] ? 1 : 0;
  }
  const rows = Array.from({ length: n }, (_, i) => x.subarray(i * f, (i + 1) * f));
  return { n, f, x, rows, logit, probability, y };
}
