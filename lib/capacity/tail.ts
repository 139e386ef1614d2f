import { assertFiniteArray, assertInteger, assertOpenUnit, raise } from "../_shared/validate.ts";
import { _quantileSorted } from "./_quantile.ts";

function sortedSamples(
  samplesMs: ArrayLike<number>,
  shards: number,
  context: string,
): Float64Array {
  assertFiniteArray(samplesMs, "samplesMs", context);
  assertInteger(shards, "shards", context, { min: 1 });
  const sorted = Float64Array.from(samplesMs).sort();
  if (sorted[0] < 0) raise("range", context, `samplesMs must be ≥ 0, got ${sorted[0]}`);
  return sorted;
}

/**
 * Expected latency of the slowest of S shards when each shard's latency is an
 * independent draw from the measured samples (their empirical distribution).
 * With sorted samples $x_{(1)} \le \dots \le x_{(m)}$, the maximum of S draws is
 * at most $x_{(j)}$ with probability $(j/m)^S$, so exactly
 *
 * $$E\big[\max_{s \le S} X_s\big] = \sum_{j=1}^{m} x_{(j)}\Big[\big(\tfrac{j}{m}\big)^S - \big(\tfrac{j-1}{m}\big)^S\Big].$$
 *
 * It grows with S towards the largest sample: the more shards, the more
 * surely one of them is slow.
 *
 * @param samplesMs Measured shard latencies (ms, ≥ 0), at least one.
 * @param shards Shards S a request waits for (an integer ≥ 1).
 * @returns The expected slowest-shard latency in ms.
 * @throws {RangeError} On empty or negative samples, or shards < 1.
 * @see notebooks/02_capacity.ipynb
 *
 * @example Two equally likely latencies, 1 and 2 ms
 * ```ts
 * import assert from "node:assert/strict";
 * import { expectedSlowestShard } from "@lib/capacity/mod.ts";
 * assert.equal(expectedSlowestShard([1, 2], 1), 1.5);
 * assert.equal(expectedSlowestShard([1, 2], 2), 1.75); // P(both fast) = 1/4
 * ```
 */
export function expectedSlowestShard(samplesMs: ArrayLike<number>, shards: number): number {
  const sorted = sortedSamples(samplesMs, shards, "compute the expected slowest shard");
  const m = sorted.length;
  let expected = 0, below = 0;
  for (let j = 1; j <= m; j++) {
    const upTo = (j / m) ** shards;
    expected += sorted[j - 1] * (upTo - below);
    below = upTo;
  }
  return expected;
}

/**
 * The tail factor τ for S shards from measured shard latencies: the expected
 * slowest of S shards over the median shard,
 *
 * $$\tau = E\big[\max_{s \le S} X_s\big] \,/\, \operatorname{median}(X).$$
 *
 * Multiply a typical (median) shard latency by τ for the latency of a request
 * that waits for all S shards (`shardedLatency`'s `tailFactor`).
 *
 * @param samplesMs Measured shard latencies (ms, > 0 median), at least one.
 * @param shards Shards S (an integer ≥ 1).
 * @returns τ ≥ 1 for S large enough; close to 1 when latencies barely vary.
 * @throws {RangeError} On empty or negative samples, shards < 1, or a zero median.
 * @see notebooks/02_capacity.ipynb
 *
 * @example One slow shard in ten
 * ```ts
 * import assert from "node:assert/strict";
 * import { tailFactorFromSamples } from "@lib/capacity/mod.ts";
 * const samples = [10, 10, 10, 10, 10, 10, 10, 10, 10, 30];
 * assert.equal(tailFactorFromSamples(samples, 1), 1.2); // mean 12 over median 10
 * assert.ok(tailFactorFromSamples(samples, 100) > 2.99); // nearly surely hits the 30 ms shard
 * ```
 */
export function tailFactorFromSamples(samplesMs: ArrayLike<number>, shards: number): number {
  const context = "compute a tail factor";
  const sorted = sortedSamples(samplesMs, shards, context);
  const median = _quantileSorted(sorted, 0.5);
  if (median <= 0) {
    raise("range", context, `the median of samplesMs must be positive, got ${median}`);
  }
  return expectedSlowestShard(sorted, shards) / median;
}

/** Options of {@link slowestShardQuantile}. */
export interface SlowestShardQuantileOptions {
  /** The percentile of the request latency to plan for (0.99: p99). @default 0.99 */
  percentile?: number;
  /** Share of the largest samples the exponential tail is fitted to. @default 0.2 */
  tailFraction?: number;
}

/** What {@link slowestShardQuantile} returns. */
export interface SlowestShardQuantile {
  /** The `percentile` of the slowest of S shard latencies, in ms. */
  quantileMs: number;
  /** The level $q = p^{1/S}$ of the single-shard distribution it corresponds to. */
  level: number;
  /** True when q lies beyond the samples and the exponential tail was used. */
  extrapolated: boolean;
}

/**
 * The p-th percentile of the slowest of S independent shard latencies, from the measured
 * distribution of one shard's latency. The maximum of S independent draws is below x with
 * probability $F(x)^S$, so its p-quantile is the single-shard quantile at level
 * $q = p^{1/S}$:
 *
 * $$Q_{\max}(p) = F^{-1}\big(p^{1/S}\big).$$
 *
 * With m samples the empirical quantile (type 7) $\hat Q$ is used while $(1 - q)\,m \ge 1$ (at
 * least one sample expected beyond it), i.e. up to the level $q_0 = 1 - 1/m$. Beyond, the tail
 * is extrapolated with an exponential fitted to the excesses over the threshold u, the
 * $(1 - \text{tailFraction})$ quantile (the peaks-over-threshold method with shape 0, mean
 * excess $\bar e$), and never below the last empirical quantile:
 *
 * $$Q(q) = \max\Big(\hat Q(q_0),\; u + \bar e \ln\frac{\text{tailFraction}}{1 - q}\Big), \qquad q > q_0.$$
 *
 * Both parts grow with q, so the quantile never falls as S grows, even where a few large
 * samples put the empirical quantile above the fitted tail. The
exponential tail is an assumption the samples cannot show; report it with its uncertainty.
 *
 * @param samplesMs Measured single-shard latencies (ms, ≥ 0), at least 5.
 * @param shards Shards S a request waits for (an integer ≥ 1).
 * @param options See {@link SlowestShardQuantileOptions}.
 * @returns A {@link SlowestShardQuantile}.
 * @throws {RangeError} On fewer than 5 or negative samples, shards < 1, or a percentile or
 *   tailFraction outside (0, 1).
 * @see notebooks/02_capacity.ipynb
 *
 * @example Exponential latencies of mean 1 ms: the p90 of the slowest of 10 is −ln(1 − 0.9^{1/10})
 * ```ts
 * import assert from "node:assert/strict";
 * import { slowestShardQuantile } from "@lib/capacity/mod.ts";
 * const samples = Array.from({ length: 2000 }, (_, i) => -Math.log(1 - (i + 0.5) / 2000));
 * const q = slowestShardQuantile(samples, 10, { percentile: 0.9 });
 * assert.ok(!q.extrapolated && Math.abs(q.quantileMs - -Math.log(1 - 0.9 ** 0.1)) < 0.1); // 4.556
 * const far = slowestShardQuantile(samples, 10_000, { percentile: 0.99 });
 * assert.ok(far.extrapolated && Math.abs(far.quantileMs - -Math.log(1 - 0.99 ** 1e-4)) < 0.3);
 * ```
 */
export function slowestShardQuantile(
  samplesMs: ArrayLike<number>,
  shards: number,
  options: SlowestShardQuantileOptions = {},
): SlowestShardQuantile {
  return _slowestShardQuantiler(samplesMs, options)(shards);
}

/**
 * {@link slowestShardQuantile} for many S: sorts and validates once, then returns a function
 * of S (an integer ≥ 1).
 */
export function _slowestShardQuantiler(
  samplesMs: ArrayLike<number>,
  options: SlowestShardQuantileOptions = {},
): (shards: number) => SlowestShardQuantile {
  const context = "compute the slowest-shard quantile";
  const { percentile = 0.99, tailFraction = 0.2 } = options;
  const sorted = sortedSamples(samplesMs, 1, context);
  assertOpenUnit(percentile, "percentile", context);
  assertOpenUnit(tailFraction, "tailFraction", context);
  const m = sorted.length;
  if (m < 5) raise("range", context, `needs at least 5 samples, got ${m}`);
  const u = _quantileSorted(sorted, 1 - tailFraction);
  let sum = 0, count = 0;
  for (const x of sorted) if (x > u) (sum += x - u), count++;
  const meanExcess = count > 0 ? sum / count : 0;
  const lastLevel = 1 - 1 / m; // the highest level the samples reach
  const atLastLevel = _quantileSorted(sorted, lastLevel);
  return (shards: number) => {
    assertInteger(shards, "shards", context, { min: 1 });
    const level = percentile ** (1 / shards);
    if (level <= lastLevel) {
      return { quantileMs: _quantileSorted(sorted, level), level, extrapolated: false };
    }
    const quantileMs = Math.max(atLastLevel, u + meanExcess * Math.log(tailFraction / (1 - level)));
    return { quantileMs, level, extrapolated: true };
  };
}
