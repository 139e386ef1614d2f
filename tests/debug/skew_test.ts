import assert from "node:assert/strict";
import { findSkew } from "@lib/debug/mod.ts";
import { createRng } from "@lib/random/mod.ts";

// Simulated events: per event an item price (dollars), a user age, the user's clicks in
// the last 7 days and in the day before that window, and an item's view counter with the
// views since its last hourly refresh.
function events(n: number, seed: number) {
  const rng = createRng(seed);
  const clicks7d = Array.from({ length: n }, () => rng.poisson(6));
  const clicksDay8 = Array.from({ length: n }, () => rng.poisson(1));
  const views = Array.from({ length: n }, () => rng.poisson(200));
  const recentViews = Array.from({ length: n }, () => rng.poisson(3));
  const offline = {
    price: Array.from({ length: n }, () => Math.round(rng.uniform(1, 50) * 100) / 100),
    age: Array.from({ length: n }, () => rng.int(18, 80)),
    clicks7d,
    views,
  };
  return { offline, clicksDay8, recentViews, rng };
}

// Online values are logged as float32.
const logged = (x: readonly number[]) => x.map((v) => Math.fround(v));

Deno.test("findSkew() finds nothing in clean data logged as float32", () => {
  const { offline } = events(2000, 1);
  const online = Object.fromEntries(Object.entries(offline).map(([k, v]) => [k, logged(v)]));
  const findings = findSkew(offline, online);
  assert.deepEqual(findings.map((f) => f.kind), [
    "consistent",
    "consistent",
    "consistent",
    "consistent",
  ]);
  assert.ok(findings.every((f) => f.mismatchRate === 0));
});

Deno.test("findSkew() names each injected logging bug and leaves the clean feature alone", () => {
  const { offline, clicksDay8, recentViews, rng } = events(2000, 2);
  const online = {
    price: logged(offline.price.map((p) => p * 100)), // unit change: cents online
    age: logged(offline.age.map((a) => (rng.bernoulli(0.15) ? -1 : a))), // lookup fell back to -1
    clicks7d: logged(offline.clicks7d.map((c, i) => c + clicksDay8[i])), // an 8-day window
    views: logged(offline.views.map((v, i) => v - recentViews[i])), // stale counter
  };
  const f = findSkew(offline, online);
  assert.deepEqual(f.map((r) => r.kind), ["scale", "default", "online higher", "online lower"]);
  assert.ok(Math.abs(f[0].value - 100) < 1e-4);
  assert.equal(f[1].value, -1);
  assert.ok(f[1].mismatchRate > 0.1 && f[1].mismatchRate < 0.2);
  assert.ok(f[2].meanDifference > 0 && f[3].meanDifference < 0);
});

Deno.test("findSkew() finds a bug on one feature among clean ones, for many seeds", () => {
  for (let seed = 10; seed < 30; seed++) {
    const { offline, clicksDay8 } = events(500, seed);
    const online = {
      ...offline,
      clicks7d: offline.clicks7d.map((c, i) => c + clicksDay8[i]),
    };
    const kinds = findSkew(offline, online).map((r) => r.kind);
    assert.deepEqual(kinds, ["consistent", "consistent", "online higher", "consistent"]);
  }
});

Deno.test("findSkew() calls differences in both directions mixed", () => {
  const [f] = findSkew({ x: [1, 2, 3, 4] }, { x: [2, 1, 4, 3] });
  assert.equal(f.kind, "mixed");
  assert.equal(f.mismatchRate, 1);
});

Deno.test("findSkew() rejects bad input", () => {
  assert.throws(() => findSkew({ x: [1] }, {}), {
    message: 'Cannot run findSkew: online must have the feature "x"',
  });
  assert.throws(() => findSkew({ x: [1, 2] }, { x: [1] }), {
    message:
      'Cannot run findSkew: offline and online "x" must have the same non-zero length, got 2 and 1',
  });
  assert.throws(() => findSkew({ x: [NaN] }, { x: [1] }), {
    message: 'Cannot run findSkew: "x" row 0 must be finite, got 1 and NaN',
  });
  assert.throws(() => findSkew({}, {}), {
    message: "Cannot run findSkew: offline must have at least one feature",
  });
  assert.throws(() => findSkew({ x: [1] }, { x: [1] }, { defaultShare: 0.2 }), {
    message: "Cannot run findSkew: defaultShare must be at least 0.5, got 0.2",
  });
});
