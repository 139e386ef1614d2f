import assert from "node:assert/strict";
import { ipsEstimate, offPolicyEstimate, shadowPolicy } from "@lib/bias/mod.ts";

// Hand-built log of three one-row sessions: the candidate shows posts 9, 9 and 4.
const feed = {
  numSessions: 3,
  feedSize: 1,
  sessionId: Int32Array.of(0, 1, 2),
  position: Int32Array.of(0, 0, 0),
  userId: Int32Array.of(1, 1, 1),
  itemId: Int32Array.of(9, 9, 4),
  time: Float64Array.of(1, 2, 3),
  device: Uint8Array.of(0, 0, 0),
};
const shadow = { policy: undefined as never, feed: () => feed };
const log = {
  sessionId: [0, 1, 2],
  position: [0, 0, 0],
  itemId: [9, 7, 4],
  engaged: [1, 1, 0],
  propensity: [0.25, 0.5, 0.1],
};

Deno.test("offPolicyEstimate() weighs the rows the candidate would show by 1/propensity", () => {
  // Weights 4, 0, 10; IPS = (4·1 + 0 + 10·0) / 3, SNIPS = 4 / 14.
  const est = offPolicyEstimate(log, shadow);
  assert.equal(est.ips, 4 / 3);
  assert.equal(est.snips, 4 / 14);
  assert.equal(est.maxWeight, 10);
  assert.equal(est.supportRows, 2);
});

Deno.test("offPolicyEstimate() passes the weight cap to ipsEstimate", () => {
  const clipped = offPolicyEstimate(log, shadow, { maxWeight: 5 });
  const direct = ipsEstimate(log.engaged, log.propensity, {
    targetProbabilities: [1, 0, 1],
    clusters: log.sessionId,
    maxWeight: 5,
  });
  assert.deepEqual(clipped, direct);
  assert.equal(clipped.snips, 4 / 9); // weights 4, 0, 5
});

Deno.test("offPolicyEstimate() rejects a shadow without a feed", () => {
  assert.throws(
    () => offPolicyEstimate(log, {} as ReturnType<typeof shadowPolicy>),
    /Cannot estimate a shadow policy off-policy: shadow must have a feed\(\) function/,
  );
});
