import assert from "node:assert/strict";
import fc from "fast-check";
import {
  bestThreshold,
  metricsAtThreshold,
  minCostThreshold,
  type ThresholdMetric,
} from "@lib/metrics/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { throwsWith } from "./_throws.ts";

const T = [0, 0, 1, 1], S = [0.1, 0.4, 0.35, 0.8];

Deno.test("metricsAtThreshold() predicts positive at score ≥ threshold", () => {
  // At 0.35: 0.4, 0.35, 0.8 are positive: TP 2, FP 1, TN 1, FN 0.
  const m = metricsAtThreshold(T, S, { threshold: 0.35 });
  assert.deepEqual([m.tp, m.fp, m.tn, m.fn], [2, 1, 1, 0]);
  assert.equal(m.precision, 2 / 3);
  assert.equal(m.recall, 1);
  assert.equal(m.specificity, 0.5);
  assert.equal(m.fpr, 0.5);
  assert.equal(m.f1, 0.8);
  assert.equal(m.accuracy, 0.75);
});

Deno.test("metricsAtThreshold() at Infinity predicts nothing positive; 0/0 is zeroDivision", () => {
  const m = metricsAtThreshold(T, S, { threshold: Infinity });
  assert.deepEqual([m.tp, m.fp, m.tn, m.fn], [0, 0, 2, 2]);
  assert.equal(m.precision, 0);
  assert.equal(metricsAtThreshold(T, S, { threshold: Infinity, zeroDivision: 1 }).precision, 1);
  assert.ok(Number.isNaN(metricsAtThreshold([1, 1], [0.1, 0.2], { zeroDivision: NaN }).fpr));
});

Deno.test("metricsAtThreshold() adds sample weights to the counts", () => {
  const m = metricsAtThreshold(T, S, { sampleWeight: [1, 2, 3, 4] });
  assert.deepEqual([m.tp, m.fp, m.tn, m.fn], [4, 0, 3, 3]);
  assert.equal(m.accuracy, 0.7);
});

Deno.test("bestThreshold() and minCostThreshold() on four samples, by hand", () => {
  // F1 by threshold: ∞ 0, 0.8 2/3, 0.4 1/2, 0.35 4/5, 0.1 2/3.
  const best = bestThreshold(T, S);
  assert.equal(best.threshold, 0.35);
  assert.equal(best.value, 0.8);
  assert.deepEqual(best.metrics, metricsAtThreshold(T, S, { threshold: 0.35 }));
  // Youden J: 0.8 → 1/2, 0.35 → 1 − 1/2 = 1/2: a tie, the highest threshold wins.
  assert.equal(bestThreshold(T, S, { metric: "youden" }).threshold, 0.8);
  // Cost with FN five times FP: ∞ 10/4, 0.8 5/4, 0.4 6/4, 0.35 1/4, 0.1 2/4.
  const cheap = minCostThreshold(T, S, { costFn: 5 });
  assert.equal(cheap.threshold, 0.35);
  assert.equal(cheap.value, 0.25);
  // Costly false positives: predicting nothing positive (∞) beats everything.
  assert.equal(minCostThreshold(T, S, { costFp: 10 }).threshold, 0.8);
  assert.equal(minCostThreshold([0, 0], [0.3, 0.9]).threshold, Infinity);
});

const scored = fc.array(
  fc.tuple(
    fc.integer({ min: 0, max: 1 }),
    fc.integer({ min: 0, max: 6 }),
    fc.integer({ min: 1, max: 3 }),
  ),
  { minLength: 2, maxLength: 30 },
).map((rows) => {
  rows[0][0] = 0;
  rows[1][0] = 1;
  return { t: rows.map((r) => r[0]), s: rows.map((r) => r[1] / 6), w: rows.map((r) => r[2]) };
});

/** The metric of every candidate threshold, by brute force. */
function candidates(t: number[], s: number[], w: number[]) {
  const thresholds = [Infinity, ...[...new Set(s)].sort((a, b) => b - a)];
  return thresholds.map((threshold) => metricsAtThreshold(t, s, { threshold, sampleWeight: w }));
}

Deno.test("bestThreshold() finds the highest threshold of maximal metric (brute force)", () => {
  const value: Record<ThresholdMetric, (m: ReturnType<typeof metricsAtThreshold>) => number> = {
    f1: (m) => m.f1,
    accuracy: (m) => m.accuracy,
    balancedAccuracy: (m) => (m.recall + m.specificity) / 2,
    youden: (m) => m.recall - m.fpr,
  };
  fc.assert(
    fc.property(
      scored,
      fc.constantFrom(...Object.keys(value) as ThresholdMetric[]),
      (d, metric) => {
        const all = candidates(d.t, d.s, d.w).map((m) => ({ m, v: value[metric](m) }));
        const max = Math.max(...all.map((c) => c.v));
        const first = all.find((c) => c.v >= max - 1e-12)!;
        const best = bestThreshold(d.t, d.s, { metric, sampleWeight: d.w });
        assertClose(best.value, max);
        assert.equal(best.threshold, first.m.threshold);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("minCostThreshold() finds the highest threshold of minimal mean cost (brute force)", () => {
  fc.assert(
    fc.property(
      scored,
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 0, max: 5 }),
      (d, cFp, cFn) => {
        const total = d.w.reduce((a, b) => a + b, 0);
        const all = candidates(d.t, d.s, d.w).map((m) => ({
          m,
          v: (cFp * m.fp + cFn * m.fn) / total,
        }));
        const min = Math.min(...all.map((c) => c.v));
        const first = all.find((c) => c.v <= min + 1e-12)!;
        const best = minCostThreshold(d.t, d.s, { costFp: cFp, costFn: cFn, sampleWeight: d.w });
        assertClose(best.value, min, { abs: 1e-12 });
        assert.equal(best.threshold, first.m.threshold);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("metricsAtThreshold() rejects a NaN or non-number threshold and bad zeroDivision", () => {
  throwsWith(
    () => metricsAtThreshold(T, S, { threshold: NaN }),
    RangeError,
    "Cannot compute metricsAtThreshold: threshold must not be NaN, got NaN",
  );
  throwsWith(
    () => metricsAtThreshold(T, S, { threshold: "0.5" as unknown as number }),
    TypeError,
    "Cannot compute metricsAtThreshold: threshold must be a number, got string",
  );
  throwsWith(
    () => metricsAtThreshold(T, S, { zeroDivision: 2 }),
    RangeError,
    "Cannot compute metricsAtThreshold: zeroDivision must be 0, 1 or NaN, got 2",
  );
  throwsWith(
    () => metricsAtThreshold([0, 3], [0.1, 0.2]),
    RangeError,
    "Cannot compute metricsAtThreshold: yTrue[1] must be 0 or 1, got 3",
  );
});

Deno.test("bestThreshold() rejects an unknown metric and a single class", () => {
  throwsWith(
    () => bestThreshold(T, S, { metric: "precision" as ThresholdMetric }),
    RangeError,
    'Cannot compute bestThreshold: metric must be one of "f1", "accuracy", "balancedAccuracy", "youden", got "precision"',
  );
  throwsWith(
    () => bestThreshold([1, 1], [0.1, 0.2]),
    RangeError,
    "Cannot compute bestThreshold: yTrue must contain both classes 0 and 1, got only 1",
  );
  throwsWith(
    () => bestThreshold([0, 1], [0.1, 0.2], { sampleWeight: [1, 0] }),
    RangeError,
    "Cannot compute bestThreshold: yTrue must contain both classes 0 and 1 with positive weight, got only 0",
  );
});

Deno.test("minCostThreshold() rejects negative or non-finite costs", () => {
  throwsWith(
    () => minCostThreshold(T, S, { costFp: -1 }),
    RangeError,
    "Cannot compute minCostThreshold: costFp must be at least 0, got -1",
  );
  throwsWith(
    () => minCostThreshold(T, S, { costFn: Infinity }),
    RangeError,
    "Cannot compute minCostThreshold: costFn must be finite, got Infinity",
  );
  throwsWith(
    () => minCostThreshold(T, [0.1, 0.2]),
    RangeError,
    "Cannot compute minCostThreshold: yTrue and yScore must have the same length, got 4 and 2",
  );
});
