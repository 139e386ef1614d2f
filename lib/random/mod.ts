/**
 * Seeded randomness for the whole book (all chapters). Every stochastic
 * function in `lib/` takes `{ seed }` or `{ rng }`; nothing calls `Math.random`.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng, shuffle } from "@lib/random/mod.ts";
 * const rng = createRng(42);
 * const order = shuffle([1, 2, 3], { rng });
 * assert.equal(order.length, 3);
 * ```
 *
 * @module
 */
export * from "./rng.ts";
export * from "./shuffle.ts";
