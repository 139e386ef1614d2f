import {
  assertFiniteArray,
  assertInteger,
  assertOpenUnit,
  assertPositive,
  raise,
} from "../_shared/validate.ts";
import { type RandomOptions, resolveRng } from "../random/mod.ts";

/** An M/M/c queue: Poisson arrivals, exponential service times, c servers. */
export interface QueueSpec {
  /** Arrivals per second (λ > 0). */
  arrivalRate: number;
  /** Mean service time of one request in ms (1/μ). */
  serviceMs: number;
  /** Servers c (replicas), an integer ≥ 1. */
  servers: number;
}

/** What {@link mmcQueue} returns. */
export interface QueueStats {
  /** Utilisation ρ = λ / (c μ), the busy share of each server. */
  utilization: number;
  /** Erlang C: the probability that a request waits at all. */
  probWait: number;
  /** Mean wait in the queue before service, in ms. */
  meanWaitMs: number;
  /** The percentile of the wait asked for, in ms (0 when fewer than that share wait). */
  waitQuantileMs: number;
}

function check(spec: QueueSpec, context: string) {
  const { arrivalRate, serviceMs, servers } = spec ?? {};
  assertPositive(arrivalRate, "arrivalRate", context);
  assertPositive(serviceMs, "serviceMs", context);
  assertInteger(servers, "servers", context, { min: 1 });
  return { lambda: arrivalRate, mu: 1000 / serviceMs, c: servers };
}

/**
 * Erlang C, the probability that an arrival to an M/M/c queue must wait, for c servers and
 * offered load $a = \lambda/\mu$ (< c), computed through the stable Erlang B recursion
 * $B_0 = 1$, $B_k = a B_{k-1} / (k + a B_{k-1})$:
 *
 * $$C(c, a) = \frac{c\,B_c}{c - a\,(1 - B_c)}.$$
 *
 * @param servers Servers c (an integer ≥ 1).
 * @param offeredLoad a = λ/μ in Erlangs, 0 ≤ a < c.
 * @returns The probability of waiting, in [0, 1).
 * @throws {RangeError} If servers < 1 or the load is negative or ≥ c (an unstable queue).
 * @see notebooks/02_capacity.ipynb
 *
 * @example Two servers at half load wait with probability 1/3 (Kleinrock, Queueing Systems I, §3.5)
 * ```ts
 * import assert from "node:assert/strict";
 * import { erlangC } from "@lib/capacity/mod.ts";
 * assert.ok(Math.abs(erlangC(2, 1) - 1 / 3) < 1e-12);
 * assert.ok(Math.abs(erlangC(1, 0.8) - 0.8) < 1e-12); // M/M/1: P(wait) = ρ
 * ```
 */
export function erlangC(servers: number, offeredLoad: number): number {
  const context = "compute Erlang C";
  assertInteger(servers, "servers", context, { min: 1 });
  if (!(offeredLoad >= 0 && offeredLoad < servers)) {
    raise(
      "range",
      context,
      `offeredLoad must be in [0, servers) = [0, ${servers}), got ${offeredLoad}`,
    );
  }
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/**
 * Steady state of an M/M/c queue: utilisation $\rho = \lambda/(c\mu)$, the probability of
 * waiting $C$ (Erlang C), the mean wait $W_q = C / (c\mu - \lambda)$, and a percentile of the
 * wait from $P(W > t) = C\,e^{-(c\mu - \lambda)t}$: $t_p = \ln(C/(1-p)) / (c\mu - \lambda)$
 * when $1 - p < C$, else 0.
 *
 * @param spec See {@link QueueSpec}.
 * @param options `percentile` of the wait to report. @default 0.99
 * @returns {@link QueueStats}.
 * @throws {RangeError} On non-positive rates, servers < 1, ρ ≥ 1, or a percentile outside (0, 1).
 * @see notebooks/02_capacity.ipynb
 *
 * @example M/M/1 at ρ = 0.5 with 10 ms service: mean wait ρ/(μ − λ) = 10 ms
 * ```ts
 * import assert from "node:assert/strict";
 * import { mmcQueue } from "@lib/capacity/mod.ts";
 * const q = mmcQueue({ arrivalRate: 50, serviceMs: 10, servers: 1 });
 * assert.ok(Math.abs(q.utilization - 0.5) < 1e-12 && Math.abs(q.meanWaitMs - 10) < 1e-9);
 * ```
 */
export function mmcQueue(spec: QueueSpec, options: { percentile?: number } = {}): QueueStats {
  const context = "compute M/M/c queue statistics";
  const { lambda, mu, c } = check(spec, context);
  const { percentile = 0.99 } = options;
  assertOpenUnit(percentile, "percentile", context);
  const utilization = lambda / (c * mu);
  if (utilization >= 1) {
    raise(
      "range",
      context,
      `the queue is unstable: utilisation λ/(cμ) must be < 1, got ${utilization}`,
    );
  }
  const probWait = erlangC(c, lambda / mu);
  const drain = c * mu - lambda; // per second
  const meanWaitMs = (1000 * probWait) / drain;
  const waitQuantileMs = 1 - percentile < probWait
    ? (1000 * Math.log(probWait / (1 - percentile))) / drain
    : 0;
  return { utilization, probWait, meanWaitMs, waitQuantileMs };
}

/**
 * The fewest servers for which an M/M/c queue's wait at `percentile` is at most
 * `maxWaitMs` (and the queue is stable).
 *
 * @param spec The queue without `servers`.
 * @param options `maxWaitMs` (≥ 0) and `percentile` (default 0.99).
 * @returns The servers and the queue's statistics there.
 * @throws {RangeError} As {@link mmcQueue}, or a negative `maxWaitMs`.
 * @see notebooks/02_capacity.ipynb
 *
 * @example 1000 requests/s of 10 ms each: 10 servers would be 100 % busy
 * ```ts
 * import assert from "node:assert/strict";
 * import { serversForWait } from "@lib/capacity/mod.ts";
 * const plan = serversForWait({ arrivalRate: 1000, serviceMs: 10 }, { maxWaitMs: 5 });
 * assert.ok(plan.servers > 10 && plan.stats.waitQuantileMs <= 5);
 * ```
 */
export function serversForWait(
  spec: Omit<QueueSpec, "servers">,
  options: { maxWaitMs: number; percentile?: number },
): { servers: number; stats: QueueStats } {
  const context = "compute servers for a wait target";
  const { maxWaitMs, percentile = 0.99 } = options ?? {};
  if (!(maxWaitMs >= 0)) raise("range", context, `maxWaitMs must be ≥ 0, got ${maxWaitMs}`);
  const { lambda, mu } = check({ ...spec, servers: 1 }, context);
  let servers = Math.floor(lambda / mu) + 1;
  for (;;) {
    const stats = mmcQueue({ ...spec, servers }, { percentile });
    if (stats.waitQuantileMs <= maxWaitMs) return { servers, stats };
    servers++;
  }
}

/**
 * Simulates an M/M/c queue (first come, first served) and returns each request's wait in ms:
 * exponential inter-arrival times of mean 1/λ and service times of mean 1/μ, each request
 * served by the server that frees first. Checks {@link mmcQueue} without its formulas.
 *
 * @param spec See {@link QueueSpec}.
 * @param options `requests` to simulate (≥ 1) and the seed or rng.
 * @returns The waits in arrival order (ms).
 * @throws {RangeError} As {@link mmcQueue} (stability is not required), or requests < 1.
 * @see notebooks/02_capacity.ipynb
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateQueue } from "@lib/capacity/mod.ts";
 * const waits = simulateQueue({ arrivalRate: 50, serviceMs: 10, servers: 1 }, { requests: 50_000, seed: 1 });
 * const mean = waits.reduce((a, b) => a + b, 0) / waits.length;
 * assert.ok(Math.abs(mean - 10) < 1.5); // M/M/1 at ρ = 0.5: 10 ms
 * ```
 */
export function simulateQueue(
  spec: QueueSpec,
  options: { requests: number } & RandomOptions,
): Float64Array {
  const context = "simulate a queue";
  const { lambda, mu, c } = check(spec, context);
  assertInteger(options?.requests, "requests", context, { min: 1 });
  const rng = resolveRng(options, context);
  // A binary min-heap of the times (s) at which the servers free up.
  const heap = new Float64Array(c);
  const waits = new Float64Array(options.requests);
  let now = 0;
  for (let i = 0; i < waits.length; i++) {
    now += -Math.log(1 - rng.random()) / lambda;
    const start = Math.max(now, heap[0]);
    waits[i] = 1000 * (start - now);
    // Replace the root (the server that frees first) and sift it down.
    const done = start - Math.log(1 - rng.random()) / mu;
    let j = 0;
    for (;;) {
      const l = 2 * j + 1, r = l + 1;
      let k = j, v = done;
      if (l < c && heap[l] < v) (k = l), (v = heap[l]);
      if (r < c && heap[r] < v) k = r;
      if (k === j) break;
      heap[j] = heap[k];
      j = k;
    }
    heap[j] = done;
  }
  return waits;
}

/** What {@link waitShareBatchMeans} returns. */
export interface WaitShare {
  /** Share of the requests (after the skipped start) that waited, the mean of the batches. */
  share: number;
  /** Its standard error from the spread of the batch shares, sd / √batches. */
  standardError: number;
  /** Batches the kept requests were cut into. */
  batches: number;
}

/**
 * The share of simulated requests that wait, with a standard error by **batch means**: the
 * first `skip` share of the run (while the queue fills from empty) is dropped, the rest is
 * cut into `batches` consecutive blocks, and the blocks' shares of requests with a wait
 * > 0 give the mean and, treated as independent, its standard error
 * $s/\sqrt{b}$. Long blocks make neighbouring blocks nearly independent; near full
 * utilisation they must be longer for that.
 *
 * @param waitsMs Waits in arrival order, as {@link simulateQueue} returns them.
 * @param options `batches` (an integer ≥ 2, default 20) and `skip` (in [0, 1), default 0.1).
 * @returns A {@link WaitShare}.
 * @throws {RangeError} On non-finite or negative waits, fewer kept waits than batches, or an
 *   invalid option.
 * @see notebooks/02_capacity.ipynb
 *
 * @example Half the requests wait in every block: share 0.5, no spread
 * ```ts
 * import assert from "node:assert/strict";
 * import { waitShareBatchMeans } from "@lib/capacity/mod.ts";
 * const waits = Array.from({ length: 40 }, (_, i) => i % 2);
 * assert.deepEqual(waitShareBatchMeans(waits, { batches: 4, skip: 0 }),
 *   { share: 0.5, standardError: 0, batches: 4 });
 * ```
 */
export function waitShareBatchMeans(
  waitsMs: ArrayLike<number>,
  options: { batches?: number; skip?: number } = {},
): WaitShare {
  const context = "compute the share of requests that wait";
  const { batches = 20, skip = 0.1 } = options ?? {};
  assertFiniteArray(waitsMs, "waitsMs", context);
  assertInteger(batches, "batches", context, { min: 2 });
  if (!(skip >= 0 && skip < 1)) raise("range", context, `skip must be in [0, 1), got ${skip}`);
  const start = Math.floor(skip * waitsMs.length);
  const kept = waitsMs.length - start;
  if (kept < batches) {
    raise("range", context, `needs at least ${batches} waits after the skipped start, got ${kept}`);
  }
  const shares: number[] = [];
  for (let b = 0; b < batches; b++) {
    const [from, to] = [
      start + Math.floor((b * kept) / batches),
      start + Math.floor(((b + 1) * kept) / batches),
    ];
    let waited = 0;
    for (let i = from; i < to; i++) {
      if (waitsMs[i] < 0) raise("range", context, `waitsMs must be ≥ 0, got ${waitsMs[i]} at ${i}`);
      if (waitsMs[i] > 0) waited++;
    }
    shares.push(waited / (to - from));
  }
  const share = shares.reduce((a, v) => a + v, 0) / batches;
  const variance = shares.reduce((a, v) => a + (v - share) ** 2, 0) / (batches - 1);
  return { share, standardError: Math.sqrt(variance / batches), batches };
}
