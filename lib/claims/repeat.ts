import { assertInteger, raise } from "../_shared/validate.ts";

/**
 * Runs `fn` once per seed, one after another, and returns the results in seed
 * order: the repeat-over-seeds loop behind every "mean ± interval over seeds".
 *
 * @param seeds The seeds (integers, at least one).
 * @param fn The experiment; may be async.
 * @returns The results, one per seed.
 * @throws {RangeError} If `seeds` is empty or holds a non-integer.
 * @throws {TypeError} If `fn` is not a function.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { repeatOverSeeds, seedsFrom } from "@lib/claims/mod.ts";
 * const out = await repeatOverSeeds(seedsFrom(42, 3), (seed) => seed * 2);
 * assert.deepEqual(out, [84, 86, 88]);
 * ```
 */
export async function repeatOverSeeds<T>(
  seeds: readonly number[],
  fn: (seed: number) => T | Promise<T>,
): Promise<T[]> {
  const context = "repeat over seeds";
  if (!Array.isArray(seeds)) raise("type", context, "seeds must be an array of integers");
  if (seeds.length === 0) raise("range", context, "seeds must not be empty");
  seeds.forEach((s, i) => assertInteger(s, `seeds[${i}]`, context));
  if (typeof fn !== "function") raise("type", context, "fn must be a function");
  const out: T[] = [];
  for (const seed of seeds) out.push(await fn(seed));
  return out;
}

/**
 * `count` consecutive seeds starting at `seed`: `[seed, seed + 1, …]`.
 *
 * @throws {RangeError} If `seed` is not an integer or `count` is not a positive integer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seedsFrom } from "@lib/claims/mod.ts";
 * assert.deepEqual(seedsFrom(7, 3), [7, 8, 9]);
 * ```
 */
export function seedsFrom(seed: number, count: number): number[] {
  assertInteger(seed, "seed", "make seeds");
  assertInteger(count, "count", "make seeds", { min: 1 });
  return Array.from({ length: count }, (_, i) => seed + i);
}
