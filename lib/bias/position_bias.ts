import { assertInteger, assertNumberArray, raise } from "../_shared/validate.ts";

/** The log columns that {@link estimatePositionBias} reads. */
export interface PositionLog {
  /** Feed position of each impression, 0 = top. */
  readonly position: ArrayLike<number>;
  /** 1 if the user engaged, else 0. */
  readonly engaged: ArrayLike<number>;
}

/** Options of {@link estimatePositionBias}. */
export interface PositionBiasOptions {
  /** Only these log rows (e.g. the sessions that got a random order). @default every row */
  rows?: ArrayLike<number>;
}

/** The result of {@link estimatePositionBias}, one entry per position 0 … P−1. */
export interface PositionBias {
  /** Impressions at each position. */
  impressions: number[];
  /** Engagements at each position. */
  engagements: number[];
  /** Engagement rate at each position. */
  ctr: number[];
  /** Estimated examination probability relative to the top: $\hat\theta_p = \text{CTR}_p / \text{CTR}_0$. */
  examination: number[];
  /** Standard error of each $\hat\theta_p$ (delta method; 0 at position 0). */
  standardError: number[];
}

/**
 * Estimates position bias – how much less often a post is looked at further
 * down the feed – from impressions whose order was random. Under the
 * position-based click model $P(\text{engage}) = \theta_p \cdot r$, and with a
 * random order the mean relevance $\bar r$ is the same at every position, so
 *
 * $$ \text{CTR}_p = \theta_p\,\bar r \quad\Rightarrow\quad
 *    \hat\theta_p = \frac{\text{CTR}_p}{\text{CTR}_0} \ (\theta_0 = 1), \qquad
 *    \text{SE}(\hat\theta_p) \approx \hat\theta_p
 *    \sqrt{\tfrac{1 - c_p}{n_p c_p} + \tfrac{1 - c_0}{n_0 c_0}} $$
 *
 * with $c_p$ the CTR and $n_p$ the impressions at position $p$. On logs of a
 * ranking policy the same ratio mixes position bias with the policy putting
 * better posts on top, and overstates the bias.
 *
 * @param log Columns `position` and `engaged`.
 * @param options Which rows to use.
 * @returns Counts, CTRs and the relative examination probability per position.
 * @throws {RangeError} On columns of different lengths, a position that is not a
 *   non-negative integer, a row index out of range, or no engagement at position 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { estimatePositionBias } from "@lib/bias/mod.ts";
 * // Position 0: 2 of 4 engaged; position 1: 1 of 4 engaged.
 * const log = { position: [0, 1, 0, 1, 0, 1, 0, 1], engaged: [1, 1, 1, 0, 0, 0, 0, 0] };
 * const bias = estimatePositionBias(log);
 * assert.deepEqual(bias.ctr, [0.5, 0.25]);
 * assert.deepEqual(bias.examination, [1, 0.5]);
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function estimatePositionBias(
  log: PositionLog,
  options: PositionBiasOptions = {},
): PositionBias {
  const context = "estimate position bias";
  assertNumberArray(log?.position, "position", context);
  assertNumberArray(log?.engaged, "engaged", context);
  const { position, engaged } = log;
  if (position.length !== engaged.length) {
    raise(
      "range",
      context,
      `position and engaged must have the same length, got ${position.length} and ${engaged.length}`,
    );
  }
  const rows = options.rows ?? { length: position.length };
  const impressions: number[] = [], engagements: number[] = [];
  for (let j = 0; j < rows.length; j++) {
    const r = options.rows === undefined ? j : options.rows[j];
    assertInteger(r, `rows[${j}]`, context, { min: 0, max: position.length - 1 });
    const p = position[r];
    assertInteger(p, `position[${r}]`, context, { min: 0 });
    while (impressions.length <= p) {
      impressions.push(0);
      engagements.push(0);
    }
    impressions[p]++;
    engagements[p] += engaged[r] ? 1 : 0;
  }
  if (!(engagements[0] > 0)) {
    raise("range", context, "position 0 needs at least one engagement to compare with");
  }
  const ctr = impressions.map((n, p) => (n > 0 ? engagements[p] / n : NaN));
  const relVar = (p: number) => (1 - ctr[p]) / (impressions[p] * ctr[p]);
  const examination = ctr.map((c) => c / ctr[0]);
  const standardError = examination.map((t, p) =>
    p === 0 ? 0 : t * Math.sqrt((ctr[p] > 0 ? relVar(p) : NaN) + relVar(0))
  );
  return { impressions, engagements, ctr, examination, standardError };
}
