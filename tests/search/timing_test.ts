import assert from "node:assert/strict";
import { timePerQuery } from "@lib/search/mod.ts";

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
