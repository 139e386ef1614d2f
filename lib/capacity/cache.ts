import { assertFiniteNumber, assertInteger, raise } from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";

/**
 * A stream of requests for `items` distinct keys with Zipf popularity: key k (0-based) is
 * drawn with probability $\propto 1/(k + 1)^s$, independently (the independent reference
 * model). Drawn by inverting the cumulative distribution with a binary search.
 *
 * @param length Requests in the stream (an integer ≥ 0).
 * @param options `items` (≥ 1), `exponent` s (≥ 0; 0 is uniform), and the seed or rng.
 * @returns The keys requested, in order.
 * @throws {RangeError} On a negative length, items < 1 or a negative exponent.
 * @see notebooks/02_capacity.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { zipfStream } from "@lib/capacity/mod.ts";
 * const s = zipfStream(10_000, { items: 100, exponent: 1, seed: 1 });
 * // P(key 0) = 1 / H_100 ≈ 0.193 (H_100 = 5.187, the 100th harmonic number)
 * assert.ok(Math.abs(s.filter((k) => k === 0).length / 1e4 - 0.193) < 0.02);
 * ```
 */
export function zipfStream(
  length: number,
  options: { items: number; exponent: number } & RandomOptions,
): Int32Array {
  const context = "draw a Zipf stream";
  assertInteger(length, "length", context, { min: 0 });
  const { items, exponent } = options ?? {};
  assertInteger(items, "items", context, { min: 1 });
  assertFiniteNumber(exponent, "exponent", context, { min: 0 });
  const rng = resolveRng(options, context);
  const cdf = new Float64Array(items);
  let total = 0;
  for (let k = 0; k < items; k++) cdf[k] = total += (k + 1) ** -exponent;
  const out = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const u = rng.random() * total;
    let lo = 0, hi = items - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    out[i] = lo;
  }
  return out;
}

/**
 * Hit rate of a least-recently-used cache of `capacity` entries on a request stream: a request
 * whose key is in the cache is a hit; a miss inserts the key and, when full, evicts the key
 * used longest ago. Cold start included (the first request of every key misses).
 *
 * @param stream The keys requested, in order.
 * @param capacity Entries the cache holds (an integer ≥ 0).
 * @returns Hits / requests (0 for an empty stream).
 * @throws {RangeError} If capacity is negative or not an integer.
 * @throws {TypeError} If stream is not array-like.
 * @see notebooks/02_capacity.ipynb
 *
 * @example A, B, A, C, B with 2 entries: only the second A hits (B was evicted by C)
 * ```ts
 * import assert from "node:assert/strict";
 * import { lruHitRate } from "@lib/capacity/mod.ts";
 * assert.equal(lruHitRate([0, 1, 0, 2, 1], 2), 1 / 5);
 * assert.equal(lruHitRate([0, 1, 0, 2, 1], 3), 2 / 5);
 * ```
 */
export function lruHitRate(stream: ArrayLike<number>, capacity: number): number {
  const context = "compute an LRU hit rate";
  if (stream == null || typeof stream.length !== "number") {
    raise("type", context, "stream must be an array of keys");
  }
  assertInteger(capacity, "capacity", context, { min: 0 });
  if (stream.length === 0) return 0;
  // A doubly linked list of slots in recency order (head = most recent) and a map key → slot.
  const slotOf = new Map<number, number>();
  const keyOf = new Float64Array(capacity);
  const prev = new Int32Array(capacity).fill(-1), next = new Int32Array(capacity).fill(-1);
  let head = -1, tail = -1, used = 0, hits = 0;
  const unlink = (s: number) => {
    if (prev[s] >= 0) next[prev[s]] = next[s];
    else head = next[s];
    if (next[s] >= 0) prev[next[s]] = prev[s];
    else tail = prev[s];
  };
  const pushFront = (s: number) => {
    prev[s] = -1;
    next[s] = head;
    if (head >= 0) prev[head] = s;
    head = s;
    if (tail < 0) tail = s;
  };
  for (let i = 0; i < stream.length; i++) {
    const key = stream[i];
    const slot = slotOf.get(key);
    if (slot !== undefined) {
      hits++;
      if (slot !== head) (unlink(slot), pushFront(slot));
    } else if (capacity > 0) {
      let s: number;
      if (used < capacity) s = used++;
      else {
        s = tail;
        unlink(s);
        slotOf.delete(keyOf[s]);
      }
      keyOf[s] = key;
      slotOf.set(key, s);
      pushFront(s);
    }
  }
  return hits / stream.length;
}
