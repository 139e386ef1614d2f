import assert from "node:assert/strict";
import { peakQps, SEARCH_REQUIREMENTS } from "@lib/capacity/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("peakQps() reproduces chapter 1's peak search traffic", () => {
  // 5·10⁷ users × 3 searches / 86,400 s = 1,736.1 QPS on average; × 3 at peak = 5,208.3.
  assertClose(peakQps(SEARCH_REQUIREMENTS), 5208.3333, { rel: 1e-6 });
  assert.throws(() => (SEARCH_REQUIREMENTS as { slaMs: number }).slaMs = 1);
});

Deno.test("peakQps() rejects invalid requirements", () => {
  assert.throws(
    () => peakQps({ ...SEARCH_REQUIREMENTS, dailyActiveUsers: 0 }),
    /Cannot compute peak QPS: dailyActiveUsers must be positive/,
  );
  assert.throws(
    () => peakQps({ ...SEARCH_REQUIREMENTS, peakToMean: 0.5 }),
    /peakToMean must be at least 1/,
  );
  assert.throws(
    () => peakQps({ ...SEARCH_REQUIREMENTS, slaPercentile: 1 }),
    /slaPercentile must be strictly between 0 and 1/,
  );
});
