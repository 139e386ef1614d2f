/**
 * The candidate forms of a cost model and the sizes they read.
 *
 * @module
 */
/** One timing and the sizes it was measured at. Only the fields a form uses are needed. */
export interface CostObservation {
  /** Measured time in milliseconds (> 0). */
  timeMs: number;
  /** Items (rows, documents) per call. */
  n?: number;
  /** Features per item. */
  f?: number;
  /** Trees in the ensemble T. */
  trees?: number;
  /** Tree depth d. */
  depth?: number;
  /** Layer widths of a dense network, input to output (≥ 2 entries). */
  layers?: readonly number[];
}

/**
 * Candidate cost forms; `a` is fitted (and `e`, the per-row coefficient of `"n*f+n"`),
 * `c` is an optional constant overhead:
 *
 * | form | model |
 * |---|---|
 * | `"n"` | $a n + c$ |
 * | `"f"` | $a f + c$ |
 * | `"n*f"` | $a n f + c$ (a linear model, a histogram pass) |
 * | `"n*f+n"` | $a n f + e n + c$ (per-row work in f plus a fixed cost per row or step) |
 * | `"n*trees*depth"` | $a n T d + c$ (forest inference: d comparisons per tree) |
 * | `"n*f*trees*depth"` | $a n f T d + c$ (forest training) |
 * | `"layers"` | $a \sum_l w_l w_{l+1} + c$ (one dense-network forward pass) |
 * | `"n*layers"` | $a n \sum_l w_l w_{l+1} + c$ (a batch of them) |
 * | `"power"` | $a n^b + c$ (exponent b fitted too) |
 */
export type CostForm =
  | "n"
  | "f"
  | "n*f"
  | "n*f+n"
  | "n*trees*depth"
  | "n*f*trees*depth"
  | "layers"
  | "n*layers"
  | "power";

/**
 * Every {@link CostForm}, in the order {@link compareCostModels} tries them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { COST_FORMS } from "@lib/capacity/mod.ts";
 * assert.ok(COST_FORMS.includes("n*trees*depth"));
 * ```
 */
export const COST_FORMS: readonly CostForm[] = [
  "n",
  "f",
  "n*f",
  "n*f+n",
  "n*trees*depth",
  "n*f*trees*depth",
  "layers",
  "n*layers",
  "power",
];
