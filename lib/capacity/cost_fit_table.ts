/**
 * The columns of a table of the cost forms a comparison tried.
 *
 * @module
 */
import { assertInteger, raise } from "../_shared/validate.ts";
import type { CostComparison } from "./cost_model.ts";

/** Options of {@link costFitTable}. */
export interface CostFitTableOptions {
  /** Decimals of the AICc columns. @default 1 */
  digits?: number;
}

/** The columns {@link costFitTable} returns, one entry per form, best first. */
export interface CostFitColumns {
  /** The form's name, e.g. `"n*f+n"`. */
  form: string[];
  /** The fitted model as text, e.g. `"t = 2.00e-5·n·f + 0.500 ms"`. */
  "fitted model": string[];
  /** Akaike information criterion corrected for few timings, AICc (lower is better). */
  AICc: number[];
  /** AICc minus the best form's AICc: above about 10 the timings reject the form. */
  "ΔAICc to best": number[];
}

/**
 * The fits of a {@link CostComparison} as table columns, best (lowest AICc) first: the
 * form, the fitted formula, its AICc and its distance to the best,
 * $\Delta\mathrm{AICc} = \mathrm{AICc} - \mathrm{AICc}_\text{best}$. Pass the result to a
 * DataFrame to display it.
 *
 * @param comparison What {@link compareCostModels} returned.
 * @param options See {@link CostFitTableOptions}.
 * @returns The columns, each with one entry per fit.
 * @throws {TypeError} If `comparison.fits` is not an array.
 * @throws {RangeError} If it is empty, or `digits` is not an integer in [0, 10].
 * @see notebooks/02_capacity.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compareCostModels, costFitTable } from "@lib/capacity/mod.ts";
 * const obs = [100, 200, 400].flatMap((n) => [5, 20].map((f) => ({ n, f, timeMs: 1e-3 * n * f })));
 * const table = costFitTable(compareCostModels(obs, { forms: ["n", "n*f"] }));
 * assert.deepEqual(table.form, ["n*f", "n"]);
 * assert.equal(table["ΔAICc to best"][0], 0);
 * assert.ok(table["ΔAICc to best"][1] > 10);
 * ```
 */
export function costFitTable(
  comparison: CostComparison,
  options: CostFitTableOptions = {},
): CostFitColumns {
  const { digits = 1 } = options;
  const context = "build costFitTable";
  const fits = comparison?.fits;
  if (!Array.isArray(fits)) raise("type", context, "comparison.fits must be an array");
  if (fits.length === 0) raise("range", context, "comparison.fits must not be empty");
  assertInteger(digits, "digits", context, { min: 0, max: 10 });
  const best = Math.min(...fits.map((x) => x.aicc));
  const round = (v: number) => Number(v.toFixed(digits));
  return {
    form: fits.map((x) => x.form),
    "fitted model": fits.map((x) => x.formula),
    AICc: fits.map((x) => round(x.aicc)),
    "ΔAICc to best": fits.map((x) => round(x.aicc - best)),
  };
}
