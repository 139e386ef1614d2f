import { assertFiniteArray, assertInteger, raise } from "../_shared/validate.ts";
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
