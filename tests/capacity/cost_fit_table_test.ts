import assert from "node:assert/strict";
import { type CostComparison, costFitTable } from "@lib/capacity/mod.ts";

const fit = (form: "n" | "n*f" | "power", aicc: number) => ({
  form,
  formula: `t = 1.00·${form} ms`,
  a: 1,
  b: 1,
  c: 0,
  e: 0,
  parameters: 1,
  r2: 1,
  overheadIdentified: true,
  residuals: [0],
  aic: aicc - 1, // not shown: the table ranks and shows AICc
  aicc,
});
// AICc values chosen by hand; ΔAICc = AICc − min AICc.
const comparison: CostComparison = {
  fits: [fit("n*f", -40.04), fit("power", -38.96), fit("n", 12.25)],
  best: fit("n*f", -40.04),
};

Deno.test("costFitTable() lists every fit with its AICc and distance to the best", () => {
  assert.deepEqual(costFitTable(comparison), {
    form: ["n*f", "power", "n"],
    "fitted model": ["t = 1.00·n*f ms", "t = 1.00·power ms", "t = 1.00·n ms"],
    AICc: [-40, -39, 12.3],
    "ΔAICc to best": [0, 1.1, 52.3],
  });
});

Deno.test("costFitTable() rounds to the decimals asked for", () => {
  assert.deepEqual(costFitTable(comparison, { digits: 0 })["ΔAICc to best"], [0, 1, 52]);
  assert.deepEqual(costFitTable(comparison, { digits: 2 }).AICc, [-40.04, -38.96, 12.25]);
});

Deno.test("costFitTable() does not mutate the comparison", () => {
  const before = structuredClone(comparison);
  costFitTable(comparison);
  assert.deepEqual(comparison, before);
});

Deno.test("costFitTable() rejects a comparison without fits and bad digits", () => {
  assert.throws(() => costFitTable({} as CostComparison), {
    name: "TypeError",
    message: "Cannot build costFitTable: comparison.fits must be an array",
  });
  assert.throws(() => costFitTable({ fits: [], best: comparison.best }), {
    name: "RangeError",
    message: "Cannot build costFitTable: comparison.fits must not be empty",
  });
  assert.throws(() => costFitTable(comparison, { digits: 1.5 }), {
    name: "RangeError",
    message: "Cannot build costFitTable: digits must be an integer, got 1.5",
  });
  assert.throws(() => costFitTable(comparison, { digits: 11 }), {
    message: "Cannot build costFitTable: digits must be at most 10, got 11",
  });
});
