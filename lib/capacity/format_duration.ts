/**
 * Durations in milliseconds written in the unit that suits them.
 *
 * @module
 */
import { assertFiniteNumber } from "../_shared/validate.ts";

/**
 * Writes a duration given in milliseconds with three significant digits in the unit
 * that suits it: ns below 1 µs, µs below 1 ms, ms below 1 s, s from 1 s, and whole
 * seconds with thousands separators from 1,000 s on.
 *
 * The unit is chosen after rounding to three digits, so 0.0009996 ms reads `1.00 µs`,
 * not `1000 ns`. Zero reads `0 ms`; a negative duration (a budget overrun, say) keeps
 * its sign.
 *
 * @param ms The duration in milliseconds.
 * @returns The duration as text, e.g. `"1.23 ms"`.
 * @throws {TypeError} If `ms` is not a number.
 * @throws {RangeError} If `ms` is not finite.
 * @see notebooks/02_capacity.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatDuration } from "@lib/capacity/mod.ts";
 * assert.equal(formatDuration(0.001), "1.00 µs");
 * assert.equal(formatDuration(0.0009996), "1.00 µs");
 * assert.equal(formatDuration(12.345), "12.3 ms");
 * assert.equal(formatDuration(100_000), "100 s");
 * assert.equal(formatDuration(3_600_000), "3,600 s");
 * assert.throws(() => formatDuration(NaN), {
 *   message: "Cannot format duration: ms must be finite, got NaN",
 * });
 * ```
 */
export function formatDuration(ms: number): string {
  assertFiniteNumber(ms, "ms", "format duration");
  if (ms === 0) return "0 ms";
  if (ms < 0) return `-${formatDuration(-ms)}`;
  const r = Number(ms.toPrecision(3));
  if (r >= 1e6) return `${Math.round(ms / 1000).toLocaleString("en-US")} s`;
  if (r >= 1000) return `${(r / 1000).toPrecision(3)} s`;
  if (r >= 1) return `${r.toPrecision(3)} ms`;
  if (r >= 1e-3) return `${(r * 1e3).toPrecision(3)} µs`;
  return `${(r * 1e6).toPrecision(3)} ns`;
}

/** A display unit for durations: its name and how many of it make one millisecond. */
export interface DurationUnit {
  unit: "ns" | "µs" | "ms" | "s";
  /** Multiply a value in ms by this to express it in `unit`. */
  perMs: number;
}

/**
 * The unit that shows durations (in ms) with the fewest digits: the largest of ns, µs, ms and
 * s in which their median is at least 1. For axes: divide by nothing, multiply by `perMs`.
 *
 * @param valuesMs Durations in ms (at least one positive).
 * @returns A {@link DurationUnit}.
 * @throws {RangeError} If no value is positive and finite.
 * @see notebooks/02_capacity.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { durationUnit } from "@lib/capacity/mod.ts";
 * assert.deepEqual(durationUnit([1500, 90_000]), { unit: "s", perMs: 0.001 });
 * assert.deepEqual(durationUnit([0.002, 0.004]), { unit: "µs", perMs: 1000 });
 * ```
 */
export function durationUnit(valuesMs: ArrayLike<number>): DurationUnit {
  const positive = Array.from(valuesMs ?? []).filter((v) => v > 0 && Number.isFinite(v)).sort((
    a,
    b,
  ) => a - b);
  if (positive.length === 0) {
    throw new RangeError(
      "Cannot choose a duration unit: valuesMs must hold a positive finite value",
    );
  }
  const median = positive[Math.floor(positive.length / 2)];
  if (median >= 1000) return { unit: "s", perMs: 0.001 };
  if (median >= 1) return { unit: "ms", perMs: 1 };
  if (median >= 0.001) return { unit: "µs", perMs: 1000 };
  return { unit: "ns", perMs: 1e6 };
}
