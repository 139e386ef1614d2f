import assert from "node:assert/strict";
import { downsampleNegatives, recalibrateDownsampled } from "@lib/bias/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("recalibrateDownsampled() inverts the odds change of down-sampling exactly", () => {
  // A base rate π with every positive and a share w of the negatives kept has the rate
  // p = π / (π + (1 − π) w) afterwards; the correction must give π back (He et al., 2014).
  for (const pi of [0.001, 0.05, 0.3, 0.9]) {
    for (const w of [0.01, 0.1, 0.5, 1]) {
      const p = pi / (pi + (1 - pi) * w);
      assertClose(recalibrateDownsampled([p], w)[0], pi, { rel: 1e-12 });
    }
  }
  // Hand-worked: p = 0.5, w = 0.1 → 0.5 / (0.5 + 5) = 1/11; the ends stay put.
  assertClose(recalibrateDownsampled([0.5], 0.1)[0], 1 / 11, { rel: 1e-12 });
  assert.deepEqual(Array.from(recalibrateDownsampled([0, 1], 0.2)), [0, 1]);
});

Deno.test("downsampleNegatives() keeps every positive and a share of negatives near the rate", () => {
  const labels = Array.from({ length: 20000 }, (_, i) => (i % 10 === 0 ? 1 : 0));
  const kept = downsampleNegatives(labels, 0.2, { seed: 4 });
  const positives = Array.from(kept).filter((i) => labels[i] === 1).length;
  assert.equal(positives, 2000);
  const negativeShare = (kept.length - positives) / 18000;
  assert.ok(Math.abs(negativeShare - 0.2) < 4 * Math.sqrt((0.2 * 0.8) / 18000), `${negativeShare}`);
  assert.ok(kept.every((v, k) => k === 0 || v > kept[k - 1]), "ascending");
});

Deno.test("downsampleNegatives() and recalibrateDownsampled() reject bad input", () => {
  assert.throws(
    () => downsampleNegatives([0, 2], 0.5, { seed: 1 }),
    /Cannot down-sample negatives: labels\[1\] must be 0 or 1, got 2/,
  );
  assert.throws(
    () => downsampleNegatives([0, 1], 0, { seed: 1 }),
    /rate must be in \(0, 1\], got 0/,
  );
  assert.throws(() => downsampleNegatives([0, 1], 1.5, { seed: 1 }), /rate/);
  assert.throws(
    () => recalibrateDownsampled([1.2], 0.5),
    /Cannot recalibrate down-sampled probabilities: probabilities\[0\] must be a probability/,
  );
  assert.throws(() => recalibrateDownsampled([0.2], 0), /rate must be in \(0, 1\], got 0/);
});
