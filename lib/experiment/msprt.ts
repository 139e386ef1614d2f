import { assertFiniteNumber, assertOpenUnit, assertPositive } from "../_shared/validate.ts";
import type { Estimate } from "./types.ts";

/** Options of {@link msprt}. */
export interface MsprtOptions {
  /** Standard deviation τ of the normal mixture over effects (effect units, > 0). */
  tau: number;
  /** Significance level. @default 0.05 */
  alpha?: number;
}

/** Result of {@link msprt} at one look. */
export interface MsprtResult {
  /** The mixture likelihood ratio Λ of the data against θ = 0. */
  likelihoodRatio: number;
  /** min(1, 1/Λ): this look's always-valid p-value (take the running minimum over looks). */
  pValue: number;
  /** Λ ≥ 1/α. */
  reject: boolean;
  /** The always-valid (1 − α) confidence interval {θ₀ : Λ(θ₀) < 1/α}. */
  interval: Estimate;
}

/**
 * The mixture sequential probability ratio test (mSPRT) with a normal mixture
 * (Robbins 1970; Johari, Koomen, Pekelis & Walsh 2017, "Peeking at A/B tests"):
 * for an effect estimate θ̂ with variance V and a mixture θ ~ N(0, τ²),
 * $$\Lambda = \sqrt{\frac{V}{V + \tau^2}}\,
 *   \exp\!\left(\frac{\tau^2\,\hat\theta^2}{2V\,(V + \tau^2)}\right),$$
 * and H₀: θ = 0 is rejected the first time Λ ≥ 1/α. Λ is a martingale under H₀,
 * so by Ville's inequality the chance that it *ever* crosses 1/α is at most α:
 * the test may be looked at after every user, with no plan of looks. The
 * always-valid p-value is the running minimum of min(1, 1/Λ), and the interval
 * $$\hat\theta \pm \sqrt{\frac{V(V+\tau^2)}{\tau^2}
 *   \left(2\ln\frac1\alpha + \ln\frac{V+\tau^2}{V}\right)}.$$
 *
 * @param estimate The effect estimate θ̂ (e.g. difference of means).
 * @param variance Its variance V > 0.
 * @param options `tau` (required), `alpha`.
 * @returns See {@link MsprtResult}.
 * @throws {RangeError} If `estimate` is not finite, `variance` or `tau` is not
 *   positive, or `alpha` is outside (0, 1).
 * @see notebooks/04_experimentation.ipynb
 * @example V = τ² = 1, θ̂ = 2: Λ = e/√2
 * ```ts
 * import assert from "node:assert/strict";
 * import { msprt } from "@lib/experiment/mod.ts";
 * const r = msprt(2, 1, { tau: 1 });
 * assert.ok(Math.abs(r.likelihoodRatio - Math.E / Math.SQRT2) < 1e-12);
 * assert.equal(r.reject, false); // 1.92 < 1/α = 20
 * ```
 */
export function msprt(estimate: number, variance: number, options: MsprtOptions): MsprtResult {
  const context = "compute msprt";
  const { tau, alpha = 0.05 } = options ?? ({} as MsprtOptions);
  assertFiniteNumber(estimate, "estimate", context);
  assertPositive(variance, "variance", context);
  assertPositive(tau, "tau", context);
  assertOpenUnit(alpha, "alpha", context);
  const t2 = tau * tau, v = variance;
  const logLambda = 0.5 * Math.log(v / (v + t2)) + (t2 * estimate * estimate) / (2 * v * (v + t2));
  const likelihoodRatio = Math.exp(logLambda);
  const half = Math.sqrt((v * (v + t2) / t2) * (2 * Math.log(1 / alpha) + Math.log((v + t2) / v)));
  return {
    likelihoodRatio,
    pValue: Math.min(1, Math.exp(-logLambda)),
    reject: logLambda >= Math.log(1 / alpha),
    interval: { estimate, lower: estimate - half, upper: estimate + half },
  };
}
