// Private: the conventions shared by the ranking metrics on scores and on id
// lists: AP@k normalisations and the policy for queries without relevant items.
import { assertOneOf, raise } from "../_shared/validate.ts";

/**
 * The denominator of AP@k: `"relevant"` |R| (trec_eval's `map`, IIR §8.4),
 * `"capped"` min(|R|, k) (ml_metrics/Kaggle `apk`), `"hits"` the relevant
 * items retrieved in the top k (torchmetrics' `retrieval_average_precision`
 * with `top_k`).
 */
export type ApNormalization = "relevant" | "capped" | "hits";

/** The three normalisations, for validation and iteration. */
export const AP_NORMALIZATIONS: readonly ApNormalization[] = ["relevant", "capped", "hits"];

/**
 * What a mean over queries does with a query without relevant items, whose
 * recall, AP and reciprocal rank are undefined: `"skip"` it (average over the
 * others), count it as `"zero"`, or throw an `"error"`.
 */
export type NoRelevantPolicy = "skip" | "zero" | "error";

/** The three policies, for validation and iteration. */
export const NO_RELEVANT_POLICIES: readonly NoRelevantPolicy[] = ["skip", "zero", "error"];

/** Validates `normalization` (default "capped") and returns AP's denominator as a function of the hits. */
export function apDenominator(
  normalization: unknown,
  relevant: number,
  k: number,
  context: string,
): (hits: number) => number {
  const value = normalization ?? "capped";
  assertOneOf(value, AP_NORMALIZATIONS, "normalization", context);
  if (value === "relevant") return () => relevant;
  if (value === "capped") return () => Math.min(relevant, k);
  return (hits) => hits;
}

/** Validates a `noRelevant` policy, with its default. */
export function noRelevantPolicy(
  value: unknown,
  fallback: NoRelevantPolicy,
  context: string,
): NoRelevantPolicy {
  const policy = value ?? fallback;
  assertOneOf(policy, NO_RELEVANT_POLICIES, "noRelevant", context);
  return policy;
}

/**
 * Averages per-query values, applying `policy` to the queries flagged as
 * having no relevant item (`undefined` entries).
 */
export function meanWithPolicy(
  values: readonly (number | undefined)[],
  policy: NoRelevantPolicy,
  names: (q: number) => string,
  metric: string,
  context: string,
): number {
  let sum = 0, count = 0;
  for (let q = 0; q < values.length; q++) {
    const v = values[q];
    if (v !== undefined) {
      sum += v;
      count++;
    } else if (policy === "zero") {
      count++;
    } else if (policy === "error") {
      raise(
        "range",
        context,
        `${
          names(q)
        } has no relevant item, so its ${metric} is undefined; pass noRelevant: "skip" or "zero"`,
      );
    }
  }
  if (count === 0) {
    raise("range", context, `no query has a relevant item, so the mean ${metric} is undefined`);
  }
  return sum / count;
}
