/**
 * Validation and arithmetic shared by the SLA and funnel functions.
 *
 * @module
 */
import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";
import type { ShardedWork } from "./sla.ts";

/** A {@link ShardedWork} with defaults filled in. */
export interface Resolved {
  items: number;
  perItemMs: number;
  shards: number;
  overheadMs: number;
  tailFactor: number;
}

/** Validates a {@link ShardedWork} and fills the defaults. */
export function _resolveWork(
  work: Partial<ShardedWork>,
  context: string,
  needItems = true,
): Resolved {
  if (work == null || typeof work !== "object") raise("type", context, "options must be an object");
  const { items = 0, perItemMs, shards = 1, overheadMs = 0, tailFactor = 1 } = work;
  if (needItems) assertInteger(items, "items", context, { min: 0 });
  assertFiniteNumber(perItemMs, "perItemMs", context, { min: 0 });
  assertInteger(shards, "shards", context, { min: 1 });
  assertFiniteNumber(overheadMs, "overheadMs", context, { min: 0 });
  assertFiniteNumber(tailFactor, "tailFactor", context, { min: 1 });
  return { items, perItemMs, shards, overheadMs, tailFactor };
}

/** The largest k with tailFactor · (overhead + k · cost) ≤ budget (Infinity when cost = 0). */
export function _itemsPerShardWithin(r: Resolved, budgetMs: number): number {
  const perShard = budgetMs / r.tailFactor - r.overheadMs;
  if (perShard < 0) return -1;
  if (r.perItemMs === 0) return Infinity;
  // The relative slack absorbs rounding in products such as 100 / 0.001.
  return Math.floor((perShard / r.perItemMs) * (1 + 1e-12));
}
