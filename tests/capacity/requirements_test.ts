import assert from "node:assert/strict";
import {
  FEED_REQUIREMENTS,
  peakQps,
  requiredLoad,
  SEARCH_REQUIREMENTS,
} from "@lib/capacity/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

// By hand: 50 000 000 × 3 / 86 400 = 1736.11 QPS, × 3 = 5208.33 at peak; 100 ms / 10⁸ = 1 ns.
Deno.test("requiredLoad() gives the search QPS and per-item budget worked by hand", () => {
  const load = requiredLoad(SEARCH_REQUIREMENTS);
  assertClose(load.meanQps, 1736.111111, { rel: 1e-9 });
  assertClose(load.peakQps, 5208.333333, { rel: 1e-9 });
  assertClose(load.nsPerItem, 1, { rel: 1e-12 });
});

// By hand: 50 000 000 × 10 / 86 400 = 5787.04 QPS; 200 ms / (5 × 10⁸) = 0.4 ns.
Deno.test("requiredLoad() gives the feed QPS and per-item budget worked by hand", () => {
  const load = requiredLoad(FEED_REQUIREMENTS);
  assertClose(load.meanQps, 5787.037037, { rel: 1e-9 });
  assertClose(load.nsPerItem, 0.4, { rel: 1e-12 });
});

Deno.test("the shared requirements cannot be changed by a caller", () => {
  assert.ok(Object.isFrozen(SEARCH_REQUIREMENTS) && Object.isFrozen(FEED_REQUIREMENTS));
});

Deno.test("requiredLoad() rejects invalid requirements with a message naming the field", () => {
  assert.throws(
    () => requiredLoad({ ...SEARCH_REQUIREMENTS, items: 0 }),
    {
      name: "RangeError",
      message: "Cannot compute the required load: items must be positive, got 0",
    },
  );
  assert.throws(
    () => requiredLoad({ ...SEARCH_REQUIREMENTS, peakToMean: 0.5 }),
    /peakToMean must be at least 1, got 0.5/,
  );
  assert.throws(
    () => requiredLoad({ ...SEARCH_REQUIREMENTS, slaMs: Number.NaN }),
    /slaMs must be finite/,
  );
  assert.throws(
    () => peakQps({ ...SEARCH_REQUIREMENTS, slaPercentile: 1 }),
    /slaPercentile must be strictly between 0 and 1/,
  );
  assert.throws(() => requiredLoad(null as never), TypeError);
});

Deno.test("peakQps() reproduces chapter 1's peak search traffic", () => {
  // 5·10⁷ users × 3 searches / 86,400 s = 1,736.1 QPS on average; × 3 at peak = 5,208.3.
  assertClose(peakQps(SEARCH_REQUIREMENTS), 5208.3333, { rel: 1e-6 });
  assert.throws(() => (SEARCH_REQUIREMENTS as { slaMs: number }).slaMs = 1);
});
