import assert from "node:assert/strict";
import fc from "fast-check";
import {
  compareCostModels,
  type CostObservation,
  fitCostModel,
  predictCost,
} from "@lib/capacity/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { noisy } from "./_noisy.ts";

// The grid of chapter 2's training timings: n in 1000…8000 rows, f in 16…1024 features.
const GRID = [1000, 2000, 4000, 8000].flatMap((n) => [16, 128, 1024].map((f) => ({ n, f })));
// A tfjs-like epoch: 2 ns per row·feature, 2 µs per row (per-step overhead spread over
// a batch), 3 ms per call: the per-row term dominates at f = 16, the n·f term at f = 1024.
const [A, E, C] = [2e-6, 2e-3, 3];
const truth = ({ n, f }: Omit<CostObservation, "timeMs">) => A * n! * f! + E * n! + C;

Deno.test('fitCostModel() "n*f+n" recovers a, e and c from timings with 2% noise', () => {
  for (const seed of [1, 2, 3]) {
    const fit = fitCostModel(noisy(GRID, truth, 0.02, seed), "n*f+n", { overhead: true });
    assertClose(fit.a, A, { rel: 0.05 });
    assertClose(fit.e, E, { rel: 0.1 });
    assertClose(fit.c, C, { abs: 1 });
    assert.equal(fit.b, 1);
    assert.equal(fit.parameters, 3);
    assert.ok(fit.overheadIdentified);
    assert.ok(fit.r2 > 0.99, `R² ${fit.r2}`);
    assert.match(fit.formula, /^t = \d\.\d\de-6·n·f \+ 0\.00\d{3}·n \+ \d\.\d\d ms$/);
  }
});

Deno.test('fitCostModel() "n*f+n" recovers any a, e ≥ 0 from noiseless timings', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 1e-8, max: 1e-3, noNaN: true }),
      fc.double({ min: 1e-6, max: 1e-1, noNaN: true }),
      (a, e) => {
        const obs = GRID.map(({ n, f }) => ({ n, f, timeMs: a * n * f + e * n }));
        const fit = fitCostModel(obs, "n*f+n");
        assertClose(fit.a, a, { rel: 1e-6 });
        assertClose(fit.e, e, { rel: 1e-6 });
        assert.equal(fit.c, 0);
        assert.equal(fit.parameters, 2);
      },
    ),
    { seed: 42, numRuns: 200 },
  );
});

Deno.test('fitCostModel() "n*f+n" keeps every coefficient non-negative', () => {
  // Time that falls with f would need e > 0 and a < 0; the constrained fit sets a = 0.
  const obs = GRID.map(({ n, f }) => ({ n, f, timeMs: 1e-3 * n * (2 - f / 1024) }));
  const fit = fitCostModel(obs, "n*f+n", { overhead: true });
  assert.equal(fit.a, 0);
  assert.ok(fit.e > 0 && fit.c >= 0);
  assert.match(fit.formula, /^t = 0\.00·n·f \+ /);
});

Deno.test('fitCostModel() "n*f+n" gives the whole cost to e when f never varies', () => {
  const obs = [1000, 2000, 4000].map((n) => ({ n, f: 64, timeMs: 1e-3 * n }));
  const fit = fitCostModel(obs, "n*f+n");
  assertClose(predictCost(fit, { n: 8000, f: 64 }), 8, { rel: 1e-9 });
  assert.ok(fit.a >= 0 && fit.e >= 0);
});

Deno.test('predictCost() of "n*f+n" adds the per-row term', () => {
  const fit = fitCostModel(GRID.map((o) => ({ ...o, timeMs: truth(o) })), "n*f+n", {
    overhead: true,
  });
  assertClose(predictCost(fit, { n: 1e5, f: 512 }), A * 1e5 * 512 + E * 1e5 + C, { rel: 1e-6 });
  assert.equal(fitCostModel([{ n: 1, timeMs: 1 }, { n: 2, timeMs: 2 }], "n").e, 0);
});

Deno.test('compareCostModels() prefers "n*f+n" when a per-row overhead sits beside n·f', () => {
  const { best, fits } = compareCostModels(noisy(GRID, truth, 0.03, 7), {
    overhead: true,
    forms: ["n", "f", "n*f", "n*f+n", "power"],
  });
  assert.equal(best.form, "n*f+n");
  const aic = (form: string) => fits.find((x) => x.form === form)!.aicc;
  assert.ok(aic("n") - aic("n*f+n") > 10, `ΔAIC to "n" ${aic("n") - aic("n*f+n")}`);
  assert.ok(aic("n*f") - aic("n*f+n") > 10, `ΔAIC to "n*f" ${aic("n*f") - aic("n*f+n")}`);
});

Deno.test('fitCostModel() "n*f+n" needs k + 1 observations and both sizes', () => {
  assert.throws(
    () =>
      fitCostModel(GRID.slice(0, 3).map((o) => ({ ...o, timeMs: 1 })), "n*f+n", { overhead: true }),
    {
      name: "RangeError",
      message: 'Cannot fit cost model "n*f+n": needs at least 4 observations, got 3',
    },
  );
  assert.throws(
    () => fitCostModel([{ n: 1, timeMs: 1 }, { n: 2, timeMs: 2 }, { n: 3, timeMs: 3 }], "n*f+n"),
    /Cannot fit cost model "n\*f\+n": observations\[0\]\.f must be a number, got undefined/,
  );
});
