import assert from "node:assert/strict";
import { attributeFunnel, type Funnel, traceQuery } from "@lib/debug/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// Constructed case: 100 items; query q has relevant items R(q) = {q, q+1, …, q+4}.
// The selector returns 20 items, the ranker orders candidates by a score.
const relevant = (q: number) => [q, q + 1, q + 2, q + 3, q + 4];

Deno.test("attributeFunnel() blames the selector when it drops relevant items", () => {
  // Selector keeps only R(q)'s first two items plus 18 others; ranker is perfect.
  const funnel: Funnel<number> = {
    select: (q) => [q, q + 1, ...Array.from({ length: 18 }, (_, i) => 50 + i)],
    rank: (q, c) =>
      [...c].sort((a, b) => Number(relevant(q).includes(b)) - Number(relevant(q).includes(a))),
    relevant,
  };
  const a = attributeFunnel([0, 10, 20], funnel, { k: 5 });
  assertClose(a.selectorRecall, 0.4);
  assertClose(a.finalRecall, 0.4);
  assertClose(a.perfectRankerRecall, 0.4); // nothing to gain from the ranker
  assertClose(a.perfectSelectorRecall, 1); // everything to gain from the selector
  assert.equal(a.selectorShareOfLosses, 1);
  assert.equal(a.perQuery.length, 3);
});

Deno.test("attributeFunnel() blames the ranker when it buries selected items", () => {
  // Selector returns all of R(q); ranker puts them last of 20 candidates.
  const funnel: Funnel<number> = {
    select: (q) => [...relevant(q), ...Array.from({ length: 15 }, (_, i) => 50 + i)],
    rank: (q, c) =>
      [...c].sort((a, b) => Number(relevant(q).includes(a)) - Number(relevant(q).includes(b))),
    relevant,
  };
  const a = attributeFunnel([0, 10], funnel, { k: 5 });
  assertClose(a.selectorRecall, 1);
  assertClose(a.finalRecall, 0);
  assertClose(a.perfectRankerRecall, 1);
  assertClose(a.perfectSelectorRecall, 0);
  assert.equal(a.selectorShareOfLosses, 0);
});

Deno.test("attributeFunnel() keeps the candidate count under a perfect selector and skips queries without relevant items", () => {
  const seen: number[] = [];
  const funnel: Funnel<number> = {
    select: () => [90, 91, 92],
    rank: (_q, c) => {
      seen.push(c.length);
      return [...c];
    },
    relevant: (q) => (q < 0 ? [] : [1, 2]),
  };
  const a = attributeFunnel([-1, 0], funnel, { k: 3 });
  assert.equal(a.perQuery.length, 1);
  assert.deepEqual(seen, [3, 3]);
  assertClose(a.perfectSelectorRecall, 1);
});

Deno.test("traceQuery() says where each relevant item went", () => {
  const funnel: Funnel<number> = {
    select: () => [5, 6, 7, 8],
    rank: () => [8, 7, 6, 5],
    relevant: () => [5, 8, 1],
  };
  assert.deepEqual(traceQuery(0, funnel, { k: 2 }), [
    { item: 5, selectorRank: 0, rankerRank: 3, outcome: "lost by ranker" },
    { item: 8, selectorRank: 3, rankerRank: 0, outcome: "returned" },
    { item: 1, selectorRank: -1, rankerRank: -1, outcome: "lost by selector" },
  ]);
});

Deno.test("attributeFunnel() and traceQuery() reject bad input", () => {
  const funnel: Funnel<number> = { select: () => [1], rank: (_q, c) => [...c], relevant: () => [] };
  assert.throws(() => attributeFunnel([0], funnel), {
    message: "Cannot run attributeFunnel: at least one query must have a relevant item",
  });
  assert.throws(() => attributeFunnel([0], funnel, { k: 0 }), {
    message: "Cannot run attributeFunnel: k must be at least 1, got 0",
  });
  assert.throws(
    () => traceQuery(0, { ...funnel, rank: undefined } as unknown as Funnel<number>),
    { name: "TypeError", message: "Cannot run traceQuery: funnel.rank must be a function" },
  );
});
