import assert from "node:assert/strict";
import { erlangC, mmcQueue, serversForWait, simulateQueue } from "@lib/capacity/mod.ts";
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

Deno.test("simulateQueue() agrees with mmcQueue() for several servers", () => {
  const spec = { arrivalRate: 700, serviceMs: 10, servers: 8 }; // ρ = 0.875
  const waits = simulateQueue(spec, { requests: 200_000, seed: 3 });
  const exact = mmcQueue(spec);
  const mean = waits.reduce((a, b) => a + b, 0) / waits.length;
  const waited = waits.filter((w) => w > 0).length / waits.length;
  assertClose(mean, exact.meanWaitMs, { rel: 0.1 });
  assertClose(waited, exact.probWait, { abs: 0.03 });
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
