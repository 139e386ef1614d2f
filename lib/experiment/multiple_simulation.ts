import { assertFiniteNumber, assertInteger, assertOpenUnit, raise } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";
import { normalCdf } from "./_stats.ts";
import { benjaminiHochberg, bonferroni } from "./multiple.ts";

/** Options of {@link simulateMultipleTesting}. */
export interface MultipleTestingOptions {
  /** Simulated experiments (families of tests). @default 2000 */
  families?: number;
  /** Metrics tested per experiment, m. @default 20 */
  metrics?: number;
  /** How many of the m metrics have a true effect (the others are null). @default 5 */
  affected?: number;
  /**
   * Mean z statistic of an affected metric, δ/SE (2.8 gives 80% power to a single
   * two-sided test at α = 0.05). @default 2.8
   */
  shift?: number;
  /** Level of every rule: per test, family-wise or false discovery rate. @default 0.05 */
  alpha?: number;
}

/** Error rates and power of one decision rule, averaged over the families. */
export interface CorrectionOutcome {
  /** Share of families with at least one null metric rejected (FWER). */
  familyWiseErrorRate: number;
  /** Mean over families of V / max(R, 1): false rejections among rejections (FDR). */
  falseDiscoveryRate: number;
  /** Mean share of the affected metrics rejected (NaN when none is affected). */
  power: number;
  /** Mean number of rejections per family. */
  rejections: number;
}

/** Result of {@link simulateMultipleTesting}: one outcome per rule. */
export interface MultipleTestingResult {
  /** Each metric tested at α with no correction. */
  uncorrected: CorrectionOutcome;
  /** {@link bonferroni}: family-wise error rate at α. */
  bonferroni: CorrectionOutcome;
  /** {@link benjaminiHochberg}: false discovery rate at α. */
  benjaminiHochberg: CorrectionOutcome;
  /** The options used, defaults filled in. */
  options: Required<MultipleTestingOptions>;
}

/**
 * Simulates experiments that each test m metrics, k of them with a true effect,
 * and measures what three decision rules deliver: no correction, Bonferroni and
 * Benjamini–Hochberg. Metric j has an independent statistic
 * z_j ~ N(shift·[j < k], 1) and the two-sided p-value p_j = 2Φ(−|z_j|). Without
 * correction the family-wise error rate of m₀ = m − k null metrics is
 * $$\text{FWER} = 1 - (1 - \alpha)^{m_0},$$
 * Bonferroni keeps it at most α, and Benjamini–Hochberg keeps the false discovery
 * rate E[V / max(R, 1)] at most α·m₀/m while rejecting at least what Bonferroni rejects.
 *
 * @param options See {@link MultipleTestingOptions}.
 * @param random `{ seed }` or `{ rng }`.
 * @returns FWER, FDR, power and rejections of each rule.
 * @throws {RangeError} If a count is not a positive integer, `affected` exceeds
 *   `metrics`, `shift` is not finite or `alpha` is outside (0, 1).
 * @throws {TypeError} Without a seed or rng.
 * @see notebooks/04_experimentation.ipynb
 * @example Ten null metrics: about 40% of experiments find "something" without correction
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateMultipleTesting } from "@lib/experiment/mod.ts";
 * const r = simulateMultipleTesting({ metrics: 10, affected: 0 }, { seed: 1 });
 * assert.ok(Math.abs(r.uncorrected.familyWiseErrorRate - (1 - 0.95 ** 10)) < 0.04);
 * assert.ok(r.bonferroni.familyWiseErrorRate < 0.08);
 * ```
 */
export function simulateMultipleTesting(
  options: MultipleTestingOptions,
  random: RandomOptions,
): MultipleTestingResult {
  const context = "run simulateMultipleTesting";
  const { families = 2000, metrics = 20, affected = 5, shift = 2.8, alpha = 0.05 } = options ?? {};
  assertInteger(families, "families", context, { min: 1 });
  assertInteger(metrics, "metrics", context, { min: 1 });
  assertInteger(affected, "affected", context, { min: 0 });
  if (affected > metrics) {
    raise("range", context, `affected must be at most metrics=${metrics}, got ${affected}`);
  }
  assertFiniteNumber(shift, "shift", context);
  assertOpenUnit(alpha, "alpha", context);
  const rng = resolveRng(random, context);
  const rules = {
    uncorrected: (p: number[]) => p.map((v) => v <= alpha),
    bonferroni: (p: number[]) => bonferroni(p, { alpha }).rejected,
    benjaminiHochberg: (p: number[]) => benjaminiHochberg(p, { alpha }).rejected,
  };
  const sums = Object.fromEntries(
    Object.keys(rules).map((k) => [k, { fwer: 0, fdr: 0, power: 0, rejections: 0 }]),
  );
  const p = new Array<number>(metrics);
  for (let f = 0; f < families; f++) {
    for (let j = 0; j < metrics; j++) {
      const z = rng.normal(j < affected ? shift : 0, 1);
      p[j] = Math.min(1, 2 * normalCdf(-Math.abs(z)));
    }
    for (const [name, rule] of Object.entries(rules)) {
      const rejected = rule(p), s = sums[name];
      let falseRejections = 0, trueRejections = 0;
      for (let j = 0; j < metrics; j++) {
        if (rejected[j] && j < affected) trueRejections++;
        else if (rejected[j]) falseRejections++;
      }
      const total = falseRejections + trueRejections;
      s.fwer += falseRejections > 0 ? 1 : 0;
      s.fdr += total > 0 ? falseRejections / total : 0;
      s.power += affected > 0 ? trueRejections / affected : NaN;
      s.rejections += total;
    }
  }
  const outcome = (name: string): CorrectionOutcome => ({
    familyWiseErrorRate: sums[name].fwer / families,
    falseDiscoveryRate: sums[name].fdr / families,
    power: sums[name].power / families,
    rejections: sums[name].rejections / families,
  });
  return {
    uncorrected: outcome("uncorrected"),
    bonferroni: outcome("bonferroni"),
    benjaminiHochberg: outcome("benjaminiHochberg"),
    options: { families, metrics, affected, shift, alpha },
  };
}
