import { assertOpenUnit, assertPositive, raise } from "../_shared/validate.ts";

/** The numbers a service is sized by: traffic, collection size and latency budget. */
export interface ServiceRequirements {
  /** Users active on a typical day. */
  readonly dailyActiveUsers: number;
  /** Requests (searches, feed loads) each active user makes per day. */
  readonly requestsPerUserPerDay: number;
  /** Peak load over the mean load (≥ 1): traffic is not flat over the day. */
  readonly peakToMean: number;
  /** Items one request chooses from (documents in the index, eligible posts). */
  readonly items: number;
  /** Latency budget of a request, in ms, met at {@link ServiceRequirements.slaPercentile}. */
  readonly slaMs: number;
  /** The percentile the SLA is stated at: 0.99 for a p99 budget. */
  readonly slaPercentile: number;
}

/**
 * Requirements of the search engine that chapters 1 and 2 size: 50 M daily
 * users making 3 searches each, a peak three times the mean, an index of
 * 100 M documents and 100 ms at p99.
 *
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SEARCH_REQUIREMENTS } from "@lib/capacity/mod.ts";
 * assert.equal(SEARCH_REQUIREMENTS.items, 100_000_000);
 * assert.equal(SEARCH_REQUIREMENTS.slaMs, 100);
 * assert.equal(SEARCH_REQUIREMENTS.slaPercentile, 0.99);
 * ```
 */
export const SEARCH_REQUIREMENTS: ServiceRequirements = Object.freeze({
  dailyActiveUsers: 50_000_000,
  requestsPerUserPerDay: 3,
  peakToMean: 3,
  items: 100_000_000,
  slaMs: 100,
  slaPercentile: 0.99,
});

/**
 * Requirements of the feed ranker of chapter 1: the same 50 M daily users
 * opening the feed 10 times a day, 500 M posts eligible a day, 200 ms at p99.
 *
 * @see notebooks/01_setup.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { FEED_REQUIREMENTS, SEARCH_REQUIREMENTS } from "@lib/capacity/mod.ts";
 * assert.equal(FEED_REQUIREMENTS.dailyActiveUsers, SEARCH_REQUIREMENTS.dailyActiveUsers);
 * ```
 */
export const FEED_REQUIREMENTS: ServiceRequirements = Object.freeze({
  dailyActiveUsers: 50_000_000,
  requestsPerUserPerDay: 10,
  peakToMean: 3,
  items: 500_000_000,
  slaMs: 200,
  slaPercentile: 0.99,
});

/** The load a {@link ServiceRequirements} implies. */
export interface RequiredLoad {
  /** Mean requests per second over a day. */
  readonly meanQps: number;
  /** Requests per second at the peak. */
  readonly peakQps: number;
  /** Time per item, in ns, if one machine scored every item within the SLA. */
  readonly nsPerItem: number;
}

/**
 * The load that requirements imply, and the time budget per item if a single
 * machine scored the whole collection:
 *
 * $$\text{QPS}_\text{mean} = \frac{\text{DAU} \times \text{requests per user}}{86\,400\ \text{s}},\qquad
 * \text{QPS}_\text{peak} = \text{QPS}_\text{mean} \times \frac{\text{peak}}{\text{mean}},\qquad
 * t_\text{item} = \frac{\text{SLA}}{\#\text{items}}.$$
 *
 * @param requirements See {@link ServiceRequirements}.
 * @returns `{ meanQps, peakQps, nsPerItem }`.
 * @throws {RangeError} If a field is not a positive finite number or `peakToMean < 1`.
 * @see notebooks/01_setup.ipynb
 * @example 50 M users × 3 searches a day: about 1736 QPS on average
 * ```ts
 * import assert from "node:assert/strict";
 * import { requiredLoad, SEARCH_REQUIREMENTS } from "@lib/capacity/mod.ts";
 * const load = requiredLoad(SEARCH_REQUIREMENTS);
 * assert.ok(Math.abs(load.meanQps - 150_000_000 / 86_400) < 1e-9);
 * assert.ok(Math.abs(load.nsPerItem - 1) < 1e-12); // 100 ms over 100 M documents
 * ```
 */
export function requiredLoad(requirements: ServiceRequirements): RequiredLoad {
  const context = "compute the required load";
  if (typeof requirements !== "object" || requirements === null) {
    raise("type", context, "requirements must be an object");
  }
  const { dailyActiveUsers, requestsPerUserPerDay, peakToMean, items, slaMs, slaPercentile } =
    requirements;
  assertPositive(dailyActiveUsers, "dailyActiveUsers", context);
  assertPositive(requestsPerUserPerDay, "requestsPerUserPerDay", context);
  assertPositive(peakToMean, "peakToMean", context);
  if (peakToMean < 1) raise("range", context, `peakToMean must be at least 1, got ${peakToMean}`);
  assertPositive(items, "items", context);
  assertPositive(slaMs, "slaMs", context);
  assertOpenUnit(slaPercentile, "slaPercentile", context);
  const meanQps = (dailyActiveUsers * requestsPerUserPerDay) / 86_400;
  return { meanQps, peakQps: meanQps * peakToMean, nsPerItem: (slaMs * 1e6) / items };
}

/**
 * The peak requests per second that requirements imply: `requiredLoad(r).peakQps`.
 *
 * @throws {RangeError} As {@link requiredLoad}.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { peakQps, SEARCH_REQUIREMENTS } from "@lib/capacity/mod.ts";
 * assert.equal(Math.round(peakQps(SEARCH_REQUIREMENTS)), 5208);
 * ```
 */
export function peakQps(requirements: ServiceRequirements): number {
  return requiredLoad(requirements).peakQps;
}
