import assert from "node:assert/strict";
import { applyIsotonicCalibration, fitIsotonicCalibration } from "@lib/models/mod.ts";
import { createRng } from "@lib/random/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("fitIsotonicCalibration() pools adjacent violators as worked by hand", () => {
  // Labels 0 1 0 1 1 at increasing scores: 1 | 0 violate and pool to 1/2; the rest increase
  // (scikit-learn's IsotonicRegression gives 0, 0.5, 0.5, 1, 1).
  const iso = fitIsotonicCalibration([0, 1, 0, 1, 1], [0.1, 0.2, 0.3, 0.4, 0.5]);
  assert.deepEqual([...iso.values], [0, 0.5, 1]);
  assert.deepEqual([...iso.lows], [0.1, 0.2, 0.4]);
  assert.deepEqual([...iso.counts], [1, 2, 2]);
  const at = applyIsotonicCalibration([0.1, 0.2, 0.3, 0.4, 0.5, 0], iso);
  assert.deepEqual([...at], [0, 0.5, 0.5, 1, 1, 0]);
});

Deno.test("fitIsotonicCalibration() pools equal scores before anything else", () => {
  // Three rows at 0.3 (labels 1, 0, 0) form one block of mean 1/3, above the 0 at 0.1.
  const iso = fitIsotonicCalibration([1, 0, 0, 0, 1], [0.3, 0.3, 0.1, 0.3, 0.9]);
  assert.deepEqual([...iso.lows], [0.1, 0.3, 0.9]);
  assert.deepEqual([...iso.values], [0, 1 / 3, 1]);
});

/**
 * The isotonic regression at point i (distinct sorted x) by the min–max formula
 * (Barlow, Bartholomew, Bremner & Brunk 1972, Theorem 1.4):
 * f_i = max_{j ≤ i} min_{k ≥ i} mean(y_j … y_k).
 */
function minMax(y: number[]): number[] {
  const meanOf = (j: number, k: number) =>
    y.slice(j, k + 1).reduce((a, b) => a + b, 0) / (k - j + 1);
  return y.map((_, i) => {
    let best = -Infinity;
    for (let j = 0; j <= i; j++) {
      let low = Infinity;
      for (let k = i; k < y.length; k++) low = Math.min(low, meanOf(j, k));
      best = Math.max(best, low);
    }
    return best;
  });
}

Deno.test("fitIsotonicCalibration() agrees with the min–max formula on random labels", () => {
  const rng = createRng(12);
  for (let trial = 0; trial < 200; trial++) {
    const n = rng.int(1, 13);
    const x = Array.from({ length: n }, (_, i) => (i + 1) / (n + 1));
    const y: number[] = x.map((p) => (rng.bernoulli(p) ? 1 : 0));
    const fitted = applyIsotonicCalibration(x, fitIsotonicCalibration(y, x));
    const expected = minMax(y);
    for (let i = 0; i < n; i++) assertClose(fitted[i], expected[i], { abs: 1e-12 });
    // The fit is non-decreasing and keeps the number of positives.
    for (let i = 1; i < n; i++) assert.ok(fitted[i] >= fitted[i - 1]);
    assertClose(fitted.reduce((a, b) => a + b, 0), y.reduce((a, b) => a + b, 0), { abs: 1e-9 });
  }
});

Deno.test("isotonic calibration rejects bad input", () => {
  assert.throws(() => fitIsotonicCalibration([0, 1], [0.2]), {
    name: "RangeError",
    message:
      "Cannot fit isotonic calibration: yTrue and yProb must have the same length, got 2 and 1",
  });
  assert.throws(() => fitIsotonicCalibration([], []), {
    message: "Cannot fit isotonic calibration: yProb must not be empty",
  });
  assert.throws(() => fitIsotonicCalibration([2], [0.5]), {
    message: "Cannot fit isotonic calibration: yTrue must hold only 0 and 1, got 2 at 0",
  });
  assert.throws(() => fitIsotonicCalibration([1], [1.5]), RangeError);
  assert.throws(() => applyIsotonicCalibration([0.5], { lows: [], values: [] } as never), {
    message:
      "Cannot apply isotonic calibration: calibration must have as many lows as values, at least one",
  });
  const iso = fitIsotonicCalibration([0, 1], [0.2, 0.8]);
  assert.throws(() => applyIsotonicCalibration([-0.1], iso), RangeError);
});
