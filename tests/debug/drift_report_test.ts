import assert from "node:assert/strict";
import {
  driftChart,
  driftFalseAlarmRates,
  driftReport,
  ksTwoSample,
  populationStabilityIndex,
} from "@lib/debug/mod.ts";
import { createRng } from "@lib/random/mod.ts";

const rng = createRng(3);
const normal = (n: number, mean = 0) => Array.from({ length: n }, () => rng.normal(mean, 1));

Deno.test("driftReport() flags the shifted feature only and agrees with the statistics", () => {
  const ref = { a: normal(1000), b: normal(1000) };
  const live = { a: normal(1000, 0.8), b: normal(1000) };
  const report = driftReport(ref, live);
  assert.deepEqual(report.map((r) => r.feature), ["a", "b"]);
  assert.deepEqual(report[0].alarms, { psi: true, ks: true, js: true });
  assert.deepEqual(report[1].alarms, { psi: false, ks: false, js: false });
  assert.equal(report[0].psi, populationStabilityIndex(ref.a, live.a).psi);
  assert.equal(report[0].ksPValue, ksTwoSample(ref.a, live.a).pValue);
});

Deno.test("driftFalseAlarmRates() gives KS about alpha without drift", () => {
  const [r] = driftFalseAlarmRates({ x: normal(1500) }, { liveSize: 500, repeats: 400, seed: 9 });
  // 400 splits at alpha = 0.05: the rate's binomial sd is 0.011.
  assert.ok(r.ks > 0.01 && r.ks < 0.09, `ks false-alarm rate ${r.ks}`);
  assert.equal(r.psi, 0); // PSI noise at these sizes is ≈ 9·(1/500 + 1/1000) = 0.027 < 0.2
});

Deno.test("driftFalseAlarmRates() is reproducible from the seed", () => {
  const x = normal(300);
  assert.deepEqual(
    driftFalseAlarmRates({ x }, { liveSize: 100, repeats: 20, seed: 4 }),
    driftFalseAlarmRates({ x }, { liveSize: 100, repeats: 20, seed: 4 }),
  );
});

Deno.test("driftReport(), driftFalseAlarmRates() and driftChart() reject bad input", () => {
  assert.throws(() => driftReport({ a: [1, 2, 3] }, { b: [1] }, { bins: 2 }), {
    message: 'Cannot compute driftReport: live must have the feature "a"',
  });
  assert.throws(() => driftReport({}, {}), {
    message: "Cannot compute driftReport: reference must have at least one feature",
  });
  assert.throws(() => driftReport({ a: [1, 2] }, { a: [1] }, { ksAlpha: 1 }), {
    message: "Cannot compute driftReport: ksAlpha must be strictly between 0 and 1, got 1",
  });
  assert.throws(() => driftFalseAlarmRates({ a: [1, 2, 3] }, { liveSize: 2, seed: 1 }), {
    message:
      'Cannot compute driftFalseAlarmRates: reference "a" must have at least liveSize + bins = 12 values, got 3',
  });
  assert.throws(() => driftFalseAlarmRates({ a: normal(50) }, { liveSize: 10 }), TypeError);
  assert.throws(() => driftChart([]), {
    message: "Cannot build driftChart: report must be a non-empty array of driftReport rows",
  });
});
