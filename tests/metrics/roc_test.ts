import assert from "node:assert/strict";
import fc from "fast-check";
import { rocAucScore, rocCurve } from "@lib/metrics/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { throwsWith } from "./_throws.ts";
import { createRng } from "@lib/random/mod.ts";

/** AUC by counting positive–negative pairs, a tie counting ½ (the definition). */
function aucByPairs(yTrue: number[], yScore: number[], w = yTrue.map(() => 1)): number {
  let sum = 0, total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    for (let j = 0; j < yTrue.length; j++) {
      if (yTrue[i] !== 1 || yTrue[j] !== 0) continue;
      const order = yScore[i] > yScore[j] ? 1 : yScore[i] === yScore[j] ? 0.5 : 0;
      sum += w[i] * w[j] * order;
      total += w[i] * w[j];
    }
  }
  return sum / total;
}

const labelledScores = fc.array(
  fc.tuple(
    fc.integer({ min: 0, max: 1 }),
    fc.oneof(fc.integer({ min: 0, max: 3 }), fc.double({ min: -5, max: 5, noNaN: true })),
    fc.integer({ min: 0, max: 3 }),
  ),
  { minLength: 2, maxLength: 40 },
).map((rows) => {
  rows[0][0] = 0;
  rows[1][0] = 1;
  rows[0][2] = rows[1][2] = 1;
  return { t: rows.map((r) => r[0]), s: rows.map((r) => r[1]), w: rows.map((r) => r[2]) };
});

Deno.test("rocCurve() matches scikit-learn's roc_curve docstring", () => {
  const { fpr, tpr, thresholds } = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
  assert.deepEqual(fpr, [0, 0, 0.5, 0.5, 1]);
  assert.deepEqual(tpr, [0, 0.5, 0.5, 1, 1]);
  assert.deepEqual(thresholds, [Infinity, 0.8, 0.4, 0.35, 0.1]);
});

Deno.test("rocAucScore() of scikit-learn's auc docstring example is 0.75", () => {
  assert.equal(rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75);
});

Deno.test("rocAucScore() counts a tied pair as 1/2: a 5-sample example by hand", () => {
  // Positives score 0.6, 0.9, 0.1; negatives 0.2, 0.6. Pairs (pos, neg):
  // (0.6, 0.2) 1, (0.6, 0.6) 1/2, (0.9, 0.2) 1, (0.9, 0.6) 1, (0.1, 0.2) 0,
  // (0.1, 0.6) 0: AUC = 3.5 / 6 = 7/12.
  const yTrue = [0, 1, 0, 1, 1], yScore = [0.2, 0.6, 0.6, 0.9, 0.1];
  assertClose(rocAucScore(yTrue, yScore), 7 / 12);
  const { fpr, tpr } = rocCurve(yTrue, yScore);
  assert.deepEqual(fpr, [0, 0, 0.5, 1, 1]);
  assert.deepEqual(tpr, [0, 1 / 3, 2 / 3, 2 / 3, 1]);
  // All scores tied: every pair is a tie.
  assert.equal(rocAucScore([0, 1, 0, 1], [3, 3, 3, 3]), 0.5);
});

Deno.test("rocCurve() drops collinear points by default, as drop_intermediate=True", () => {
  // fps = [0, 0, 0, 1, 2], tps = [1, 2, 3, 3, 3]: points 2 and 4 lie on straight runs.
  const yTrue = [1, 1, 1, 0, 0], yScore = [0.9, 0.8, 0.7, 0.6, 0.5];
  const dropped = rocCurve(yTrue, yScore);
  assert.deepEqual(dropped.thresholds, [Infinity, 0.9, 0.7, 0.5]);
  assert.deepEqual(dropped.fpr, [0, 0, 0, 1]);
  assert.deepEqual(dropped.tpr, [0, 1 / 3, 1, 1]);
  const full = rocCurve(yTrue, yScore, { dropIntermediate: false });
  assert.deepEqual(full.thresholds, [Infinity, 0.9, 0.8, 0.7, 0.6, 0.5]);
  assert.deepEqual(full.tpr, [0, 1 / 3, 2 / 3, 1, 1, 1]);
});

Deno.test("rocAucScore() equals the pair count, with and without weights", () => {
  fc.assert(
    fc.property(labelledScores, ({ t, s, w }) => {
      assertClose(rocAucScore(t, s), aucByPairs(t, s));
      assertClose(rocAucScore(t, s, { sampleWeight: w }), aucByPairs(t, s, w));
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("rocAucScore() of negated scores is 1 − AUC", () => {
  fc.assert(
    fc.property(labelledScores, ({ t, s }) => {
      assertClose(rocAucScore(t, s.map((v) => -v)), 1 - rocAucScore(t, s), { abs: 1e-12 });
    }),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test("rocCurve() with integer weights equals repeated samples; weight 0 adds no threshold", () => {
  const t = [0, 1, 0, 1, 1], s = [0.2, 0.6, 0.5, 0.9, 0.1], w = [2, 1, 0, 3, 1];
  const weighted = rocCurve(t, s, { sampleWeight: w });
  const rt = t.flatMap((v, i) => new Array(w[i]).fill(v));
  const rs = s.flatMap((v, i) => new Array(w[i]).fill(v));
  assert.deepEqual(weighted, rocCurve(rt, rs));
  assert.ok(!weighted.thresholds.includes(0.5));
});

Deno.test("rocCurve() and rocAucScore() accept typed arrays", () => {
  const t = new Uint8Array([0, 0, 1, 1]), s = new Float32Array([0.1, 0.4, 0.35, 0.8]);
  assert.equal(rocAucScore(t, s), 0.75);
  assert.equal(rocCurve(t, s).fpr.length, 5);
});

Deno.test("rocAucScore() rejects a single class in yTrue", () => {
  throwsWith(
    () => rocAucScore([1, 1, 1], [0.1, 0.2, 0.3]),
    RangeError,
    "Cannot compute rocAucScore: yTrue must contain both classes 0 and 1, got only 1",
  );
  throwsWith(
    () => rocCurve([0, 0], [0.1, 0.2]),
    RangeError,
    "Cannot compute rocCurve: yTrue must contain both classes 0 and 1, got only 0",
  );
  throwsWith(
    () => rocAucScore([0, 1, 1], [0.1, 0.2, 0.3], { sampleWeight: [0, 1, 1] }),
    RangeError,
    "Cannot compute rocAucScore: yTrue must contain both classes 0 and 1 with positive weight, got only 1",
  );
});

Deno.test("rocAucScore() rejects non-binary labels, NaN scores and length mismatches", () => {
  throwsWith(
    () => rocAucScore([0, 1, 2], [0.1, 0.2, 0.3]),
    RangeError,
    "Cannot compute rocAucScore: yTrue[2] must be 0 or 1, got 2",
  );
  throwsWith(
    () => rocAucScore([0, 1], [0.1, NaN]),
    RangeError,
    "Cannot compute rocAucScore: yScore[1] must be finite, got NaN",
  );
  throwsWith(
    () => rocAucScore([0, 1], [0.1, 0.2, 0.3]),
    RangeError,
    "Cannot compute rocAucScore: yTrue and yScore must have the same length, got 2 and 3",
  );
  throwsWith(
    () => rocAucScore([], []),
    RangeError,
    "Cannot compute rocAucScore: yTrue must not be empty",
  );
});

Deno.test("rocAucScore() on 20 000 rows equals the Mann–Whitney rank-sum formula", () => {
  // AUC = (R₊ − P(P + 1)/2) / (P·N), R₊ the sum of the positives' mid-ranks
  // (ties share the mean of their ranks). Scores rounded to 3 decimals give ties.
  const rng = createRng(3);
  const n = 20_000;
  const yTrue = new Uint8Array(n), yScore = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    yTrue[i] = rng.random() < 0.4 ? 1 : 0;
    yScore[i] = Math.round((rng.normal(yTrue[i], 1) + 5) * 1000) / 1000;
  }
  const order = Array.from(yScore.keys()).sort((a, b) => yScore[a] - yScore[b]);
  let rankSum = 0, positives = 0;
  for (let start = 0; start < n;) {
    let end = start;
    while (end < n && yScore[order[end]] === yScore[order[start]]) end++;
    const midRank = (start + 1 + end) / 2;
    for (let r = start; r < end; r++) {
      if (yTrue[order[r]] === 1) {
        rankSum += midRank;
        positives++;
      }
    }
    start = end;
  }
  const negatives = n - positives;
  const expected = (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
  assertClose(rocAucScore(yTrue, yScore), expected, { rel: 1e-12 });
});
