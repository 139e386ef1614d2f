import assert from "node:assert/strict";
import { lruHitRate, zipfStream } from "@lib/capacity/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("zipfStream() draws keys with probability ∝ 1/(k+1)^s", () => {
  const s = zipfStream(100_000, { items: 10, exponent: 2, seed: 4 });
  // Σ_{k=1}^{10} k^−2 = 1.5497677 (partial sum of ζ(2)); P(0) = 1/1.5498, P(1) = 0.25/1.5498.
  const share = (k: number) => s.filter((x) => x === k).length / s.length;
  assertClose(share(0), 1 / 1.5497677, { abs: 0.01 });
  assertClose(share(1), 0.25 / 1.5497677, { abs: 0.01 });
  assert.ok(s.every((k) => k >= 0 && k < 10));
  assert.deepEqual(zipfStream(50, { items: 10, exponent: 2, seed: 4 }), s.slice(0, 50));
});

Deno.test("lruHitRate() counts hits of a hand-traced stream", () => {
  // 1 2 3 1 4 2 with 3 entries: 1 hits; 4 evicts 2 (least recent); 2 misses. One hit in six.
  assert.equal(lruHitRate([1, 2, 3, 1, 4, 2], 3), 1 / 6);
  assert.equal(lruHitRate([1, 1, 1], 0), 0);
  assert.equal(lruHitRate([], 3), 0);
});

Deno.test("lruHitRate() with room for every key misses only first requests", () => {
  const s = zipfStream(5000, { items: 50, exponent: 1, seed: 2 });
  const distinct = new Set(s).size;
  assertClose(lruHitRate(s, 50), 1 - distinct / s.length, { rel: 1e-12 });
});

Deno.test("lruHitRate() grows with capacity and stays below the static top-k cache", () => {
  const items = 1000, exponent = 0.9;
  const s = zipfStream(50_000, { items, exponent, seed: 5 });
  const h = (k: number) =>
    Array.from({ length: k }, (_, i) => (i + 1) ** -exponent).reduce((a, b) => a + b, 0);
  let last = 0;
  for (const k of [10, 50, 200]) {
    const rate = lruHitRate(s, k);
    assert.ok(rate >= last);
    // Under independent requests the best a k-entry cache can do is hold the k most popular keys.
    assert.ok(rate <= h(k) / h(items) + 0.01, `${rate} vs ${h(k) / h(items)}`);
    last = rate;
  }
});

Deno.test("zipfStream() and lruHitRate() reject invalid input", () => {
  assert.throws(
    () => zipfStream(-1, { items: 3, exponent: 1, seed: 1 }),
    /length must be at least 0/,
  );
  assert.throws(
    () => zipfStream(1, { items: 0, exponent: 1, seed: 1 }),
    /items must be at least 1/,
  );
  assert.throws(
    () => zipfStream(1, { items: 3, exponent: -1, seed: 1 }),
    /exponent must be at least 0/,
  );
  assert.throws(
    () => lruHitRate([1], -1),
    /Cannot compute an LRU hit rate: capacity must be at least 0/,
  );
  assert.throws(
    () => lruHitRate(null as unknown as number[], 1),
    /stream must be an array of keys/,
  );
});

Deno.test("lruHitRate() agrees with a naive list-based LRU", () => {
  // Reference: an array in recency order, searched linearly (obviously correct, slow).
  const naive = (stream: ArrayLike<number>, capacity: number) => {
    const list: number[] = [];
    let hits = 0;
    for (let i = 0; i < stream.length; i++) {
      const at = list.indexOf(stream[i]);
      if (at >= 0) (hits++, list.splice(at, 1));
      else if (list.length === capacity) list.pop();
      if (capacity > 0) list.unshift(stream[i]);
    }
    return hits / stream.length;
  };
  const s = zipfStream(3000, { items: 200, exponent: 0.8, seed: 11 });
  for (const capacity of [0, 1, 2, 7, 50, 199, 300]) {
    assert.equal(lruHitRate(s, capacity), naive(s, capacity));
  }
});
