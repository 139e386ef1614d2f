import { assertFiniteNumber, raise } from "../_shared/validate.ts";
import type { FeatureColumns } from "./drift/report.ts";

/** What {@link findSkew} concludes about one feature. */
export type SkewKind =
  | "consistent"
  | "scale"
  | "default"
  | "online higher"
  | "online lower"
  | "mixed";

/** Options of {@link findSkew}. */
export interface SkewOptions {
  /** Values match when |online − offline| ≤ max(absTolerance, relTolerance·|offline|). @default 1e-6 */
  relTolerance?: number;
  /** See `relTolerance`. @default 1e-9 */
  absTolerance?: number;
  /** A feature whose share of mismatched rows is at most this is consistent. @default 0 */
  maxMismatchRate?: number;
  /** Share of mismatched rows that must carry one online value to call it a default. @default 0.9 */
  defaultShare?: number;
}

/** One row of {@link findSkew}. */
export interface SkewFinding {
  feature: string;
  kind: SkewKind;
  /** Share of events whose online value differs from the offline one. */
  mismatchRate: number;
  /** Mean of online − offline over all events. */
  meanDifference: number;
  /** For `"scale"`: online/offline; for `"default"`: the online value; else NaN. */
  value: number;
  /** A sentence that states the pattern and its usual cause. */
  explanation: string;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(4);
}

/**
 * Train/serve skew finder: for the same events, compares each feature as computed
 * offline (the training pipeline) with the value logged online (the serving path)
 * and names the pattern of the differences. The rule, applied in order to the
 * mismatched rows (|online − offline| > max(absTolerance, relTolerance·|offline|)):
 *
 * 1. mismatch rate ≤ `maxMismatchRate` → `"consistent"`;
 * 2. online = c·offline on every row (c ≠ 1, to the tolerance) → `"scale"` (a unit change);
 * 3. at least `defaultShare` of the mismatched rows carry one online value → `"default"`
 *    (a lookup that failed and fell back to a default);
 * 4. online > offline on every mismatched row → `"online higher"` (e.g. a window one
 *    period too long, or a count that includes the current event);
 *    online < offline on every one → `"online lower"` (e.g. a stale counter that is
 *    refreshed late, or a window too short);
 * 5. otherwise `"mixed"`.
 *
 * @param offline Feature columns computed offline, one value per event.
 * @param online The same features as logged online, same events in the same order.
 * @param options Tolerances and shares.
 * @returns One {@link SkewFinding} per offline feature, in order.
 * @throws {RangeError} If a feature is missing online, lengths differ, a column is empty
 *   or not finite, or an option is out of range.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { findSkew } from "@lib/debug/mod.ts";
 * const price = [1.5, 2, 3.25, 4];
 * const [f] = findSkew({ price }, { price: price.map((p) => p * 100) });
 * assert.equal(f.kind, "scale");
 * assert.equal(f.value, 100);
 * ```
 */
export function findSkew(
  offline: FeatureColumns,
  online: FeatureColumns,
  options: SkewOptions = {},
): SkewFinding[] {
  const context = "run findSkew";
  const { relTolerance = 1e-6, absTolerance = 1e-9, maxMismatchRate = 0, defaultShare = 0.9 } =
    options;
  assertFiniteNumber(relTolerance, "relTolerance", context, { min: 0 });
  assertFiniteNumber(absTolerance, "absTolerance", context, { min: 0 });
  assertFiniteNumber(maxMismatchRate, "maxMismatchRate", context, { min: 0, max: 1 });
  assertFiniteNumber(defaultShare, "defaultShare", context, { min: 0.5, max: 1 });
  const names = Object.keys(offline);
  if (names.length === 0) raise("range", context, "offline must have at least one feature");
  return names.map((name) => {
    const off = offline[name], on = online[name];
    if (on === undefined) {
      raise("range", context, `online must have the feature ${JSON.stringify(name)}`);
    }
    if (off.length === 0 || off.length !== on.length) {
      raise(
        "range",
        context,
        `offline and online ${
          JSON.stringify(name)
        } must have the same non-zero length, got ${off.length} and ${on.length}`,
      );
    }
    const n = off.length;
    const close = (a: number, b: number) =>
      Math.abs(a - b) <= Math.max(absTolerance, relTolerance * Math.abs(b));
    let mismatches = 0, higher = 0, lower = 0, sumDiff = 0;
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const a = on[i], b = off[i];
      if (!Number.isFinite(a) || !Number.isFinite(b)) {
        raise(
          "range",
          context,
          `${JSON.stringify(name)} row ${i} must be finite, got ${a} and ${b}`,
        );
      }
      sumDiff += a - b;
      if (close(a, b)) continue;
      mismatches++;
      if (a > b) higher++;
      else lower++;
      counts.set(a, (counts.get(a) ?? 0) + 1);
    }
    const base = { feature: name, mismatchRate: mismatches / n, meanDifference: sumDiff / n };
    if (mismatches / n <= maxMismatchRate) {
      return { ...base, kind: "consistent", value: NaN, explanation: "online and offline agree" };
    }
    // 2. a constant ratio on every row with a non-zero offline value.
    const ratios: number[] = [];
    let zeroOk = true;
    for (let i = 0; i < n; i++) {
      if (off[i] === 0) zeroOk &&= Math.abs(on[i]) <= absTolerance;
      else ratios.push(on[i] / off[i]);
    }
    if (zeroOk && ratios.length > 0) {
      const c = ratios.slice().sort((x, y) => x - y)[ratios.length >> 1];
      if (ratios.every((r) => close(r, c)) && !close(c, 1)) {
        return {
          ...base,
          kind: "scale",
          value: c,
          explanation: `online = ${fmt(c)} × offline on every event: a unit change`,
        };
      }
    }
    let mode = NaN, modeCount = 0;
    for (const [v, c] of counts) if (c > modeCount) [mode, modeCount] = [v, c];
    if (modeCount >= defaultShare * mismatches) {
      return {
        ...base,
        kind: "default",
        value: mode,
        explanation: `${fmt(100 * modeCount / n)} % of events log ${
          fmt(mode)
        } online: a failed lookup filled with a default`,
      };
    }
    if (higher === mismatches || lower === mismatches) {
      const up = higher === mismatches;
      return {
        ...base,
        kind: up ? "online higher" : "online lower",
        value: NaN,
        explanation: up
          ? "online exceeds offline on every mismatched event: e.g. a window one period too long"
          : "online falls short of offline on every mismatched event: e.g. a stale counter",
      };
    }
    return {
      ...base,
      kind: "mixed",
      value: NaN,
      explanation: "online differs both ways: a different computation",
    };
  });
}
