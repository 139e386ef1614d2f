import assert from "node:assert/strict";
import {
  erlangC,
  mmcQueue,
  serversForWait,
  simulateQueue,
  waitShareBatchMeans,
} from "@lib/capacity/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("erlangC() matches the closed form for c = 1 and c = 2", () => {
  // M/M/1: C = ρ. M/M/2 (Kleinrock, Queueing Systems I, eq. 3.39 with c = 2): C = 2ρ²/(1 + ρ).
  for (const rho of [0.1, 0.5, 0.9]) {
    assertClose(erlangC(1, rho), rho, { rel: 1e-12 });
    assertClose(erlangC(2, 2 * rho), (2 * rho * rho) / (1 + rho), { rel: 1e-12 });
  }
  assert.equal(erlangC(3, 0), 0);
});

Deno.test("erlangC() matches a published table value", () => {
  // c = 10 agents, a = 8 Erlangs: P(wait) = 0.4092 (standard Erlang C tables, e.g. Cooper,
  // Introduction to Queueing Theory, table of C(c, a)).
  assertClose(erlangC(10, 8), 0.4092, { abs: 5e-4 });
});

Deno.test("mmcQueue() gives the M/M/1 mean wait and wait quantile", () => {
  // M/M/1, λ = 80/s, 10 ms service: ρ = 0.8, Wq = ρ/(μ − λ) = 0.8/20 s = 40 ms,
  // P(W > t) = ρ e^{−(μ−λ)t} → t_0.99 = ln(0.8/0.01)/20 s.
  const q = mmcQueue({ arrivalRate: 80, serviceMs: 10, servers: 1 });
  assertClose(q.meanWaitMs, 40, { rel: 1e-12 });
  assertClose(q.waitQuantileMs, (1000 * Math.log(80)) / 20, { rel: 1e-12 });
  assert.equal(mmcQueue({ arrivalRate: 1, serviceMs: 10, servers: 1 }).waitQuantileMs, 0);
});

Deno.test("simulateQueue() agrees with mmcQueue() for several servers, within 4 standard errors", () => {
  const spec = { arrivalRate: 700, serviceMs: 10, servers: 8 }; // ρ = 0.875
  const waits = simulateQueue(spec, { requests: 200_000, seed: 3 });
  const exact = mmcQueue(spec);
  const { share, standardError } = waitShareBatchMeans(waits);
  assert.ok(standardError < 0.01, `standard error ${standardError}: the check would be too loose`);
  assert.ok(Math.abs(share - exact.probWait) <= 4 * standardError, `${share} vs ${exact.probWait}`);
  const mean = waits.reduce((a, b) => a + b, 0) / waits.length;
  assertClose(mean, exact.meanWaitMs, { rel: 0.1 });
});

Deno.test("simulateQueue() reproduces the published Erlang C value for c = 10, a = 8", () => {
  // 800 requests/s of 10 ms on 10 servers: a = 8 Erlangs, P(wait) = 0.4092 (Cooper, Introduction
  // to Queueing Theory, table of C(c, a)), checked without the formula.
  const waits = simulateQueue({ arrivalRate: 800, serviceMs: 10, servers: 10 }, {
    requests: 1_000_000,
    seed: 11,
  });
  const { share, standardError } = waitShareBatchMeans(waits);
  assert.ok(standardError < 0.005, `standard error ${standardError}`); // 4 SE: ±0.02 at most
  assert.ok(Math.abs(share - 0.4092) <= 4 * standardError, `${share} ± ${standardError}`);
});

Deno.test("waitShareBatchMeans() averages the blocks' shares and their standard error", () => {
  // Skip the first 2 of 10; blocks [2, 6) and [6, 10) wait 1 of 4 and 3 of 4: shares 0.25 and
  // 0.75, mean 0.5, sd √((0.25² + 0.25²)/1) = 0.3536, SE = 0.3536 / √2 = 0.25.
  const waits = [9, 9, 1, 0, 0, 0, 1, 1, 1, 0];
  const w = waitShareBatchMeans(waits, { batches: 2, skip: 0.2 });
  assert.equal(w.share, 0.5);
  assertClose(w.standardError, 0.25, { rel: 1e-12 });
  assert.throws(
    () => waitShareBatchMeans([1, 2], { batches: 3, skip: 0 }),
    /needs at least 3 waits/,
  );
  assert.throws(() => waitShareBatchMeans([1, 2], { skip: 1 }), /skip must be in \[0, 1\), got 1/);
  assert.throws(() => waitShareBatchMeans([1, -2], { batches: 2, skip: 0 }), /waitsMs must be ≥ 0/);
  assert.throws(() => waitShareBatchMeans([1, 2], { batches: 1 }), /batches must be at least 2/);
});

Deno.test("serversForWait() returns the fewest servers meeting the wait percentile", () => {
  const spec = { arrivalRate: 1000, serviceMs: 10 };
  const { servers, stats } = serversForWait(spec, { maxWaitMs: 2 });
  assert.ok(stats.waitQuantileMs <= 2);
  assert.ok(
    mmcQueue({ ...spec, servers: servers - 1 }).utilization >= 1 ||
      mmcQueue({ ...spec, servers: servers - 1 }).waitQuantileMs > 2,
  );
});

Deno.test("queueing functions reject invalid input", () => {
  assert.throws(
    () => erlangC(2, 2),
    /Cannot compute Erlang C: offeredLoad must be in \[0, servers\)/,
  );
  assert.throws(() => erlangC(0, 0), /servers must be at least 1/);
  assert.throws(
    () => mmcQueue({ arrivalRate: 100, serviceMs: 10, servers: 1 }),
    /the queue is unstable: utilisation λ\/\(cμ\) must be < 1, got 1/,
  );
  assert.throws(
    () => mmcQueue({ arrivalRate: 0, serviceMs: 10, servers: 1 }),
    /arrivalRate must be positive/,
  );
  assert.throws(
    () => serversForWait({ arrivalRate: 1, serviceMs: 1 }, { maxWaitMs: -1 }),
    /maxWaitMs must be ≥ 0/,
  );
  assert.throws(
    () => simulateQueue({ arrivalRate: 1, serviceMs: 1, servers: 1 }, { requests: 0, seed: 1 }),
    /requests/,
  );
  assert.throws(
    () => simulateQueue({ arrivalRate: 1, serviceMs: 1, servers: 1 }, { requests: 5 }),
    /pass a seed or rng/,
  );
});
