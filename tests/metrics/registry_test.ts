/**
 * Invariance tests over every function of the metric registry: order
 * invariance under a joint permutation of the samples, bounds, and the value
 * of a perfect prediction; plus a check that the registry lists every
 * exported function of `lib/metrics`.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import * as metrics from "@lib/metrics/mod.ts";
import { METRIC_REGISTRY, type MetricEntry, REGISTRY_K } from "@lib/metrics/mod.ts";
import { assertClose } from "../_util/assert_close.ts";
import { assertDeepClose, inputs, perfect, perfectableInputs, permuted } from "./_arbitraries.ts";

const RUNS = { seed: 42, numRuns: 150 };

/** Calls an entry's `compute` on untyped data (the generators match `input`). */
function run(entry: MetricEntry, data: unknown): unknown {
  const [a, b] = data as [never, never];
  return (entry.compute as (a: never, b: never) => unknown)(a, b);
}

Deno.test("METRIC_REGISTRY lists every exported function of lib/metrics", () => {
  const exported = Object.entries(metrics)
    .filter(([, value]) => typeof value === "function")
    .map(([name]) => name)
    .sort();
  const registered = METRIC_REGISTRY.map((e) => e.name).sort();
  const missing = exported.filter((name) => !registered.includes(name));
  assert.deepEqual(missing, [], `exported but missing from METRIC_REGISTRY: ${missing}`);
  assert.deepEqual(registered, exported, "the registry names something that is not exported");
});

Deno.test("METRIC_REGISTRY entries point at the exported functions, once each", () => {
  const names = new Set<string>();
  for (const entry of METRIC_REGISTRY) {
    assert.ok(!names.has(entry.name), `${entry.name} is registered twice`);
    names.add(entry.name);
    assert.equal(entry.fn, (metrics as Record<string, unknown>)[entry.name], entry.name);
  }
});

Deno.test("METRIC_REGISTRY names say the direction: …Loss/…Error are losses, …Score scores", () => {
  for (const entry of METRIC_REGISTRY) {
    if (entry.output !== "scalar") continue;
    if (/(Loss|Error)$/.test(entry.name)) assert.equal(entry.direction, "loss", entry.name);
    if (/Score$/.test(entry.name)) assert.equal(entry.direction, "score", entry.name);
  }
});

for (const entry of METRIC_REGISTRY) {
  Deno.test(`${entry.name}() is invariant under a joint permutation of the samples`, () => {
    fc.assert(
      fc.property(inputs(entry.input), fc.integer({ min: 0, max: 1e6 }), (data, seed) => {
        const before = run(entry, data);
        const after = run(entry, permuted(entry.input, data, seed));
        assertDeepClose(after, before, entry.name);
      }),
      RUNS,
    );
  });

  Deno.test(`${entry.name}() leaves its inputs unchanged`, () => {
    fc.assert(
      fc.property(inputs(entry.input), (data) => {
        const copy = structuredClone(data);
        run(entry, data);
        assert.deepEqual(data, copy);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  if (entry.output !== "scalar") continue;
  const [low, high] = entry.range;

  Deno.test(`${entry.name}() stays within [${low}, ${high}]`, () => {
    fc.assert(
      fc.property(inputs(entry.input), (data) => {
        const value = run(entry, data) as number;
        assert.ok(value >= low && value <= high, `${entry.name} = ${value}`);
      }),
      RUNS,
    );
  });

  Deno.test(`${entry.name}() rates a perfect prediction at least as well as any other`, () => {
    fc.assert(
      fc.property(inputs(entry.input), (data) => {
        const value = run(entry, data) as number;
        const best = run(entry, perfect(entry.input, data)) as number;
        const better = entry.direction === "score" ? best >= value - 1e-12 : best <= value + 1e-12;
        assert.ok(better, `${entry.name}: perfect ${best}, other ${value}`);
      }),
      RUNS,
    );
  });

  if (entry.best === undefined) continue;
  const bestValue = entry.best;
  Deno.test(`${entry.name}() of a perfect prediction is ${bestValue}`, () => {
    fc.assert(
      fc.property(perfectableInputs(entry.input, REGISTRY_K), (data) => {
        const value = run(entry, perfect(entry.input, data)) as number;
        // Log losses clip at machine epsilon: −ln(1 − 2⁻⁵²) ≈ 2.2e-16.
        assertClose(value, bestValue, { abs: 1e-12 }, entry.name);
      }),
      RUNS,
    );
  });
}
