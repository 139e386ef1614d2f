import { assertFiniteNumber, assertOpenUnit, assertPositive } from "../_shared/validate.ts";

/** The serving requirements of a product: traffic and latency budget. */
export interface Requirements {
  /** Users active on a day. */
  dailyActiveUsers: number;
  /** Requests one user makes per day. */
  requestsPerUser: number;
  /** Peak traffic over mean traffic. */
  peakToMean: number;
  /** Items a request chooses from (documents in the index). */
  items: number;
  /** Latency budget of a request in ms, met at `slaPercentile`. */
  slaMs: number;
  /** The percentile the SLA is stated at (0.99: p99). */
  slaPercentile: number;
}

/**
 * The search product's requirements, as chapter 1 states them (50 M daily users, 3 searches
 * each, peak 3× the mean, 10⁸ documents, 100 ms at p99). The one place chapters read them
 * from.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SEARCH_REQUIREMENTS } from "@lib/capacity/mod.ts";
 * assert.equal(SEARCH_REQUIREMENTS.slaPercentile, 0.99);
 * ```
 */
export const SEARCH_REQUIREMENTS: Readonly<Requirements> = Object.freeze({
  dailyActiveUsers: 50_000_000,
  requestsPerUser: 3,
  peakToMean: 3,
  items: 100_000_000,
  slaMs: 100,
  slaPercentile: 0.99,
});

/**
 * Peak queries per second of a product,
 *
 * $$\text{QPS}_\text{peak} = \frac{\text{users} \times \text{requests per user}}{86\,400\ \text{s}} \times \frac{\text{peak}}{\text{mean}}.$$
 *
 * @param requirements See {@link Requirements}; only the traffic fields are read.
 * @returns Queries per second at peak.
 * @throws {RangeError} If a traffic field is not positive, or the percentile is not in (0, 1).
 * @see notebooks/02_capacity.ipynb
 *
 * @example Chapter 1's search traffic: 50 M users × 3 searches / 86,400 s × 3 ≈ 5,208 QPS
 * ```ts
 * import assert from "node:assert/strict";
 * import { peakQps, SEARCH_REQUIREMENTS } from "@lib/capacity/mod.ts";
 * assert.ok(Math.abs(peakQps(SEARCH_REQUIREMENTS) - 5208.333) < 1e-3);
 * ```
 */
export function peakQps(requirements: Requirements): number {
  const context = "compute peak QPS";
  const { dailyActiveUsers, requestsPerUser, peakToMean, slaPercentile } = requirements ?? {};
  assertPositive(dailyActiveUsers, "dailyActiveUsers", context);
  assertPositive(requestsPerUser, "requestsPerUser", context);
  assertFiniteNumber(peakToMean, "peakToMean", context, { min: 1 });
  assertOpenUnit(slaPercentile, "slaPercentile", context);
  return (dailyActiveUsers * requestsPerUser / 86_400) * peakToMean;
}
