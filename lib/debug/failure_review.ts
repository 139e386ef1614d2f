import { assertFiniteArray, assertInteger, raise } from "../_shared/validate.ts";

/** Options of {@link reviewFailures}. */
export interface FailureReviewOptions {
  /** How many of the worst examples to review. @default 50 */
  top?: number;
  /** Groups with fewer failures than this are left out. @default 3 */
  minCount?: number;
}

/** One row of {@link reviewFailures}: how over-represented a group is among the failures. */
export interface FailureGroup {
  /** The grouping (a key of `groupings`), e.g. "genre" or "cluster". */
  grouping: string;
  /** The group's value, e.g. "Horror". */
  group: string;
  /** Failures (of the `top` worst) in the group. */
  count: number;
  /** The group's share of the failures. */
  failureShare: number;
  /** The group's share of all examples. */
  overallShare: number;
  /** failureShare / overallShare: above 1, the group fails more than its size says. */
  lift: number;
}

/**
 * Failure-case review: takes the `top` examples with the largest loss and groups them
 * by each grouping given (a slice, a feature value, a cluster of the examples'
 * embeddings), with each group's share among the failures against its share overall.
 * Rows are sorted by lift, largest first; a lift well above 1 on a group with many
 * failures points at what the model misses.
 *
 * @param losses One loss per example (larger is worse).
 * @param groupings Named arrays of group values, one per example.
 * @param options `top` (default 50) and `minCount` (default 3).
 * @returns {@link FailureGroup} rows, largest lift first.
 * @throws {RangeError} If lengths differ, `losses` is empty or not finite, `top` is not
 *   in [1, n], or `groupings` is empty.
 * @see notebooks/07_debugging.ipynb
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reviewFailures } from "@lib/debug/mod.ts";
 * const losses = [5, 4, 3, 0.1, 0.2, 0.1, 0.3, 0.2];
 * const genre = ["horror", "horror", "horror", "drama", "drama", "drama", "horror", "drama"];
 * const [first] = reviewFailures(losses, { genre }, { top: 3, minCount: 1 });
 * assert.equal(first.group, "horror");
 * assert.equal(first.lift, 2); // all of the failures, half of the examples
 * ```
 */
export function reviewFailures(
  losses: ArrayLike<number>,
  groupings: Readonly<Record<string, readonly (string | number)[]>>,
  options: FailureReviewOptions = {},
): FailureGroup[] {
  const context = "run reviewFailures";
  const { top = 50, minCount = 3 } = options;
  assertFiniteArray(losses, "losses", context);
  const n = losses.length;
  assertInteger(top, "top", context, { min: 1, max: n });
  assertInteger(minCount, "minCount", context, { min: 1 });
  const names = Object.keys(groupings);
  if (names.length === 0) raise("range", context, "groupings must have at least one grouping");
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => losses[b] - losses[a]);
  const worst = order.slice(0, top);
  const rows: FailureGroup[] = [];
  for (const grouping of names) {
    const g = groupings[grouping];
    if (!Array.isArray(g) || g.length !== n) {
      raise("range", context, `groupings.${grouping} must have one value per example (${n})`);
    }
    const all = new Map<string, number>(), bad = new Map<string, number>();
    for (const v of g) all.set(String(v), (all.get(String(v)) ?? 0) + 1);
    for (const i of worst) bad.set(String(g[i]), (bad.get(String(g[i])) ?? 0) + 1);
    for (const [group, count] of bad) {
      if (count < minCount) continue;
      const failureShare = count / top, overallShare = all.get(group)! / n;
      rows.push({
        grouping,
        group,
        count,
        failureShare,
        overallShare,
        lift: failureShare / overallShare,
      });
    }
  }
  return rows.sort((a, b) => b.lift - a.lift || b.count - a.count);
}
