import { assertFiniteArray, assertFiniteNumber, raise } from "../_shared/validate.ts";

/** Options of {@link targetEncoder}. */
export interface TargetEncoderOptions {
  /** Pseudo-examples at the overall mean added to every category (shrinkage). @default 3 */
  prior?: number;
}

/** A fitted {@link targetEncoder}. */
export interface TargetEncoder {
  /** Mean target over all training examples. */
  readonly mean: number;
  /** The encoding of a category (the overall mean for an unseen one). */
  encode(key: string): number;
  /**
   * The encoding of a training example's category without the example's own target
   * (leave-one-out), so that the feature does not leak the label it is trained on.
   */
  encodeTraining(key: string, target: number): number;
}

/**
 * Target (mean) encoding of a categorical feature with many values, e.g. a film's
 * director: each category becomes the mean target of its training examples, shrunk
 * towards the overall mean μ by `prior` pseudo-examples,
 * $$e(k) = \frac{\sum_{i: k_i = k} y_i + m\,\mu}{n_k + m},$$
 * and a training example is encoded without its own target (leave-one-out) so that
 * the encoding does not leak its label.
 *
 * @param keys The category of each training example.
 * @param targets The target of each training example (finite).
 * @param options `prior` m ≥ 0 (default 3).
 * @returns A {@link TargetEncoder}.
 * @throws {RangeError} If lengths differ, `targets` is empty or not finite, or `prior` < 0.
 * @throws {TypeError} If `keys` is not an array of strings.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { targetEncoder } from "@lib/models/mod.ts";
 * const enc = targetEncoder(["a", "a", "b"], [8, 6, 2], { prior: 1 });
 * assert.equal(enc.mean, 16 / 3);
 * assert.equal(enc.encode("a"), (14 + 16 / 3) / 3);
 * assert.equal(enc.encodeTraining("a", 8), (6 + 16 / 3) / 2);
 * assert.equal(enc.encode("unseen"), 16 / 3);
 * ```
 */
export function targetEncoder(
  keys: readonly string[],
  targets: ArrayLike<number>,
  options: TargetEncoderOptions = {},
): TargetEncoder {
  const context = "fit targetEncoder";
  const { prior = 3 } = options;
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== "string")) {
    raise("type", context, "keys must be an array of strings");
  }
  assertFiniteArray(targets, "targets", context);
  if (keys.length !== targets.length) {
    raise(
      "range",
      context,
      `keys and targets must have the same length, got ${keys.length} and ${targets.length}`,
    );
  }
  assertFiniteNumber(prior, "prior", context, { min: 0 });
  const stats = new Map<string, { sum: number; n: number }>();
  let total = 0;
  keys.forEach((k, i) => {
    const s = stats.get(k) ?? { sum: 0, n: 0 };
    s.sum += targets[i];
    s.n++;
    stats.set(k, s);
    total += targets[i];
  });
  const mean = total / keys.length;
  const shrunk = (sum: number, n: number) =>
    n + prior > 0 ? (sum + prior * mean) / (n + prior) : mean;
  return {
    mean,
    encode: (key) => {
      const s = stats.get(key);
      return s ? shrunk(s.sum, s.n) : mean;
    },
    encodeTraining: (key, target) => {
      const s = stats.get(key);
      if (!s) {
        raise(
          "range",
          "encode with targetEncoder",
          `${JSON.stringify(key)} is not a training category`,
        );
      }
      return shrunk(s.sum - target, s.n - 1);
    },
  };
}
