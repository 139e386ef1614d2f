import assert from "node:assert/strict";
import {
  clusterMeans,
  simulateNetworkExperiment,
  splitByArm,
  welchTTest,
} from "@lib/experiment/mod.ts";
import { assertClose } from "../_util/assert_close.ts";

Deno.test("clusterMeans() averages each cluster, in order of first appearance", () => {
  const r = clusterMeans([1, 2, 3, 4, 5, 6], [9, 4, 9, 4, 9, 1], [0, 1, 0, 1, 0, 1]);
  assert.deepEqual(r.cluster, [9, 4, 1]);
  assert.deepEqual(Array.from(r.mean), [3, 3, 6]);
  assert.deepEqual(Array.from(r.size), [3, 2, 1]);
  assert.deepEqual(Array.from(r.arm), [0, 1, 1]);
});

Deno.test("clusterMeans() validates its input", () => {
  assert.throws(() => clusterMeans([1, 2], [1, 1], [0, 1]), {
    name: "RangeError",
    message: "Cannot compute clusterMeans: cluster 1 has users in both arms",
  });
  assert.throws(() => clusterMeans([1, 2], [1], [0, 1]), RangeError);
  assert.throws(() => clusterMeans([1], [1], [2]), {
    name: "RangeError",
    message: "Cannot compute clusterMeans: arm[0] must be 0 or 1, got 2",
  });
});

Deno.test("simulateNetworkExperiment(): user randomisation estimates τ/(1 + s/2), clusters τ + s", () => {
  const mean = (design: "user" | "cluster") => {
    let sum = 0;
    for (let seed = 0; seed < 40; seed++) {
      const r = simulateNetworkExperiment(
        { clusters: 200, directEffect: 0.1, spillover: 0.2, design },
        { seed },
      );
      const a = splitByArm(r.value, r.arm);
      sum += welchTTest(a.control, a.treatment).relativeEffect!.estimate / 40;
    }
    return sum;
  };
  // Expected μ ratio: user design (1 + 0.1 + 0.1)/(1 + 0.1) − 1 = 0.0909; cluster design 0.3.
  // 40 runs: the mean's standard error is about 0.006.
  assertClose(mean("user"), 0.1 / 1.1, { abs: 0.02 });
  assertClose(mean("cluster"), 0.3, { abs: 0.025 });
});

Deno.test("cluster-randomised A/A tests need the cluster-level analysis", () => {
  let users = 0, clusters = 0;
  for (let seed = 0; seed < 200; seed++) {
    const r = simulateNetworkExperiment(
      { clusters: 60, directEffect: 0, spillover: 0, clusterSd: 0.5, design: "cluster" },
      { seed },
    );
    const a = splitByArm(r.value, r.arm);
    if (welchTTest(a.control, a.treatment).significant) users++;
    const c = clusterMeans(r.value, r.cluster, r.arm), ca = splitByArm(c.mean, c.arm);
    if (welchTTest(ca.control, ca.treatment).significant) clusters++;
  }
  // 200 runs: a valid test rejects 0.05 ± 0.046 (3 sd); the user-level one far more.
  assert.ok(clusters / 200 < 0.096, `cluster level ${clusters / 200}`);
  assert.ok(users / 200 > 0.25, `user level ${users / 200}`);
});

Deno.test("simulateNetworkExperiment() validates its options", () => {
  assert.throws(() => simulateNetworkExperiment({ clusterSize: 1 }, { seed: 1 }), {
    name: "RangeError",
    message: /Cannot run simulateNetworkExperiment: clusterSize must be/,
  });
  assert.throws(
    () => simulateNetworkExperiment({ design: "page" as never }, { seed: 1 }),
    RangeError,
  );
  assert.throws(() => simulateNetworkExperiment({ baseline: 0 }, { seed: 1 }), RangeError);
  assert.throws(() => simulateNetworkExperiment({}, {} as never), TypeError);
});
