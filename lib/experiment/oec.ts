import {
  assertFiniteArray,
  assertFiniteNumber,
  assertPositive,
  raise,
} from "../_shared/validate.ts";

/** One component of an {@link overallEvaluationCriterion}. */
export interface OecComponent {
  /** Per-user values of the metric. */
  values: ArrayLike<number>;
  /** Weight of the metric in the criterion. */
  weight: number;
  /** Scale the metric is divided by (e.g. its historical mean), > 0. */
  scale: number;
}

/**
 * An overall evaluation criterion (OEC; Kohavi, Tang & Xu 2020, ch. 7): one
 * per-user number that the launch decision is taken on, a weighted sum of
 * normalised metrics,
 * $$\text{OEC}_i = \sum_k w_k\, \frac{y_{ik}}{s_k},$$
 * where the scales s_k (historical means, fixed before the experiment) make the
 * weights comparable. Metrics that predict long-term value (retention) belong in
 * it; metrics the change must not harm but is not meant to move belong in the
 * guardrails ({@link launchDecision}).
 *
 * @param components Metrics with weights and scales, all the same length.
 * @returns The OEC per user.
 * @throws {RangeError} If there are no components, lengths differ, a value or
 *   weight is not finite, or a scale is not positive.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { overallEvaluationCriterion } from "@lib/experiment/mod.ts";
 * const oec = overallEvaluationCriterion([
 *   { values: [2, 4], weight: 0.5, scale: 2 },
 *   { values: [7, 5], weight: 0.5, scale: 5 },
 * ]);
 * assert.deepEqual(Array.from(oec), [0.5 * 1 + 0.5 * 1.4, 0.5 * 2 + 0.5 * 1]);
 * ```
 */
export function overallEvaluationCriterion(components: readonly OecComponent[]): Float64Array {
  const context = "compute overallEvaluationCriterion";
  if (!Array.isArray(components) || components.length === 0) {
    raise("range", context, "components must be a non-empty array");
  }
  const n = components[0]?.values?.length;
  const out = new Float64Array(n ?? 0);
  components.forEach((c, k) => {
    assertFiniteArray(c?.values, `components[${k}].values`, context);
    if (c.values.length !== n) {
      raise(
        "range",
        context,
        `components[${k}].values must have length ${n}, got ${c.values.length}`,
      );
    }
    assertFiniteNumber(c.weight, `components[${k}].weight`, context);
    assertPositive(c.scale, `components[${k}].scale`, context);
    for (let i = 0; i < n; i++) out[i] += (c.weight * c.values[i]) / c.scale;
  });
  return out;
}

/** What {@link launchDecision} needs of the primary test. */
export interface PrimaryReading {
  /** Whether the primary (OEC) test rejected H₀ at α. */
  significant: boolean;
  /** Its effect estimate (treatment − control). */
  effect: { estimate: number };
}

/** A guardrail's non-inferiority result, named. */
export interface GuardrailReading {
  /** The guardrail's name, for the reasons. */
  name: string;
  /** Whether the data rule out a harm beyond the guardrail's margin. */
  nonInferior: boolean;
}

/** Options of {@link launchDecision}. */
export interface LaunchDecisionOptions {
  /** Name of the tested metric in the reasons (default `"the primary metric"`), e.g. `"the OEC"`. */
  metric?: string;
}

/** Result of {@link launchDecision}. */
export interface LaunchDecision {
  /** `"ship"`, `"do not ship"` or `"inconclusive"` (run longer or larger). */
  decision: "ship" | "do not ship" | "inconclusive";
  /** Why, one sentence per reason. */
  reasons: string[];
}

/**
 * The launch rule of a pre-registered plan: ship when the primary metric (the OEC)
 * improves significantly at α *and* every guardrail passes its non-inferiority
 * test; do not ship when the primary worsens significantly or a guardrail cannot
 * rule out its harm; otherwise the experiment is inconclusive.
 *
 * @param primary The primary test (e.g. `welchTTest` on the OEC).
 * @param guardrails Named non-inferiority results (`nonInferiorityTest`).
 * @param options `metric`: how the reasons name the tested metric (default "the primary metric").
 * @returns See {@link LaunchDecision}.
 * @throws {TypeError} If an argument has the wrong shape or `metric` is not a non-empty string.
 * @see notebooks/04_experimentation.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { launchDecision } from "@lib/experiment/mod.ts";
 * const primary = { significant: true, effect: { estimate: 0.2 } };
 * assert.equal(launchDecision(primary, [{ name: "latency", nonInferior: true }]).decision, "ship");
 * assert.equal(launchDecision(primary, [{ name: "latency", nonInferior: false }]).decision, "do not ship");
 * const named = launchDecision(primary, [], { metric: "the OEC" });
 * assert.equal(named.reasons[0], "the OEC improved significantly");
 * ```
 */
export function launchDecision(
  primary: PrimaryReading,
  guardrails: readonly GuardrailReading[],
  options: LaunchDecisionOptions = {},
): LaunchDecision {
  const context = "compute launchDecision";
  const metric = options?.metric ?? "the primary metric";
  if (typeof metric !== "string" || metric.length === 0) {
    raise("type", context, `options.metric must be a non-empty string, got ${metric}`);
  }
  if (typeof primary?.significant !== "boolean" || typeof primary?.effect?.estimate !== "number") {
    raise("type", context, "primary must have significant and effect.estimate");
  }
  if (!Array.isArray(guardrails)) raise("type", context, "guardrails must be an array");
  guardrails.forEach((g, k) => {
    if (typeof g?.name !== "string" || typeof g?.nonInferior !== "boolean") {
      raise("type", context, `guardrails[${k}] must have a name and nonInferior`);
    }
  });
  const failed = guardrails.filter((g) => !g.nonInferior).map((g) =>
    `the guardrail "${g.name}" cannot rule out a harm beyond its margin`
  );
  const better = primary.significant && primary.effect.estimate > 0;
  const worse = primary.significant && primary.effect.estimate < 0;
  const reasons = [
    better
      ? `${metric} improved significantly`
      : worse
      ? `${metric} got significantly worse`
      : `${metric} did not change significantly`,
    ...failed,
  ];
  if (worse || failed.length > 0) return { decision: "do not ship", reasons };
  return { decision: better ? "ship" : "inconclusive", reasons };
}
