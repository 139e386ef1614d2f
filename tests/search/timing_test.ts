import assert from "node:assert/strict";
import { timePerQuery, timeQueriesInterleaved } from "@lib/search/mod.ts";

Deno.test("timePerQuery() runs a warm-up pass then every timed pass in query order", () => {
  const seen: number[] = [];
  const ms = timePerQuery([3, 1, 2], (q) => seen.push(q), { repeats: 4, budgetMs: 1e6 });
  assert.deepEqual(seen, [3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2]);
  assert.ok(Number.isFinite(ms) && ms >= 0);
});

Deno.test("timePerQuery() returns the fastest pass per query", () => {
  // Each query spins for ~2 ms in the first timed pass only, so the fastest pass is the cheap one.
  let pass = -1;
  const queries = [0, 1];
  const ms = timePerQuery(queries, (q) => {
    if (q === 0) pass++;
    if (pass === 1) {
      const until = performance.now() + 2;
      while (performance.now() < until) { /* busy wait */ }
    }
  }, { repeats: 3, budgetMs: 1e6 });
  assert.ok(ms < 1, `expected the fast pass (< 1 ms per query), got ${ms}`);
});

Deno.test("timePerQuery() stops starting passes once the budget is spent", () => {
  let calls = 0;
  timePerQuery([0], () => {
    calls++;
    const until = performance.now() + 3;
    while (performance.now() < until) { /* busy wait */ }
  }, { repeats: 10, budgetMs: 1 });
  // One warm-up call, then one timed pass of >= 3 ms that exhausts the 1 ms budget.
  assert.equal(calls, 2);
});

Deno.test("timePerQuery() always runs one timed pass, even with a zero budget", () => {
  let calls = 0;
  const ms = timePerQuery(["q"], () => calls++, { budgetMs: 0 });
  assert.equal(calls, 2);
  assert.ok(Number.isFinite(ms));
});

Deno.test("timePerQuery() rejects invalid arguments with a message", () => {
  const run = () => 0;
  assert.throws(
    () => timePerQuery("abc" as unknown as string[], run),
    new TypeError("Cannot time timePerQuery: queries must be an array"),
  );
  assert.throws(
    () => timePerQuery([], run),
    new RangeError("Cannot time timePerQuery: queries must not be empty"),
  );
  assert.throws(
    () => timePerQuery([1], 5 as unknown as () => number),
    new TypeError("Cannot time timePerQuery: run must be a function"),
  );
  assert.throws(
    () => timePerQuery([1], run, { repeats: 0 }),
    new RangeError("Cannot time timePerQuery: repeats must be at least 1, got 0"),
  );
  assert.throws(
    () => timePerQuery([1], run, { repeats: 1.5 }),
    new RangeError("Cannot time timePerQuery: repeats must be an integer, got 1.5"),
  );
  assert.throws(
    () => timePerQuery([1], run, { budgetMs: -1 }),
    new RangeError("Cannot time timePerQuery: budgetMs must be at least 0, got -1"),
  );
  assert.throws(() => timePerQuery([1], run, { budgetMs: Infinity }), RangeError);
});

const spin = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) { /* busy wait */ }
};

Deno.test("timeQueriesInterleaved() gives every system the same query in each round", async () => {
  const seen: Record<string, number[]> = { a: [], b: [], c: [] };
  const t = await timeQueriesInterleaved(
    {
      a: (q: number) => seen.a.push(q),
      b: (q: number) => seen.b.push(q),
      c: (q: number) => seen.c.push(q),
    },
    [7, 8, 9, 10],
    { passes: 3, warmup: 2 },
  );
  // Two warm-up rounds on the last two queries, then three passes in query order.
  const expected = [9, 10, ...[1, 2, 3].flatMap(() => [7, 8, 9, 10])];
  assert.deepEqual(seen, { a: expected, b: expected, c: expected });
  for (const k of ["a", "b", "c"] as const) {
    assert.equal(t[k].samplesMs.length, 12);
    assert.equal(t[k].count, 12);
  }
});

Deno.test("timeQueriesInterleaved() records the time of each query in its round", async () => {
  // Query 1 costs ~3 ms in system "slow" only: its samples at rounds 1 and 3 (two passes over
  // queries 0, 1) stand out, the others and all of "fast" stay below.
  const t = await timeQueriesInterleaved(
    {
      slow: (q: number) => q === 1 && spin(3),
      fast: () => 0,
    },
    [0, 1],
    { passes: 2, warmup: 0 },
  );
  const slow = t.slow.samplesMs;
  assert.ok(slow[1] >= 3 && slow[3] >= 3, `slow samples ${slow}`);
  assert.ok(slow[0] < 3 && slow[2] < 3, `slow samples ${slow}`);
  assert.ok(t.fast.samplesMs.every((ms) => ms < 3));
  assert.ok(t.slow.max >= 3 && t.slow.min < 3);
});

Deno.test("timeQueriesInterleaved() rejects invalid arguments with a message", () => {
  const ok = { a: () => 0 };
  assert.throws(() => timeQueriesInterleaved(ok, "q" as unknown as string[]), {
    name: "TypeError",
    message: "Cannot time timeQueriesInterleaved: queries must be an array",
  });
  assert.throws(() => timeQueriesInterleaved(ok, []), {
    name: "RangeError",
    message: "Cannot time timeQueriesInterleaved: queries must not be empty",
  });
  assert.throws(() => timeQueriesInterleaved({}, [1]), {
    message: "Cannot time timeQueriesInterleaved: systems must name at least one system",
  });
  assert.throws(() => timeQueriesInterleaved({ a: 3 } as never, [1]), {
    name: "TypeError",
    message: "Cannot time timeQueriesInterleaved: systems.a must be a function",
  });
  assert.throws(() => timeQueriesInterleaved(ok, [1], { passes: 0 }), {
    message: "Cannot time timeQueriesInterleaved: passes must be at least 1, got 0",
  });
  assert.throws(() => timeQueriesInterleaved(ok, [1], { warmup: -1 }), RangeError);
});
