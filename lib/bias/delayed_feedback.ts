import { assertFiniteNumber, assertInteger, assertPositive } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";

/** Options of {@link simulateDelayedConversions}. */
export interface DelayedConversionOptions extends RandomOptions {
  /** Impressions, spread uniformly over `[0, days)`. */
  impressions: number;
  /** Length of the logging period, in days; the training snapshot is taken at its end. */
  days: number;
  /** Probability that an impression eventually converts, in [0, 1]. */
  conversionRate: number;
  /** Mean of the exponential delay between an impression and its conversion, in days. */
  meanDelayDays: number;
}

/** One simulated log with delayed conversions (one entry per impression). */
export interface DelayedConversionLog {
  /** Time of the impression, in days since the start, ascending. */
  time: Float64Array;
  /** 1 if the impression eventually converts, whenever that is. */
  converts: Uint8Array;
  /** 1 if the conversion has arrived by the snapshot at `days` (what a training set sees). */
  observed: Uint8Array;
}

/**
 * Simulates conversions that arrive after a delay: each impression converts with probability
 * `conversionRate`, after an exponential delay of mean `meanDelayDays`. A label taken at the end
 * of the period marks a conversion only if it has arrived, so an impression `a` days old shows
 * its conversion with probability $1 - e^{-a/\mu}$ and the recent ones look negative.
 *
 * @param options Sizes, rates and `seed` or `rng`.
 * @returns The impression times, the eventual and the observed labels.
 * @throws {RangeError} On a non-positive count, period or delay, or a rate outside [0, 1].
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateDelayedConversions } from "@lib/bias/mod.ts";
 * const log = simulateDelayedConversions({ impressions: 5, days: 2, conversionRate: 1, meanDelayDays: 1, seed: 1 });
 * assert.equal(log.converts.reduce((a, b) => a + b, 0), 5); // rate 1: every impression converts
 * assert.ok(log.observed.every((o, i) => o <= log.converts[i])); // seen only if it converts
 * ```
 * @see notebooks/03_data_collection.ipynb
 */
export function simulateDelayedConversions(
  options: DelayedConversionOptions,
): DelayedConversionLog {
  const context = "simulate delayed conversions";
  const { impressions, days, conversionRate, meanDelayDays } = options;
  assertInteger(impressions, "impressions", context, { min: 1 });
  assertPositive(days, "days", context);
  assertFiniteNumber(conversionRate, "conversionRate", context, { min: 0, max: 1 });
  assertPositive(meanDelayDays, "meanDelayDays", context);
  const rng = resolveRng(options, context);
  const time = Float64Array.from({ length: impressions }, () => rng.uniform(0, days)).sort();
  const converts = new Uint8Array(impressions);
  const observed = new Uint8Array(impressions);
  for (let i = 0; i < impressions; i++) {
    if (!rng.bernoulli(conversionRate)) continue;
    converts[i] = 1;
    const delay = -meanDelayDays * Math.log(1 - rng.random());
    if (time[i] + delay < days) observed[i] = 1;
  }
  return { time, converts, observed };
}
